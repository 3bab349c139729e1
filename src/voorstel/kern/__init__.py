"""The core: errors, source locations, Dutch formats, money, prose and reproducible zips.
No rendering."""
