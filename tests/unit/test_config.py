"""The settings file: written on first run, read back, bad content explained (never fatal), and
the farewell settings of a run built from it."""

from __future__ import annotations

import stat
import tomllib
from datetime import date
from pathlib import Path

import pytest

from prune.core.config import (
    Config,
    default_document,
    ensure_config,
    load_config,
    my_first_name,
    write_default_config,
)
from prune.core.farewell.tones import BUILTIN_TONES
from prune.core.state.importing import parse_export, record_export
from prune.core.state.store import Store
from prune.demo import write_sample_export

from testkit.exports import connections_text


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "config.toml"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_first_run_writes_a_private_file_that_reads_back_equal(config_path: Path) -> None:
    config = ensure_config(config_path)
    assert config_path.exists()
    assert stat.S_IMODE(config_path.stat().st_mode) == 0o600
    assert tomllib.loads(config_path.read_text(encoding="utf-8")) == default_document()
    assert config.problems == []
    assert config.tones == BUILTIN_TONES
    assert config.default_tone == "warm"
    text = config_path.read_text(encoding="utf-8")
    assert "[farewell.tones.warm]" in text and "{first_name}" in text
    assert '"""' in text  # long texts are written as readable multi-line strings


def test_an_existing_file_is_never_overwritten(config_path: Path) -> None:
    write(config_path, '[farewell]\ndefault_tone = "brief"\n')
    assert write_default_config(config_path) is False
    assert ensure_config(config_path).default_tone == "brief"
    assert config_path.read_text() == '[farewell]\ndefault_tone = "brief"\n'


def test_bad_toml_names_the_file_and_line_and_uses_every_built_in(config_path: Path) -> None:
    write(
        config_path,
        '[farewell]\ndefault_tone = "brief"\n\n[farewell.tones.warm]\ntext = "unclosed\n',
    )
    config = load_config(config_path)
    assert len(config.problems) == 1
    problem = config.problems[0]
    assert str(config_path) in problem
    assert "line 5" in problem
    assert "not valid TOML" in problem
    assert config.tones == BUILTIN_TONES
    assert config.default_tone == "warm"


def test_an_unknown_placeholder_names_file_line_and_key_and_falls_back(config_path: Path) -> None:
    write(
        config_path,
        "[review]\n"
        'rule = "any"\n'
        "\n"
        "[farewell.tones.warm]\n"
        'text = """\n'
        "Hello {first_name},\n"
        "see you, {nickname}\n"
        '"""\n'
        "\n"
        "[farewell.tones.brief]\n"
        'text = "Bye[ {first_name}]!"\n',
    )
    config = load_config(config_path)
    assert config.problems == [
        f"{config_path}, line 7, [farewell.tones.warm] text: unknown placeholder {{nickname}}; "
        "the built-in warm text is used"
    ]
    assert config.tones["warm"] == BUILTIN_TONES["warm"]
    assert config.tones["brief"] == "Bye[ {first_name}]!"  # the good override still applies


def test_a_tone_of_megabytes_is_checked_and_its_fault_located(config_path: Path) -> None:
    """A huge text (pasted by mistake, say) costs time in proportion to its size, not its square."""
    line = "Hi[ {first_name}], all the best at {company}; [{years}] {{braces}} [[brackets]].\n"
    half = line * 6_000  # half a megabyte each side of the fault
    write(
        config_path,
        '[farewell.tones.huge]\ntext = """\n' + half + "see you, {nickname}\n" + half + '"""\n',
    )
    config = load_config(config_path)
    assert config.problems == [
        f"{config_path}, line 6003, [farewell.tones.huge] text: unknown placeholder "
        "{nickname}; the huge tone is left out"
    ]
    assert "huge" not in config.tones


def test_farewell_settings_carry_the_tones_the_default_and_the_name(config_path: Path) -> None:
    write(
        config_path,
        '[you]\nfirst_name = "Sam"\n\n[farewell]\ndefault_tone = "cheerful"\n\n'
        '[farewell.tones.cheerful]\ntext = "Cheerio[ {first_name}]!"\n',
    )
    settings = load_config(config_path).farewell_settings(None, date(2026, 11, 2))
    assert list(settings.templates) == ["warm", "brief", "formal", "cheerful"]
    assert settings.default_tone == "cheerful" and settings.tone_of(None) == "cheerful"
    assert settings.my_name == "Sam"  # no snapshot, so no Profile.csv: the config's name
    assert settings.today == date(2026, 11, 2)
    assert Config().farewell_settings(None, date(2026, 11, 2)).my_name is None


def test_a_users_own_tone_is_added_after_the_built_ins(config_path: Path) -> None:
    write(
        config_path,
        '[farewell]\ndefault_tone = "cheerful"\n\n'
        '[farewell.tones.cheerful]\ntext = "Cheerio[ {first_name}]!"\n',
    )
    config = load_config(config_path)
    assert config.problems == []
    assert list(config.tones) == ["warm", "brief", "formal", "cheerful"]
    assert config.default_tone == "cheerful"


def test_a_faulty_own_tone_is_left_out_with_a_reason(config_path: Path) -> None:
    write(config_path, '[farewell.tones.odd]\ntext = "Bye [friend]"\n')
    config = load_config(config_path)
    assert "odd" not in config.tones
    assert len(config.problems) == 1
    assert "line 2, [farewell.tones.odd] text" in config.problems[0]
    assert "the odd tone is left out" in config.problems[0]


def test_a_tone_named_no_message_is_left_out_since_t_offers_that_choice(
    config_path: Path,
) -> None:
    write(config_path, '[farewell.tones."no message"]\ntext = "Bye"\n')
    config = load_config(config_path)
    assert "no message" not in config.tones
    assert len(config.problems) == 1 and "sends nothing" in config.problems[0]


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("[farewell.tones.warm]\ntext = 42\n", "line 2, [farewell.tones.warm] text: must be text"),
        ("[farewell.tones.warm]\ntxt = 'Hi'\n", "line 1, [farewell.tones.warm]: has no text"),
        ("[farewell.tones]\nwarm = 'Hi'\n", "line 2, [farewell.tones] warm: must be a table"),
        ('[farewell]\ndefault_tone = "chirpy"\n', "line 2, [farewell] default_tone: 'chirpy'"),
        ('[farewell]\ndefault-tone = "brief"\n', "line 2, [farewell] default-tone: not a setting"),
        ('farewell = "warm"\n', "line 1, [farewell]: must be a table"),
    ],
)
def test_wrong_values_are_explained_and_built_ins_used(
    config_path: Path, toml: str, expected: str
) -> None:
    write(config_path, toml)
    config = load_config(config_path)
    assert any(expected in problem for problem in config.problems), config.problems
    assert all(problem.startswith(str(config_path)) for problem in config.problems)
    assert config.tones["warm"] == BUILTIN_TONES["warm"]
    assert config.default_tone == "warm"


def test_a_key_inside_a_multiline_text_is_not_mistaken_for_a_setting(config_path: Path) -> None:
    write(
        config_path,
        "[farewell.tones.formal]\n"
        'text = """\n'
        "[farewell]\n"
        "default_tone = {nickname}\n"
        '"""\n'
        "[farewell]\n"
        'default_tone = "gone"\n',
    )
    problems = load_config(config_path).problems
    assert any("line 3, [farewell.tones.formal] text" in problem for problem in problems)
    assert any("line 7, [farewell] default_tone" in problem for problem in problems)


def test_an_unwritable_config_folder_is_reported_not_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    config = ensure_config(blocker / "config.toml")
    assert config.tones == BUILTIN_TONES
    assert len(config.problems) == 1 and "cannot be created" in config.problems[0]


def test_my_name_comes_from_profile_csv_then_the_config(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "state")
    archive = write_sample_export(tmp_path / "export", connections=20)
    snapshot = record_export(store, parse_export(archive)).outcome.snapshot
    assert my_first_name(snapshot, Config(first_name="Sam")) == "Robin"
    archive.unlink()  # the user has since deleted the download: the name was kept at import
    assert my_first_name(store.latest_snapshot(), Config(first_name="Sam")) == "Robin"
    assert my_first_name(None, Config(first_name="Sam")) == "Sam"
    assert my_first_name(None, None) is None
    store.close()


def test_an_export_of_connections_only_has_no_profile(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "state")
    path = tmp_path / "Connections.csv"
    path.write_text(
        connections_text("Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2024")
    )
    snapshot = record_export(store, parse_export(path)).outcome.snapshot
    assert my_first_name(snapshot, Config(first_name="Sam")) == "Sam"
    store.close()


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[review]\nrule = ["any"]\n', "line 2, [review] rule: ['any'] is not a rule"),
        ("[review]\norder = {a = 1}\n", "line 2, [review] order: {'a': 1} is not an order"),
        ("[review]\nrule = 7\n", "line 2, [review] rule: 7 is not a rule"),
        ("[you]\nfirst_name = [1]\n", "line 2, [you] first_name: must be text"),
        ("[farewell]\ndefault_tone = [[1]]\n", "line 2, [farewell] default_tone: [[1]] is not"),
        ("[keys]\n'app.quit' = 3\n", "line 2, [keys] app.quit: must be a key name"),
        ("keys = [1]\n", "line 1, [keys]: must be a table"),
        ("[reveiw]\nrule = 'any'\n", "line 1, [reveiw]: not a section prune knows"),
        ("colour = 'red'\n", "line 1, [colour]: not a section prune knows"),
        ("[review]\nrules = 'any'\n", "line 2, [review] rules: not a setting prune knows"),
        ("[you]\nname = 'Ana'\n", "line 2, [you] name: not a setting prune knows"),
    ],
)
def test_wrong_types_and_unknown_names_are_explained_not_fatal(
    config_path: Path, toml: str, expected: str
) -> None:
    write(config_path, toml)
    config = ensure_config(config_path)
    assert any(expected in problem for problem in config.problems), config.problems
    assert all(problem.startswith(str(config_path)) for problem in config.problems)
    assert (config.rule, config.order, config.first_name) == ("any", "default", "")
    assert config.default_tone == "warm" and config.keys == {}


def test_an_array_nested_100000_deep_is_located_not_a_recursion_error(config_path: Path) -> None:
    write(config_path, '[you]\nfirst_name = "Ana"\n[review]\nrule = ' + "[" * 100_000 + "\n")
    config = ensure_config(config_path)
    assert len(config.problems) == 1
    assert config.problems[0].startswith(f"{config_path}, line 4, [review] rule: nested too deep")
    assert config.rule == "any" and config.first_name == ""


def test_a_binding_id_the_interface_does_not_have_is_named(config_path: Path) -> None:
    write(config_path, "[keys]\n'app.quit' = 'x'\n'app.qiut' = 'y'\n")
    config = ensure_config(config_path, binding_ids={"app.quit", "app.help"})
    assert config.keys == {"app.quit": "x"}
    assert [problem.split(": ", 1)[0] for problem in config.problems] == [
        f"{config_path}, line 3, [keys] app.qiut"
    ]
    assert "not a key binding prune has (such as app.help)" in config.problems[0]


def test_the_config_folder_is_created_private_and_existing_folders_left_alone(
    tmp_path: Path,
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    path = shared / "config" / "prune" / "config.toml"
    ensure_config(path)
    for folder in (path.parent, path.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
