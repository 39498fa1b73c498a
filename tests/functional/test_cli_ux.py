"""What a new user trips over on the command line: typos, JSON errors, and lists that mislead."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from prune.cli import demo_scratch
from prune.cli.commands import review_demo
from prune.core.state.store import Store

from testkit.commands import run_cli
from testkit.exports import connections_text

ANA = "Ana,Doe,https://www.linkedin.com/in/ana,ana@example.org,Acme,CTO,07 Mar 2024"
BO = "Bo,Li,https://www.linkedin.com/in/bo,,Globex,Developer,01 Feb 2019"
ANA_TWO = "Ana,Doe,https://www.linkedin.com/in/ana-2,,Initech,Sales,01 Jan 2021"
CY = "Cy,Ng,https://www.linkedin.com/in/cy,,Initech,Product manager,01 Feb 2015"


def imported(tmp_path: Path, state_dir: Path, *rows: str) -> None:
    export = tmp_path / "Connections.csv"
    export.write_text(connections_text(*rows))
    assert run_cli("import", str(export)).code == 0


def decide(state_dir: Path, **verdicts: str) -> None:
    with Store.open(state_dir) as store:
        for slug, verdict in verdicts.items():
            store.save_decision(f"url:in/{slug}", "test", verdict=verdict)


# -- a misspelt command --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"), [("chnages", "changes"), ("exprot", "export"), ("dmeo", "demo")]
)
def test_a_misspelt_command_gets_the_closest_one_suggested(
    tmp_path: Path, typed: str, meant: str
) -> None:
    result = run_cli(typed, cwd=tmp_path)
    assert result.code == 2
    assert f"did you mean `{meant}`?" in result.err
    assert result.err.count("\n") == 1 and result.out == ""


@pytest.mark.parametrize(
    "typed",
    [("review", "chnages"), ("review", "changes"), ("review", "--order", "oldest", "exprot")],
    ids=["misspelt", "spelt out", "after an option"],
)
def test_a_command_given_as_the_path_to_review_gets_it_suggested(
    tmp_path: Path, typed: tuple[str, ...]
) -> None:
    result = run_cli(*typed, cwd=tmp_path)
    assert result.code == 2
    meant = "export" if typed[-1] == "exprot" else "changes"
    assert f"did you mean `prune {meant}`?" in result.err
    assert result.err.count("\n") == 1 and result.out == ""


def test_review_of_a_real_path_or_a_far_word_gets_no_guess(tmp_path: Path) -> None:
    (tmp_path / "changes").write_text("not an export")
    for word in ("changes", "zzzz"):
        result = run_cli("review", word, cwd=tmp_path)
        assert result.code == 2
        assert "did you mean" not in result.err


def test_an_existing_file_of_that_name_is_still_reviewed_as_a_path(tmp_path: Path) -> None:
    (tmp_path / "chnages").write_text("not an export")
    result = run_cli("chnages", cwd=tmp_path)
    assert result.code == 2
    assert "did you mean" not in result.err  # it was a path after all: the export's own refusal


@pytest.mark.parametrize("word", ["zzzz", "Connections"])  # a file name without .csv: no guess
def test_a_word_close_to_no_command_keeps_the_path_message(tmp_path: Path, word: str) -> None:
    result = run_cli(word, cwd=tmp_path)
    assert result.code == 2
    assert f"{word} does not exist: give the path" in result.err
    assert "did you mean" not in result.err


# -- errors as JSON ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("import", "missing.zip", "--json"), "missing.zip does not exist"),
        (("stats", "--json", "--frobnicate"), "unrecognized arguments: --frobnicate"),
        (("chnages", "--json"), "did you mean `changes`?"),
    ],
    ids=["refused export", "usage error", "misspelt command"],
)
def test_with_json_an_error_is_one_json_object_on_stdout(
    tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    result = run_cli(*args, cwd=tmp_path)
    assert result.code == 2
    assert result.err == ""
    error = json.loads(result.out)
    assert error["exit"] == 2 and said in error["error"]
    assert set(error) == {"error", "exit"}


def test_without_json_the_same_error_stays_one_line_on_stderr(tmp_path: Path) -> None:
    result = run_cli("import", "missing.zip", cwd=tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("prune: missing.zip does not exist")


# -- lists ---------------------------------------------------------------------------------------


def test_exports_gain_an_email_column_when_the_export_has_addresses(
    tmp_path: Path, state_dir: Path
) -> None:
    imported(tmp_path, state_dir, ANA, BO)
    decide(state_dir, ana="disconnect", bo="disconnect")
    rows = json.loads(run_cli("export", "--format", "json").out)
    assert [row["email"] for row in rows] == ["ana@example.org", None]
    header = run_cli("export", "--format", "csv").out.splitlines()[0]
    assert header.endswith(",decided_at,email")


def test_without_any_address_the_columns_stay_as_they_were(tmp_path: Path, state_dir: Path) -> None:
    imported(tmp_path, state_dir, BO, CY)
    decide(state_dir, bo="disconnect")
    header = run_cli("export", "--format", "csv").out.splitlines()[0]
    assert "email" not in header.split(",")


def test_the_checklist_of_all_or_keep_says_each_verdict(tmp_path: Path, state_dir: Path) -> None:
    imported(tmp_path, state_dir, ANA, BO, CY)
    decide(state_dir, ana="disconnect", bo="keep")
    everyone = run_cli("export", "--list", "all", "--format", "md").out
    assert "Ana Doe — CTO · [profile](https://www.linkedin.com/in/ana) · verdict: disconnect" in (
        everyone
    )
    assert "Bo Li — Developer · [profile](https://www.linkedin.com/in/bo) · verdict: keep" in (
        everyone
    )
    assert (
        "Cy Ng — Product manager · [profile](https://www.linkedin.com/in/cy) · no verdict yet"
        in (everyone)
    )
    assert "· verdict: keep" in run_cli("export", "--list", "keep", "--format", "md").out
    disconnects = run_cli("export", "--format", "md").out
    assert "Ana Doe" in disconnects and "verdict" not in disconnects  # the list says it already


def test_names_warns_when_two_contacts_share_a_name(tmp_path: Path, state_dir: Path) -> None:
    imported(tmp_path, state_dir, ANA, ANA_TWO, BO)
    decide(state_dir, ana="disconnect", **{"ana-2": "disconnect"}, bo="disconnect")
    result = run_cli("export", "--format", "names")
    assert result.code == 0
    assert result.out == "Ana\tDoe\nAna\tDoe\nBo\tLi\n"
    assert "more than one contact is named Ana Doe (2)" in result.err
    assert "--format urls" in result.err
    quiet = run_cli("export", "--format", "urls")
    assert "more than one" not in quiet.err  # URLs tell the two apart


def test_distinct_names_give_no_warning(tmp_path: Path, state_dir: Path) -> None:
    imported(tmp_path, state_dir, ANA, BO)
    decide(state_dir, ana="disconnect", bo="disconnect")
    assert run_cli("export", "--format", "names").err == ""


# -- the demo's scratch folders ------------------------------------------------------------------


class NoApp:
    """Stands in for the app: the demo's folders are the point here, not the screens."""

    return_code = 0

    def run(self) -> None:
        pass


def test_a_demo_start_removes_folders_killed_demos_left_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    gone = temp / "prune-demo-gone"
    gone.mkdir()
    (gone / demo_scratch.OWNER_FILE).write_text("4242\n")
    running = temp / "prune-demo-running"
    running.mkdir()
    (running / demo_scratch.OWNER_FILE).write_text(f"{os.getppid()}\n")
    old = temp / "prune-demo-old"
    (old / "state").mkdir(parents=True)
    day_and_more = time.time() - 25 * 3600
    os.utime(old, (day_and_more, day_and_more))
    monkeypatch.setattr(demo_scratch, "process_alive", lambda pid: pid != 4242)
    seen: list[Path] = []

    def make_app(**options):
        seen.append(Path(options["data_dir"]).parent)
        return NoApp()

    monkeypatch.setattr(review_demo, "make_app", make_app)
    result = run_cli("demo")
    assert result.code == 0
    assert f"removed {gone}, left behind by an earlier demo (its prune (pid 4242) is gone)" in (
        result.err
    )
    assert f"removed {old}, left behind by an earlier demo (older than a day)" in result.err
    assert not gone.exists() and not old.exists()
    assert running.exists()  # its demo still runs
    assert seen and seen[0].name.startswith("prune-demo-") and not seen[0].exists()
