"""The page model: every page read, parsed and rendered once per build, by one Markdown factory."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from guidebuild import config as cfg
from guidebuild import workers
from guidebuild.site.markdown_factory import MarkdownFactory
from guidebuild.site.pages import SitePages, site_pages
from support.sitekit import SNIPPETS_CONFIG, front_matter

# Runs `scripts/build.py` in a fresh Python that counts renders, so the count sees the real build
# (the process MkDocs renders in, and any worker processes, included: each appends a line to the
# log as it renders) and no state of earlier tests in this pytest worker.
_COUNTING_BUILD = """
import os, runpy, sys
from markdown.blockparser import BlockParser
project, out, log = sys.argv[1:4]
sys.path.insert(0, project + "/scripts")
from guidebuild.site.pages import SitePages
render, parse = SitePages.render, BlockParser.parseDocument
def note(line):
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    os.write(fd, (line + "\\n").encode())  # one write with O_APPEND: lines from two processes never mix
    os.close(fd)
def counting_render(self, page):
    note(f"{os.getpid()} model {page.src_uri}")
    return render(self, page)
def counting_parse(self, lines):
    note(f"{os.getpid()} document")
    return parse(self, lines)
SitePages.render, BlockParser.parseDocument = counting_render, counting_parse
sys.argv = [project + "/scripts/build.py", "--site-dir", out]
runpy.run_path(project + "/scripts/build.py", run_name="__main__")
"""


def test_each_page_is_rendered_once_per_build_by_the_page_model(project_copy: Path, tmp_path: Path) -> None:
    """The real guide (cheat sheet, glossary, snippets): one model render per page, plus MkDocs' own."""
    log = tmp_path / "renders.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-c", _COUNTING_BUILD, str(project_copy), str(tmp_path / "out"),
                           str(log)], cwd=project_copy, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    counts = {"model": Counter(words[2] for words in lines if words[1] == "model"),
              "documents": sum(1 for words in lines if words[1] == "document")}
    model_renders = Counter(counts["model"])
    published = sorted(p.relative_to(project_copy / "docs").as_posix()
                       for p in (project_copy / "docs").rglob("*.md") if p.name != "STYLE.md")
    assert sorted(model_renders) == published
    assert set(model_renders.values()) == {1}, model_renders
    # Every Markdown document parsed in the build: the model's render of each page and MkDocs' own.
    assert counts["documents"] == 2 * len(published)
    processes = {words[0] for words in lines}
    assert len(processes) == (2 if workers.default_jobs() > 1 else 1), processes  # MkDocs renders beside


def test_pages_respect_exclude_docs(mini_site: Callable[..., Path]) -> None:
    root = mini_site({"index.md": front_matter("Home") + "# Home\n",
                      "drafts/idea.md": front_matter("Idea") + "# Idea\n",
                      "notes.md": "Not a page for readers.\n"},
                     config="exclude_docs: |\n  drafts/\n  notes.md\nnav:\n  - index.md\n")
    config = cfg.load(str(root / "mkdocs.yml"))
    model = SitePages(config)
    assert [page.src_uri for page in model] == ["index.md"]
    assert model.get("drafts/idea.md") is None
    assert model.renders == 0  # listing pages renders nothing


def test_page_parts_come_from_one_parse_and_one_render(mini_site: Callable[..., Path]) -> None:
    root = mini_site({"index.md": front_matter("Home") + "# Home { #top }\n\nSee [tips](tips.md#a).\n",
                      "tips.md": front_matter("Tips") + "# Tips\n\n## A { #a }\n"})
    config = cfg.load(str(root / "mkdocs.yml"))
    model = site_pages(config)
    assert site_pages(config) is model  # one model per configuration, shared by every stage
    page = model.page("index.md")
    assert page.meta["title"] == "Home"
    assert page.body_line == 7 and page.source.splitlines()[page.body_line - 1] == ""
    assert "top" in page.ids
    assert [(link.url, link.raw) for link in page.links] == [("#top", False), ("tips.md#a", False)]  # permalink first
    assert page.tree.iter().__next__().tag == "root"
    assert 'id="top"' in page.html
    assert model.renders == 1
    assert [e.attrs.get("href") for e in page.tree.iter() if e.tag == "a" and "headerlink" not in e.classes] == \
        ["tips.md#a"]
    assert model.renders == 1
    assert site_pages(cfg.load(str(root / "mkdocs.yml"))) is not model  # a rebuild starts afresh


def test_snippets_are_found_from_any_working_folder(mini_site: Callable[..., Path], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Snippet paths are anchored to mkdocs.yml once: no caller changes the working folder."""
    root = mini_site({"index.md": front_matter("Home") + '# Home\n\n--8<-- "note.md"\n'},
                     config=SNIPPETS_CONFIG)
    (root / "includes").mkdir()
    (root / "includes" / "note.md").write_text("Included words.\n", encoding="utf-8")
    config = cfg.load(str(root / "mkdocs.yml"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    page = SitePages(config).page("index.md")
    assert "Included words." in page.html
    assert page.includes == [(root / "includes" / "note.md").resolve()]
    factory = MarkdownFactory.for_config(config)
    assert factory.snippets.base_paths == (root, root / "includes")
    assert factory.snippets.resolve("note.md") == (root / "includes" / "note.md").resolve()


def test_a_page_that_cannot_be_read_is_not_rendered(mini_site: Callable[..., Path]) -> None:
    root = mini_site({"index.md": front_matter("Home") + "# Home\n"})
    (root / "docs" / "latin1.md").write_bytes(b"# Caf\xe9\n")
    config = cfg.load(str(root / "mkdocs.yml"))
    model = SitePages(config)
    page = model.page("latin1.md")
    assert not page.readable
    assert [f.code for f in page.read_findings] == ["SRC001"]
    assert page.rendered.error
