"""Curriculum models → Markdown pages, one set per configured language."""
