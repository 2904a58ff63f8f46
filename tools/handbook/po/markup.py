"""What a translation must carry over from its source unchanged: Markdown links (their
addresses), `**` emphasis and `{placeholders}`. Words may change; these may not."""

from __future__ import annotations

import re
from collections import Counter

from ..common.markup import links

# {name}, but not the wiki template braces of `{{Name}}`.
PLACEHOLDER = re.compile(r"(?<!\{)\{[A-Za-z_][A-Za-z0-9_.]*\}(?!\})")


def differences(source: str, translation: str) -> list[str]:
    """Each way ``translation`` drops or changes the source's markup, in words."""
    found = []
    lost = Counter(links(source)) - Counter(links(translation))
    added = Counter(links(translation)) - Counter(links(source))
    if lost or added:
        found.append("links differ from the source: "
                     + "; ".join([*(f"missing {u}" for u in lost), *(f"extra {u}" for u in added)]))
    if source.count("**") != translation.count("**"):
        found.append(f"the source has {source.count('**') // 2} **bold** span(s), the "
                     f"translation {translation.count('**') / 2:g}")
    wanted, given = Counter(PLACEHOLDER.findall(source)), Counter(PLACEHOLDER.findall(translation))
    if wanted != given:
        found.append("placeholders differ: source has "
                     f"{', '.join(sorted(wanted)) or 'none'}, translation "
                     f"{', '.join(sorted(given)) or 'none'}")
    return found
