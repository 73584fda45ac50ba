"""STYLE rule 5: views and API modules never query client-scoped models directly.

Client data must be loaded through an app's access.py, which applies the shared policy and
writes the audit trail. This test reads every views.py and api.py and fails on any
`<ClientScopedModel>.objects` use there.
"""

from __future__ import annotations

import ast
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent / "heard"


def client_scoped_models() -> set[str]:
    """Models with a foreign key to a client (named `client`), plus the audit trail."""
    names = {"AuditEvent", "SharingPreference", "CareAssignment"}
    for model in apps.get_models():
        if model.__module__.startswith("heard.") and any(
            f.name == "client" and f.is_relation for f in model._meta.get_fields()
        ):
            names.add(model.__name__)
    return names


def offending_lines(path: Path, models: set[str]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hits = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "objects"
            and isinstance(node.value, ast.Name)
            and node.value.id in models
        ):
            hits.append(f"{path.name}:{node.lineno} {node.value.id}.objects")
    return hits


def test_views_and_api_modules_load_client_data_only_through_access():
    models = client_scoped_models()
    assert "CareAssignment" in models
    files = [*ROOT.rglob("views.py"), *ROOT.rglob("api.py")]
    assert files
    hits = [f"{f.parent.name}/{hit}" for f in files for hit in offending_lines(f, models)]
    assert hits == [], "query these through the app's access.py: " + ", ".join(hits)


def test_the_lint_catches_a_direct_query(tmp_path):
    bad = tmp_path / "views.py"
    bad.write_text("def v(r):\n    return CareAssignment.objects.all()\n")
    assert offending_lines(bad, {"CareAssignment"}) == ["views.py:2 CareAssignment.objects"]
