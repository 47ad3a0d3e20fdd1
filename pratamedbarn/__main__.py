"""Command line: `python -m pratamedbarn check | schemas | links | generate | finish | editions |
build-editions | film`."""

from __future__ import annotations

import argparse
import logging
import socket
import sys
from datetime import date
from pathlib import Path

from . import edition_builds, film_import
from .csp import PolicyError
from .editions import chosen_id, load_editions, pick
from .errors import ContentError, report
from .generate import CONFIG, generate, read_config, site_name
from .library import load_library
from .links import check_links, find_links
from .notices import answer_place_problems, review_notice
from .publisher import missing_problems
from .schemas import SCHEMA_DIR, write_schemas
from .site_build import SiteBuild, finish_site
from .study_guide import Publication
from .wording import count


def _summary(library) -> str:
    return (f"Innehållet är i ordning: {count(len(library.films), 'film', 'filmer')} i "
            f"{count(len(library.themes), 'tema', 'teman')}, "
            f"{count(len(library.checklists), 'checklista', 'checklistor')}, "
            f"{count(len(library.exercises), 'övning', 'övningar')}, "
            f"{count(len(library.references), 'källa', 'källor')}, "
            f"{count(len(library.study_guide.sessions), 'träff', 'träffar')} och "
            f"{count(len(library.items['handout']), 'blad till barnet', 'blad till barnet')}.")


def _report(exc: ContentError) -> int:
    print("\n".join(report(exc)), file=sys.stderr)
    return 1


def port(number: int) -> int:
    """Say in Swedish, before `make serve` starts, when its port is taken."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", number))
        except OSError:
            print(f"Port {number} används redan, kanske av en annan förhandsvisning som fortfarande "
                  f"är igång. Stäng den (Ctrl+C i dess fönster) eller välj en annan port: "
                  f"make serve PORT={number + 1}", file=sys.stderr)
            return 1
    return 0


def check(root: Path) -> int:
    """Print every content problem under `root`, and whether it can be published."""
    config = root / CONFIG
    name = site_name(read_config(config) if config.is_file() else {})
    try:
        library = load_library(root)
        editions = load_editions(library)
    except ContentError as exc:
        return _report(exc)
    # The pages too, each edition's and the generic course's: a hand-written page may take a
    # generated page's address, and a link in a routine's text lead nowhere.
    problems = []
    for edition in [None, *editions.values()]:
        try:
            SiteBuild.for_edition(library, edition, name)
        except ContentError as exc:
            problems += [p for p in exc.problems if p not in problems]
    if problems:
        return _report(ContentError(problems))
    review = review_notice(library, date.today())
    for note in [*library.notes, *([review] if review else [])]:
        print(f"Obs: {note}")
    missing = missing_problems(library)
    # An edition that is published waits for its sender as the generic site does.
    local = [p for e in editions.values() if e.edition.publish for p in missing_problems(library, e)]
    # Answers in one place are worth a look, but need not wait: publishing goes on.
    for problem in [*missing, *local, *answer_place_problems(library)]:
        print(f"Varning: {problem}")
    print(_summary(library))
    if editions:
        print(f"{count(len(editions), 'lokal utgåva', 'lokala utgåvor')} i ordning: "
              f"{', '.join(editions)}.")
    if missing:
        # The editor's work is fine; the site as a whole waits for its sender.
        print("Ändringen är i ordning, men webbplatsen kan inte publiceras förrän avsändaren "
              "är ifylld under publisher i site.yaml (se varningarna ovan).")
    else:
        print("Ändringen kan publiceras.")
    return 0


def published_editions(root: Path) -> int:
    """Print the id of every edition the workflows publish (not `publish: false`), a line each."""
    try:
        run = edition_builds.load(root)
    except ContentError as exc:
        return _report(exc)
    for edition_id in run.ids():
        print(edition_id)
    return 0


def build_editions(root: Path, out: Path, ids: list[str], jobs: int | None) -> int:
    """Build the editions named (none: every published one), each into `out`/<id>/, from
    content loaded once, in `jobs` processes (None: one a core)."""
    try:
        run = edition_builds.load(root)
        for edition_id in ids:
            pick(run.editions, edition_id)
    except ContentError as exc:
        return _report(exc)
    # What MkDocs logs (a build's errors and warnings) to the terminal, as `mkdocs build` does.
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        edition_builds.build_editions(run, ids or run.ids(), root / CONFIG, out,
                                      jobs or edition_builds.default_jobs())
    except edition_builds.EditionFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


def schemas(root: Path) -> int:
    """Write the JSON schemas that are out of date under `root`/schemas."""
    written = write_schemas(root)
    for name in written:
        print(f"Skrev {SCHEMA_DIR}/{name}")
    if not written:
        print("Alla scheman är redan aktuella.")
    return 0


def links(root: Path, timeout: float = 15) -> int:
    """Ask every external address in the content whether it answers; report, never edit."""
    found = find_links(root)
    print(f"Kontrollerar {count(len({link.url for link in found}), 'extern adress', 'externa adresser')} "
          "(det kräver internet) ...")
    problems = check_links(found, timeout)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{count(len(problems), 'länk', 'länkar')} fungerar inte. Rätta adressen i filen "
              "och kör kontrollen igen.", file=sys.stderr)
        return 1
    print("Alla externa länkar svarar.")
    return 0


def generate_tree(root: Path, out: Path) -> int:
    """Write the site as plain Markdown and a config to `out`, for any engine."""
    try:
        generate(root, out)
    except ContentError as exc:
        return _report(exc)
    print(f"Skrev webbplatsens sidor till {out / 'docs'} och inställningarna till {out / CONFIG}.")
    return 0


def finish(root: Path, site_dir: Path, config: Path, study_guide: bool = True) -> int:
    """The step after an engine's build: policy hashes, news feed, study guide PDF."""
    settings = read_config(config)
    try:
        name = site_name(settings)
        finish_site(SiteBuild.load(root, name, chosen_id()), site_dir, Publication.from_config(settings),
                    name, study_guide)
    except ContentError as exc:
        return _report(exc)
    except PolicyError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pratamedbarn",
                                     description="Kontrollera innehållet i Prata med barn.")
    sub = parser.add_subparsers(dest="command", required=True)
    check_cmd = sub.add_parser("check", help="kontrollera alla innehållsfiler")
    schemas_cmd = sub.add_parser("schemas", help="skriv JSON-scheman för redigering med komplettering")
    links_cmd = sub.add_parser("links", help="kontrollera externa länkar (kräver internet)")
    links_cmd.add_argument("--timeout", type=float, default=15,
                           help="sekunder att vänta på varje adress (standard: 15)")
    generate_cmd = sub.add_parser("generate", help="skriv sidorna som Markdown för valfri motor")
    generate_cmd.add_argument("out", type=Path, help="mappen att skriva till, till exempel build/zensical")
    finish_cmd = sub.add_parser("finish", help="gör färdigt en byggd webbplats (policy, flöde, PDF)")
    finish_cmd.add_argument("site", type=Path, help="den byggda webbplatsens mapp")
    finish_cmd.add_argument("--config", type=Path, default=Path(CONFIG),
                            help="mkdocs.yml att läsa site_url och site_name från")
    finish_cmd.add_argument("--no-study-guide", action="store_true",
                            help="hoppa över studiehandledningens PDF")
    editions_cmd = sub.add_parser("editions", help="skriv namnen på de utgåvor som publiceras")
    build_editions_cmd = sub.add_parser(
        "build-editions", help="bygg utgåvorna, var och en i en egen mapp under site/")
    build_editions_cmd.add_argument("ids", nargs="*", metavar="utgåva",
                                    help="utgåvorna att bygga (standard: alla som publiceras)")
    build_editions_cmd.add_argument("--out", type=Path, default=Path("site"),
                                    help="mappen att bygga i (standard: site)")
    build_editions_cmd.add_argument("--jobs", type=int, default=None,
                                    help="hur många utgåvor som byggs samtidigt (standard: "
                                         "en per kärna)")
    film_cmd = sub.add_parser("film", help="gör en inspelad film klar för webbplatsen (ffmpeg)")
    film_cmd.add_argument("file", type=Path, nargs="?", default=Path(""),
                          help="inspelningen, till exempel inspelning.mov")
    film_cmd.add_argument("--id", default="", help="filmens id, till exempel arga-barn")
    film_cmd.add_argument("--sekund", type=float, default=None,
                          help="sekunden i filmen som blir affischbild (standard: 5, eller mitten)")
    film_cmd.add_argument("--textning", type=Path, default=None,
                          help="textningsfilen (WebVTT) att kontrollera och lägga bredvid filmen")
    port_cmd = sub.add_parser("port", help="säg till om porten för make serve är upptagen")
    port_cmd.add_argument("number", type=int)
    for cmd in (check_cmd, schemas_cmd, links_cmd, generate_cmd, finish_cmd, editions_cmd,
                build_editions_cmd, film_cmd):
        cmd.add_argument("--root", type=Path, default=Path("."),
                         help="mappen där videos.yaml ligger (standard: den här mappen)")
    args = parser.parse_args(argv)
    if args.command == "links":
        return links(args.root, args.timeout)
    if args.command == "generate":
        return generate_tree(args.root, args.out)
    if args.command == "film":
        return film_import.run(args.root, args.file, args.id, args.sekund, args.textning)
    if args.command == "port":
        return port(args.number)
    if args.command == "build-editions":
        return build_editions(args.root, args.out, args.ids, args.jobs)
    if args.command == "finish":
        return finish(args.root, args.site, args.config, not args.no_study_guide)
    return {"check": check, "schemas": schemas,
            "editions": published_editions}[args.command](args.root)


if __name__ == "__main__":
    sys.exit(main())
