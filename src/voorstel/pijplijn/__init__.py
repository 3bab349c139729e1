"""The pipeline: load, validate, compute, write."""
