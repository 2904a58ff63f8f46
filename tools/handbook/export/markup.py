"""The handbook's Markdown as MediaWiki markup, walking markdown-it's token stream.

Only what curriculum texts use is needed: paragraphs, lists, bold, italics, code and links.
Relative links (to other handbook pages) become absolute links to the published handbook,
since a wiki page cannot follow them."""

from __future__ import annotations

from urllib.parse import urljoin

from markdown_it import MarkdownIt
from markdown_it.token import Token

_parser = MarkdownIt("commonmark")
_INLINE = {"strong_open": "'''", "strong_close": "'''", "em_open": "''", "em_close": "''"}


def to_wikitext(markdown: str, base_url: str) -> str:
    """Block-level conversion; ``base_url`` is the page's public address."""
    lines: list[str] = []
    lists: list[str] = []  # "*" or "#" for each open list
    for token in _parser.parse(markdown):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append("*" if token.type == "bullet_list_open" else "#")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists:
                lines.append("")
        elif token.type == "heading_open":
            lines.append("=" * (int(token.tag[1]) + 1) + " ")
        elif token.type == "heading_close":
            lines[-1] += " " + "=" * (int(token.tag[1]) + 1)
            lines.append("")
        elif token.type == "inline":
            text = _inline(token.children or [], base_url)
            if lists:
                lines.append("".join(lists) + " " + text)
            elif lines and lines[-1].startswith("="):
                lines[-1] += text
            else:
                lines.append(text)
        elif token.type == "paragraph_close" and not lists:
            lines.append("")
        elif token.type in ("fence", "code_block"):
            lines.extend(["<pre>", token.content.rstrip("\n"), "</pre>", ""])
    return "\n".join(lines).strip()


def _inline(tokens: list[Token], base_url: str) -> str:
    out: list[str] = []
    link: str | None = None
    label: list[str] = []
    for token in tokens:
        if token.type == "link_open":
            link, label = urljoin(base_url, str(token.attrs.get("href", ""))), []
        elif token.type == "link_close":
            out.append(f"[{link} {''.join(label)}]" if label else f"[{link}]")
            link = None
        else:
            piece = _piece(token)
            (label if link is not None else out).append(piece)
    return "".join(out)


def _piece(token: Token) -> str:
    if token.type in _INLINE:
        return _INLINE[token.type]
    if token.type == "code_inline":
        return f"<code><nowiki>{token.content}</nowiki></code>"
    if token.type in ("softbreak", "hardbreak"):
        return " "
    return _escape(token.content)


def _escape(text: str) -> str:
    """Characters that would start wiki markup in running text."""
    for raw, safe in (("[[", "&#91;&#91;"), ("{{", "&#123;&#123;"), ("~~~", "&#126;~~"),
                      ("__", "&#95;_"), ("''", "&#39;'")):
        text = text.replace(raw, safe)
    return text
