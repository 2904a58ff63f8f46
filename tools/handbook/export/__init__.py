"""Exporters: the loaded curriculum in the formats of other tools (Meta-Wiki wikitext, the
Programs & Events Dashboard's training YAML, Open edX OLX, SCORM 1.2, Moodle XML). They read
models only."""

# Each kind is a module of this package with an `export` function (writes the export folder)
# and a `downloads` function (the files the site offers, by name, made from that folder).
KINDS = ("wikitext", "dashboard", "olx", "scorm", "moodle")
