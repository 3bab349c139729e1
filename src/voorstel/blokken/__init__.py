"""The shared building blocks: models of kopblok, tabellen, begroting, verdeelsleutel, ..."""
