"""The Invitations and Nurture screens, driven with the keys a user presses."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store
from prune.tui.app import PruneApp, make_app
from prune.tui.copying import no_system_clipboard
from prune.tui.screens.invitations_screen import InvitationsScreen
from prune.tui.screens.nurture_screen import NurtureScreen
from prune.tui.widgets.contact_table import ContactTable

from testkit.exports import connections_text
from testkit.tui import TODAY, loaded

ROBIN = "https://www.linkedin.com/in/robin-owner"
ANA = "Ana,Doe,https://www.linkedin.com/in/ana-doe,,Acme,CTO,07 Mar 2020"
BO = "Bo,Li,https://www.linkedin.com/in/bo-li,,Globex,Dev,01 Sep 2026"
REX = "Rex,Cruiter,https://www.linkedin.com/in/rex,,Sales Inc,SDR,01 Nov 2026"
INVITATIONS = "\n".join(
    [
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl",
        f'Rex Cruiter,Robin Owner,"10/30/26, 7:00 AM","Loved your talk, [b]really[/b].",INCOMING,'
        f"https://www.linkedin.com/in/rex,{ROBIN}",
        f'Robin Owner,Olaf Old,"9/1/26, 9:00 AM",,OUTGOING,{ROBIN},https://www.linkedin.com/in/olaf',
    ]
)


def import_folder(tmp_path: Path, name: str, *rows: str) -> int:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "Connections.csv").write_text(connections_text(*rows))
    (folder / "Invitations.csv").write_text(INVITATIONS)
    with Store.open(tmp_path / "state") as store:
        return record_export(store, parse_export(folder)).outcome.snapshot.id


def app_on(tmp_path: Path, snapshot_id: int) -> PruneApp:
    return make_app(
        data_dir=tmp_path / "state",
        snapshot_id=snapshot_id,
        config_path=tmp_path / "config.toml",
        today=TODAY,
        system_copy=no_system_clipboard,
    )


def shown(app: PruneApp, part: str) -> str:
    return str(app.screen.query_one(f"#invitation-{part}", Static).visual)


async def test_invitation_review_stores_answers_and_undoes(tmp_path: Path) -> None:
    app = app_on(tmp_path, import_folder(tmp_path, "one", ANA, BO))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, InvitationsScreen)
        assert shown(app, "name") == "Rex Cruiter"
        # The note in full, as written: the brackets are text, not markup.
        assert shown(app, "note") == "Note: Loved your talk, [b]really[/b]."
        assert "Do you know them?" in shown(app, "question")
        await pilot.press("y")  # the "any" rule keeps on a first yes: accept
        with Store.open(tmp_path / "state") as store:
            record = store.invitation_decisions().get("url:in/rex")
            assert record is not None and (record.decision, record.known) == ("accept", "yes")
        # Moved on to the stale outgoing invitation, listed as withdraw.
        assert shown(app, "name") == "Olaf Old"
        assert "Withdraw (older than 3 weeks)" in shown(app, "decision")
        await pilot.press("u")
        assert shown(app, "name") == "Rex Cruiter"
        assert "undecided" in shown(app, "decision")
        with Store.open(tmp_path / "state") as store:
            assert store.invitation_decisions().get("url:in/rex") is None
        await pilot.press("x")
        await pilot.press("escape")
        assert not isinstance(app.screen, InvitationsScreen)
    with Store.open(tmp_path / "state") as store:
        record = store.invitation_decisions().get("url:in/rex")
        assert record is not None and record.decision == "ignore"


async def test_a_later_import_turns_the_pending_person_into_a_connection(tmp_path: Path) -> None:
    import_folder(tmp_path, "one", ANA, BO)
    app = app_on(tmp_path, import_folder(tmp_path, "two", ANA, BO, REX))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("i")
        assert shown(app, "name") == "Olaf Old"  # Rex is a connection now: not pending
        assert "1 of 1" in str(app.screen.query_one("#title", Static).visual)


async def test_nurture_lists_the_kept_and_r_records_reaching_out(tmp_path: Path) -> None:
    snapshot_id = import_folder(tmp_path, "one", ANA, BO)
    with Store.open(tmp_path / "state") as store:
        store.save_decision("url:in/ana-doe", "test", verdict="keep", favour="yes")
        store.save_decision("url:in/bo-li", "test", verdict="keep", known="yes")
    app = app_on(tmp_path, snapshot_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("N")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, NurtureScreen)
        table = app.screen.query_one(ContactTable)
        # No messages: the day of connecting decides; Ana connected first.
        assert [table.row(i)[:3] for i in range(table.row_count)] == [
            ("due", "close", "Ana Doe"),
            ("", "known", "Bo Li"),
        ]
        await pilot.press("r")
        assert [table.row(i)[2] for i in range(table.row_count)] == ["Bo Li", "Ana Doe"]
        assert table.row(1)[5] == TODAY.isoformat()
        assert table.row(1)[0] == ""  # no longer due
        table.cursor_row = 1
        await pilot.press("e")
        await pilot.press(*"her new team", "enter")
        assert "talked about: her new team" in str(
            app.screen.query_one("#nurture-detail", Static).visual
        )
    with Store.open(tmp_path / "state") as store:
        record = store.outreach().get("url:in/ana-doe")
        assert (record.reached_out_on, record.talked_about) == (TODAY, "her new team")


async def test_nurture_says_in_one_line_when_the_evidence_cannot_be_read(
    tmp_path: Path, monkeypatch
) -> None:
    snapshot_id = import_folder(tmp_path, "one", ANA)
    with Store.open(tmp_path / "state") as store:
        store.save_decision("url:in/ana-doe", "test", verdict="keep")

    def unreadable(*_args: object) -> None:
        raise OSError("the export folder was moved: import it again")

    monkeypatch.setattr("prune.tui.screens.nurture_screen.load_or_compute", unreadable)
    app = app_on(tmp_path, snapshot_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("N")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        title = str(app.screen.query_one("#title", Static).visual)
        assert "the evidence could not be read: the export folder was moved" in title
        assert app.is_running and isinstance(app.screen, NurtureScreen)
