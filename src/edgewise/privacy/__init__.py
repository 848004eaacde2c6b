"""Privacy: PII scan, reversible de-identification, privacy level."""
