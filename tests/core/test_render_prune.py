"""`prune_output` keeps exactly the search helpers Material's worker loads, and no source maps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guidebuild.render import prune_output

HELPERS = ["tinyseg.js", "wordcut.js", "min/lunr.de.min.js", "min/lunr.ja.min.js", "min/lunr.fr.min.js",
           "min/lunr.multi.min.js", "min/lunr.stemmer.support.min.js"]


def fake_output(root: Path, languages: list[str]) -> Path:
    """A built site's skeleton: a search index naming `languages`, Material's lunr files, maps."""
    for name in [*(f"assets/javascripts/lunr/{helper}" for helper in HELPERS),
                 "assets/javascripts/bundle.min.js", "assets/javascripts/bundle.min.js.map",
                 "assets/stylesheets/main.min.css.map", "index.html"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x" * 10, encoding="utf-8")
    (root / "search").mkdir()
    (root / "search" / "search_index.json").write_text(json.dumps({"config": {"lang": languages}}), encoding="utf-8")
    return root


def remaining(root: Path) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


@pytest.mark.parametrize(("languages", "kept"), [
    (["en"], []),
    (["de"], ["min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"]),
    (["en", "ja"], ["min/lunr.ja.min.js", "min/lunr.multi.min.js", "min/lunr.stemmer.support.min.js",
                    "tinyseg.js"]),
])
def test_keeps_only_what_the_search_worker_loads(tmp_path: Path, languages: list[str], kept: list[str]) -> None:
    root = fake_output(tmp_path, languages)
    saved = prune_output(root)
    expected = ["assets/javascripts/bundle.min.js", *(f"assets/javascripts/lunr/{name}" for name in kept),
                "index.html", "search/search_index.json"]
    assert remaining(root) == sorted(expected)
    assert saved == 10 * (2 + len(HELPERS) - len(kept))
    if not kept:
        assert not (root / "assets" / "javascripts" / "lunr").exists(), "empty folders should go too"


def test_a_site_without_search_keeps_no_search_helpers(tmp_path: Path) -> None:
    root = fake_output(tmp_path, ["en"])
    (root / "search" / "search_index.json").unlink()
    prune_output(root)
    assert not (root / "assets" / "javascripts" / "lunr").exists()
