"""What `make serve` shows while the content has errors or the study guide is being made.

MkDocs' server shows no page until a build succeeds, so a build that raised left every page
request hanging. Instead, the plugin (plugin.py) lets a build with broken content succeed
with no pages, writes the error page of this module into the site, and `with_preview` answers
every page request with it, so no page of an older build is shown as if it were current. The
server's live-reload script is in that page too: the browser reloads it by itself after the
next save. The printed documents are laid out after the build (guide_worker.py); until they
are written, asking for one gives a short page saying so, not a 404.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path

from .urls import CARDS_NAME, PDF_NAME

#: The site files the error page is written to: the start page, and MkDocs' page for a
#: request that waited for a build in which its page vanished.
ERROR_FILES = ("index.html", "404.html")
# 200, not 503: MkDocs' server logs any other answer as an English warning, and one logged
# while a build runs counts as a failure under --strict.
SHOWN = "200 OK"
PENDING_TEXT = "Studiehandledningen görs, ladda om om en stund."

_PAGE = """<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – förhandsvisning</title>
<style>
body {{ font: 1.1rem/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto;
       padding: 0 1rem; color: #1a1a1a; background: #fff; }}
h1 {{ font-size: 1.6rem; }}
li {{ margin: 0 0 .75rem; }}
code {{ font-weight: bold; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
{body}
</main>
</body>
</html>
"""


def error_page(problems: list[str]) -> str:
    """The page every address shows while the content has `problems` (one line each)."""
    items = "\n".join(f"<li>{_line(problem)}</li>" for problem in problems)
    one = len(problems) == 1
    title = "Innehållet har ett fel" if one else f"Innehållet har {len(problems)} fel"
    return _PAGE.format(title=title, body=(
        f"<p>Förhandsvisningen visar inga sidor förrän {'felet är rättat' if one else 'felen är rättade'}"
        ", så att du aldrig ser en gammal sida som om den vore aktuell.</p>\n"
        f"<ol>\n{items}\n</ol>\n"
        "<p>Rätta i filen och spara den. Sidan laddas om av sig själv när filen är rättad.</p>"))


def write_error_page(site_dir: Path, problems: list[str]) -> None:
    """Write the error page of `problems` into the built site, where `with_preview` finds it."""
    site_dir.mkdir(parents=True, exist_ok=True)
    for name in ERROR_FILES:
        (site_dir / name).write_text(error_page(problems), encoding="utf-8")


def pending_page() -> str:
    """The page a printed document's address shows until its layout is written."""
    return _PAGE.format(title="Studiehandledningen görs", body=(
        f"<p>{PENDING_TEXT}</p>\n<p>Förhandsvisningen gör om PDF-filen efter varje sparad "
        "ändring. Det tar några sekunder.</p>"))


def _line(problem: str) -> str:
    # "file:line: field: message": the place in bold, so the eye finds the file to open.
    place, sep, rest = problem.partition(": ")
    return f"<code>{escape(place)}</code>{sep}{escape(rest)}" if sep else escape(problem)


def with_preview(app: Callable, root: Path, mount_path: str, problems: Callable[[], list | None],
                 guide_busy: Callable[[], bool]) -> Callable:
    """`app` (the WSGI app of `mkdocs serve`, site under `root` at `mount_path`), which shows
    the error page for every page while `problems()` returns any, and says a printed
    document is being made while `guide_busy()` and it is not written yet."""

    def show_problems(environ: dict, start_response: Callable) -> Iterable[bytes]:
        # Through the server's own app, which puts its live-reload script in the page.
        return app({**environ, "PATH_INFO": mount_path}, start_response)

    def serve(environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
        if path.startswith("/livereload/") or not path.startswith(mount_path):
            return app(environ, start_response)
        relative = path[len(mount_path):]
        if problems() is not None and not _is_asset(root, relative):
            return show_problems(environ, start_response)
        if relative in (PDF_NAME, CARDS_NAME) and guide_busy() and not (root / relative).is_file():
            body = pending_page().encode("utf-8")
            start_response(SHOWN, [("Content-Type", "text/html; charset=utf-8"),
                                   ("Content-Length", str(len(body)))])
            return [body]
        # A request that came just before a save waits for its build; if that build found
        # problems, its page is gone: it gets the error page, with the live-reload script.
        answer: list = []
        result = app(environ, lambda *given: answer.extend(given))
        if answer[0].startswith("404") and problems() is not None:
            getattr(result, "close", lambda: None)()
            return show_problems(environ, start_response)
        start_response(*answer)
        return result

    return serve


def _is_asset(root: Path, relative: str) -> bool:
    # Styles, scripts and images of the theme stay reachable; every page is the error page.
    return bool(relative) and not relative.endswith(("/", ".html")) and (root / relative).is_file()

