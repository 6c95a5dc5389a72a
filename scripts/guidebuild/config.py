"""Load `mkdocs.yml` with MkDocs' own loader, turning every problem into a finding with a place.

We use MkDocs' loader (not a YAML parse of our own) so that every later stage sees exactly the
configuration MkDocs will build with: the real slugify function, the real extension settings and
the real nav. MkDocs itself reports YAML and schema problems as log lines without line numbers;
here each becomes a `Finding` at the line of the offending key, so a contributor can jump to it.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig

from guidebuild.findings import ERROR, WARNING, Finding, UsageError
from guidebuild.privacy import safe_yaml

DEFAULT_CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


def find_config(config_file: str | None) -> Path:
    """Return the config path to use, or raise `UsageError` saying what is missing."""
    if config_file:
        path = Path(config_file)
        if not path.is_file():
            raise UsageError(Finding(str(path), 0, 0, "CFG001", "configuration file not found",
                                     hint="Pass the path to mkdocs.yml with -f/--config-file."))
        return path.resolve()
    for name in DEFAULT_CONFIG_NAMES:
        if Path(name).is_file():
            return Path(name).resolve()
    raise UsageError(Finding("mkdocs.yml", 0, 0, "CFG001",
                             "no mkdocs.yml in the current folder",
                             hint="Run from the project root or pass -f path/to/mkdocs.yml."))


def key_line(text: str, dotted_key: str) -> int:
    """Best-effort line (1-based) of a configuration key such as `theme` or `markdown_extensions`.

    MkDocs names a bad setting only by its key; finding the key's line lets the message point at it.
    For nested keys (`theme.palette`) the last part is looked for below the first.
    """
    parts = [p for p in re.split(r"[.\[\]]", dotted_key) if p and not p.isdigit()]
    if not parts:
        return 0
    lines = text.splitlines()
    start = 0
    found = 0
    for depth, part in enumerate(parts):
        pattern = re.compile(rf"^\s*-?\s*{re.escape(part)}\s*:" if depth else rf"^{re.escape(part)}\s*:")
        for number in range(start, len(lines)):
            if pattern.match(lines[number]):
                found = number + 1
                start = number + 1
                break
        else:
            break
    return found


def _yaml_finding(path: Path, error: yaml.YAMLError) -> Finding:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else 0
    column = mark.column + 1 if mark else 0
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    hint = "Check the indentation and that every `key: value` has a space after the colon."
    if "python/name" in str(error) or "could not determine a constructor" in str(error):
        hint = ("A `!!python/name:` tag names a module that is not installed; "
                "run `make site` to install the pinned requirements.")
    return Finding(str(path), line, column, "CFG002", message, ERROR, hint)


def load(config_file: str | None = None, *, site_dir: str | None = None,
         strict: bool = True) -> MkDocsConfig:
    """Load and validate the configuration; raise `UsageError` (exit 2) on any problem.

    Configuration warnings (unknown keys, deprecated settings) are errors here, as they are for
    `mkdocs build --strict`: a misspelt key silently does nothing, which is worse than failing.
    """
    path = find_config(config_file)
    text = path.read_text(encoding="utf-8", errors="replace")
    config = MkDocsConfig(config_file_path=str(path))
    try:  # our safe loader, never MkDocs' (it would run `!!python/object` tags): privacy/safe_yaml.py
        config.load_dict(safe_yaml.load(path, config))
    except yaml.YAMLError as error:
        raise UsageError(_yaml_finding(path, error)) from None
    except UsageError:
        raise
    except Exception as error:  # MkDocs wraps YAML errors in ConfigurationError
        cause = error.__cause__ or error.__context__
        if isinstance(cause, yaml.YAMLError):
            raise UsageError(_yaml_finding(path, cause)) from None
        raise UsageError(Finding(str(path), 0, 0, "CFG002", f"cannot read configuration: {error}")) from None
    if site_dir is not None:
        config.load_dict({"site_dir": os.path.abspath(site_dir)})
    errors, warnings = config.validate()
    findings = [_setting_finding(path, text, name, str(message), "CFG003", ERROR) for name, message in errors]
    severity = ERROR if strict else WARNING
    findings += [_setting_finding(path, text, name, str(message), "CFG004", severity) for name, message in warnings]
    if not errors:
        findings += _theme_option_findings(path, text, severity)
    if not str(config.get("site_url") or "").strip():
        findings.append(Finding(str(path), 0, 0, "CFG005", "site_url is not set", ERROR,
                                "Add `site_url: https://…/` (the published address): the cheat sheet prints it "
                                "and its QR code, and canonical links, the sitemap and the 404 page need it."))
    blocking = [f for f in findings if f.is_error]
    if blocking:
        raise UsageError(*blocking)
    return config


# Packages that provide the themes people use with this project, for the "install …" hint.
THEME_PACKAGES = {"material": "mkdocs-material"}
# Options Material reads under `theme:`; MkDocs passes unknown ones through silently, so a misspelt
# `pallete:` would quietly drop the dark mode. (MkDocs' own: name, custom_dir, static_templates, locale.)
THEME_OPTIONS = {"material": {"name", "custom_dir", "static_templates", "locale", "language", "direction",
                              "features", "font", "palette", "icon", "logo", "favicon"}}


def _theme_option_findings(path: Path, text: str, severity: str) -> list[Finding]:
    """Unknown keys under `theme:` (for themes whose options we know), at their line and column."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    theme = next((value for key, value in root.value if getattr(key, "value", None) == "theme"), None)
    if not isinstance(theme, yaml.MappingNode):
        return []
    keys = {key.value: key for key, _ in theme.value if isinstance(key, yaml.ScalarNode)}
    name = next((value for key, value in theme.value if getattr(key, "value", None) == "name"), None)
    known = THEME_OPTIONS.get(str(getattr(name, "value", "")))
    if not known:
        return []
    findings = []
    for option, node in keys.items():
        if option not in known:
            close = difflib.get_close_matches(option, sorted(known), n=1, cutoff=0.7)
            guess = f"Did you mean '{close[0]}'? " if close else ""
            findings.append(Finding(str(path), node.start_mark.line + 1, node.start_mark.column + 1, "CFG004",
                                    f"unknown theme option '{option}': the theme ignores it", severity,
                                    guess + "Fix its spelling or remove it (see the theme's documentation)."))
    return findings


def _setting_finding(path: Path, text: str, name: str, message: str, code: str, severity: str) -> Finding:
    """One MkDocs configuration message as a finding at the line of the key it is about.

    MkDocs puts whole Python tracebacks into some messages (an extension that rejects an option);
    a contributor needs the first and the last line of it, not the trace.
    """
    dotted = name
    if "\n" in message and ("Traceback" in message or "\n  File " in message):
        lines = [line for line in message.splitlines() if line.strip()]
        message = f"{lines[0].rstrip('.')}: {lines[-1].strip()}"
        extension = re.search(r"extension '([^']+)'", lines[0])
        option = re.match(r"\s*KeyError: '([^']+)'", lines[-1])
        if extension and option:
            dotted = f"{name}.{extension.group(1)}.{option.group(1)}"
    theme = re.search(r"Unrecognised theme name: '([^']+)'", message)
    if theme:
        dotted = "theme.name"
    line = key_line(text, dotted)
    label = "configuration error in" if code == "CFG003" else "configuration warning for"
    return Finding(str(path), line, 1 if line else 0, code, f"{label} '{name}': {message}", severity,
                   _hint_for(name, message))


def _hint_for(name: str, message: str) -> str:
    if "Unrecognised configuration name" in message:
        known = [key for key, _ in MkDocsConfig._schema if key != "config_file_path"]
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.7)
        guess = f"Did you mean '{close[0]}'? " if close else ""
        return guess + "Remove the key or fix its spelling (see https://www.mkdocs.org/user-guide/configuration/)."
    theme = re.search(r"Unrecognised theme name: '([^']+)'.*?themes are: (.*)", message)
    if theme:
        wanted, available = theme.group(1), [t.strip(" .") for t in theme.group(2).split(",")]
        close = difflib.get_close_matches(wanted, available, n=1, cutoff=0.7)
        if close:
            return f"Did you mean '{close[0]}'? Fix the theme name."
        package = THEME_PACKAGES.get(wanted)
        if package is None:
            return (f"The theme '{wanted}' is not installed: install the package that provides it "
                    "and add it to requirements.in.")
        return (f"The theme '{wanted}' is not installed: run `make site` (it installs the pinned "
                f"requirements) or `.venv/bin/pip install {package}`.")
    if "Failed to load extension" in message and "KeyError" in message:
        return "That option does not exist for this extension: check its spelling in the extension's documentation."
    if name == "theme":
        return "Install the pinned requirements (`make site` does it) or fix the theme name."
    if name == "nav":
        return "Every nav entry must name a file under docs/."
    if name.startswith("markdown_extensions"):
        return "Install the pinned requirements (`make site` does it) or fix the extension's name."
    return ""

