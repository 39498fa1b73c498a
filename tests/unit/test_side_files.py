"""Invitations, endorsements, recommendations, positions and flags, in every layout seen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from prune.core.errors import ExportError
from prune.core.evidence.endorsements import read_endorsements
from prune.core.evidence.flags import bare_bones_flags, is_bare_bones
from prune.core.evidence.invitations import read_invitations
from prune.core.evidence.matching import ContactIndex
from prune.core.evidence.recommendations import read_recommendations
from prune.core.reading.archive import ExportFiles, open_export
from prune.core.reading.connections import read_connections
from prune.core.reading.owner import Owner, read_employers, read_owner, read_owner_name

from testkit.exports import connections_text, make_zip

OWNER = "robin owner"
CONTACTS = (
    "Ana,Doe,https://www.linkedin.com/in/ana-doe,,ACME Inc,CTO,07 Mar 2016",
    'Bo,"Li, PhD",https://www.linkedin.com/in/bo-li,,Globex,Dev,01 Feb 2019',
    "Cy,Zed,https://www.linkedin.com/in/cy-zed,,Self-Employed,PM,03 Apr 2020",
    "Zoë,B,https://www.linkedin.com/in/zo%C3%AB-b,,Hooli,Eng,05 May 2021",
    "Sam,Lee,https://www.linkedin.com/in/sam-lee-1,,Foo,Dev,01 Jan 2017",
    "Sam,Lee,https://www.linkedin.com/in/sam-lee-2,,Bar,Ops,02 Jan 2017",
)
OLD_HEADER = "First Name,Last Name,Email Address,Company,Position,Connected On"


def contacts(*rows: str, **options: object) -> pl.DataFrame:
    return read_connections(connections_text(*rows, **options).encode()).contacts  # type: ignore[arg-type]


INDEX = ContactIndex.build(contacts(*CONTACTS))


def by_key(frame: pl.DataFrame) -> dict[str, dict[str, object]]:
    return {row["key"]: row for row in frame.iter_rows(named=True)}


# -- invitations ----------------------------------------------------------------------------


def test_invitations_with_profile_urls() -> None:
    text = "\n".join(
        [
            "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl",
            'Robin Owner,Ana Doe,"8/26/22, 8:56 PM","Hi Ana, ""great"" talk",OUTGOING,'
            "https://www.linkedin.com/in/robin-owner,https://www.linkedin.com/in/ana-doe",
            'Bo Li,Robin Owner,"9/1/22, 10:00 AM",,INCOMING,'
            "https://www.linkedin.com/in/bo-li,https://www.linkedin.com/in/robin-owner",
            # An older invitation to Bo: the latest one counts.
            'Robin Owner,Bo Li,"3/1/22, 10:00 AM",,OUTGOING,'
            "https://www.linkedin.com/in/robin-owner,https://www.linkedin.com/in/bo-li",
            'Rex Cruiter,Robin Owner,"10/1/22, 7:00 AM",,INCOMING,'
            "https://www.linkedin.com/in/rex,https://www.linkedin.com/in/robin-owner",
        ]
    )
    rows = by_key(read_invitations(text.encode(), "Invitations.csv", INDEX, OWNER))
    assert set(rows) == {"url:in/ana-doe", "url:in/bo-li"}
    ana = rows["url:in/ana-doe"]
    assert ana["invited_by"] == "you"
    assert ana["invited_on"] == date(2022, 8, 26)
    assert ana["invitation_note"] == 'Hi Ana, "great" talk'
    assert ana["invitation_by_name"] is False
    bo = rows["url:in/bo-li"]
    assert (bo["invited_by"], bo["invited_on"], bo["invitation_note"]) == (
        "them",
        date(2022, 9, 1),
        None,
    )


def test_invitations_with_member_urns_match_by_unique_name() -> None:
    text = "\n".join(
        [
            "From,To,Sent At,Message,Direction,inviterProfileUrn,inviteeProfileUrn",
            'Cy Zed,Robin Owner,"1/15/23, 9:00 AM",,INCOMING,urn:li:member:111,urn:li:member:1',
            'Robin Owner,Sam Lee,"1/16/23, 9:00 AM",,OUTGOING,urn:li:member:1,urn:li:member:222',
        ]
    )
    rows = by_key(read_invitations(text.encode(), "Invitations.csv", INDEX, OWNER))
    assert list(rows) == ["url:in/cy-zed"]  # Sam Lee is two people: neither is credited
    assert rows["url:in/cy-zed"]["invited_by"] == "them"
    assert rows["url:in/cy-zed"]["invitation_by_name"] is True


def test_oldest_invitations_without_profile_columns() -> None:
    text = 'From,To,Sent At,Message,Direction\nRobin Owner,Zoë B,"5/6/18, 1:02 PM",Hi!,OUTGOING\n'
    rows = by_key(read_invitations(text.encode(), "Invitations.csv", INDEX, OWNER))
    assert rows["url:in/zoë-b"]["invited_on"] == date(2018, 5, 6)
    assert rows["url:in/zoë-b"]["invitation_note"] == "Hi!"


# -- endorsements ---------------------------------------------------------------------------


def test_received_endorsements_with_scheme_less_urls() -> None:
    text = "\n".join(
        [
            "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,"
            "Endorser Public Url,Endorsement Status",
            "2023/06/20 13:05:02 UTC,SQL,Ana,Doe,www.linkedin.com/in/ana-doe,ACCEPTED",
            "2024/01/02 08:00:00 UTC,Python,Ana,Doe,www.linkedin.com/in/ana-doe,ACCEPTED",
            "2024/02/03 08:00:00 UTC,Python,Zoë,B,www.linkedin.com/in/zo%C3%AB-b,ACCEPTED",
            # Sam Lee's URL tells which Sam it is: the name is not needed.
            "2024/03/04 08:00:00 UTC,Go,Sam,Lee,www.linkedin.com/in/sam-lee-2,ACCEPTED",
        ]
    )
    rows = by_key(
        read_endorsements(text.encode(), "Endorsement_Received_Info.csv", INDEX, "received")
    )
    assert set(rows) == {"url:in/ana-doe", "url:in/zoë-b", "url:in/sam-lee-2"}
    ana = rows["url:in/ana-doe"]
    assert ana["endorsements_received"] == 2
    assert ana["endorsed_skills_received"] == ["Python", "SQL"]
    assert ana["endorsed_received_on"] == date(2024, 1, 2)
    assert ana["endorsements_received_by_name"] is False


def test_given_endorsements_before_2023_have_no_url_column() -> None:
    text = "\n".join(
        [
            "Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsement Status",
            '2021/06/20 13:05:02 UTC,Sales,Bo,"Li, PhD",ACCEPTED',
            "2021/06/21 13:05:02 UTC,Sales,Sam,Lee,ACCEPTED",
        ]
    )
    rows = by_key(read_endorsements(text.encode(), "Endorsement_Given_Info.csv", INDEX, "given"))
    assert list(rows) == ["url:in/bo-li"]
    assert rows["url:in/bo-li"]["endorsements_given"] == 1
    assert rows["url:in/bo-li"]["endorsements_given_by_name"] is True


def test_the_2022_utf16_tab_separated_endorsement_file() -> None:
    lines = [
        [
            "Endorsement Date",
            "Skill Name",
            "Endorser First Name",
            "Endorser Last Name",
            "Endorsement Status",
            "Display Status",
        ],
        ["2022/03/01 10:00:00 UTC", "SQL", "Ana", "Doe", "ACCEPTED", "SHOWN"],
        ["2022/03/02 10:00:00 UTC", "Leadership", "Ana", "Doe", "ACCEPTED", "HIDDEN"],
        ["2022/03/03 10:00:00 UTC", "Design", "Zoë", "B", "ACCEPTED", "SHOWN"],
    ]
    text = "\r\n".join("\t".join(f'"{field}"' for field in line) for line in lines)
    raw = b"\xff\xfe" + text.encode("utf-16-le")
    rows = by_key(read_endorsements(raw, "Endorsement Received Info.csv", INDEX, "received"))
    assert rows["url:in/ana-doe"]["endorsements_received"] == 2
    assert rows["url:in/ana-doe"]["endorsed_skills_received"] == ["Leadership", "SQL"]
    assert rows["url:in/zoë-b"]["endorsed_skills_received"] == ["Design"]
    assert rows["url:in/zoë-b"]["endorsed_received_on"] == date(2022, 3, 3)


def test_an_endorsement_file_without_names_is_refused() -> None:
    with pytest.raises(ExportError):
        read_endorsements(b"Skill Name,Status\nSQL,ACCEPTED\n", "x.csv", INDEX, "received")


# -- recommendations ------------------------------------------------------------------------


RECOMMENDATIONS = "\n".join(
    [
        "First Name,Last Name,Company,Job Title,Text,Creation Date,Status",
        'Ana,Doe,Acme,CTO,"Robin is great, truly.","09/19/24, 12:47 AM",VISIBLE',
        'Sam,Lee,Foo,Dev,"A ""joy"" to work with.","01/02/23, 10:00 AM",VISIBLE',
        'Nobody,Known,Elsewhere,CEO,"Kind words.","01/02/20, 10:00 AM",HIDDEN',
    ]
)


def test_recommendations_match_a_unique_name_and_refuse_a_shared_one() -> None:
    found = read_recommendations(
        RECOMMENDATIONS.encode(), "Recommendations_Received.csv", INDEX, "received"
    )
    rows = by_key(found.per_contact)
    assert rows["url:in/ana-doe"]["recommendations_received"] == 1
    assert rows["url:in/ana-doe"]["recommended_received_on"] == date(2024, 9, 19)
    assert rows["url:in/ana-doe"]["recommendation_received_shared_by"] is None
    # Both Sams are told it may be theirs; neither is credited.
    for key in ("url:in/sam-lee-1", "url:in/sam-lee-2"):
        assert rows[key]["recommendations_received"] is None
        assert rows[key]["recommendation_received_shared_by"] == 2
    assert found.shared_names == [("Sam Lee", 2)]
    assert found.strangers == 1


# -- the owner ------------------------------------------------------------------------------


def test_profile_gives_the_owner_name() -> None:
    text = (
        "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
        "Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
        'Robin, Owner ,,,Apr 12,"Ops, mostly",,Software,,"Lisbon, Portugal",,,\n'
    )
    assert read_owner_name(text.encode(), "Profile.csv") == "robin owner"


def export_of(tmp_path: Path, **files: str) -> ExportFiles:
    path = tmp_path / "export.zip"
    path.write_bytes(make_zip({"Connections.csv": connections_text(*CONTACTS), **files}))
    return open_export(path)


def test_the_owner_is_named_as_profile_csv_writes_it(tmp_path: Path) -> None:
    profile = "First Name,Last Name,Headline\n Robin , Owner ,Ops\n"
    owner = read_owner(export_of(tmp_path, **{"Profile.csv": profile}))
    assert owner == Owner(name="Robin Owner", first_name="Robin")


def test_without_a_profile_the_owner_is_the_person_in_most_messages(tmp_path: Path) -> None:
    messages = "\n".join(
        [
            "From,To,Date,Subject,Content,Direction,Folder",
            "Ana Doe,Robin Owner,2021-03-01 10:00,,Hi,INCOMING,INBOX",
            "Robin Owner,Ana Doe,2021-03-02 10:00,,Hello,OUTGOING,INBOX",
            "Robin Owner,Cy Zed,2021-03-03 10:00,,Hey,OUTGOING,INBOX",
            "Ana Doe,Robin Owner,2021-03-04 10:00,,Again,INCOMING,INBOX",
        ]
    )
    owner = read_owner(export_of(tmp_path, **{"messages.csv": messages}))
    # Nothing says which part is the first name, so farewells are not signed with a guess.
    assert owner == Owner(name="Robin Owner", first_name=None)


def test_an_export_that_names_nobody_has_no_owner(tmp_path: Path) -> None:
    assert read_owner(export_of(tmp_path, **{"Profile.csv": "garbage\x00\x01"})) == Owner()
    assert read_owner(export_of(tmp_path)) == Owner()


def test_positions_give_employers_reduced_for_comparison() -> None:
    text = "\n".join(
        [
            "Company Name,Title,Description,Location,Started On,Finished On",
            "Globex,Lead,,Lisbon,Mar 2023,",
            '"Acme, Inc.",Analyst,"Dashboards, mostly",Toronto,Sep 2015,May 2019',
            "Self-employed,Consultant,,,2014,2015",
        ]
    )
    employers = read_employers(text.encode(), "Positions.csv")
    assert employers["company_key"].to_list() == ["globex", "acme"]
    assert employers["employed_until"].to_list() == [None, "May 2019"]


# -- flags ----------------------------------------------------------------------------------


def flags_of(*rows: str, **options: object) -> dict[str, str | None]:
    frame = bare_bones_flags(contacts(*rows, **options))
    return dict(zip(frame["key"], frame["flags"], strict=True))


def test_bare_bones_flags() -> None:
    flags = flags_of(
        "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2016",
        "JOHN,SMITH,https://www.linkedin.com/in/js,,,,07 Mar 2016",
        "Ana2,Doe,https://www.linkedin.com/in/ana2,,Acme,Dev,07 Mar 2016",
        "🌻,🚀,https://www.linkedin.com/in/sun,,Acme,Dev,07 Mar 2016",
        "Ana 🌻,Sol,https://www.linkedin.com/in/sol,,Acme,Dev,07 Mar 2016",
        "Bo,Li,,,Acme,Dev,07 Mar 2016",
        "Jo,Ng,https://www.linkedin.com/in/jo,,,Dev,07 Mar 2016",
        "李,小龙,https://www.linkedin.com/in/li,,Acme,Dev,07 Mar 2016",
    )
    assert flags == {
        "url:in/ana": None,
        "url:in/js": "no company or position; name in capitals",
        "url:in/ana2": "digits in name",
        "url:in/sun": "name without letters",
        "url:in/sol": None,  # an emoji next to letters is common, not odd
        "name:bo|li|2016-03-07": "no profile URL",
        "url:in/jo": None,  # a position alone is enough
        "url:in/li": None,  # scripts without capitals are not "in capitals"
    }


def test_flags_of_ordinary_and_odd_names_side_by_side_keep_their_rows() -> None:
    # Names with a small letter and no digit are flagged on company and URL alone; the others
    # go through every check, and each lands back on its own row.
    flags = flags_of(
        "Bo,Li,,,,,07 Mar 2016",
        "Ana,Doe٣,https://www.linkedin.com/in/arabic-digit,,Acme,Dev,07 Mar 2016",
        "Cy,Ng,https://www.linkedin.com/in/cy,,Acme,Dev,07 Mar 2016",
        ",,https://www.linkedin.com/in/none,,,,07 Mar 2016",
        "Dee,Ng,https://www.linkedin.com/in/dee,,,,07 Mar 2016",
    )
    assert list(flags.values()) == [
        "no company or position; no profile URL",
        "digits in name",
        None,
        "no company or position; no name",
        "no company or position",
    ]


def test_no_url_flag_only_when_the_export_has_urls_at_all() -> None:
    flags = flags_of("Bo,Li,,Acme,Dev,07 Mar 2016", header=OLD_HEADER)
    assert flags == {"name:bo|li|2016-03-07": None}


def test_the_quick_yes_or_no_agrees_with_the_flags() -> None:
    rows = [
        "Ana,Doe,https://www.linkedin.com/in/ana,,Acme,CTO,07 Mar 2016",
        "JOHN,SMITH,https://www.linkedin.com/in/js,,Acme,CTO,07 Mar 2016",
        "JO,Sm1th,https://www.linkedin.com/in/j1,,Acme,CTO,07 Mar 2016",
        "Ana2,Doe,https://www.linkedin.com/in/ana2,,Acme,Dev,07 Mar 2016",
        "Ana,Doe٣,https://www.linkedin.com/in/arabic-digit,,Acme,Dev,07 Mar 2016",
        "🌻,🚀,https://www.linkedin.com/in/sun,,Acme,Dev,07 Mar 2016",
        "Ana 🌻,Sol,https://www.linkedin.com/in/sol,,Acme,Dev,07 Mar 2016",
        "Bo,Li,,,Acme,Dev,07 Mar 2016",
        "Jo,Ng,https://www.linkedin.com/in/jo,,,Dev,07 Mar 2016",
        "Al,Ng,https://www.linkedin.com/in/al,,Acme,,07 Mar 2016",
        'Cy,Ng,https://www.linkedin.com/in/cy,," "," ",07 Mar 2016',
        "李,小龙,https://www.linkedin.com/in/li,,Acme,Dev,07 Mar 2016",
        "ÉVA,ÖRS,https://www.linkedin.com/in/eva,,Acme,Dev,07 Mar 2016",
        "Éva,Örs,https://www.linkedin.com/in/eva2,,,,07 Mar 2016",
        ",,https://www.linkedin.com/in/none,,Acme,Dev,07 Mar 2016",
        "AB,C,https://www.linkedin.com/in/abc,,Acme,Dev,07 Mar 2016",
    ]
    frame = contacts(*rows)
    for any_url in (True, False):
        expected = bare_bones_flags(frame, any_url=any_url)["flags"].is_not_null()
        assert is_bare_bones(frame, any_url=any_url).to_list() == expected.to_list()
    ordinary = contacts(rows[0], rows[6])
    assert is_bare_bones(ordinary, any_url=True).to_list() == [False, False]
