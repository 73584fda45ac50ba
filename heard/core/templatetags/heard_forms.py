"""Render a form field's widget with the design system's classes and ARIA links."""

from __future__ import annotations

from django import forms, template
from django.utils.safestring import SafeString

register = template.Library()

_CLASSES = {
    forms.CheckboxInput: "usa-checkbox__input",
    forms.RadioSelect: "usa-radio__input",
    forms.Select: "usa-select",
    forms.Textarea: "usa-textarea",
}


@register.simple_tag
def widget(bound: forms.BoundField) -> SafeString:
    w = bound.field.widget
    css = next((c for kind, c in _CLASSES.items() if isinstance(w, kind)), "usa-input")
    if bound.errors:
        css += " usa-input--error"
    described = []
    if bound.help_text:
        described.append(f"{bound.auto_id}-hint")
    if bound.errors:
        described.append(f"{bound.auto_id}-error")
    attrs: dict[str, str | bool] = {"class": css}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if bound.errors:
        attrs["aria-invalid"] = "true"
    return bound.as_widget(attrs=attrs)
