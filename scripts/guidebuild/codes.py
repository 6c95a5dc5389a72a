"""Every finding code the build and its commands report: its severity and what it means, in one line.

Codes are stable (other tools, CI filters and contributors' habits depend on them): never renumber
one, never reuse a retired one. The `--help` texts are made from this table, and the tests fail
when a code is used in `scripts/` but missing here, or when README.md or CONTRIBUTING.md documents
it with other words or another severity.

To add a code, add one line to `REGISTRY` (in its family, in number order), then the row the
test asks for to the code table in README.md or CONTRIBUTING.md. In the docs, a warning's row
starts with "Warning:", and a usage code's row ends with "(exit 2)".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from guidebuild.findings import ERROR, WARNING

USAGE = "usage"  # reported as an error, but about the command, configuration or computer: exit 2


@dataclass(frozen=True)
class Code:
    """One finding code: `severity` is ERROR, WARNING or USAGE; `summary` starts in lower case."""

    code: str
    severity: str
    summary: str

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    def help_line(self) -> str:
        """`  LNK010  page missing from the nav (warning)`, for `--help`."""
        mark = {WARNING: " (warning)", USAGE: " (exit 2)"}.get(self.severity, "")
        return f"  {self.code}  {self.summary}{mark}"

    def doc_text(self) -> str:
        """The words of this code's row in the README/CONTRIBUTING tables."""
        if self.severity == WARNING:
            return "Warning: " + self.summary
        return self.summary[:1].upper() + self.summary[1:] + (" (exit 2)" if self.severity == USAGE else "")


# The family prefix, and what its codes are about (for --help and the docs).
FAMILIES: dict[str, str] = {
    "CFG": "mkdocs.yml",
    "SRC": "files in docs/",
    "FM": "front matter",
    "SAFE": "content safety",
    "PRIV": "privacy: what the built site loads and runs",
    "LNK": "links",
    "CHS": "the cheat sheet",
    "REV": "review dates",
    "RDG": "reading grade",
    "CIT": "citations",
    "GLO": "glossary",
    "RPT": "the content report",
    "MKD": "rendering with MkDocs",
    "SVG": "pictures (SVG files)",
    "ILL": "the illustrations",
    "OFF": "the offline copy and the app manifest",
    "ENV": "the computer and the Python environment",
    "INT": "the build itself",
}

REGISTRY: tuple[Code, ...] = (
    Code("CFG001", USAGE, "the configuration file is not found"),
    Code("CFG002", USAGE, "`mkdocs.yml` is not valid YAML"),
    Code("CFG003", USAGE, "a setting in `mkdocs.yml` is wrong or unknown to MkDocs"),
    Code("CFG004", USAGE, "MkDocs warns about a setting in `mkdocs.yml` (an error when strict)"),
    Code("CFG005", USAGE, "`site_url` is not set"),
    Code("CFG006", USAGE, "a YAML tag in `mkdocs.yml` that could run code (refused, never run)"),
    Code("CFG007", USAGE, "`mkdocs.yml` contains itself through an alias, nests too deep, or expands too far"),
    Code("SRC001", ERROR, "the file is not UTF-8 (the place of the first bad byte)"),
    Code("SRC002", ERROR, "the page is empty"),
    Code("SRC003", ERROR, "the page is over 1 MB"),
    Code("SRC004", ERROR, "two names in one folder differ only in case"),
    Code("SRC005", ERROR, "a symlink points out of `docs/`"),
    Code("SRC006", ERROR, "a symlink points to nothing"),
    Code("SRC007", ERROR, "the page took over 10 seconds to check (look for long runs of `<` or unclosed tags)"),
    Code("FM001", ERROR, "front matter is not valid YAML, is not closed with `---`, or is not `key: value` lines"),
    Code("FM002", ERROR, "the page has no front matter"),
    Code("FM003", ERROR, "a required field is missing: `title`, `description`, `last_reviewed` or `next_review`"),
    Code("FM004", ERROR, "an unknown field that looks like a misspelt one (\"did you mean …?\")"),
    Code("FM005", ERROR, "wrong type: the field needs text, or a real date written `YYYY-MM-DD` without quotes"),
    Code("FM006", ERROR, "`next_review` is not after `last_reviewed`"),
    Code("FM007", ERROR, "the same field is given twice"),
    Code("FM008", ERROR, "`template:` or `icon:` names a file that is not in `overrides/` or the theme"),
    Code("SAFE000", ERROR, "more than 50 problems in one file: the first 50 are listed"),
    Code("SAFE001", ERROR, "a tag that is not allowed (scripts, frames, plug-ins, `<base>`, `<meta>`, `<link>`, "
                           "`<form>`, `<foreignObject>`)"),
    Code("SAFE002", ERROR, "an event handler such as `onclick=`"),
    Code("SAFE003", ERROR, "a `javascript:` or `vbscript:` address"),
    Code("SAFE004", ERROR, "a `data:` address that is not a picture"),
    Code("SAFE005", ERROR, "something loaded from another site"),
    Code("SAFE006", ERROR, "an SVG file declares entities"),
    Code("SAFE007", ERROR, "an SVG file is not well-formed XML"),
    Code("SAFE008", ERROR, "`<`, `>` or `\"` in a front-matter text (any field)"),
    Code("PRIV001", ERROR, "the built site would fetch something from another site "
                           "(named in the source and the built file)"),
    Code("PRIV002", ERROR, "the built site would run code the build did not ship "
                           "(a script file, an inline script, `on…=`, `javascript:`)"),
    Code("PRIV003", ERROR, "a file type the site does not publish, or a script outside `docs/javascripts/`"),
    Code("PRIV004", ERROR, "an HTML file without `<head>`, which cannot carry the Content-Security-Policy"),
    Code("PRIV005", ERROR, "a `style=` attribute (the Content-Security-Policy blocks it)"),
    Code("PRIV006", ERROR, "a setting in `mkdocs.yml` that loads another site on every page"),
    Code("LNK001", ERROR, "link to a page that does not exist"),
    Code("LNK002", ERROR, "anchor not on the target page (or on this page)"),
    Code("LNK003", ERROR, "image or other file that does not exist"),
    Code("LNK004", ERROR, "letter case differs from the file's name"),
    Code("LNK005", ERROR, "link leaves `docs/` or climbs above the site root"),
    Code("LNK006", ERROR, "reference link or footnote without a definition"),
    Code("LNK007", ERROR, "raw HTML `href`/`src` that will not resolve"),
    Code("LNK008", ERROR, "nav entry points to a missing file or anchor"),
    Code("LNK009", ERROR, "absolute link (breaks under a sub-path such as `/back-massage-guide/`)"),
    Code("LNK010", WARNING, "page missing from the nav (`--omitted-pages`; honours `not_in_nav`)"),
    Code("LNK011", ERROR, "folder link without an index, or resolved against the page URL"),
    Code("LNK012", ERROR, "`.html` link to a Markdown page"),
    Code("LNK013", ERROR, "missing `pymdownx.snippets` include"),
    Code("LNK014", ERROR, "empty link"),
    Code("LNK015", ERROR, "wrong file extension"),
    Code("LNK016", ERROR, "page could not be rendered"),
    Code("LNK101", ERROR, "built site: `href`/`src` to a file that was not built (`--site-dir`, build)"),
    Code("LNK102", ERROR, "built site: `#fragment` not on the target page (`--site-dir`, build)"),
    Code("LNK901", USAGE, "the built site folder given with `--site-dir` does not exist"),
    Code("LNK902", USAGE, "`--jobs` is negative"),
    Code("CHS001", ERROR, "a page the cheat sheet reads its text from does not exist"),
    Code("CHS002", ERROR, "no routine steps: no heading has the class `.routine-step`"),
    Code("CHS003", ERROR, "a section the cheat sheet prints has lost its heading id"),
    Code("CHS004", ERROR, "a section the cheat sheet prints has no list or table under its heading"),
    Code("CHS005", ERROR, "a list item in a printed section does not start with a bold lead-in"),
    Code("CHS006", ERROR, "the comfort-scale table does not have the expected columns"),
    Code("CHS010", ERROR, "`.routine-step` is on something that is not a heading"),
    Code("CHS011", ERROR, "a step heading does not start with its number"),
    Code("CHS012", ERROR, "a step's number is not its place in reading order"),
    Code("CHS013", ERROR, "a step's `data-minutes` is missing or not a number"),
    Code("CHS014", ERROR, "a step has no one-line cue (`{ .cue }`) right after its heading"),
    Code("CHS015", WARNING, "a step's cue is longer than the sheet fits on two lines"),
    Code("CHS016", ERROR, "a routine step has no `- **Pressure:** …` or no `- **Ask:** …` item"),
    Code("CHS017", ERROR, "an item of the `#short-version` list is not `[Step N: Name](#step-N), for M minutes.`"),
    Code("CHS018", ERROR, "the routine's `#follow-along` section has no link to the Safety page's `#stop-signs`"),
    Code("CHS019", WARNING, "a routine step has no `- **Pressure:** …` item, so the cheat sheet prints no pressure "
                            "for it"),
    Code("CHS020", ERROR, "the cheat sheet does not fit on one A4 or US Letter page"),
    Code("CHS022", ERROR, "a stylesheet of the cheat sheet is missing"),
    Code("CHS023", WARNING, "the cheat sheet's font has no glyph for some characters"),
    Code("CHS024", ERROR, "WeasyPrint reported an error while printing the PDFs"),
    Code("CHS025", ERROR, "a cheat sheet PDF is over its size limit"),
    Code("CHS026", ERROR, "the cheat sheet PDF could not use a picture, font or stylesheet"),
    Code("CHS027", ERROR, "the cheat sheet page was not built, so the build cannot put the sheet into it"),
    Code("REV000", USAGE, "`GUIDE_TODAY` is set but is not a `YYYY-MM-DD` date"),
    Code("REV001", WARNING, "the page's `next_review` has passed (the build still publishes)"),
    Code("REV002", ERROR, "`last_reviewed` is in the future"),
    Code("RDG000", USAGE, "the textstat package, which measures the reading grade, is not installed"),
    Code("RDG001", ERROR, "grade above 8 (pages under 50 words are not judged)"),
    Code("RDG002", ERROR, "sentences average more than 20 words"),
    Code("CIT001", ERROR, "a claim of benefit or risk without a citation beside it"),
    Code("CIT002", WARNING, "a footnote that does not link to an entry on the References page"),
    Code("GLO001", WARNING, "a glossary term that no page uses, so its tooltip never shows"),
    Code("GLO002", WARNING, "a glossary term defined twice"),
    Code("GLO003", ERROR, "the glossary is appended but the `abbr` extension is off"),
    Code("RPT001", ERROR, "the content report cannot render a page"),
    Code("RPT002", USAGE, "a page named on the command line is not a page of this site"),
    Code("MKD001", ERROR, "MkDocs logged a warning or an error while rendering (the build is strict)"),
    Code("MKD002", ERROR, "MkDocs stopped the build (a configuration or plugin error)"),
    Code("MKD003", ERROR, "a `pymdownx.snippets` include is missing while rendering"),
    Code("MKD004", ERROR, "a template or icon the theme was asked for does not exist"),
    Code("SVG001", ERROR, "an SVG file is not well-formed XML"),
    Code("SVG002", ERROR, "an SVG's root element is not `<svg>` in the SVG namespace"),
    Code("SVG003", ERROR, "an SVG has no `viewBox` with four numbers and a positive size"),
    Code("SVG004", ERROR, "an SVG's root has no `role=\"img\"`"),
    Code("SVG005", ERROR, "an SVG has no non-empty `<title>` as a direct child of `<svg>`"),
    Code("SVG006", ERROR, "an SVG has no non-empty `<desc>` as a direct child of `<svg>`"),
    Code("SVG007", ERROR, "an SVG's `aria-labelledby` does not name the ids of its `<title>` and `<desc>`"),
    Code("SVG008", ERROR, "an SVG contains a `<script>` element"),
    Code("SVG009", ERROR, "an SVG has an event handler attribute (`onload=` …)"),
    Code("SVG010", ERROR, "an SVG refers to something outside the file (`href`, `url()`, `@import`, DOCTYPE, "
                          "stylesheet)"),
    Code("SVG011", ERROR, "an SVG embeds outside or bitmap content (`<image>`, `<foreignObject>`, `data:` …)"),
    Code("SVG012", ERROR, "an SVG file is over 20 KB, or over 6 KB gzipped"),
    Code("SVG013", ERROR, "an SVG has text smaller than 12 px when shown 320 px wide"),
    Code("SVG014", ERROR, "an illustration uses a colour outside the illustrations' palette"),
    Code("ILL001", ERROR, "a picture in `docs/` differs from what `scripts/illustrations.py` draws"),
    Code("OFF001", ERROR, "the offline worker's list names a file that is not in the built site (a step deleted it "
                          "after the list was made)"),
    Code("OFF002", ERROR, "a file changed after the offline worker's list was made (readers' browsers would refuse "
                          "it)"),
    Code("OFF003", ERROR, "the built site has no service worker, or its list cannot be read"),
    Code("OFF004", ERROR, "the app manifest is missing, or names an icon that is not built (run `make icons`)"),
    Code("ENV001", USAGE, "a file or the output folder cannot be read or written (disk full, no permission)"),
    Code("ENV002", USAGE, "a pinned Python package is not installed"),
    Code("ENV003", USAGE, "the site generator asked for (`--generator`) is unknown, not installed, "
                          "or cannot be switched to"),
    Code("ENV010", USAGE, "WeasyPrint, which prints the cheat sheet, cannot be loaded"),
    Code("INT001", USAGE, "internal error: a bug in the build (run again with `--debug`)"),
)

CODES: dict[str, Code] = {entry.code: entry for entry in REGISTRY}


def codes_of(*families: str) -> list[Code]:
    """The codes of the given families (all codes when none is given), in registry order."""
    return [entry for entry in REGISTRY if not families or entry.family in families]


# Codes only the stand-alone commands report (their own options, their own page list).
COMMAND_ONLY = frozenset({"LNK901", "LNK902", "RPT001", "RPT002"})


def build_codes() -> list[Code]:
    """Every code `scripts/build.py` can report."""
    return [entry for entry in REGISTRY if entry.code not in COMMAND_ONLY]


def help_list(entries: Iterable[Code]) -> str:
    """One `  CODE  summary` line per code, for an `--help` epilog."""
    return "\n".join(entry.help_line() for entry in entries)
