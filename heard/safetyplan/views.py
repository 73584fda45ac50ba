"""The safety plan pages."""
