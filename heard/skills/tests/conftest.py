import pytest

from heard.safety import services as safety_services


@pytest.fixture
def screen_returns(monkeypatch):
    """Make the crisis screener return a fixed finding (the engine has its own tests)."""
    from types import SimpleNamespace

    def install(level="none", *, crisis=False, about="self", categories=()):
        result = SimpleNamespace(
            level=level,
            categories=categories,
            crisis=crisis,
            about=about,
            explanation="test finding",
        )
        monkeypatch.setattr(safety_services, "_screener", lambda: lambda text, lang: result)

    return install
