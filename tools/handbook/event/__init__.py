"""Events after the fact: Dashboard outcomes in, reports out."""
