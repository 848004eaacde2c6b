"""Tiered routing: grader, pricing, ledger, router backend."""
