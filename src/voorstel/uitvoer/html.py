"""HTML: the Markdown output as a standalone, accessible web page (lang nl, one stylesheet).

The page is made from the same Markdown as the .md, so both always say the same; raw HTML
is never passed through (markdown-it with html off), so user text stays text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import escape
from mdit_py_plugins.footnote import footnote_plugin

_PAGINA = """
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45;
       max-width: 46em; margin: 2em auto; padding: 0 1em; color: #1a1a1a; }
"""
_INHOUD = """h1 { color: #1f3a5f; border-bottom: 2px solid #4f81bd; padding-bottom: .2em; }
h2, h3, h4 { color: #1f3a5f; margin-top: 1.4em; }
table { border-collapse: collapse; margin: .8em 0; }
th, td { border: 1px solid #999; padding: .25em .5em; vertical-align: top; }
th { background: #d9e2f3; text-align: left; }
img { max-width: 100%; }
.footnotes { font-size: 9pt; border-top: 1px solid #999; margin-top: 2em; }
"""
STIJL = _PAGINA + _INHOUD
"""The stylesheet of a page: the page itself, and its content."""


def inhoud_stijl(binnen: str) -> str:
    """The content rules of the stylesheet for the content inside the element `binnen` (a
    CSS selector), so a page that shows the document among other things (the preview of
    `voorstel serve`) styles it as the .html does, and only it."""
    regels = []
    for regel in _INHOUD.strip().splitlines():
        kiezers, rest = regel.split("{", 1)
        regels.append(", ".join(f"{binnen} {k.strip()}" for k in kiezers.split(",")) + " {" + rest)
    return "\n".join(regels) + "\n"


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table").use(footnote_plugin)
    md.add_render_rule("image", _afbeelding)
    return md


def _afbeelding(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    """Images with their alt text, as the Markdown gives it."""
    token = tokens[idx]
    alt = escape(token.content or "")
    src = escape(str(token.attrGet("src") or ""))
    return f'<img src="{src}" alt="{alt}">'


def pagina(markdown: str, titel: str) -> str:
    """A complete HTML5 page for the Markdown text."""
    body = _parser().render(markdown)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl-NL">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(titel)}</title>\n<style>{STIJL}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
