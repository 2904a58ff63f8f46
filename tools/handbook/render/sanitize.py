"""The one HTML sanitizer: every piece of authored text that reaches HTML either is escaped
(Jinja autoescape, `html.escape`) or passes through `sanitize` here.

Authored texts are Markdown, so links, emphasis, lists and tables must survive; what they can
never carry is script: no element outside the allow list (script, style, iframe, object, svg,
form… are dropped, script and style with their content), no attribute outside it (no `on*`
handler), no `style` but a table cell's `text-align`, and no address whose scheme is not
https, http or mailto (relative addresses and #anchors stay). The list is what Python-Markdown
with this site's extensions, cmark and the page templates produce; anything else is dropped.
It is ammonia's (Rust) parser and serializer, via nh3: the same HTML5 parsing as a browser's.
"""

from __future__ import annotations

import nh3

SCHEMES = frozenset({"https", "http", "mailto"})

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "button", "caption", "code", "dd", "del", "details",
    "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input",
    "ins", "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr",
    "u", "ul",
})
ATTRIBUTES = {
    "*": {"class", "id", "lang", "dir", "title", "hidden"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"style", "colspan", "rowspan"},
    "th": {"style", "colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "button": {"type"},
    "input": {"checked", "disabled"},
    "textarea": {"readonly", "rows", "cols"},
}
# Task-list tick boxes (pymdownx.tasklist) are the only inputs; no text fields to phish with.
# Tables carry their own roles (render/table_cards.py), which no other element may take.
VALUES = {"input": {"type": {"checkbox"}},
          "table": {"role": {"table"}}, "thead": {"role": {"rowgroup"}},
          "tbody": {"role": {"rowgroup"}}, "tr": {"role": {"row"}},
          "th": {"role": {"columnheader"}}, "td": {"role": {"cell"}}}

_cleaner = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags={"script", "style"},
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    tag_attribute_values=VALUES,
    generic_attribute_prefixes={"data-", "aria-"},
    url_schemes=set(SCHEMES),
    filter_style_properties={"text-align"},  # Markdown's aligned table columns
    link_rel=None,  # the site's own links; no rel to add to every one
    strip_comments=True,
)


def sanitize(html: str) -> str:
    """``html`` with everything outside the allow list removed."""
    return _cleaner.clean(html)
