"""Evidence from the full archive on the card, as the user meets it."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store
from prune.demo import write_sample_export
from prune.tui.app import make_app
from prune.tui.copying import no_system_clipboard
from prune.tui.screens.evidence_screen import EvidenceScreen

from testkit.tui import TODAY, card_name, loaded, store_of, text_of


@pytest.fixture(scope="module")
def sample_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_export(tmp_path_factory.mktemp("sample"), connections=120)


def sample_app(tmp_path: Path, archive: Path, **options):
    store = Store.open(tmp_path / "state")
    snapshot_id = record_export(store, parse_export(archive)).outcome.snapshot.id
    store.close()
    return make_app(
        data_dir=tmp_path / "state",
        snapshot_id=snapshot_id,
        config_path=tmp_path / "config.toml",
        today=TODAY,
        system_copy=no_system_clipboard,
        **options,
    )


async def test_likely_disconnects_come_first_with_their_reason(
    tmp_path: Path, sample_archive: Path
) -> None:
    app = sample_app(tmp_path, sample_archive)
    async with app.run_test(size=(110, 36)) as pilot:
        await loaded(pilot)
        session = app.review.session
        first = session.view(session.queue[0])
        assert first.reasons  # the card says why this contact comes first
        assert text_of(app, "#reasons").startswith("why first: ")
        scores = [session._insights[key]["score"] for key in session.queue[1:6]]
        assert scores == sorted(scores, reverse=True)


async def test_enter_accepts_what_the_messages_prove(tmp_path: Path, sample_archive: Path) -> None:
    app = sample_app(tmp_path, sample_archive)
    async with app.run_test(size=(110, 36)) as pilot:
        await loaded(pilot)
        session = app.review.session
        talked = next(key for key, row in session._insights.items() if row["proves_interaction"])
        session.jump_to(talked)
        app.review.refresh_card()
        await pilot.pause()
        assert "messages" in text_of(app, "#evidence") or "endorse" in text_of(app, "#evidence")
        assert "Suggested: keep" in text_of(app, "#verdict")
        name = card_name(app)
        await pilot.press("space")
        assert isinstance(app.screen, EvidenceScreen)
        assert "What the archive says about " + name in str(app.screen.query_one("#title").visual)
        await pilot.press("escape")
        await pilot.press("enter")
        assert card_name(app) != name
    saved = store_of(tmp_path).decision(talked)
    assert (saved.verdict, saved.interacted) == ("keep", "yes")


async def test_a_broken_archive_never_stops_the_review(
    tmp_path: Path, sample_archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = sample_app(tmp_path, sample_archive)

    def broken(snapshot, contacts: pl.DataFrame):
        raise OSError("the disk went away")

    monkeypatch.setattr(app, "load_evidence", broken)
    async with app.run_test(size=(110, 36)) as pilot:
        await loaded(pilot)
        assert "could not be read" in text_of(app, "#evidence")
        messages = [notification.message for notification in app._notifications]
        assert any("the disk went away" in message for message in messages)
        await pilot.press("k")
        assert "1 / " in text_of(app, "#reviewed")
