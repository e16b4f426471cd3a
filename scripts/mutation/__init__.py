"""Mutation testing of the rule headers: see scripts/mutate.py."""
