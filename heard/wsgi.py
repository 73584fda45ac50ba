"""WSGI entry point (served by granian: `heard serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")

application = get_wsgi_application()
