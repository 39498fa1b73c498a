"""Setting one value in config.toml from the app keeps what the user wrote around it."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest

from prune.core.config.editing import ConfigEditError, set_config_value
from prune.core.config.loading import load_config, write_default_config


def test_a_value_set_in_the_default_file_is_read_back_and_the_comments_stay(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    write_default_config(path)
    before = path.read_text()
    set_config_value(path, "you", "first_name", "Ana")
    after = path.read_text()
    assert load_config(path).first_name == "Ana"
    assert [line for line in before.splitlines() if line.startswith("#")] == [
        line for line in after.splitlines() if line.startswith("#")
    ]
    assert len(after.splitlines()) == len(before.splitlines())


def test_a_missing_table_is_appended_and_a_key_needing_quotes_is_quoted(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('# mine\n[review]\nrule = "any"  # my rule\n')
    set_config_value(path, "filters", "old recruiters", 'position:"talent partner" -verdict:keep')
    set_config_value(path, "filters", "old recruiters", "position:recruiter")
    document = tomllib.loads(path.read_text())
    assert document["filters"] == {"old recruiters": "position:recruiter"}
    assert path.read_text().startswith('# mine\n[review]\nrule = "any"  # my rule\n')


def test_a_key_goes_into_its_own_table_not_the_next_one(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[you]\n\n[keys]\n"review.keep" = "K"\n')
    set_config_value(path, "you", "first_name", "Ana")
    document = tomllib.loads(path.read_text())
    assert document == {"you": {"first_name": "Ana"}, "keys": {"review.keep": "K"}}


def test_a_file_that_is_not_toml_is_left_exactly_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[you\nfirst_name = 'x'\n")
    with pytest.raises(ConfigEditError, match="not valid TOML"):
        set_config_value(path, "you", "first_name", "Ana")
    assert path.read_text() == "[you\nfirst_name = 'x'\n"


def test_a_layout_the_editor_cannot_follow_is_refused_not_damaged(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    original = 'you = { first_name = "Bo" }\n'
    path.write_text(original)
    with pytest.raises(ConfigEditError, match="edit it by hand"):
        set_config_value(path, "you", "first_name", "Ana")
    assert path.read_text() == original


def test_a_new_file_is_readable_by_the_user_only(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    set_config_value(path, "you", "first_name", "Ana")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_config(path).first_name == "Ana"
