"""Pages for journal."""
