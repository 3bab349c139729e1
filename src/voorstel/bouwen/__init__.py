"""Building: discover sources, plan outputs, batch builds, incremental state, diff, new."""
