"""Command-line plumbing shared by the three scripts: options, progress, printing, exit codes.

Only the command modules print and choose exit codes (this one for `scripts/build.py`,
`links/check_command.py` and `report/report_command.py`); every stage just returns findings.
Findings go to stdout; progress, notes and problems that stop a command before it can check
anything (exit 2: usage, configuration, environment) go to stderr in the text format, so that
stdout holds only the result. `--format json|github` keeps everything machine-readable on stdout.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn, TextIO

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


def base_parser(prog: str, description: str, epilog: str = "") -> argparse.ArgumentParser:
    """Options shared by every command: -f/--config-file, --site-dir, --format."""
    parser = _Parser(prog=prog, description=description, epilog=epilog or None,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-f", "--config-file", metavar="FILE",
                        help="path to mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("-d", "--site-dir", metavar="DIR",
                        help="output folder (default: site_dir from mkdocs.yml, usually site/)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="how to print findings: text (default), json or github annotations")
    parser.add_argument("--debug", action="store_true",
                        help="show Python tracebacks for unexpected errors (for developers)")
    return parser


def add_generator_option(parser: argparse.ArgumentParser) -> None:
    """`--generator auto|mkdocs|properdocs`: which program's modules render the site (see site/generator.py)."""
    parser.add_argument("--generator", choices=("auto", "mkdocs", "properdocs"), default="auto",
                        help="render with MkDocs (the pinned default) or ProperDocs, its maintained fork; "
                             "auto (default): MkDocs when installed, else ProperDocs")


def emit(found: list[Finding], fmt: str, out: TextIO | None = None, *, with_summary: bool = True) -> None:
    """Print findings in the chosen format; text gets a summary line last."""
    out = out or sys.stdout
    if fmt == "json":
        out.write(fnd.render(found, "json") + "\n")
        return
    if found:
        out.write(fnd.render(found, fmt) + "\n")
    if with_summary and fmt == "text":
        out.write(fnd.summary(found) + "\n")


def emit_usage(found: list[Finding], fmt: str) -> None:
    """Problems that stopped the command (exit 2): stderr in text, stdout for machines."""
    if fmt == "text":
        emit(found, fmt, sys.stderr, with_summary=False)
    else:
        emit(found, fmt)


def interrupt_on_sigterm() -> None:
    """Treat SIGTERM (a cancelled CI job, `kill`) like Ctrl-C, so temporary folders are removed."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def internal_error(error: Exception, what: str) -> Finding:
    return Finding("", 0, 0, "INT001", f"internal error: {type(error).__name__}: {error}",
                   hint=f"This is a bug in {what}; run again with --debug and report it.")


def missing_package(error: ImportError, script: str = "build.py") -> Finding:
    """A script runs under a Python without the pinned requirements (exit 2, with the fix).

    `python scripts/content_report.py` with the system's Python is what a contributor types
    first; one line naming .venv helps them, a traceback about `mkdocs` does not.
    """
    name = getattr(error, "name", None) or str(error)
    return Finding("requirements.txt", 0, 0, "ENV002",
                   f"the Python package '{name}' is not installed for {sys.executable}",
                   hint="Run `make site` (it creates .venv with the pinned requirements), "
                        f"then `.venv/bin/python scripts/{script}`.")


def exit_now(code: int) -> NoReturn:
    """End the process with `code` once the output is flushed, skipping the interpreter's clean-up.

    Why: by the end of a build the process holds a few million small objects (MkDocs' pages,
    WeasyPrint's boxes, the page model), and freeing them one by one takes about 0.2 s that nobody
    waits for usefully; mypy ends the same way. Everything the build writes is closed by then (the
    staging folder and every file are handled in `with` blocks), so only the streams need flushing.
    Only the scripts' `if __name__ == "__main__"` lines call this; tests call `main()` and return.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def run_command(make_parser: Callable[[], argparse.ArgumentParser], work: Callable[[argparse.Namespace], int],
                argv: Sequence[str] | None, *, script: str, what: str) -> int:
    """Parse the options, run a command's work, and turn what stops it into an exit code and a message.

    `work` prints its own result and returns its exit code; a `UsageError` (exit 2), Ctrl-C or
    SIGTERM (exit 130), a missing package or an unreadable file (exit 2) and a bug (INT001,
    exit 2; `--debug` shows the traceback instead) are handled here, never as a traceback. The
    parser is made in here too: `--help` lists the codes, which may need packages that are missing.
    """
    fmt, debug = "text", False
    try:
        args = make_parser().parse_args(argv)
        fmt, debug = args.format, args.debug
        return work(args)
    except UsageError as error:
        emit_usage(error.findings, fmt)
        return ExitCode.USAGE
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        return ExitCode.INTERRUPTED
    except ImportError as error:
        if (error.name or "").startswith("guidebuild"):  # our own code is broken: a bug, not the setup
            return _bug(error, fmt, debug, what)
        emit_usage([missing_package(error, script)], fmt)
        return ExitCode.USAGE
    except OSError as error:  # a file that cannot be read, a disk that is full: not the content's fault
        from guidebuild.publish import environment_finding

        emit_usage([environment_finding(error)], fmt)
        return ExitCode.USAGE
    except Exception as error:
        return _bug(error, fmt, debug, what)


def _bug(error: Exception, fmt: str, debug: bool, what: str) -> int:
    if debug:
        raise error
    emit_usage([internal_error(error, what)], fmt)
    return ExitCode.USAGE


def build_parser() -> argparse.ArgumentParser:
    from guidebuild import codes

    parser = base_parser("build.py", "Check the sources, build the site and the printable cheat sheet into a "
                                     "temporary folder, and move it into place only when everything passed.",
                         epilog=BUILD_EPILOG.format(codes=codes.help_list(codes.build_codes())))
    add_generator_option(parser)
    return parser


BUILD_EPILOG = """\
exit codes: 0 built, 1 the content has problems, 2 usage, configuration or environment problem,
130 interrupted (Ctrl-C or SIGTERM). A failed or interrupted build leaves the site folder as it was.

codes:
{codes}"""


def main(argv: Sequence[str] | None = None) -> int:
    """`scripts/build.py`: parse the options, run the pipeline, print what it found, exit code."""
    interrupt_on_sigterm()
    return run_command(build_parser, _build, argv, script="build.py", what="the build")


def _build(args: argparse.Namespace) -> int:
    from guidebuild.site import generator

    generator.use(args.generator)  # before anything imports `mkdocs`
    from guidebuild import config as cfg
    from guidebuild import pipeline, publish

    fmt = args.format
    progress = Progress(sys.stderr, total=1 + pipeline.stage_count())
    with progress.stage("Loading configuration"):
        config = cfg.load(args.config_file, site_dir=args.site_dir)
        config["strict"] = True  # the published build is always strict, whatever mkdocs.yml says
    removed = publish.remove_leftovers(Path(config.site_dir))
    if removed:
        sys.stderr.write(f"Removed {len(removed)} temporary folder{'s' if len(removed) != 1 else ''} "
                         f"left by a build that was killed: {', '.join(p.name for p in removed)}\n")
    result = pipeline.build(config, progress)
    code = result.exit_code
    if code == ExitCode.USAGE:
        emit_usage(result.findings, fmt)
    else:
        emit(result.findings, fmt)
    if fmt != "json":
        sys.stderr.write(result.note + (f" in {progress.elapsed():.1f} s." if result.published else "") + "\n")
    return code
