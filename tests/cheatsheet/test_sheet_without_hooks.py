"""The cheat sheet does not need MkDocs' hooks: the build's own step fills the page and prints it.

A generator that runs no MkDocs hooks (Zensical ignores them) leaves the sheet page with the
template's "not generated" note. Here the hooks are taken out of a copy of the project, which is
what such a generator does, and scripts/build.py must still publish the whole sheet and its PDFs.
"""

from __future__ import annotations

from pathlib import Path

from support.sitekit import run_script


def test_the_build_fills_the_sheet_page_when_no_hook_ran(project_copy: Path, tmp_path: Path) -> None:
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    hooks = text[text.index("\nhooks:\n"):text.index("\n# ---", text.index("\nhooks:\n"))]
    config.write_text(text.replace(hooks, "\n"), encoding="utf-8")
    out = tmp_path / "out"
    result = run_script("build.py", "--site-dir", str(out), cwd=project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    sheet = (out / "cheatsheet" / "index.html").read_text(encoding="utf-8")
    assert "The cheat sheet was not generated" not in sheet and "cheatsheet-missing" not in sheet
    assert sheet.count('class="cheatsheet') == 1
    assert sheet.count('class="cs-downloads"') == 1
    assert sheet.index("Print this page") < sheet.index('class="cs-downloads"') < sheet.index("</article>")
    for name in ("cheatsheet-a4.pdf", "cheatsheet-letter.pdf"):
        assert (out / "cheatsheet" / name).stat().st_size > 0
