"""Command-line entry points: parse options, run stages with progress, print findings, exit.

Only this module prints and chooses exit codes; every stage just returns findings. Progress goes
to stderr so that `--format json` leaves stdout as pure JSON for machines.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from guidebuild import findings as fnd
from guidebuild.findings import ExitCode, Finding, UsageError

FORMATS = ("text", "json", "github")


class Progress:
    """Prints `[2/5] Rendering the site … 3.1 s` lines so long steps never look frozen."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = total
        self.number = 0
        self.started = time.perf_counter()

    @contextmanager
    def stage(self, title: str) -> Iterator[None]:
        self.number += 1
        self.total = max(self.total, self.number)
        self.stream.write(f"[{self.number}/{self.total}] {title} …")
        self.stream.flush()
        began = time.perf_counter()
        ok = False
        try:
            yield
            ok = True
        finally:
            mark = f"{time.perf_counter() - began:.1f} s" if ok else "stopped"
            self.stream.write(f" {mark}\n")
            self.stream.flush()

    def elapsed(self) -> float:
        return time.perf_counter() - self.started


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit 2 (its default) without noise."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(ExitCode.USAGE, f"{self.prog}: error: {message} (see --help)\n")


def base_parser(prog: str, description: str) -> argparse.ArgumentParser:
    """Options shared by every command: -f/--config-file, --site-dir, --format."""
    parser = _Parser(prog=prog, description=description,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-f", "--config-file", metavar="FILE",
                        help="path to mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("-d", "--site-dir", metavar="DIR",
                        help="output folder (default: site_dir from mkdocs.yml, usually site/)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="how to print findings: text (default), json or github annotations")
    return parser


def add_generator_option(parser: argparse.ArgumentParser) -> None:
    """`--generator auto|mkdocs|properdocs`: which program's modules render the site (see site/generator.py)."""
    parser.add_argument("--generator", choices=("auto", "mkdocs", "properdocs"), default="auto",
                        help="render with MkDocs (the pinned default) or ProperDocs, its maintained fork; "
                             "auto (default): MkDocs when installed, else ProperDocs")


def emit(found: list[Finding], fmt: str, out: TextIO = sys.stdout, *, with_summary: bool = True) -> None:
    """Print findings in the chosen format; text gets a summary line last."""
    if fmt == "json":
        out.write(fnd.render(found, "json") + "\n")
        return
    if found:
        out.write(fnd.render(found, fmt) + "\n")
    if with_summary and fmt == "text":
        out.write(fnd.summary(found) + "\n")


def _errors(found: list[Finding]) -> bool:
    return any(f.is_error for f in found)


def _interrupt_on_sigterm() -> None:
    """Treat SIGTERM (a cancelled CI job, `kill`) like Ctrl-C, so the staging folder is removed."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def run_build(argv: Sequence[str] | None = None) -> int:
    """`scripts/build.py`: check, render, print and publish, atomically."""
    parser = base_parser("build.py", __doc__ or "")
    parser.description = ("Check the sources, build the site and the printable cheat sheet into a "
                          "temporary folder, and move it into place only when everything passed.")
    parser.add_argument("--debug", action="store_true",
                        help="show Python tracebacks for unexpected errors (for developers)")
    add_generator_option(parser)
    args = parser.parse_args(argv)
    _interrupt_on_sigterm()
    try:  # a Python without the pinned packages, or Ctrl-C while importing: a message, never a trace
        from guidebuild.site import generator

        generator.use(args.generator)  # before anything imports `mkdocs`
        from guidebuild import config as cfg
        from guidebuild import pipeline, publish, render

        source_checks, output_steps = pipeline.source_checks(), pipeline.output_steps()
        progress = Progress(sys.stderr, total=3 + len(source_checks) + len(output_steps))
    except ImportError as error:
        emit([_missing_package(error)], args.format)
        return ExitCode.USAGE
    except UsageError as error:
        emit(error.findings, args.format)
        return ExitCode.USAGE
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        return 130
    found: list[Finding] = []
    user_cwd = os.getcwd()
    site_dir: Path | None = None

    def finish(code: int, extra: str = "") -> int:
        os.chdir(user_cwd)
        emit(found, args.format)
        if extra and args.format != "json":
            sys.stderr.write(extra + "\n")
        return code

    try:
        with progress.stage("Loading configuration"):
            config = cfg.load(args.config_file, site_dir=args.site_dir)
            config["strict"] = True  # the published build is always strict, whatever mkdocs.yml says
        # pymdownx.snippets resolves include paths against the working folder; pin it to the project.
        os.chdir(Path(config.config_file_path).parent)
        site_dir = Path(config.site_dir)
        removed = publish.remove_leftovers(site_dir)
        if removed:
            sys.stderr.write(f"Removed {len(removed)} temporary folder{'s' if len(removed) != 1 else ''} "
                             f"left by a build that was killed: {', '.join(p.name for p in removed)}\n")
        skipped = ""
        for stage in source_checks:
            with progress.stage(stage.title):
                found += stage.run(config)
            if any(f.is_error and f.code in stage.stop_on for f in found):
                skipped = "The other checks did not run, so as not to read the refused files. "
                break
        if _errors(found):
            return finish(ExitCode.FINDINGS, f"Nothing was written: fix the errors above. {skipped}{_kept(site_dir)}")
        with publish.staging_folder(site_dir) as staging:
            with progress.stage(f"Rendering the site with {generator.title()}"):
                found += render.render_site(config, staging)
            if _errors(found):
                return finish(ExitCode.FINDINGS, f"The build failed. {_kept(site_dir)}")
            for step in output_steps:
                with progress.stage(step.title):
                    found += step.run(config, staging)
                if _errors(found):
                    return finish(ExitCode.FINDINGS, f"The build failed. {_kept(site_dir)}")
            with progress.stage("Publishing"):
                render.prune_output(staging)
                publish.publish(staging, site_dir)
        return finish(ExitCode.OK, f"Built {_shown(site_dir, user_cwd)} in {progress.elapsed():.1f} s.")
    except UsageError as error:
        found += error.findings
        return finish(ExitCode.USAGE, _kept(site_dir) if site_dir else "")
    except KeyboardInterrupt:
        return finish(130, f"Interrupted. {_kept(site_dir)}" if site_dir else "Interrupted.")
    except OSError as error:
        found.append(_environment_finding(error, site_dir))
        return finish(ExitCode.USAGE, f"The build stopped. {_kept(site_dir)}" if site_dir else "")
    except ImportError as error:
        found.append(_missing_package(error))
        return finish(ExitCode.USAGE, f"The build stopped. {_kept(site_dir)}" if site_dir else "")
    except Exception as error:
        if args.debug:
            raise
        found.append(Finding("", 0, 0, "INT001", f"internal error: {type(error).__name__}: {error}",
                             hint="This is a bug in the build; run again with --debug and report it."))
        return finish(ExitCode.USAGE, f"The build stopped. {_kept(site_dir)}" if site_dir else "")


def _shown(path: Path, cwd: str) -> str:
    relative = os.path.relpath(path, cwd)
    return path.as_posix() if relative.startswith("..") else relative + "/"


def _kept(site_dir: Path | None) -> str:
    if site_dir is None:
        return ""
    if site_dir.exists():
        return f"The previous {site_dir.name}/ was left as it was."
    return f"No {site_dir.name}/ was written."


def _missing_package(error: ImportError) -> Finding:
    """The build runs under a Python without the pinned requirements (exit 2, with the fix)."""
    name = getattr(error, "name", None) or str(error)
    return Finding("requirements.txt", 0, 0, "ENV002",
                   f"the Python package '{name}' is not installed for {sys.executable}",
                   hint="Run `make site` (it creates .venv with the pinned requirements), "
                        "then build with `.venv/bin/python scripts/build.py`.")


def _environment_finding(error: OSError, site_dir: Path | None = None) -> Finding:
    """Disk full, permission denied and the like: not the content's fault, so exit 2.

    A failed write inside the temporary folder is reported at the output folder (the temporary
    one is gone by the time the message is read); for a copy, `filename2` is the file written.
    """
    import errno

    from guidebuild.publish import RETIRED_PREFIX, STAGING_PREFIX

    hints = {
        errno.ENOSPC: "The disk is full: free some space and build again.",
        errno.EDQUOT: "The disk quota is used up: free some space and build again.",
        errno.EFBIG: "A file is larger than this system allows (`ulimit -f`) or the disk is full: "
                     "raise the limit or free some space.",
        errno.EACCES: "Permission denied: make the output folder writable or pass --site-dir.",
        errno.EPERM: "Permission denied: make the output folder writable or pass --site-dir.",
        errno.EROFS: "The file system is read-only: pass --site-dir to build elsewhere.",
        errno.ENOTDIR: "Part of the output path is a file, not a folder: move it or pass --site-dir.",
        errno.EEXIST: "A file is in the way of the output folder: move it or pass --site-dir.",
    }
    failing = str(error.filename2 or error.filename or "")
    parts = Path(failing).parts
    inside = next((i for i, part in enumerate(parts) if part.startswith((STAGING_PREFIX, RETIRED_PREFIX))), None)
    output = site_dir is not None and (
        inside is not None or not failing
        or Path(failing).resolve() in (site_dir.resolve(), *site_dir.resolve().parents)
        or site_dir.resolve() in Path(failing).resolve().parents)
    if output:
        where = "/".join(parts[inside + 1:]) if inside is not None else ""
        return Finding(str(site_dir), 0, 0, "ENV001",
                       f"cannot write the output: {error.strerror or error}" + (f" (writing {where})" if where else ""),
                       hint=hints.get(error.errno or 0, ""))
    return Finding(failing, 0, 0, "ENV001", f"cannot read or write this file: {error.strerror or error}",
                   hint=hints.get(error.errno or 0, ""))

