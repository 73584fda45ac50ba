"""Heard: an open-source platform for compassionate mental health care."""

__version__ = "0.1.0"
