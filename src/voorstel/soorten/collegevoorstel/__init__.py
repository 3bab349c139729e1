"""The soort collegevoorstel: its model, compute step, templates and starter."""
