"""Pages for checkins."""
