"""The markup of a film player: a <video> for own files, a consent button for other hosts."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from urllib.parse import urlsplit

from .models import Film, Item

YOUTUBE_HOST = "www.youtube-nocookie.com"
VIMEO_HOST = "player.vimeo.com"


def embed_url(film: Film) -> str:
    """The iframe address of a film on another host (never a tracking domain for YouTube)."""
    source = film.source
    if source.youtube:
        return f"https://{YOUTUBE_HOST}/embed/{source.youtube}?rel=0"
    if source.vimeo:
        return f"https://{VIMEO_HOST}/video/{source.vimeo}?dnt=1"
    return source.embed


def watch_url(film: Film) -> str:
    """Where the film opens in a new tab, for readers without JavaScript."""
    source = film.source
    if source.youtube:
        return f"https://www.youtube.com/watch?v={source.youtube}"
    if source.vimeo:
        return f"https://vimeo.com/{source.vimeo}"
    return source.embed


def host_of(film: Film) -> str:
    """The host the iframe connects to."""
    return urlsplit(embed_url(film)).hostname or ""


def provider_of(film: Film) -> str:
    """The name a learner knows the film's host by."""
    source = film.source
    return "YouTube" if source.youtube else "Vimeo" if source.vimeo else host_of(film)


def aliases_attr(item: Item) -> str:
    """' data-aliases="old other"' for an item renamed from old ids, else ''.

    The learner's browser moves ticks, "watched" and notes saved under an old id to the new one.
    """
    return f' data-aliases="{" ".join(item.aliases)}"' if item.aliases else ""


#: Where the scripts put the "Jag har sett filmen" button: written with the page, so that
#: the text below the film does not jump when the button appears (layout shift).
WATCHED_PLACE = '<div class="pmb-watched" data-search-exclude></div>\n'


def _video(film: Film, url: Callable[[str], str], lazy: bool) -> str:
    src, poster = escape(url(film.source.file)), escape(url(film.source.poster))
    track = escape(url(film.captions))
    # A page with several films far down (a session page) loads each poster only when the
    # film comes into view (pratamedbarn.js), as an image with loading="lazy" would.
    poster_attr = f'data-poster="{poster}"' if lazy else f'poster="{poster}"'
    # preload="none": nothing of the film is downloaded before the learner presses play.
    # With "metadata" Chromium fetched the whole short film (about 300 kB) with the page.
    # The captions are not `default` either: Chromium would fetch them with the page, and the
    # player's controls move when they arrive (layout shift). pratamedbarn.js turns them on
    # when the film starts; without JavaScript the player's own captions button does.
    return (
        f'<figure class="pmb-player" data-film="{film.id}"{aliases_attr(film)}>\n'
        f'<video controls preload="none" width="640" height="360" {poster_attr} '
        f'data-film="{film.id}">\n'
        f'<source src="{src}" type="video/mp4">\n'
        f'<track kind="captions" srclang="sv" label="Svenska" src="{track}">\n'
        # The fallback is for old browsers only: search leaves it out (Material's attribute).
        f'<p data-search-exclude>Din webbläsare kan inte visa filmen. '
        f'<a href="{src}">Ladda ner filmen</a>.</p>\n'
        f'</video>\n'
        f'</figure>\n{WATCHED_PLACE}')


def _consent(film: Film, url: Callable[[str], str]) -> str:
    host, provider = escape(host_of(film)), escape(provider_of(film))
    poster = escape(url(film.source.poster))
    return (
        f'<figure class="pmb-player pmb-embed" data-film="{film.id}"{aliases_attr(film)} '
        f'data-embed-src="{escape(embed_url(film))}" data-embed-title="{escape(film.title)}">\n'
        f'<img src="{poster}" alt="" width="640" height="360">\n'
        f'<figcaption class="pmb-embed__consent" data-search-exclude>\n'
        f'<p>Filmen ligger hos <strong>{provider}</strong>. När du startar den hämtas den '
        f'från {host}, och {provider} kan då se att du tittar.</p>\n'
        f'<button type="button" class="md-button md-button--primary pmb-embed__start" hidden>'
        f'Starta filmen från {provider}</button>\n'
        f'<a class="md-button pmb-embed__link" href="{escape(watch_url(film))}" '
        f'rel="noopener">Öppna filmen hos {provider}</a>\n'
        f'</figcaption>\n'
        f'</figure>\n{WATCHED_PLACE}')


def player_html(film: Film, url: Callable[[str], str], lazy: bool = False) -> str:
    """The player block for a film page; `url` makes a docs path relative to the page.

    `lazy`: the poster of a self-hosted film loads when the film comes into view.
    """
    return _video(film, url, lazy) if film.source.file else _consent(film, url)
