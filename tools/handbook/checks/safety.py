"""Nothing in content can inject markup, point readers at unsafe links, or publish contacts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlparse

from phonenumbers import PhoneNumberMatcher

from ..common.markup import links, prose, raw_html
from ..loader import Curriculum
from ..models import Resource, Source
from ..problems import Problem
from ..walk import texts
from . import check

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# Local numbers are read as Tajik ones; international ones carry their country code.
PHONE_REGION = "TJ"
# Only text with a run of 7+ digits and separators can hold a phone number; the matcher
# (phonenumbers) is slow, so it sees only such text.
PHONE_LIKE = re.compile(r"\+?\d[\d ().-]{5,}\d")
UNSAFE_SCHEMES = {"javascript", "data", "vbscript", "file"}


def contact_details(words: str) -> list[str]:
    """The e-mail addresses and phone numbers in a text."""
    phones = [m.raw_string for m in PhoneNumberMatcher(words, PHONE_REGION)] \
        if PHONE_LIKE.search(words) else []
    emails = EMAIL.findall(words) if "@" in words else []  # fast path
    return [*emails, *phones]


@check("CUR060", "No raw HTML in text fields (write Markdown instead).")
def no_raw_html(curriculum: Curriculum) -> Iterator[Problem]:
    for model in curriculum.files():
        for loc, text in texts(model):
            for language, value in text.items():
                for html in raw_html(value):
                    yield model.document.problem(
                        "CUR060", (*loc, language),
                        f"raw HTML `{html[:40]}`; use Markdown, or escape `<` as `\\<`")


@check("CUR061", "Links are web links (https) or handbook pages, never javascript:, data: or "
       "plain http:.")
def safe_links(curriculum: Curriculum) -> Iterator[Problem]:
    for model in curriculum.files():
        urls = [((*loc, language), url) for loc, text in texts(model)
                for language, value in text.items() for url in links(value)]
        for name in ("resources", "sources"):
            for index, item in enumerate(getattr(model, name, [])):
                assert isinstance(item, Resource | Source)
                urls.append(((name, index, "url"), item.url))
        for loc, url in urls:
            scheme = urlparse(url.strip()).scheme.lower()
            if scheme in UNSAFE_SCHEMES or scheme == "http" or (
                    loc[0] in ("resources", "sources") and scheme != "https"):
                yield model.document.problem(
                    "CUR061", loc, f"link `{url[:60]}` is not allowed; use an https:// address")


@check("CUR062", "No e-mail addresses or phone numbers in published text.")
def no_contact_details(curriculum: Curriculum) -> Iterator[Problem]:
    for model in curriculum.files():
        for loc, text in texts(model):
            for language, value in text.items():
                for found in contact_details(prose(value)):
                    yield model.document.problem(
                        "CUR062", (*loc, language),
                        f"`{found}` looks like an e-mail address or phone number; link to a "
                        "public contact page instead")
