"""Every way a profile URL is written reduces to the same path, the contact's key."""

from __future__ import annotations

from urllib.parse import unquote

import polars as pl
import pytest

from prune.core.reading.identity import normalise_profile_urls, normalised_name

USUAL = "https://www.linkedin.com/in/ana-doe-1a2b"


@pytest.mark.parametrize(
    ("url", "path"),
    [
        (USUAL, "in/ana-doe-1a2b"),
        ("http://linkedin.com/in/x/", "in/x"),
        ("www.linkedin.com/in/X?trk=y", "in/x"),
        ("https://www.linkedin.com/in/Ana-Doe", "in/ana-doe"),
        ("https://www.linkedin.com/in/ana-doe///", "in/ana-doe"),
        ("https://m.linkedin.com/in/ana-doe#about", "in/ana-doe"),
        ("https://www.linkedin.com:443/in/ana-doe", "in/ana-doe"),
        ("  https://www.linkedin.com/in/ana-doe/ \t", "in/ana-doe"),
        ("https://www.linkedin.com/in/zo%C3%AB-bauer", "in/zoë-bauer"),
        ("https://www.linkedin.com/in/%C3%89LODIE", "in/élodie"),
        ("https://www.linkedin.com/in/%E7%8E%8B-%E8%8A%B3", "in/王-芳"),
        ("https://www.linkedin.com/in/zoë-Bauer", "in/zoë-bauer"),
        ("https://www.linkedin.com/in/a%ZZb", "in/a%zzb"),
        ("https://www.linkedin.com/in/100%", "in/100%"),
        ("https://www.linkedin.com/in/ana%2Ddoe", "in/ana-doe"),
        ("https://www.linkedin.com/in/caf%C3", "in/caf\ufffd"),
        ("https://www.linkedin.com/in/x%E7%8E-y", "in/x\ufffd-y"),
        ("https://www.linkedin.com/", None),
        ("", None),
        (None, None),
    ],
)
def test_every_form_of_a_profile_url_gives_the_same_path(url: str | None, path: str | None) -> None:
    assert normalise_profile_urls(pl.Series([url], dtype=pl.String)).to_list() == [path]


def test_usual_and_unusual_urls_in_one_column_keep_their_rows() -> None:
    # Most rows take a shortcut and the others every rule: each must land back on its own row.
    urls = [
        USUAL,
        None,
        "www.linkedin.com/in/Bo-Li/",
        USUAL + "x",
        "https://www.linkedin.com/in/%C3%A5se",
    ]
    assert (
        normalise_profile_urls(pl.Series(urls * 3)).to_list()
        == [
            "in/ana-doe-1a2b",
            None,
            "in/bo-li",
            "in/ana-doe-1a2bx",
            "in/åse",
        ]
        * 3
    )


@pytest.mark.parametrize(
    "slug",
    [
        "zo%C3%AB-%C3%AB%C3%AB-%C3%ABx",  # a run, its repeats and a longer run starting the same
        "%F0%9F%8C%BB%F0%9F%8C",  # an emoji, then one cut short
        "%ED%A0%80-%C0%AF-%F4%90%80%80",  # surrogate, overlong, beyond U+10FFFF
        "%%41%4%C3%%A9",  # stray percent signs next to escapes
        "%c3%a9%C3%A9",  # lower-case hex
        "%E2%82%ACé%E2%82",  # an escape run interrupted by a literal non-ASCII letter
    ],
)
def test_percent_decoding_matches_the_standard_library(slug: str) -> None:
    decoded = normalise_profile_urls(pl.Series(["https://www.linkedin.com/in/" + slug]))
    assert decoded[0] == ("in/" + unquote(slug)).lower()


@pytest.mark.parametrize(
    ("url", "path"),
    [
        # Only escapes and capitals to undo: decoded and lowered, nothing else.
        ("https://www.linkedin.com/in/Bj%C3%B8rn-NOVAK", "in/bjørn-novak"),
        ("www.linkedin.com/in/%C3%89lodie", "in/élodie"),
        # Escapes that decode to what a rule would cut stay: the rules cut before decoding.
        ("https://www.linkedin.com/in/ana%2F", "in/ana/"),
        ("https://www.linkedin.com/in/ana%20", "in/ana "),
        ("https://www.linkedin.com/in/ana%3Fx", "in/ana?x"),
        # The same shape with one thing more goes through every rule.
        ("https://www.linkedin.com/in/Zo%C3%AB/", "in/zoë"),
        ("https://www.linkedin.com/in/Ana?trk=%41", "in/ana"),
        ("https://www.linkedin.com/in/ZOË", "in/zoë"),
        ("https://WWW.linkedin.com/in/Ana", "in/ana"),
    ],
)
def test_a_slug_with_escapes_or_capitals_is_decoded_as_every_rule_would(
    url: str, path: str
) -> None:
    assert normalise_profile_urls(pl.Series([url, USUAL])).to_list() == [path, "in/ana-doe-1a2b"]


@pytest.mark.parametrize(
    ("name", "compared"),
    [
        ("Ana Doe", "ana doe"),  # a lone space is left as it is
        ("Ana  Doe", "ana doe"),
        ("Ana\tDoe", "ana doe"),  # a lone whitespace character but the space becomes one
        ("Ana\u00a0Doe", "ana doe"),
        ("Ana \u3000 Doe", "ana doe"),
        (" Ana Doe\u2003", "ana doe"),
        ("Zoe\u0301 Ba", "zo\u00e9 ba"),
        ("\t ", None),
    ],
)
def test_a_compared_name_has_single_spaces_whatever_separated_its_words(
    name: str, compared: str | None
) -> None:
    frame = pl.DataFrame({"name": [name]})
    assert frame.select(normalised_name(pl.col("name"))).item() == compared
