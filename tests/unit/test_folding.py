"""Folding names for sorting: the column-wide shortcut gives what the expression gives."""

from __future__ import annotations

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from prune.core.text.folding import fold, folded, folded_series


def test_accented_and_wide_names_fold_like_plain_ones() -> None:
    names = pl.Series(["Éclair", "abc", None, "ＡＢ", "ǅx", "ÇELIK", "Ana"])
    assert folded_series(names).to_list() == ["eclair", "abc", "", "ab", "dzx", "celik", "ana"]


@given(st.lists(st.one_of(st.none(), st.text()), max_size=20))
def test_the_shortcut_agrees_with_the_expression(values: list[str | None]) -> None:
    names = pl.Series(values, dtype=pl.String)
    expected = pl.select(folded(pl.lit(names))).to_series()
    assert folded_series(names).to_list() == expected.to_list()


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_folds_to_lower_case(text: str) -> None:
    assert folded_series(pl.Series([text])).to_list() == [fold(text)]
