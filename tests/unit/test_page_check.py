"""The review's store checks its pages beside the first card: the file is still never written
before the check has passed, and damage still ends in the one line that says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from prune.core.state.damage import StoreDamaged
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store
from prune.demo import write_sample_export

from testkit.damage import digest, overwrite_middle_pages


def imported_state(tmp_path: Path) -> Path:
    folder = tmp_path / "state"
    export = write_sample_export(tmp_path / "export", as_zip=False)
    with Store.open(folder) as store:
        record_export(store, parse_export(export))
    return folder


def test_a_damaged_page_found_later_stops_every_write_and_the_file_is_untouched(
    tmp_path: Path,
) -> None:
    folder = imported_state(tmp_path)
    path = folder / "prune.sqlite3"
    overwrite_middle_pages(path)
    before = digest(path)
    store = Store.open(folder, check_pages_later=True)  # opens: the check runs beside
    try:
        with pytest.raises(StoreDamaged, match=r"is damaged .* move it aside"):
            store.pages_checked()
        with pytest.raises(StoreDamaged):
            store.set_setting("review.rule", "favour")
        with pytest.raises(StoreDamaged):
            store.save_decision("url:in/anyone", "keep", verdict="keep")
    finally:
        store.close()
    assert digest(path) == before
    with pytest.raises(StoreDamaged):  # and the next open, checked at once, says the same
        Store.open(folder)


def test_a_sound_file_opened_to_check_later_takes_writes_as_ever(tmp_path: Path) -> None:
    folder = imported_state(tmp_path)
    with Store.open(folder, check_pages_later=True) as store:
        store.save_decision("url:in/anyone", "keep", verdict="keep")
        store.pages_checked()  # passed: nothing raised
    with Store.open(folder) as store:
        assert store.decision("url:in/anyone").verdict == "keep"
