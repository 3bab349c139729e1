"""The core: errors, source locations, Dutch formats, money and prose. No rendering."""
