"""The glossary of technique words: tooltips really render, and every term is used somewhere."""

from __future__ import annotations

import html
import subprocess
from pathlib import Path

from guidebuild import config as cfg
from guidebuild.report import glossary, page_figures
from support.sitekit import PYTHON, ROOT, front_matter

GLOSSARY_CONFIG = """\
  - abbr
  - pymdownx.snippets:
      base_path: [".", "includes"]
      auto_append: [includes/abbreviations.md]
      check_paths: true
"""
STROKES = (front_matter("Strokes") + "# Strokes\n\nStart with effleurage to spread the oil.\n\n"
           "Effleurage also links one stroke to the next. Then try kneading on the shoulders.\n")


def site_with_glossary(mini_site, glossary_text: str, pages: dict[str, str] | None = None,
                       config: str = GLOSSARY_CONFIG, name: str = "mini") -> Path:
    root = mini_site(pages or {"index.md": STROKES}, config=config, name=name)
    (root / "includes").mkdir()
    (root / "includes" / "abbreviations.md").write_text(glossary_text, encoding="utf-8")
    return root


def test_tooltips_render_in_the_built_site_from_the_real_glossary(mini_site, tmp_path):
    real = (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    root = site_with_glossary(mini_site, real)
    out = tmp_path / "built"
    result = subprocess.run([PYTHON, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=root,
                            capture_output=True, text=True, timeout=300, check=False,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    page = html.unescape((out / "index.html").read_text(encoding="utf-8"))
    assert '<abbr title="Long, gliding strokes with flat, relaxed hands">effleurage</abbr>' in page
    assert '<abbr title="Long, gliding strokes with flat, relaxed hands">Effleurage</abbr>' in page
    assert '<abbr title="Lifting, squeezing and rolling the muscle, like kneading dough">kneading</abbr>' in page
    assert "*[effleurage]" not in page  # the definitions themselves never show as text


def test_the_real_site_appends_the_glossary_with_tooltips_on():
    config = cfg.load(str(ROOT / "mkdocs.yml"))
    assert glossary.glossary_files(config) == [(ROOT / "includes" / "abbreviations.md").resolve()]
    assert "abbr" in config.markdown_extensions
    terms = glossary.read_terms(ROOT / "includes" / "abbreviations.md")
    assert {"effleurage", "tapotement", "DVT"} <= {t.word for t in terms}


def test_unused_term_warns_at_its_line_but_capitalised_twins_do_not(mini_site):
    text = ("*[effleurage]: Long, gliding strokes\n*[Effleurage]: Long, gliding strokes\n"
            "*[kneading]: Lifting and squeezing\n*[Kneading]: Lifting and squeezing\n"
            "*[tapotement]: Light tapping\n")
    root = site_with_glossary(mini_site, text)
    _, found = page_figures.analyse(cfg.load(str(root / "mkdocs.yml")))
    unused = [f for f in found if f.code.startswith("GLO")]
    assert [(f.code, f.line, f.is_error) for f in unused] == [("GLO001", 5, False)]
    assert "tapotement" in unused[0].message and unused[0].path.endswith("abbreviations.md")


def test_duplicate_term_warns(mini_site):
    root = site_with_glossary(mini_site, "*[effleurage]: Gliding\n*[kneading]: Squeezing\n*[effleurage]: Sliding\n")
    _, found = page_figures.analyse(cfg.load(str(root / "mkdocs.yml")))
    (duplicate,) = [f for f in found if f.code == "GLO002"]
    assert duplicate.line == 3 and "line 1" in duplicate.message


def test_glossary_without_the_abbr_extension_is_an_error(mini_site):
    config = GLOSSARY_CONFIG.replace("  - abbr\n", "")
    root = site_with_glossary(mini_site, "*[effleurage]: Gliding\n", config=config)
    _, found = page_figures.analyse(cfg.load(str(root / "mkdocs.yml")))
    (off,) = [f for f in found if f.code.startswith("GLO")]
    assert off.code == "GLO003" and off.is_error


def test_glossary_is_not_judged_when_only_some_pages_are_reported(mini_site):
    pages = {"index.md": STROKES, "tips.md": front_matter("Tips") + "# Tips\n\nUse light tapotement.\n"}
    root = site_with_glossary(mini_site, "*[effleurage]: Gliding\n*[tapotement]: Tapping\n", pages=pages)
    config = cfg.load(str(root / "mkdocs.yml"))
    assert [f for f in page_figures.analyse(config)[1] if f.code.startswith("GLO")] == []
    # tapotement is only on tips.md, which a report on index.md alone does not render.
    assert [f for f in page_figures.analyse(config, ["docs/index.md"])[1] if f.code.startswith("GLO")] == []
