from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from heard.people.views import home


def index(request: HttpRequest) -> HttpResponse:
    """The front door: a welcome for visitors, the right home for people signed in."""
    if request.user.is_authenticated:
        return home(request)
    return render(request, "core/welcome.html")
