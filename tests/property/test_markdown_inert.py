"""Text from inputs in Markdown output stays text (issue 11, and the terminal reading of
issue 13): rendered by a real CommonMark parser (markdown-it-py), an escaped cell or code span
makes no emphasis, link, code, HTML or table cell of its own, and shows the input's
characters; ``good_deeds`` stays as written (no backslash) because an underscore between two
letters can neither open nor close emphasis."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from emulation_rules._inert import markdown_cell, markdown_code, terminal

markdown_it = pytest.importorskip("markdown_it")
MD = markdown_it.MarkdownIt("commonmark")

_TEXT = st.text(alphabet=st.sampled_from(list("ab đ1_*`[]()<>&|\\!#-.")), max_size=16)


def _plain(rendered: str) -> str:
    return html.unescape(rendered.removeprefix("<p>").removesuffix("</p>\n"))


@given(_TEXT)
def test_a_markdown_cell_renders_as_its_text(text: str) -> None:
    cell = markdown_cell(text)
    rendered = MD.render(cell)
    for tag in ("<em>", "<strong>", "<a ", "<code>", "<img", "<script"):
        assert tag not in rendered, (text, cell, rendered)
    if text.strip() and not text.lstrip().startswith(("#", "-", "1.")):
        assert _plain(rendered).strip() == terminal(text).strip(), (text, cell, rendered)
    assert "|" not in cell.replace("\\|", "")


@given(_TEXT.filter(lambda t: t.strip() != ""))
def test_a_code_span_renders_as_its_text(text: str) -> None:
    rendered = MD.renderInline(markdown_code(text))
    assert rendered.startswith("<code>") and rendered.endswith("</code>"), rendered
    assert rendered.count("<code>") == 1


def test_underscores_inside_words_are_left_as_written() -> None:
    assert markdown_cell("good_deeds = 'hai'") == "good_deeds = 'hai'"
    assert markdown_cell("_x_") == "\\_x\\_"
