"""The soort memo: its model, compute step, templates and starter."""
