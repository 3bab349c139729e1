"""The soort raadsinformatiebrief: its model, compute step, templates and starter."""
