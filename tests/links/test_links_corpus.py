"""No false positives: a corpus of tricky valid links, checked against MkDocs and the built HTML.

The corpus (`links_corpus.py`) must give no finding, `mkdocs build --strict` must pass on it (so
the corpus really is valid by MkDocs' own rules), and every href/src/#fragment in the HTML MkDocs
built from it must resolve. The other way round, every broken link MkDocs reports must be among
ours, with a line number.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from guidebuild import config as cfg
from guidebuild.links import built_links
from support import links_corpus as corpus
from support.links_corpus import check, mkdocs_build, places, write_site


def _config(root: Path) -> MkDocsConfig:

    return cfg.load(str(root / "mkdocs.yml"))


def _corpus(tmp_path: Path) -> Path:
    return write_site(tmp_path / "corpus", corpus.PAGES, corpus.CONFIG, corpus.INCLUDES)


def test_valid_corpus_has_no_findings(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    found = check(root, jobs=1)
    assert found == [], [f"{f.path}:{f.line}: {f.code} {f.message}" for f in found]


def test_valid_corpus_builds_strict_and_its_html_links_all_resolve(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    result = mkdocs_build(root, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    found = built_links.check_built(tmp_path / "out", _config(root))
    assert found == [], [f"{f.path}:{f.line}: {f.code} {f.message}" for f in found]


def test_checker_finds_everything_mkdocs_finds(tmp_path: Path) -> None:
    pages = {**corpus.PAGES, "broken.md": (
        "# Broken\n\n[a](nope.md) [b](tips.md#nope) [c](#nope) ![d](assets/nope.png)\n\n"
        "[e](Tips.md) [f](/tips/) [g](tips.html) [h](../outside.md)\n")}
    config = corpus.CONFIG + "  - Broken: broken.md\n"
    root = write_site(tmp_path / "site", pages, config, corpus.INCLUDES)
    result = mkdocs_build(root, tmp_path / "out")
    assert result.returncode == 1
    mkdocs_links = set(re.findall(r"Doc file 'broken.md' contains (?:an absolute |a )link '([^']+)'", result.stderr))
    assert mkdocs_links == {"nope.md", "tips.md#nope", "#nope", "assets/nope.png", "Tips.md", "/tips/",
                            "tips.html", "../outside.md"}
    found = check(root, jobs=1)
    assert {f.code for f in found} == {"LNK001", "LNK002", "LNK003", "LNK004", "LNK009", "LNK012", "LNK005"}
    assert all(f.line == 3 or f.line == 5 for f in found)
    for url in mkdocs_links:
        assert any(f"'{url}'" in f.message for f in found), url


def test_built_check_catches_links_from_templates(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}{{ super() }}\n'
        '<a href="{{ base_url }}/gone/">gone</a> <a href="#no-such-id">nowhere</a>\n'
        '<img src="{{ base_url }}/assets/pic.svg" alt="fine">\n{% endblock %}\n', encoding="utf-8")
    config = corpus.CONFIG.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert check(root, jobs=1) == []  # the source is fine: only the built site shows the problem
    assert mkdocs_build(root, tmp_path / "out").returncode == 0
    found = built_links.check_built(tmp_path / "out", _config(root))
    pages = {Path(f.path).relative_to(tmp_path / "out").as_posix() for f in found}
    assert pages >= {"index.html", "tips/index.html", "guide/page/index.html", "my file/index.html"}
    assert {f.code for f in found} == {"LNK101", "LNK102"}
    assert all(f.line > 0 and f.column > 0 for f in found)
    assert any("gone/" in f.message for f in found)


def test_built_check_knows_the_sub_path_of_site_url(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    assert mkdocs_build(root, tmp_path / "out").returncode == 0
    (tmp_path / "out" / "extra.html").write_text(
        '<a href="/corpus/tips/#comfort-scale">in the site</a>\n<a href="/elsewhere/">outside</a>\n', encoding="utf-8")
    found = built_links.check_built(tmp_path / "out", _config(root))
    assert [(Path(f.path).name, f.line, f.code) for f in found] == [("extra.html", 2, "LNK101")]


def test_page_urls_without_directories(tmp_path: Path) -> None:
    config = corpus.CONFIG.replace("strict: true\n", "strict: true\nuse_directory_urls: false\n")
    pages = {"index.md": '# Home\n\n<a href="tips.html#x">raw</a> [md](tips.md#x) <a href="tips/">broken</a>\n',
             "tips.md": "# Tips\n\n## X\n"}
    root = write_site(tmp_path / "site", pages, config.split("nav:")[0])
    assert places(check(root, jobs=1), root) == [("docs/index.md", 3, 56, "LNK007")]
