"""Gettext PO files for translators and reviewers: `handbook po export` and `po import`."""
