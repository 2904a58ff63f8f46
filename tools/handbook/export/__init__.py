"""Exporters: the loaded curriculum in the formats of other tools (Meta-Wiki wikitext, the
Programs & Events Dashboard's training YAML; for learning platforms Open edX OLX, SCORM 1.2
and Moodle XML). They read models only.

Each is a module with an `export` function (writes its folder) and a `downloads` function (the
files the site offers, made from that folder); build.py lists them (OUTPUTS)."""
