"""Evidence from the full archive on the card, as the user meets it."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from textual.widgets import OptionList

from prune.core.evidence.cache import load_or_compute
from prune.core.evidence.card_insights import insights
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store
from prune.demo import write_sample_export
from prune.tui import loading
from prune.tui.app import make_app
from prune.tui.copying import no_system_clipboard
from prune.tui.screens.evidence_screen import EvidenceScreen

from testkit.tui import (
    TODAY,
    card_name,
    card_row,
    help_lines,
    loaded,
    progress_line,
    shown,
    store_of,
    text_of,
    toasts,
)


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


def card_facts(tmp_path: Path) -> pl.DataFrame:
    """What the archive says of each contact (score, proof), with the name and role on its card."""
    store = store_of(tmp_path)
    snapshot = store.latest_snapshot()
    contacts = store.contacts(snapshot.id)
    store.close()
    evidence = load_or_compute(tmp_path / "state", snapshot, contacts)
    shown = contacts.select(
        "key",
        pl.concat_str(["first_name", "last_name"], separator=" ", ignore_nulls=True).alias("name"),
        pl.concat_str(["position", "company"], separator=" · ", ignore_nulls=True).alias("role"),
    )
    return insights(evidence, today=TODAY).join(shown, on="key")


async def test_likely_disconnects_come_first_with_their_reason(
    tmp_path: Path, sample_archive: Path
) -> None:
    app = sample_app(tmp_path, sample_archive)
    seen: list[tuple[str, str]] = []
    async with app.run_test(size=(110, 36)) as pilot:
        await loaded(pilot)
        assert card_row(app, "reasons").startswith("why first: ")  # says why this one is first
        for _ in range(6):
            seen.append((card_name(app), card_row(app, "role")))
            await pilot.press("l")
    facts = card_facts(tmp_path)
    score = {
        (row["name"], row["role"] or "no position or company listed"): row["score"]
        for row in facts.iter_rows(named=True)
    }
    # The first card was on screen before the evidence came and stays; the rest follow the score.
    scores = [score[card] for card in seen[1:]]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == facts["score"].max()


async def test_enter_accepts_what_the_messages_prove(tmp_path: Path, sample_archive: Path) -> None:
    app = sample_app(tmp_path, sample_archive)
    async with app.run_test(size=(110, 36)) as pilot:
        await loaded(pilot)
        facts = card_facts(tmp_path)
        unique = facts.filter(pl.col("name").is_unique() & pl.col("proves_interaction"))
        talked, name = unique.row(0, named=True)["key"], unique.row(0, named=True)["name"]
        await pilot.press("slash", *name)
        results = app.screen.query_one(OptionList)
        index = next(
            i for i in range(results.option_count) if results.get_option_at_index(i).id == talked
        )
        await pilot.press("down", *["down"] * index, "enter")
        assert card_name(app) == name
        assert "messages" in card_row(app, "evidence") or "endorse" in card_row(app, "evidence")
        assert "Suggested: keep" in card_row(app, "verdict")
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

    def broken(data_dir: Path, snapshot, contacts: pl.DataFrame):
        raise OSError("the disk went away")

    monkeypatch.setattr(loading, "load_or_compute", broken)
    async with app.run_test(size=(110, 36), notifications=True) as pilot:
        await loaded(pilot)
        assert "could not be read" in card_row(app, "evidence")
        # Said on the notices line under the header, never in a toast over the card.
        assert not any("the disk went away" in toast for toast in toasts(app))
        assert text_of(app, "#notices-line") == "! 1 notice about this export  ·  ! shows it"
        await pilot.press("exclamation_mark")
        assert any("the disk went away" in line for line in help_lines(app))
        await pilot.press("escape")
        await pilot.press("k")
        assert "1 / " in progress_line(app, "reviewed")


async def test_the_invented_archive_opens_without_notices(
    tmp_path: Path, sample_archive: Path
) -> None:
    app = sample_app(tmp_path, sample_archive)
    async with app.run_test(size=(110, 36), notifications=True) as pilot:
        await loaded(pilot)
        assert not shown(app, "#notices-line")
        assert toasts(app) == []
