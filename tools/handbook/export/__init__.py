"""Exporters: the loaded curriculum in the formats of other Wikimedia tools (Meta-Wiki
wikitext, the Programs & Events Dashboard's training YAML). They read models only.

Each is a module with an `export` function; build.py lists them (OUTPUTS) with their zips."""
