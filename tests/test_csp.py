"""The Content-Security-Policy trusts the theme's inline scripts and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import mkdocs_build, site_project
from pratamedbarn import csp


def page(content: str) -> str:
    """A page as the theme writes it, with `content` where the content goes."""
    return ('<html><head><meta http-equiv="Content-Security-Policy" content="default-src '
            "'self'; script-src 'self'; object-src 'none'\"><script>var theme=1</script>"
            f'</head><body>{content}<script id="__config" type="application/json">{{"a": 1}}'
            '</script><script src="bundle.js"></script></body></html>')


def test_the_themes_scripts_are_allowed_by_hash_and_data_blocks_are_not_hashed():
    hashes = csp.theme_hashes(page(""))
    assert len(hashes) == 1
    secured = csp.secure_page(page("<p>Text</p>"), hashes, "sida.md")
    policy = re.search(r'content="([^"]*)"', secured)[1]
    assert f"script-src 'self' {next(iter(hashes))};" in policy


@pytest.mark.parametrize("content", [
    "<script>document.title='X'</script>",
    "<SCRIPT type='text/javascript'>alert(1)</SCRIPT >",
    "<script>alert(1)",  # never closed: runs up to the theme's next </script>
    "<p>x</p><script>alert(1)</p>",
])
def test_a_script_from_content_is_never_hashed_and_stops_the_build(content: str):
    hashes = csp.theme_hashes(page(""))
    with pytest.raises(csp.PolicyError, match=r"^filmer/tolk\.md: sidan har ett skript"):
        csp.secure_page(page(content), hashes, "filmer/tolk.md")


def test_a_script_left_open_at_the_end_of_a_page_stops_the_build():
    hashes = csp.theme_hashes(page(""))
    with pytest.raises(csp.PolicyError, match="sidan har ett skript"):
        csp.secure_page(page("") + "<script>alert(1)", hashes, "sida.md")


def test_a_page_whose_policy_tag_cannot_be_found_stops_the_build():
    without = page("").replace("Content-Security-Policy", "X-Policy")
    with pytest.raises(csp.PolicyError, match="saknar säkerhetspolicyn"):
        csp.secure_page(without, csp.theme_hashes(page("")), "om-oss.md")


def test_a_hand_written_page_with_a_script_fails_the_build_naming_the_page(tmp_path: Path):
    project = site_project(tmp_path)
    (project / "docs" / "skript.md").write_text(
        '# Skript\n\n<script>document.title="X"</script>\n', encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "skript.md: sidan har ett skript som inte kommer från webbplatsens tema" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_built_page_allows_exactly_the_themes_scripts(fixture_site: Path):
    theme = csp.theme_hashes((fixture_site / "404.html").read_text(encoding="utf-8"))
    assert len(theme) == 3  # Material's storage scope, palette switch and tabbed content
    for path in fixture_site.rglob("*.html"):
        policy = csp.POLICY_TAG.search(path.read_text(encoding="utf-8"))[2]
        assert set(re.findall(r"'sha256-[^']+'", policy)) == theme, path
