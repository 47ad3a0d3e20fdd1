#!/usr/bin/env bash
# Install the Debian packages that building and testing need, if any is missing.
# Used by `make system` (and so by `make test` and CI). Safe to run again.
set -euo pipefail

packages=(
  chromium        # browser tests and screenshots (driven by Playwright, never downloaded)
  poppler-utils   # pdftotext, pdftoppm, pdffonts: tests that open the study guide PDF
  fonts-dejavu-core
  default-jre-headless  # java for the Nu HTML Checker (vnu.jar) over every built page
  nginx-light     # serves the built site in the tests and the audit, as a publisher's server does
  stress-ng       # the CPU hogs of `make test-under-load`
  ffmpeg          # `make film` (a recording made ready for the site) and the example films
)
# npm installs the pinned checkers (axe-core, vnu-jar) into node_modules. A machine whose
# Node.js comes from elsewhere already has npm, and Debian's npm would clash with it.
command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing Debian packages: ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
