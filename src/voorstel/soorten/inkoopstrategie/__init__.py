"""The soort inkoopstrategie: its model, compute step, templates and starter."""
