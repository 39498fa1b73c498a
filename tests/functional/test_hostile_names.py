"""Names, companies and positions written by strangers, driven through every screen and command.

The people in a network type their own profile text. Escape sequences there must never reach the
user's terminal (an OSC 52 would write the clipboard, an OSC 0 retitle the window), and brackets
must never act as Textual markup (a `[@click=app.quit]` would become a button that quits).
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from prune.core.state.store import Store
from prune.tui.app import PruneApp

from testkit.commands import run_cli
from testkit.exports import connections_text
from testkit.tui import build_app, loaded

HOSTILE = (
    'Esc\x1b[2J,Mal,https://www.linkedin.com/in/esc,,"[/]",[@click=app.quit]Click me[/],'
    "07 Mar 2024",
    "Osc\x1b]52;c;aGVsbG8=\x07,Clip,https://www.linkedin.com/in/osc,,Acme,Engineer [Remote],"
    "01 Feb 2023",
    "[bold]Mal[/bold],Title\x1b]0;pwned\x07,https://www.linkedin.com/in/mal,,Initech,CTO,"
    "01 Feb 2022",
)
CONTROL_BYTES = (b"\x1b", b"\x07", b"\x9b", b"\x9d")
# What must be on screen, as typed minus the control characters (SVG spaces are &#160;).
LITERALS = ("Esc[2J", "[@click=app.quit]Click", "[/]", "[Remote]", "[bold]Mal[/bold]", "]0;pwned")


def screen_svg(app: PruneApp) -> str:
    return app.export_screenshot()


def assert_shown_as_written(svg: str, *literals: str) -> None:
    for control in ("\x1b", "\x07"):
        assert control not in svg
    for literal in literals:
        assert literal in svg, literal


async def settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_hostile_text_is_plain_text_on_the_card_the_list_and_the_farewells(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, *HOSTILE)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        seen = screen_svg(app)
        for _ in HOSTILE[1:]:  # two marked for disconnecting, one still to review
            await pilot.press("x")
            await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert_shown_as_written(screen_svg(app), *LITERALS)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        farewells = screen_svg(app)
        assert_shown_as_written(farewells, "[bold]Mal[/bold]")
        assert app.is_running  # no click target quit the app
    assert_shown_as_written(seen, "[bold]Mal[/bold]", "]0;pwned")  # the oldest card came first


def test_no_command_prints_a_control_character_from_the_export(
    tmp_path: Path, state_dir: Path
) -> None:
    older = tmp_path / "older.csv"
    older.write_text(connections_text(*HOSTILE[:2]))
    newer = tmp_path / "Connections.csv"
    newer.write_text(connections_text(*HOSTILE[1:]))
    outputs = [run_cli("import", str(older)), run_cli("import", str(newer))]
    assert all(result.code == 0 for result in outputs), [result.err for result in outputs]
    with Store.open(state_dir) as store:  # two of them marked for disconnecting
        for key in ("url:in/osc", "url:in/mal"):
            store.save_decision(key, "test", verdict="disconnect")
            store.save_farewell(key, tone="warm")  # flagged profiles start without a message
    for fmt in ("csv", "json", "md", "urls", "names"):
        outputs.append(run_cli("export", "--list", "all", "--format", fmt))
    outputs += [
        run_cli("export", "--list", "past"),
        run_cli("stats"),
        run_cli("stats", "--json"),
        run_cli("changes"),
        run_cli("changes", "--json"),
        run_cli("snapshots"),
        run_cli("farewells"),
    ]
    for result in outputs:
        for control in CONTROL_BYTES:
            assert control not in result.out_bytes + result.err_bytes, result.out
    names = run_cli("export", "--list", "all", "--format", "names").out
    assert "[bold]Mal[/bold]\tTitle]0;pwned" in names
    assert "Esc[2J\tMal" in run_cli("export", "--list", "past", "--format", "names").out
    farewells = run_cli("farewells").out
    assert "Hi [bold]Mal[/bold]," in farewells and "Hi Osc]52;c;aGVsbG8=," in farewells


ESCAPED_URL = (
    "Jürgen,Ode,https://www.linkedin.com/in/j%C3%BCrgen%1B%5D0%3Bpwned%07,,Acme,CTO,07 Mar 2024"
)


async def test_a_profile_url_reads_decoded_but_its_escaped_control_bytes_stay_out(
    tmp_path: Path,
) -> None:
    app = build_app(tmp_path, ESCAPED_URL)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        card = screen_svg(app)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        farewells = screen_svg(app)
    for svg in (card, farewells):
        assert_shown_as_written(svg, "in/jürgen]0;pwned")
