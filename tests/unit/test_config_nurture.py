"""The `[nurture]` cadences and `[invitations] stale_after` settings, and their notices."""

from __future__ import annotations

from pathlib import Path

from prune.core.config import ensure_config, load_config
from prune.core.nurture.tiers import Cadences
from prune.core.periods import Period


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_fresh_file_holds_the_built_in_cadences(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "config.toml"
    config = ensure_config(path)
    assert config.problems == []
    text = path.read_text(encoding="utf-8")
    assert '[nurture]\nclose = "3 months"\nknown = "1 year"\nkept = "never"' in text
    assert '[invitations]\nstale_after = "3 weeks"' in text
    assert (config.cadences, config.stale_after) == (Cadences(), Period(3, "week"))


def test_cadences_and_staleness_are_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[nurture]\nclose = "6 weeks"\nkept = "2 years"\n\n'
        '[invitations]\nstale_after = "10 days"\n',
    )
    config = load_config(path)
    assert config.problems == []
    assert config.cadences == Cadences(close=Period(6, "week"), kept=Period(2, "year"))
    assert config.stale_after == Period(10, "day")


def test_bad_values_are_explained_and_the_built_in_ones_used(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[nurture]\nclose = "often"\nfriends = "1 month"\n\n'
        '[invitations]\nstale_after = "never"\nwhen = 3\n',
    )
    config = load_config(path)
    assert config.problems == [
        f"{path}, line 2, [nurture] close: 'often' is not a span of time; write \"10 days\", "
        '"3 weeks", "3 months", "1 year" or "never"; 3 months is used',
        f"{path}, line 3, [nurture] friends: not a tier prune knows (it has close, known, kept); "
        "it is ignored",
        f"{path}, line 6, [invitations] stale_after: 'never' is not allowed here; write a span "
        'such as "3 weeks"; 3 weeks is used',
        f"{path}, line 7, [invitations] when: not a setting prune knows (it has stale_after); "
        "it is ignored",
    ]
    assert config.cadences == Cadences()
    assert config.stale_after == Period(3, "week")
