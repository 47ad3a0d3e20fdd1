"""Every built page is valid HTML by the W3C Nu HTML Checker (vnu), but for documented Material errors."""

from __future__ import annotations

from pathlib import Path

from checkers import allowed_by, run_vnu, vnu_allowlist


def test_every_page_is_valid_html(site_dir: Path):
    entries = vnu_allowlist()
    errors = run_vnu(site_dir)
    unexpected = [e for e in errors if not allowed_by(e, entries)]
    assert not unexpected, "\n".join(
        f"{e['file']}:{e['line']}: {e['message']}\n    {e['extract'].strip()}" for e in unexpected)
    unused = [e["message"] for e in entries if not any(allowed_by(x, [e]) for x in errors)]
    assert not unused, "allowlisted in tests/vnu_allowlist.yaml but no longer seen:\n" + \
        "\n".join(unused)


def test_vnu_reports_an_image_without_alt_text(broken_site: Path):
    errors = run_vnu(broken_site, only=["trasig/index.html"])
    assert errors and {e["file"] for e in errors} == {"trasig/index.html"}, errors
    messages = [e["message"] for e in errors if not allowed_by(e, vnu_allowlist())]
    assert any("alt" in message for message in messages), errors
