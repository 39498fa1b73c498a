"""The invented export must look like LinkedIn's, quirks included, and never change by accident."""

from __future__ import annotations

import ast
import csv
import io
import re
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

import prune.demo as demo_package
from prune.demo import EXPORT_DATE, write_sample_export

EXPECTED_COLUMNS = {
    "Connections.csv": [
        "First Name",
        "Last Name",
        "URL",
        "Email Address",
        "Company",
        "Position",
        "Connected On",
    ],
    "messages.csv": [
        "CONVERSATION ID",
        "CONVERSATION TITLE",
        "FROM",
        "SENDER PROFILE URL",
        "TO",
        "RECIPIENT PROFILE URLS",
        "DATE",
        "SUBJECT",
        "CONTENT",
        "FOLDER",
        "ATTACHMENTS",
        "IS MESSAGE DRAFT",
    ],
    "Invitations.csv": [
        "From",
        "To",
        "Sent At",
        "Message",
        "Direction",
        "inviterProfileUrl",
        "inviteeProfileUrl",
    ],
    "Endorsement_Received_Info.csv": [
        "Endorsement Date",
        "Skill Name",
        "Endorser First Name",
        "Endorser Last Name",
        "Endorser Public Url",
        "Endorsement Status",
    ],
    "Endorsement_Given_Info.csv": [
        "Endorsement Date",
        "Skill Name",
        "Endorsee First Name",
        "Endorsee Last Name",
        "Endorsee Public Url",
        "Endorsement Status",
    ],
    "Recommendations_Received.csv": [
        "First Name",
        "Last Name",
        "Company",
        "Job Title",
        "Text",
        "Creation Date",
        "Status",
    ],
    "Recommendations_Given.csv": [
        "First Name",
        "Last Name",
        "Company",
        "Job Title",
        "Text",
        "Creation Date",
        "Status",
    ],
    "Positions.csv": [
        "Company Name",
        "Title",
        "Description",
        "Location",
        "Started On",
        "Finished On",
    ],
    "Profile.csv": [
        "First Name",
        "Last Name",
        "Maiden Name",
        "Address",
        "Birth Date",
        "Headline",
        "Summary",
        "Industry",
        "Zip Code",
        "Geo Location",
        "Twitter Handles",
        "Websites",
        "Instant Messengers",
    ],
}
ZIP_NAME = "Complete_LinkedInDataExport_11-02-2026.zip"
FOLDER_NAME = "Complete_LinkedInDataExport_11-02-2026"


@pytest.fixture(scope="module")
def demo_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_export(tmp_path_factory.mktemp("zip"))


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_export(tmp_path_factory.mktemp("dir"), as_zip=False)


@pytest.fixture(scope="module")
def frames(demo_dir: Path) -> dict[str, pl.DataFrame]:
    out = {}
    for name in EXPECTED_COLUMNS:
        skip = 3 if name == "Connections.csv" else 0
        out[name] = pl.read_csv(demo_dir / name, skip_rows=skip, infer_schema=False)
    return out


@pytest.fixture(scope="module")
def connections(frames: dict[str, pl.DataFrame]) -> pl.DataFrame:
    return frames["Connections.csv"]


@pytest.fixture(scope="module")
def messages(frames: dict[str, pl.DataFrame]) -> pl.DataFrame:
    return frames["messages.csv"]


# --- the archive as a whole ------------------------------------------------------------------


def test_same_seed_gives_byte_identical_zip(tmp_path: Path, demo_zip: Path) -> None:
    again = write_sample_export(tmp_path / "again")
    assert again.read_bytes() == demo_zip.read_bytes()
    other = write_sample_export(tmp_path / "other", seed=8)
    assert other.read_bytes() != demo_zip.read_bytes()


def test_zip_holds_every_file_at_its_root(demo_zip: Path) -> None:
    assert demo_zip.name == ZIP_NAME
    with zipfile.ZipFile(demo_zip) as archive:
        assert archive.testzip() is None
        assert sorted(archive.namelist()) == sorted(EXPECTED_COLUMNS)
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in archive.infolist())


def test_folder_variant_holds_the_same_bytes(demo_zip: Path, demo_dir: Path) -> None:
    assert demo_dir.name == FOLDER_NAME and demo_dir.is_dir()
    with zipfile.ZipFile(demo_zip) as archive:
        for name in EXPECTED_COLUMNS:
            assert (demo_dir / name).read_bytes() == archive.read(name), name


def test_every_file_reads_with_the_expected_columns(frames: dict[str, pl.DataFrame]) -> None:
    for name, columns in EXPECTED_COLUMNS.items():
        assert frames[name].columns == columns, name
        assert frames[name].height > 0, name


def test_demo_package_stays_free_of_textual() -> None:
    modules = sorted(Path(demo_package.__file__).parent.glob("*.py"))
    assert len(modules) > 1
    for module in modules:
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        imported |= {
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        }
        assert not any(name.split(".")[0] == "textual" for name in imported), module.name


# --- Connections.csv -------------------------------------------------------------------------


def test_connections_preamble_header_and_line_endings(demo_dir: Path) -> None:
    raw = (demo_dir / "Connections.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    assert not raw.endswith(b"\n")
    lines = raw.decode("utf-8").split("\n")
    assert lines[0] == "Notes:"
    assert lines[1].startswith('"') and lines[1].endswith('"') and len(lines[1]) > 40
    assert lines[2] == ""
    assert lines[3] == ",".join(EXPECTED_COLUMNS["Connections.csv"])


def test_connection_count_follows_the_argument(tmp_path: Path) -> None:
    folder = write_sample_export(tmp_path, connections=2000, messages=0, as_zip=False)
    lines = (folder / "Connections.csv").read_text(encoding="utf-8").split("\n")
    assert len(lines) - 4 == 2000


def test_connections_dates_newest_first_within_fifteen_years(connections: pl.DataFrame) -> None:
    dates = [datetime.strptime(v, "%d %b %Y").date() for v in connections["Connected On"]]
    assert dates == sorted(dates, reverse=True)
    assert dates[0] < EXPORT_DATE
    assert dates[-1] >= EXPORT_DATE - timedelta(days=15 * 366)


def test_connections_hidden_members_are_date_only_rows(demo_dir: Path) -> None:
    text = (demo_dir / "Connections.csv").read_text(encoding="utf-8")
    hidden = re.findall(r"^,,,,,,\d{2} [A-Z][a-z]{2} \d{4}$", text, flags=re.M)
    assert 2 <= len(hidden) <= 0.02 * 300 + 1


def test_connections_quoting_is_minimal_and_escapes_quotes(demo_dir: Path) -> None:
    text = (demo_dir / "Connections.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text.split("\n", 3)[3])))
    assert ',"Acme, Inc.",' in text
    assert any(", " in row[1] for row in rows[1:]), "a Last Name like 'Doe, PhD'"
    assert any(", " in row[5] for row in rows[1:]), "a Position with a comma"
    assert '""' in text
    # Re-writing with minimal quoting gives the file back: nothing is quoted without need.
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    assert out.getvalue().rstrip("\n") == text.split("\n", 3)[3]


def test_connections_names_are_diverse_and_messy(connections: pl.DataFrame) -> None:
    people = connections.filter(pl.col("URL").is_not_null())
    names = (people["First Name"] + " " + people["Last Name"]).to_list()
    assert any(any(ord(ch) > 0xFFFF or 0x2600 <= ord(ch) <= 0x27BF for ch in n) for n in names)
    assert any(any(ord(ch) > 0x7F for ch in n) for n in names)
    assert any(n.strip().isupper() for n in names), "an ALL CAPS name"
    assert any(re.search(r"\d", n) for n in names), "a name with digits"
    stray = [
        v
        for column in ("First Name", "Last Name", "Company", "Position")
        for v in people[column].drop_nulls()
        if v != v.strip()
    ]
    assert stray, "stray leading/trailing spaces"
    bare = people.filter(pl.col("Company").is_null() & pl.col("Position").is_null())
    assert bare.height >= 3


def test_connections_urls_emails_and_duplicates(connections: pl.DataFrame) -> None:
    people = connections.filter(pl.col("URL").is_not_null())
    urls = people["URL"]
    assert urls.str.starts_with("https://www.linkedin.com/in/").all()
    assert not urls.str.ends_with("/").any()
    encoded = urls.str.contains("%", literal=True).mean()
    assert 0.08 <= encoded <= 0.12
    assert urls.str.contains(r"%[0-9A-F]{2}").any()
    assert 2 <= people.height - urls.n_unique() <= 3, "rows repeating an earlier URL"

    unique = people.unique(subset="URL", keep="first")
    full = unique["First Name"].str.strip_chars() + " " + unique["Last Name"].str.strip_chars()
    shared = full.is_duplicated().sum()
    assert 0.015 * unique.height <= shared <= 0.06 * unique.height

    emails = people["Email Address"]
    assert 0.95 <= emails.is_null().mean() <= 0.99
    assert emails.str.starts_with("urn:li:member:").sum() == 1
    assert 0.005 <= people["Company"].is_null().mean() <= 0.04
    assert 0.005 <= people["Position"].is_null().mean() <= 0.04


# --- messages.csv ----------------------------------------------------------------------------


def test_messages_every_field_is_quoted(demo_dir: Path) -> None:
    raw = (demo_dir / "messages.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(raw)))
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    assert out.getvalue().rstrip("\n") == raw


def test_messages_count_and_dates(tmp_path: Path, messages: pl.DataFrame) -> None:
    assert messages.height == 6 * 300
    dates = messages["DATE"].str.strptime(pl.Datetime, "%Y-%m-%d %H:%M:%S UTC")
    assert dates.null_count() == 0
    assert dates.max() < datetime(EXPORT_DATE.year, EXPORT_DATE.month, EXPORT_DATE.day)
    assert not dates.is_sorted() and not dates.is_sorted(descending=True)
    folder = write_sample_export(tmp_path, connections=80, messages=500, as_zip=False)
    assert pl.read_csv(folder / "messages.csv", infer_schema=False).height == 500


def test_messages_special_rows(messages: pl.DataFrame) -> None:
    assert messages["CONTENT"].str.contains("\n", literal=True).any()
    group = messages.filter(pl.col("RECIPIENT PROFILE URLS").str.contains(",", literal=True))
    assert group.height > 0
    assert not group["RECIPIENT PROFILE URLS"].str.contains(", ", literal=True).any()
    assert group["TO"].str.contains(", ", literal=True).all()
    hidden = messages.filter(pl.col("FROM") == "LinkedIn Member")
    assert hidden.height > 0 and hidden["SENDER PROFILE URL"].fill_null("").eq("").all()
    sponsored = messages.filter(pl.col("CONVERSATION TITLE") == "Sponsored Conversation")
    assert sponsored.height >= 2 and sponsored["CONTENT"].str.contains("<p>").all()
    drafts = messages.filter(pl.col("CONVERSATION ID").fill_null("") == "")
    assert drafts.height >= 1 and (drafts["IS MESSAGE DRAFT"] == "Yes").all()
    assert set(messages["FOLDER"].fill_null("")) <= {"INBOX", "ARCHIVE", "SPAM", ""}


def test_owner_is_the_most_frequent_sender(
    frames: dict[str, pl.DataFrame], messages: pl.DataFrame
) -> None:
    profile = frames["Profile.csv"].row(0, named=True)
    assert profile["First Name"] == "Robin"
    counts = messages["SENDER PROFILE URL"].drop_nulls().value_counts(sort=True)
    owner_url = counts.row(0)[0]
    names = messages.filter(pl.col("SENDER PROFILE URL") == owner_url)["FROM"].unique()
    assert names.to_list() == [f"{profile['First Name']} {profile['Last Name']}"]
    assert 0.3 <= counts.row(0)[1] / messages.height <= 0.7


def test_interaction_is_skewed_like_real_life(
    connections: pl.DataFrame, messages: pl.DataFrame
) -> None:
    urls = set(connections["URL"].drop_nulls())
    talked = set(messages["SENDER PROFILE URL"].drop_nulls())
    for joined in messages["RECIPIENT PROFILE URLS"].drop_nulls():
        talked.update(joined.split(","))
    share = len(urls & talked) / len(urls)
    assert 0.1 <= share <= 0.35
    sizes = messages.group_by("CONVERSATION ID").len()["len"]
    assert sizes.max() >= 24 and sizes.max() >= 5 * sizes.median()


# --- the smaller files -----------------------------------------------------------------------


def test_invitations_cover_the_last_year_with_us_dates(frames: dict[str, pl.DataFrame]) -> None:
    invitations = frames["Invitations.csv"]
    stamps = invitations["Sent At"].to_list()
    assert all(re.fullmatch(r"[1-9]\d?/[1-9]\d?/\d\d, [1-9]\d?:\d\d [AP]M", s) for s in stamps)
    days = [datetime.strptime(s, "%m/%d/%y, %I:%M %p").date() for s in stamps]
    assert min(days) >= EXPORT_DATE - timedelta(days=366) and max(days) < EXPORT_DATE
    assert set(invitations["Direction"]) == {"INCOMING", "OUTGOING"}
    assert invitations["Message"].is_null().mean() > 0.6


def test_endorsements_use_bare_urls_of_connections(
    frames: dict[str, pl.DataFrame], connections: pl.DataFrame
) -> None:
    urls = set(connections["URL"].drop_nulls())
    for name, role in (
        ("Endorsement_Received_Info.csv", "Endorser"),
        ("Endorsement_Given_Info.csv", "Endorsee"),
    ):
        frame = frames[name]
        public = frame[f"{role} Public Url"]
        assert public.str.starts_with("www.linkedin.com/in/").all()
        assert {"https://" + url for url in public} <= urls
        assert (frame["Endorsement Status"] == "ACCEPTED").all()
        parsed = frame["Endorsement Date"].str.strptime(pl.Datetime, "%Y/%m/%d %H:%M:%S UTC")
        assert parsed.null_count() == 0


def test_recommendations_dates_and_writers_with_names_of_their_own(
    frames: dict[str, pl.DataFrame], connections: pl.DataFrame
) -> None:
    for name in ("Recommendations_Received.csv", "Recommendations_Given.csv"):
        stamps = frames[name]["Creation Date"].to_list()
        assert all(re.fullmatch(r"\d\d/\d\d/\d\d, \d\d:\d\d [AP]M", s) for s in stamps), name
    people = connections.filter(pl.col("URL").is_not_null()).unique(subset="URL")
    people = people.with_columns(
        name=pl.col("First Name").str.strip_chars() + " " + pl.col("Last Name").str.strip_chars()
    )
    received = frames["Recommendations_Received.csv"]
    # A recommendation from a shared name cannot be counted (and says so); the demo has none.
    assert received.height > 0
    ambiguous = [
        f"{first} {last}"
        for first, last in received.select("First Name", "Last Name").iter_rows()
        if people.filter(pl.col("name") == f"{first} {last}").height >= 2
    ]
    assert ambiguous == []
    assert people.group_by("name").len().filter(pl.col("len") >= 2).height > 0  # still shared


def test_some_contacts_work_where_the_owner_used_to(
    frames: dict[str, pl.DataFrame], connections: pl.DataFrame
) -> None:
    positions = frames["Positions.csv"]
    current = positions.filter(pl.col("Finished On").is_null())
    assert current.height == 1
    past = set(positions.filter(pl.col("Finished On").is_not_null())["Company Name"])
    at_past = connections.filter(pl.col("Company").str.strip_chars().is_in(past))
    assert at_past.height >= 3
