"""A test-only app with encrypted columns, for crypto and `heard keys rotate` tests.

Installed by heard/settings_test.py only; production never sees this table.
"""
