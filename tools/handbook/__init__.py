"""Tools for the Tajik trainer handbook: load, check and render the curriculum."""
