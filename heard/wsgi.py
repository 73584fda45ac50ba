"""WSGI entry point (served by granian: `heard serve`)."""

import os
import threading

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heard.settings")

application = get_wsgi_application()


def _prepare_screening() -> None:
    # The crisis screener's model and rule indexes take a few seconds to build, once per
    # process. A worker builds them as it starts, so the first person to write after a
    # restart does not wait for it (screening works the same if a text comes first).
    from heard.safety.screening import prepare

    prepare()


threading.Thread(target=_prepare_screening, name="heard-screening-prepare", daemon=True).start()
