"""The first launch without the user's name asks for it once, as a new user meets it."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Input

from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store
from prune.demo import write_sample_export
from prune.tui.app import PruneApp, make_app
from prune.tui.first_name import ASKED_SETTING
from prune.tui.screens.name_screen import NameScreen
from prune.tui.screens.review_screen import ReviewScreen

from testkit.exports import connections_text
from testkit.tui import TODAY, error_toasts, loaded, text_of

ROWS = (
    "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024",
    "Cy,Ng,https://www.linkedin.com/in/cy,,Initech,Product manager,01 Feb 2015",
)
MESSAGES = "\n".join(
    [
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT",
        "c1,,Ana Doe,https://www.linkedin.com/in/ana,Kim Owner,2022-05-01 10:00:00 UTC,,Hi,",
        "c1,,Kim Owner,https://www.linkedin.com/in/kim,Ana Doe,2022-05-02 10:00:00 UTC,,Yo,",
        "c2,,Kim Owner,https://www.linkedin.com/in/kim,Cy Ng,2022-05-03 10:00:00 UTC,,Hey,",
    ]
)


def first_launch(tmp_path: Path, *, messages: bool = False, config: str | None = None) -> PruneApp:
    """An export without Profile.csv (with messages.csv when asked), opened as `prune review`."""
    folder = tmp_path / "export"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Connections.csv").write_text(connections_text(*ROWS))
    if messages:
        (folder / "messages.csv").write_text(MESSAGES + "\n")
    if config is not None:
        (tmp_path / "config.toml").write_text(config)
    with Store.open(tmp_path / "state") as store:
        snapshot = record_export(store, parse_export(folder)).outcome.snapshot
    return again(tmp_path, snapshot.id)


def again(tmp_path: Path, snapshot_id: int = 1) -> PruneApp:
    return make_app(
        data_dir=tmp_path / "state",
        snapshot_id=snapshot_id,
        config_path=tmp_path / "config.toml",
        today=TODAY,
        ask_first_name=True,
    )


def saved_first_name(tmp_path: Path) -> str:
    with (tmp_path / "config.toml").open("rb") as file:
        return str(tomllib.load(file)["you"]["first_name"])


async def signed_farewell(pilot) -> str:
    """Mark the card on screen disconnect, go back to it and read its farewell."""
    await pilot.press("x", "u")
    await pilot.press("x", "slash", *"cy", "enter")
    return text_of(pilot.app, "#farewell")


async def test_the_name_given_is_saved_and_signs_the_farewells_at_once(tmp_path: Path) -> None:
    app = first_launch(tmp_path)
    async with app.run_test(size=(100, 36)) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, NameScreen)
        assert app.screen.query_one(Input).value == ""  # nothing to guess from
        await pilot.press(*"Robin", "enter")
        assert isinstance(app.screen, ReviewScreen)
        assert (await signed_farewell(pilot)).endswith("Warm wishes,\nRobin")
    assert saved_first_name(tmp_path) == "Robin"
    async with again(tmp_path).run_test(size=(100, 36)) as pilot:
        await loaded(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen)  # asked once only


async def test_escape_skips_and_the_question_is_not_asked_again(tmp_path: Path) -> None:
    app = first_launch(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, NameScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        assert (await signed_farewell(pilot)).endswith("Warm wishes")
    assert saved_first_name(tmp_path) == ""
    with Store.open(tmp_path / "state") as store:
        assert store.setting(ASKED_SETTING) == "skipped"
    async with again(tmp_path).run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen)


async def test_the_owner_guessed_from_the_messages_is_suggested(tmp_path: Path) -> None:
    app = first_launch(tmp_path, messages=True)
    async with app.run_test(size=(100, 36)) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, NameScreen)
        assert app.screen.query_one(Input).value == "Kim"  # the person in most messages
        await pilot.press("enter")
        assert (await signed_farewell(pilot)).endswith("\nKim")
    assert saved_first_name(tmp_path) == "Kim"


async def test_settings_that_cannot_be_saved_say_so_and_the_name_still_signs(
    tmp_path: Path,
) -> None:
    app = first_launch(tmp_path, config="[you\nfirst_name = \n")  # not TOML: never overwritten
    async with app.run_test(size=(100, 36), notifications=True) as pilot:
        await loaded(pilot)
        app.clear_notifications()
        await pilot.press(*"Robin", "enter")
        await pilot.pause()
        errors = error_toasts(app)
        assert len(errors) == 1 and "was not saved" in errors[0] and "not valid TOML" in errors[0]
        assert (await signed_farewell(pilot)).endswith("\nRobin")
    assert (tmp_path / "config.toml").read_text() == "[you\nfirst_name = \n"


async def test_a_configured_name_or_the_demo_never_asks(tmp_path: Path) -> None:
    app = first_launch(tmp_path / "configured", config='[you]\nfirst_name = "Robin"\n')
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen)
    demo = tmp_path / "demo"
    archive = write_sample_export(demo / "export")
    with Store.open(demo / "state") as store:
        snapshot = record_export(store, parse_export(archive)).outcome.snapshot
    assert snapshot.owner_first_name  # the invented archive has a Profile.csv
    async with again(demo, snapshot.id).run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen)
