"""Copy the front-end files Heard serves into heard/core/static_build/.

Run after `npm ci`:

    npm ci --no-audit --no-fund && .venv/bin/python tools/build_assets.py

It rebuilds the output folder from scratch, so running it twice gives the same result.
Only what the pages use is copied: the USWDS compiled CSS and JS (with their source maps,
which the hashed static storage follows), exactly the fonts and images that USWDS CSS names
in url(...), htmx, the licence files, and our own files from heard/core/static_src/.
Standard library only: this runs before the Python dependencies matter.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
SRC = ROOT / "heard" / "core" / "static_src"
OUT = ROOT / "heard" / "core" / "static_build"

USWDS_PKG = NODE_MODULES / "@uswds" / "uswds"
USWDS_DIST = USWDS_PKG / "dist"
HTMX_PKG = NODE_MODULES / "htmx.org"

# url(...) in CSS, with or without quotes.
CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]*)\1\s*\)""")
# A file's trailing "sourceMappingURL=..." comment.
SOURCE_MAP = re.compile(r"sourceMappingURL=(?P<name>[^\s*]+)")


class BuildError(RuntimeError):
    """Something the build needs is missing or wrong; the message says how to fix it."""


def pinned_versions() -> dict[str, str]:
    """The exact versions package.json pins (we pin exactly, so no ranges to resolve)."""
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    deps: dict[str, str] = manifest["dependencies"]
    return deps


def check_installed(versions: dict[str, str]) -> None:
    """Fail if node_modules is missing or holds other versions than package.json pins."""
    for name, wanted in versions.items():
        manifest = NODE_MODULES / name / "package.json"
        if not manifest.is_file():
            raise BuildError(f"{name} is not installed. Run `npm ci --no-audit --no-fund` first.")
        found = json.loads(manifest.read_text(encoding="utf-8"))["version"]
        if found != wanted:
            raise BuildError(
                f"{name} {found} is installed but package.json pins {wanted}. Run `npm ci`."
            )


def copy_file(src: Path, dest: Path) -> None:
    if not src.is_file():
        raise BuildError(f"Missing file: {src.relative_to(ROOT)}")
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dest)


def local_css_urls(css: str) -> list[str]:
    """Relative url(...) targets in a stylesheet, without data: URIs, fragments or queries."""
    found: list[str] = []
    for match in CSS_URL.finditer(css):
        url = match.group("url").strip()
        if not url or url.startswith(("data:", "#", "/", "http:", "https:")):
            continue
        url = url.split("#", 1)[0].split("?", 1)[0]
        if url not in found:
            found.append(url)
    return found


def copy_with_source_map(src: Path, dest: Path) -> list[Path]:
    """Copy a minified file and the source map it names (the manifest storage needs it)."""
    copy_file(src, dest)
    copied = [dest]
    match = SOURCE_MAP.search(src.read_text(encoding="utf-8"))
    if match:
        map_name = match.group("name")
        copy_file(src.parent / map_name, dest.parent / map_name)
        copied.append(dest.parent / map_name)
    return copied


def copy_css_references(css_src: Path, css_dest: Path, *, root_src: Path) -> list[Path]:
    """Copy every file the stylesheet names, keeping the same relative path.

    Raises BuildError if a reference points outside `root_src` or the file does not exist,
    so a USWDS upgrade that moves files fails here and not as broken icons in production.
    """
    copied: list[Path] = []
    for url in local_css_urls(css_src.read_text(encoding="utf-8")):
        target = (css_src.parent / PurePosixPath(url)).resolve()
        if not target.is_relative_to(root_src.resolve()):
            raise BuildError(f"{css_src.name} refers outside its package: {url}")
        dest = (css_dest.parent / PurePosixPath(url)).resolve()
        copy_file(target, dest)
        copied.append(dest)
    return copied


def build() -> list[Path]:
    versions = pinned_versions()
    check_installed(versions)

    # Rebuild from scratch so files dropped from a new USWDS release do not linger.
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)

    uswds_out = OUT / "vendor" / "uswds"
    css_dest = uswds_out / "css" / "uswds.min.css"
    copied = copy_with_source_map(USWDS_DIST / "css" / "uswds.min.css", css_dest)
    copied += copy_css_references(
        USWDS_DIST / "css" / "uswds.min.css", css_dest, root_src=USWDS_DIST
    )
    copied += copy_with_source_map(
        USWDS_DIST / "js" / "uswds.min.js", uswds_out / "js" / "uswds.min.js"
    )
    copy_file(USWDS_PKG / "LICENSE.md", uswds_out / "LICENSE.md")
    copied.append(uswds_out / "LICENSE.md")

    htmx_out = OUT / "vendor" / "htmx"
    copied += copy_with_source_map(HTMX_PKG / "dist" / "htmx.min.js", htmx_out / "htmx.min.js")
    copy_file(HTMX_PKG / "LICENSE", htmx_out / "LICENSE")
    copied.append(htmx_out / "LICENSE")

    # Our own files, namespaced under heard/ so app static folders cannot shadow them.
    own_out = OUT / "heard"
    for src in sorted(p for p in SRC.rglob("*") if p.is_file()):
        dest = own_out / src.relative_to(SRC)
        copy_file(src, dest)
        copied.append(dest)
        if src.suffix == ".css":
            copied += copy_css_references(src, dest, root_src=SRC)

    (OUT / "VERSIONS.json").write_text(
        json.dumps(versions, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return copied


def main() -> int:
    try:
        copied = build()
    except BuildError as exc:
        print(f"build_assets: {exc}", file=sys.stderr)
        return 1
    size = sum(p.stat().st_size for p in set(copied))
    print(f"build_assets: {len(set(copied))} files, {size // 1024} KiB -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
