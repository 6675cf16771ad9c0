"""The CSS of :mod:`persnews.display`: one ``<style>`` element, every rule scoped
under ``.persnews`` and every class named ``pn-…``, so it changes nothing else on a
notebook page.  System fonts only: nothing is downloaded.

Highlighted text sets its own dark colour on a light background, so it reads in
a notebook's dark theme as well as a light one; the rest inherits the page's
colours.
"""

from __future__ import annotations

from typing import Final

import regex

from persnews import _patterns

__all__ = ["STYLE"]

#: the stylesheet, as written (comments and spacing are dropped for STYLE)
CSS: Final = """
.persnews {
  --pn-latin: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif;
  direction: rtl; text-align: start; max-width: 62em;
  font: 15px/1.6 Vazirmatn, Vazir, Tahoma, "Noto Sans Arabic", "DejaVu Sans", Arial, sans-serif;
}
.persnews * { box-sizing: border-box; }

/* the counts and the legend: rows of small pills, in Latin script */
.persnews .pn-info, .persnews .pn-legend {
  display: flex; flex-wrap: wrap; gap: .35em; margin: .2em 0 .5em; padding: 0;
}
.persnews .pn-stat, .persnews .pn-key {
  font: 12px/1.5 var(--pn-latin); padding: .1em .5em; border-radius: 1em;
  direction: ltr; unicode-bidi: isolate; white-space: nowrap;
}
.persnews .pn-stat { border: 1px solid rgba(128, 128, 128, .45); }
.persnews .pn-key { color: #1b1b1b; border: 1px solid transparent; }
.persnews .pn-key b { font-weight: 700; margin-inline-end: .35em; }

/* the text: line breaks and spaces as written */
.persnews .pn-text {
  white-space: pre-wrap; overflow-wrap: break-word; line-height: 2.4; unicode-bidi: isolate;
  padding: .4em .8em; margin: 0 0 .6em; border-inline-start: 3px solid rgba(128, 128, 128, .35);
}
.persnews .pn-text:empty::before { content: "(empty text)"; opacity: .6; font-style: italic; }
.persnews .pn-trim { display: none; }

/* a highlight; a piece cut where two highlights cross loses its border on that side */
.persnews .pn-m {
  color: #1b1b1b; border: 1px solid transparent; border-radius: .35em; padding: .15em .2em;
  -webkit-box-decoration-break: clone; box-decoration-break: clone;
}
.persnews .pn-badge::after {
  content: attr(data-label); font: 700 9px/1 var(--pn-latin); letter-spacing: .03em;
  text-transform: uppercase; margin-inline-start: .35em; padding: .15em .25em;
  border-radius: .3em; background: rgba(255, 255, 255, .6); color: #333; vertical-align: .2em;
  direction: ltr; unicode-bidi: isolate;
}
.persnews .pn-cut-end::after { content: none; }
.persnews .pn-cut-end {
  border-start-end-radius: 0; border-end-end-radius: 0; padding-inline-end: 0;
  border-inline-end-style: none;
}
.persnews .pn-cut-start {
  border-start-start-radius: 0; border-end-start-radius: 0; padding-inline-start: 0;
  border-inline-start-style: none;
}

/* one colour per type: light enough for dark text, told apart by hue */
.persnews .pn-PER { background: #ffc9a3; border-color: #e0925c; }
.persnews .pn-ORG { background: #b6d4fe; border-color: #6b9be0; }
.persnews .pn-LOC { background: #b8e8a8; border-color: #6fbf57; }
.persnews .pn-FAC { background: #dccbf7; border-color: #a486dd; }
.persnews .pn-EVENT { background: #ffbcd6; border-color: #e4799f; }
.persnews .pn-PRODUCT { background: #f2e28a; border-color: #c9b234; }
.persnews .pn-TITLE { background: #ead7b9; border-color: #bf9b62; }
.persnews .pn-DATE { background: #9fe1ea; border-color: #46b3c2; }
.persnews .pn-QUOTE { background: #eef1f6; }
.persnews .pn-m.pn-NUM {
  color: inherit; border: none; border-bottom: 2px dotted #6b7280; border-radius: 0;
  padding-inline: 0;
}
.persnews .pn-m.pn-QUOTE {
  border: none; border-bottom: 2px solid #4f6d8f; border-radius: 0; padding-inline: 0;
}
.persnews .pn-key.pn-NUM { color: inherit; border: 1px dotted #6b7280; }
.persnews .pn-key.pn-QUOTE { border-color: #4f6d8f; border-bottom-width: 2px; }

/* the tables */
.persnews details { margin: .3em 0; }
.persnews summary { font: 600 13px/1.8 var(--pn-latin); cursor: pointer; }
.persnews .pn-table {
  border-collapse: collapse; margin: .2em 0 .8em; font-size: 13px; line-height: 1.6;
  direction: rtl; width: 100%;
}
.persnews .pn-table th, .persnews .pn-table td {
  border: 1px solid rgba(128, 128, 128, .35); padding: .25em .55em; text-align: start;
  vertical-align: top; background: none;
}
.persnews .pn-table th { font: 600 12px/1.6 var(--pn-latin); background: rgba(128, 128, 128, .12); }
.persnews .pn-arg {
  color: #1b1b1b; border: 1px solid transparent; border-radius: .3em; padding: .05em .3em;
  white-space: nowrap;
}
.persnews .pn-plain { color: inherit; border: 1px dashed rgba(128, 128, 128, .6); }
.persnews .pn-note { opacity: .65; font-size: .9em; margin-inline-start: .35em; }
.persnews .pn-why { display: block; opacity: .65; font: 12px/1.5 var(--pn-latin); }
.persnews .pn-line { display: block; }
.persnews .pn-nowrap { white-space: nowrap; }
.persnews .pn-context { min-width: 18em; }
.persnews .pn-num {
  font: 12px/1.6 var(--pn-latin); direction: ltr; unicode-bidi: isolate; white-space: nowrap;
  opacity: .75;
}
.persnews .pn-ltr { font: 12px/1.6 var(--pn-latin); direction: ltr; unicode-bidi: isolate; }
.persnews .pn-none { opacity: .55; }
.persnews .pn-ctx { opacity: .7; }
"""


def _minified(css: str) -> str:
    """``css`` without comments, and without the spaces around ``{ } ; :`` and ``,``
    (the stylesheet has no strings with those characters in them)."""
    css = _patterns.compile(r"/\*.*?\*/", regex.DOTALL).sub("", css)
    css = _patterns.compile(r"\s+").sub(" ", css)
    css = _patterns.compile(r"\s*([{};:,])\s*").sub(r"\1", css)
    return css.replace(";}", "}").strip()


#: the ``<style>`` element every fragment starts with
STYLE: Final = f"<style>{_minified(CSS)}</style>"
