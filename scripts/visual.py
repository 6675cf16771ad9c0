"""Render an article to HTML and screenshot it with headless Chromium, for review.

    python scripts/visual.py                      # the seed article (../shared), else examples/
    python scripts/visual.py --text a.txt --published 1402/07/17

Writes build/visual/article.html (a full page: the persnews.display fragment for
the article, then a table of its dates from render_mentions) and
build/visual/article.png.  Needs Debian's chromium package (apt-get install
chromium); without it the script stops with status 2 and says so.  Nothing is
fetched from the network: the page is a local file with no external resources.
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PERSNEWS_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "examples" / "seed_article.txt"
EXAMPLE = ROOT / "examples" / "article.txt"
#: the browsers' names on Debian and elsewhere
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

sys.path.insert(0, str(ROOT))  # the source tree's persnews, when run from a checkout

from persnews import analyze  # noqa: E402
from persnews.display import render, render_mentions  # noqa: E402

#: page colours: a plain page, and a notebook's dark theme (JupyterLab's)
THEMES = {"light": "background:#fff;color:#111", "dark": "background:#111;color:#d4d4d4"}


def page(text: str, published: str, title: str, theme: str = "light") -> str:
    """A whole HTML page around the fragments: the article, then its dates."""
    article = analyze(text, published=published)
    return (
        '<!doctype html>\n<html lang="fa"><head><meta charset="utf-8">'
        f"<title>persnews: {html.escape(title)}</title></head>\n"
        f'<body style="margin:24px;{THEMES[theme]}">\n'
        f"{render(article)}\n"
        '<h3 style="font:600 14px system-ui,sans-serif">render_mentions(article.dates)</h3>\n'
        f"{render_mentions(article.dates, text=article.text)}\n"
        "</body></html>\n"
    )


def browser() -> str | None:
    """The path of a Chromium on this machine, or None."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(chromium: str, html: Path, png: Path, size: str) -> None:
    """Headless Chromium: ``html`` to ``png`` at the window ``size`` ("W,H")."""
    with tempfile.TemporaryDirectory(prefix="persnews-chromium-") as profile:
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            f"--window-size={size}",
            html.as_uri(),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    if result.returncode != 0 or not png.is_file() or png.stat().st_size == 0:
        sys.exit(f"chromium failed (status {result.returncode}):\n{result.stderr[-2000:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--text", type=Path, help="a UTF-8 article (default: the seed article)")
    parser.add_argument("--published", help="its publication date (2021-11-23, 1402/07/17)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "visual")
    parser.add_argument("--window-size", default="1200,3000", help="W,H in pixels")
    parser.add_argument(
        "--theme",
        choices=tuple(THEMES),
        default="light",
        help="page colours; dark is a notebook's dark theme (writes article-dark.*)",
    )
    arguments = parser.parse_args()

    if arguments.text is not None:
        source, published = arguments.text, arguments.published
    elif SEED.is_file():
        source, published = SEED, arguments.published or "2021-11-23"
    else:
        print(f"{SEED} not found; using {EXAMPLE}", file=sys.stderr)
        source, published = EXAMPLE, arguments.published or "1402/07/17"

    chromium = browser()
    if chromium is None:
        print(
            "visual: Chromium is not installed; install Debian's package with\n"
            "    apt-get install chromium\n"
            "and run again.",
            file=sys.stderr,
        )
        return 2

    arguments.out.mkdir(parents=True, exist_ok=True)
    name = "article" if arguments.theme == "light" else f"article-{arguments.theme}"
    target, png = arguments.out / f"{name}.html", arguments.out / f"{name}.png"
    text = source.read_text("utf-8")
    target.write_text(page(text, published, source.name, arguments.theme), encoding="utf-8")
    screenshot(chromium, target.resolve(), png.resolve(), arguments.window_size)
    print(f"wrote {target} and {png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
