"""Dev-only: sign in to a running demo as several people and save screenshots.

Usage: .venv/bin/python tools/screenshots.py [BASE_URL]   (default http://127.0.0.1:8000)
Screenshots go to var/screenshots/demo-*.png.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path("var/screenshots")
PASSWORD = "heard-demo-2026"  # noqa: S105 - the printed demo password
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def sign_in(page: Page, email: str, staff: bool) -> None:
    page.goto(f"{BASE}/account/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if staff:
        code = subprocess.run(  # noqa: S603
            [".venv/bin/heard", "democode", email],
            capture_output=True,
            text=True,
            check=True,
            env={"HEARD_DEBUG": "true", "PATH": "/usr/bin:/bin"},
        ).stdout.strip()
        page.get_by_label("Code").fill(code)
        page.get_by_role("button", name="Continue").click()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    people = [
        (
            "aaliyah@demo.heard.test",
            False,
            ["/me/", "/me/access-report/", "/me/profile/", "/me/care-plan/", "/skills/", "/learn/"],
        ),
        ("adaeze@demo.heard.test", True, ["/care/"]),
        # "link:" follows a link by its text from the page before (the client's own id).
        (
            "maya@demo.heard.test",
            True,
            ["/care/", "link:Aaliyah Johnson", "link:Care plan, goals and progress"],
        ),
        ("olivia@demo.heard.test", True, ["/org/", "/account/security/"]),
    ]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for email, staff, paths in people:
            for width, label in ((390, "phone"), (1280, "desktop")):
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                sign_in(page, email, staff)
                for path in paths:
                    if path.startswith("link:"):
                        page.get_by_role("link", name=path[5:]).first.click()
                        page.wait_for_load_state()
                    else:
                        page.goto(BASE + path)
                    slug = path.strip("/").replace("/", "-").replace(":", "-").replace(" ", "-")
                    name = f"demo-{email.split('@')[0]}-{slug}-{label}"
                    page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
                    print(name)
                context.close()
        browser.close()


if __name__ == "__main__":
    main()
