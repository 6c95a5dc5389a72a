"""Run MkDocs' own build into a given folder and report what it logs as findings.

MkDocs logs warnings as text and, in strict mode, aborts at the end with a count. We keep the
log records, turn each into a `Finding` (naming the page where MkDocs names one), and let the
caller decide: the build script stops before publishing when any error is found.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jinja2 import TemplateNotFound
from mkdocs import exceptions as mkdocs_exceptions
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig

from guidebuild.findings import ERROR, WARNING, Finding
from guidebuild.logcapture import capture
from guidebuild.publish import StagedSite

# Material prints an end-of-life banner for MkDocs 2.0 on every run; it is noise for our users.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

_DOC_FILE = re.compile(r"Doc file '([^']+)'")
_SNIPPET = re.compile(r"Snippet at path '([^']+)' could not be found")


def _record_finding(record: logging.LogRecord, config: MkDocsConfig) -> Finding:
    message = record.getMessage().strip()
    match = _DOC_FILE.search(message)
    path = os.path.join(config.docs_dir, match.group(1)) if match else str(config.config_file_path)
    severity = ERROR if (config.strict or record.levelno >= logging.ERROR) else WARNING
    return Finding(path, 0, 0, "MKD001", message.splitlines()[0], severity)


def render_site(config: MkDocsConfig, out_dir: Path) -> list[Finding]:
    """Build the site into `out_dir` with MkDocs; return its warnings and errors as findings.

    Exceptions that come from the content (a missing snippet, a plugin refusing a page) become
    findings too; anything else is a bug in our code or an extension and is left to propagate.
    """
    config["site_dir"] = str(out_dir)
    findings: list[Finding] = []
    with capture("mkdocs") as collector:
        try:
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        except mkdocs_exceptions.Abort:
            pass  # strict mode counted warnings; they are in the collector already
        except (mkdocs_exceptions.BuildError, mkdocs_exceptions.ConfigurationError) as error:
            findings.append(Finding(str(config.config_file_path), 0, 0, "MKD002", str(error).strip()))
        except TemplateNotFound as error:  # an OSError: without this it would blame the output folder
            findings.append(Finding(str(config.config_file_path), 0, 0, "MKD004",
                                    f"a template or icon the theme was asked for does not exist: {error}",
                                    hint="Check `template:` and `icon:` in the pages' front matter and the "
                                         "files in overrides/."))
        except Exception as error:
            snippet = _SNIPPET.search(str(error))
            if type(error).__name__ != "SnippetMissingError" and not snippet:
                raise
            findings.append(Finding(str(config.config_file_path), 0, 0, "MKD003",
                                    f"missing snippet include: {error}",
                                    hint="Fix the path after `--8<--`; it is relative to the project root "
                                         "or includes/."))
    findings[:0] = [_record_finding(r, config) for r in collector.records]
    return findings


def remove_unused_files(config: MkDocsConfig, staged: StagedSite) -> list[Finding]:
    """Output stage: prune the staging folder first, so that the tree checked is the tree published."""
    prune_output(staged.folder)
    return []


def prune_output(out_dir: Path) -> int:
    """Delete files the published site never uses; return the bytes saved.

    Material ships source maps (1.3 MB) and search helpers for some forty languages (0.9 MB).
    Readers download neither unless they are referenced, but deploys upload them and they bloat
    artifacts. The search worker loads helpers only for the languages named in the built search
    index (none at all for English alone), so that index decides what stays.
    """
    saved = 0
    for path in out_dir.rglob("*.map"):
        saved += path.stat().st_size
        path.unlink()
    lunr = out_dir / "assets" / "javascripts" / "lunr"
    if lunr.is_dir():
        needed = _search_helpers(out_dir / "search" / "search_index.json")
        for path in sorted(lunr.rglob("*"), reverse=True):  # files before their folders
            if path.is_file() and path.relative_to(lunr).as_posix() not in needed:
                saved += path.stat().st_size
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        if not any(lunr.iterdir()):
            lunr.rmdir()
    return saved


def _search_helpers(index: Path) -> set[str]:
    """The files under `assets/javascripts/lunr/` that Material's search worker will load.

    Mirrors the worker's loader (Material 9.x, `setupSearchLanguages`): English is built into
    lunr; every other language needs its stemmer plus the shared support file, Japanese needs
    TinySegmenter, Hindi and Thai need wordcut, and more than one language needs lunr.multi.
    """
    if not index.is_file():
        return set()
    languages = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", ["en"])
    needed = {f"min/lunr.{lang}.min.js" for lang in languages if lang != "en"}
    needed |= {"tinyseg.js" for lang in languages if lang == "ja"}
    needed |= {"wordcut.js" for lang in languages if lang in ("hi", "th")}
    if len(languages) > 1:
        needed.add("min/lunr.multi.min.js")
    if needed:
        needed.add("min/lunr.stemmer.support.min.js")
    return needed


@contextmanager
def project_cwd(config: MkDocsConfig) -> Iterator[None]:
    """Run with the project root as the working folder while MkDocs renders.

    Our own renderers anchor the snippet paths themselves (site/markdown_factory.py), but MkDocs
    hands `pymdownx.snippets` the `base_path` and `auto_append` of mkdocs.yml as written, and the
    extension resolves them against the working folder: without this, `build.py -f other/mkdocs.yml`
    run from another folder would render pages without the glossary.
    """
    before = os.getcwd()
    os.chdir(Path(config.config_file_path).parent)
    try:
        yield
    finally:
        os.chdir(before)
