"""Helpers below every floor that reads the curriculum: clock and minutes, dates, and the
Markdown/prose reading of text fields. They import nothing of the handbook's own."""
