"""Whatever text an editor saves in a content file, the check answers with a content error."""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import GOOD
from pratamedbarn.errors import ContentError
from pratamedbarn.library import load_library

FILES = ["videos.yaml", "references.yaml", "site.yaml", "study_guide.yaml",
         "checklists/fore-samtalet.yaml", "exercises/lyssna.yaml"]

# Text made of YAML's own punctuation and words, so that most examples get past the
# parser and into validation, where the interesting failures are.
yaml_like = st.lists(st.sampled_from([
    "id", "title", "films", "- ", ": ", "\n", "  ", "[", "]", "{", "}", "&a ", "*a", "!!str ",
    "!!python/object ", "'", '"', "#", "|", ">", "---", "~", "3:20", "0x1F", "ä", "\t", ",",
    "forsta-minuten", "media/filmer/x.mp4", "https://x.se", "?", "%YAML 1.1\n", "<<: ",
])).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=st.sampled_from(FILES), text=st.one_of(yaml_like, st.text()))
def test_any_text_gives_a_content_error_or_loads(tmp_path_factory, target: str, text: str):
    root = tmp_path_factory.mktemp("prop") / "content"
    shutil.copytree(GOOD, root)
    (root / target).write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_library(root)
    except ContentError as exc:
        for problem in exc.problems:
            assert problem.file and problem.line >= 1 and problem.message
            assert "\n" not in str(problem)
