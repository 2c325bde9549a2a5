"""Demo data of the four cities in the source documents and the loaders that put it in place."""
