"""Check-in test helpers: the crisis screener made to answer what a test needs (shared, in
heard/testing/screening.py)."""

from heard.testing.screening import screen_returns

__all__ = ["screen_returns"]
