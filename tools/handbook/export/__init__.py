"""Exporters: the loaded curriculum in the formats of other Wikimedia tools (Meta-Wiki
wikitext, the Programs & Events Dashboard's training YAML). They read models only."""

# Each kind is a module of this package with an `export` function, and a downloadable zip.
KINDS = ("wikitext", "dashboard")
