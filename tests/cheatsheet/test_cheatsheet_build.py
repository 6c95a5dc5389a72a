"""The printable cheat sheet, end to end: real builds of a copy of this project.

The site is built once per test process (session fixture) with scripts/build.py, exactly as a
contributor builds it; tests then read the PDFs with pypdf, render them with pypdfium2 to decode
the QR code with zxing-cpp, and print the built page with headless Chromium. The single-source,
overflow and missing-font tests build their own edited copies.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import io
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pypdf import PdfReader

from guidebuild import config as cfg
from guidebuild.cheatsheet import pdf as cheatsheet_pdf
from guidebuild.cheatsheet.extract import collect
from guidebuild.findings import UsageError
from support.sitekit import copy_project, run_script

SITE_URL = "https://back-massage-guide.github.io/back-massage-guide/"
#: Page boxes in PDF points (1/72 in): A4 is 595.3 x 841.9, US Letter 612 x 792.
PAGE_POINTS = {"a4": (595.3, 841.9), "letter": (612.0, 792.0)}
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)")


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

def build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_script("build.py", *args, cwd=project)


def pdf_text(path: Path) -> str:
    """All text of the PDF, whitespace collapsed (line breaks fall anywhere on paper)."""
    return " ".join(PdfReader(path).pages[0].extract_text().split())


def font_sizes(data: bytes | Path) -> list[tuple[float, str]]:
    """(size in points, text) for every piece of text drawn, with both matrices applied."""
    reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            scale_tm = (tm[2] ** 2 + tm[3] ** 2) ** 0.5
            scale_cm = (cm[2] ** 2 + cm[3] ** 2) ** 0.5
            found.append((round(size * scale_tm * scale_cm, 2), text.strip()))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return found


def qr_codes(path: Path) -> list[str]:
    import pypdfium2
    import zxingcpp

    document = pypdfium2.PdfDocument(str(path))
    try:
        image = document[0].render(scale=3).to_pil().convert("L")
    finally:
        document.close()
    return [code.text for code in zxingcpp.read_barcodes(image)]


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a random free port) for the browser tests."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# --------------------------------------------------------------------------------------------
# The real site, built once
# --------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of this project, built with scripts/build.py; returns the project folder."""
    project = copy_project(tmp_path_factory.mktemp("cheatsheet") / "project")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture(scope="session")
def pdfs(built: Path) -> dict[str, Path]:
    return {key: built / "site" / "cheatsheet" / f"cheatsheet-{key}.pdf" for key in PAGE_POINTS}


@pytest.fixture(scope="session")
def step_names(built: Path) -> list[str]:
    sheet, _ = collect(cfg.load(str(built / "mkdocs.yml")))
    assert len(sheet.steps) >= 10
    return [step.name for step in sheet.steps]


@pytest.mark.parametrize("key", sorted(PAGE_POINTS))
def test_each_pdf_is_one_page_of_the_right_size(pdfs: dict[str, Path], key: str) -> None:
    reader = PdfReader(pdfs[key])
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    width, height = PAGE_POINTS[key]
    assert abs(float(box.width) - width) < 1 and abs(float(box.height) - height) < 1


@pytest.mark.parametrize("key", sorted(PAGE_POINTS))
def test_pdf_holds_every_step_the_safety_signs_and_the_address(
        pdfs: dict[str, Path], step_names: list[str], built: Path, key: str) -> None:
    text = pdf_text(pdfs[key])
    for name in step_names:
        assert name in text, f"step {name!r} missing from {key}"
    sheet, _ = collect(cfg.load(str(built / "mkdocs.yml")))
    for section in sheet.sections.values():
        for item in section.items:
            assert item in text
        for row in section.rows:
            assert row[0] in text
    assert "back-massage-guide.github.io/ back-massage-guide" in text or \
        "back-massage-guide.github.io/back-massage-guide" in text
    assert re.search(r"Last updated \d{1,2} [A-Z][a-z]+ \d{4}", text)


@pytest.mark.parametrize("key", sorted(PAGE_POINTS))
def test_qr_code_decodes_to_the_site_address(pdfs: dict[str, Path], key: str) -> None:
    assert qr_codes(pdfs[key]) == [SITE_URL]


@pytest.mark.parametrize("key", sorted(PAGE_POINTS))
def test_pdf_is_a_good_document(pdfs: dict[str, Path], key: str) -> None:
    path = pdfs[key]
    assert path.stat().st_size < 200 * 1024
    reader = PdfReader(path)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Back Massage Guide: cheat sheet"
    assert meta.author == "Back Massage Guide editors"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/MarkInfo"]["/Marked"])  # tagged (pdf/ua-1)
    assert "/StructTreeRoot" in root
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        assert "Atkinson-Hyperlegible" in font["/BaseFont"], font["/BaseFont"]
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), "font not embedded"


@pytest.mark.parametrize("key", sorted(PAGE_POINTS))
def test_no_text_smaller_than_the_minimum(pdfs: dict[str, Path], key: str) -> None:
    sizes = font_sizes(pdfs[key])
    assert len(sizes) > 50
    smallest = min(sizes)
    assert smallest[0] >= cheatsheet_pdf.MIN_FONT_PT, smallest


def test_pdfs_are_reproducible(built: Path, pdfs: dict[str, Path], tmp_path: Path) -> None:
    """The same sources give byte-identical PDFs (no build time, no random ids inside)."""
    config = cfg.load(str(built / "mkdocs.yml"))
    staging = tmp_path / "staging"
    for part in ("stylesheets", cheatsheet_pdf.FONT_DIR):  # all the PDF may read
        shutil.copytree(built / "site" / part, staging / part)
    printed, found = cheatsheet_pdf.print_pdfs(config, staging)
    assert [f for f in found if f.is_error] == []
    for item in printed:
        assert item.path.read_bytes() == pdfs[item.size.key].read_bytes()
        assert item.spare_mm > 0


def test_site_page_holds_the_sheet_and_links_the_pdfs(built: Path, step_names: list[str]) -> None:
    html = (built / "site" / "cheatsheet" / "index.html").read_text(encoding="utf-8")
    assert '<article class="cheatsheet' in html
    assert 'href="cheatsheet-a4.pdf"' in html and 'href="cheatsheet-letter.pdf"' in html
    for name in step_names:
        assert f">{name}</a>" in html.replace("&#39;", "'")
    assert "cheatsheet.css" in html
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="cheatsheet/"' in home
    # The stylesheet is loaded on the cheat sheet page only.
    assert "cheatsheet.css" not in home


# --------------------------------------------------------------------------------------------
# The browser prints the page as one page, at A4 and at US Letter
# --------------------------------------------------------------------------------------------

@needs_chromium
def test_chromium_prints_the_page_on_one_sheet(built: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with serve(built / "site") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(base + "cheatsheet/", wait_until="networkidle")
            for paper, points in (("A4", PAGE_POINTS["a4"]), ("Letter", PAGE_POINTS["letter"])):
                data = page.pdf(format=paper, prefer_css_page_size=False, print_background=False)
                reader = PdfReader(io.BytesIO(data))
                assert len(reader.pages) == 1, f"{paper}: {len(reader.pages)} pages"
                box = reader.pages[0].mediabox
                assert abs(float(box.width) - points[0]) < 2 and abs(float(box.height) - points[1]) < 2
                text = " ".join(reader.pages[0].extract_text().split())
                assert "Knead the shoulders" in text and "Printable cheat sheet" not in text
                assert min(font_sizes(data))[0] >= cheatsheet_pdf.MIN_FONT_PT
                printed = tmp_path / f"browser-{paper}.pdf"
                printed.write_bytes(data)
                assert qr_codes(printed) == [SITE_URL]
            # The sheet keeps 10 mm free at the bottom of a Letter page (printers cannot print there).
            page.emulate_media(media="print")
            page.set_viewport_size({"width": 816, "height": 1056})
            bottom_px = page.evaluate("document.querySelector('article.cheatsheet').getBoundingClientRect().bottom")
            assert bottom_px * 25.4 / 96 <= 279.4 - cheatsheet_pdf.BOTTOM_MM
        finally:
            browser.close()


@needs_chromium
def test_print_needs_no_header_or_footer_setting(built: Path, tmp_path: Path) -> None:
    """Chromium's own print (header and footer left on) adds no date, title or address."""
    with serve(built / "site") as base:
        target = tmp_path / "printed.pdf"
        profile = tempfile.mkdtemp(dir=tmp_path)
        subprocess.run([str(CHROMIUM), *CHROMIUM_ARGS, f"--user-data-dir={profile}",
                        f"--print-to-pdf={target}", base + "cheatsheet/"],
                       capture_output=True, timeout=120, check=False)
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "127.0.0.1" not in text and "1/1" not in text
    assert "Printable cheat sheet" not in text  # the page title Chromium would print in the header


@needs_chromium
def test_phone_width_has_no_sideways_scrolling(built: Path) -> None:
    from playwright.sync_api import sync_playwright

    with serve(built / "site") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 360, "height": 780})
            page.goto(base + "cheatsheet/", wait_until="networkidle")
            assert page.evaluate("document.documentElement.scrollWidth") <= 360
            assert page.locator("article.cheatsheet .cs-step").count() >= 10
        finally:
            browser.close()


# --------------------------------------------------------------------------------------------
# One source of truth, overflow and environment problems
# --------------------------------------------------------------------------------------------

def test_changing_a_step_in_its_page_changes_the_sheet(project_copy: Path) -> None:
    routine = project_copy / "docs" / "routine.md"
    text = routine.read_text(encoding="utf-8")
    heading = re.search(r"^### 4\. (.+?) \{ #step-4 ", text, re.M)
    assert heading, "routine.md has no step 4 heading in the team's markup"
    text = text.replace(f"### 4. {heading.group(1)} {{", "### 4. Roll the shoulders gently {", 1)
    cue = re.search(r"\{ #step-4 [^\n]*\n\n(.+?)\n\{ \.cue \}", text, re.S)
    assert cue
    text = text.replace(cue.group(1), "Roll both shoulders slowly under your palms.", 1)
    routine.write_text(text, encoding="utf-8")
    result = build(project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    for key in PAGE_POINTS:
        printed = pdf_text(project_copy / "site" / "cheatsheet" / f"cheatsheet-{key}.pdf")
        assert "Roll the shoulders gently" in printed
        assert "Roll both shoulders slowly under your palms." in printed
        assert heading.group(1) not in printed
    page = (project_copy / "site" / "cheatsheet" / "index.html").read_text(encoding="utf-8")
    assert "Roll the shoulders gently" in page


def test_overflow_fails_the_build_and_keeps_the_previous_site(project_copy: Path) -> None:
    first = build(project_copy)
    assert first.returncode == 0, first.stdout + first.stderr
    before = tree_digest(project_copy / "site")
    routine = project_copy / "docs" / "routine.md"
    text = routine.read_text(encoding="utf-8")
    extra = "".join(
        f"\n### {n}. Extra step number {n} {{ #step-{n} .routine-step data-minutes=\"1\" }}\n\n"
        "Keep both hands moving slowly and evenly over the whole back while you count to ten.\n"
        "{ .cue }\n"
        for n in range(13, 25))
    marker = "\n## The 5-minute version"
    assert marker in text
    routine.write_text(text.replace(marker, extra + marker, 1), encoding="utf-8")
    result = build(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "CHS020" in output
    assert "does not fit on one US Letter page" in output and "does not fit on one A4 page" in output
    assert re.search(r"it is \d+\.\d mm too tall \(\d+\.\d mm of content, 259\.4 mm of room\)", output)
    for source in ("routine.md:", "safety.md:", "tips.md:", "get-ready.md:"):
        assert source in output, source
    assert "The previous site/ was left as it was." in output
    assert tree_digest(project_copy / "site") == before


def test_missing_font_file_is_reported(project_copy: Path) -> None:
    font = next((project_copy / "docs" / cheatsheet_pdf.FONT_DIR).glob("*latin-700-normal.woff2"))
    font.unlink()
    result = build(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "CHS026" in output and font.name in output and "Restore the font files" in output


def test_missing_weasyprint_is_an_environment_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(UsageError) as caught:
        cheatsheet_pdf._weasyprint()
    assert caught.value.findings[0].code == "ENV010"
    assert "requirements" in caught.value.findings[0].hint


def test_fetcher_reads_only_the_built_site(tmp_path: Path) -> None:
    import weasyprint

    site = tmp_path / "site"
    site.mkdir()
    (site / "ok.css").write_text("p{}", encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    fetcher = cheatsheet_pdf._fetcher_class(weasyprint)([site])
    assert fetcher.fetch((site / "ok.css").as_uri()).read() == b"p{}"
    for url in (outside.as_uri(), (site / ".." / "secret.txt").as_uri(), "https://example.org/x.png",
                "http://127.0.0.1:9/x.png"):
        with pytest.raises((ValueError, OSError)):
            fetcher.fetch(url)
    assert len(fetcher.problems) == 4


def test_characters_missing_from_the_shipped_font_are_named() -> None:
    from guidebuild.cheatsheet.extract import Place, Sources, Step

    font_dir = Path(__file__).resolve().parents[2] / "docs" / cheatsheet_pdf.FONT_DIR
    place = Place("docs/routine.md", 9)
    sheet = Sources(steps=[Step(1, "Settle in", "Rest your hands → breathe.", 1, "step-1", place)],
                    steps_place=place)
    found = cheatsheet_pdf._glyph_findings(sheet, font_dir)
    assert [f.code for f in found] == ["CHS023"]
    assert "U+2192" in found[0].message and not found[0].is_error
    plain = Sources(steps=[Step(1, "Settle in", "Rest your hands, then breathe: 0-10.", 1, "step-1", place)])
    assert cheatsheet_pdf._glyph_findings(plain, font_dir) == []
