"""`make film`: a recording becomes a web-ready MP4, a WebP poster and a videos.yaml entry.

The recording is a 3-second clip the test makes with ffmpeg itself (test pattern + tone).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import GOOD, REPO

CLIP_SECONDS = 3


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    """A 3-second 1080p recording with sound, as a phone or camera would give it."""
    path = tmp_path_factory.mktemp("recording") / "inspelning.mov"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i",
                    f"testsrc=duration={CLIP_SECONDS}:size=1920x1080:rate=25", "-f", "lavfi",
                    "-i", f"sine=frequency=440:duration={CLIP_SECONDS}", "-c:v", "libx264",
                    "-c:a", "aac", "-shortest", str(path)], check=True)
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(GOOD, tmp_path / "content")
    return tmp_path / "content"


def film(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`python -m pratamedbarn film ...` as `make film` runs it."""
    return subprocess.run([sys.executable, "-m", "pratamedbarn", "film", *args, "--root", str(root)],
                          capture_output=True, text=True, check=False, cwd=REPO, env=env)


def streams(path: Path) -> list[dict]:
    out = subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_streams",
                          str(path)], capture_output=True, text=True, check=True).stdout
    return yaml.safe_load(out)["streams"]


def top_level_boxes(path: Path) -> list[str]:
    """The MP4's boxes in file order (faststart: moov before mdat)."""
    data, boxes, at = path.read_bytes(), [], 0
    while at < len(data):
        size, kind = struct.unpack(">I4s", data[at:at + 8])
        size = struct.unpack(">Q", data[at + 8:at + 16])[0] if size == 1 else size
        boxes.append(kind.decode("latin-1"))
        at += size
    return boxes


def loudness(path: Path) -> float:
    """Integrated loudness in LUFS (ffmpeg's EBU R128 meter)."""
    out = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-af", "ebur128",
                          "-f", "null", "-"], capture_output=True, text=True, check=True).stderr
    return float(re.findall(r"I:\s+(-?[\d.]+) LUFS", out)[-1])


def test_a_recording_becomes_a_web_film_poster_and_entry(clip: Path, root: Path):
    result = film(root, str(clip), "--id", "arga-barn", "--sekund", "1")
    assert result.returncode == 0, result.stderr
    mp4 = root / "docs" / "media" / "filmer" / "arga-barn.mp4"
    video, audio = streams(mp4)
    assert (video["codec_name"], audio["codec_name"]) == ("h264", "aac")
    assert (video["width"], video["height"]) == (1280, 720)  # 1080p down to 720p
    boxes = top_level_boxes(mp4)
    assert boxes.index("moov") < boxes.index("mdat")  # plays before it has all loaded
    assert abs(loudness(mp4) - -16) < 1.5 and abs(loudness(clip) - -16) > 3
    poster = (root / "docs" / "media" / "affischer" / "arga-barn.webp").read_bytes()
    assert poster[:4] == b"RIFF" and poster[8:12] == b"WEBP"
    # The entry parses as a film of videos.yaml with the real duration and paths.
    pasted = yaml.safe_load(result.stdout[result.stdout.index("  - id:"):].split("\n\n")[0])[0]
    assert pasted["id"] == "arga-barn" and pasted["duration"] == "0:03"
    assert pasted["source"] == {"file": "media/filmer/arga-barn.mp4",
                                "poster": "media/affischer/arga-barn.webp"}
    assert pasted["captions"] == "media/textning/arga-barn.vtt"
    assert "fore-samtalet" in result.stdout  # the themes to choose from
    assert "textning" in result.stdout  # no captions given: it says one is needed


CUES = {
    "fits": ("00:00:00.000 --> 00:00:01.500\nHej.\n\n00:00:01.500 --> 00:00:02.900\nDå börjar vi.\n",
             None),
    "past the end": ("00:00:00.000 --> 00:00:01.000\nHej.\n\n00:00:01.000 --> 00:00:04.000\nFör lång.\n",
                     "efter filmens slut"),
    "overlapping": ("00:00:00.000 --> 00:00:02.000\nHej.\n\n00:00:01.000 --> 00:00:02.500\nFör tidig.\n",
                    "innan raden ovanför har slutat"),
}


@pytest.mark.parametrize("case", CUES)
def test_the_captions_are_checked_against_the_film(clip: Path, root: Path, tmp_path: Path, case: str):
    cues, problem = CUES[case]
    vtt = tmp_path / "textning.vtt"
    vtt.write_text(f"WEBVTT\n\n{cues}", encoding="utf-8")
    result = film(root, str(clip), "--id", "arga-barn", "--textning", str(vtt))
    copied = root / "docs" / "media" / "textning" / "arga-barn.vtt"
    if problem is None:
        assert result.returncode == 0, result.stderr
        assert copied.read_text(encoding="utf-8") == vtt.read_text(encoding="utf-8")
    else:
        assert result.returncode == 1 and problem in result.stderr
        assert "textning.vtt:6" in result.stderr  # the second cue's line with the times
        assert "Traceback" not in result.stderr and not copied.exists()


def test_a_taken_id_or_a_missing_file_is_said_in_swedish(clip: Path, root: Path):
    taken = film(root, str(clip), "--id", "forbereda-samtalet")
    assert taken.returncode == 1 and "finns redan en film med id 'forbereda-samtalet'" in taken.stderr
    missing = film(root, str(clip.parent / "finns-inte.mov"), "--id", "arga-barn")
    assert missing.returncode == 1 and "finns inte" in missing.stderr
    assert "Traceback" not in taken.stderr + missing.stderr


def test_without_ffmpeg_it_says_how_to_install_it(clip: Path, root: Path):
    result = film(root, str(clip), "--id", "arga-barn", env={"PATH": ""})
    assert result.returncode == 1
    assert "ffmpeg" in result.stderr and "sudo apt-get install ffmpeg" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
