"""Issue 16 through scripts/build.py: configuration that could run code, a nav that contains
itself, templates and icons that are not there, unescaped front-matter fields, and the folders a
killed build leaves behind. Each planted in a small site: right exit code, the place named, no
traceback, the previous site/ unchanged.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from guidebuild.publish import leftovers
from support.badinput import assert_refused, build, page, place, seed_previous_site, snapshot
from support.sitekit import MINI_CONFIG, PYTHON

GOOD = {"index.md": page("Home", "# Home\n\nHello.\n")}
CONFIG_LINES = len(MINI_CONFIG.splitlines())


@pytest.fixture
def site(mini_site):
    """A mini site (extra mkdocs.yml lines, extra pages) with a previous build; (root, snapshot)."""

    def make(extra: str = "", pages: dict[str, str] | None = None) -> tuple[Path, dict]:
        root = mini_site({**GOOD, **(pages or {})}, config=extra)
        return root, seed_previous_site(root / "site")

    return make


# (id, lines added to mkdocs.yml, line of the tag counted from the first added line, column)
UNSAFE_TAGS = [
    ("object-apply", 'extra:\n  boom: !!python/object/apply:os.system ["touch {flag}"]\n', 2, 9),
    ("object-new", 'extra:\n  boom: !!python/object/new:os.system ["touch {flag}"]\n', 2, 9),
    ("full-tag-uri", 'extra:\n  boom: !<tag:yaml.org,2002:python/object/apply:os.system> ["touch {flag}"]\n', 2, 9),
    ("tag-directive", None, 4, 9),
    ("python-name-not-allowed", "extra:\n  boom: !!python/name:os.system\n", 2, 9),
    ("module", "extra:\n  boom: !!python/module:os\n", 2, 9),
    ("in-a-list", 'extra_css:\n  - !!python/object/apply:os.system ["touch {flag}"]\n', 2, 5),
    ("as-a-key", 'extra:\n  ? !!python/object/apply:os.system ["touch {flag}"]\n  : 1\n', 2, 5),
    ("unknown-local-tag", "extra:\n  boom: !include other.yml\n", 2, 9),
]


@pytest.mark.parametrize(("extra", "line", "column"), [c[1:] for c in UNSAFE_TAGS], ids=[c[0] for c in UNSAFE_TAGS])
def test_a_yaml_tag_that_could_run_code_is_refused_and_never_run(site, tmp_path: Path, extra: str | None,
                                                                  line: int, column: int) -> None:
    flag = tmp_path / "ran"
    if extra is None:  # `%TAG` shorthand: `!py!object/apply:` is the same tag spelt another way
        root, before = site()
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        (root / "mkdocs.yml").write_text(
            f"%TAG !py! tag:yaml.org,2002:python/\n---\n{text}extra:\n  boom: !py!object/apply:os.system "
            f'["touch {flag}"]\n', encoding="utf-8")
        line += CONFIG_LINES
    else:
        root, before = site(extra.format(flag=flag))
        line += CONFIG_LINES
    out = assert_refused(build(root), 2, place("mkdocs.yml", line, column, "CFG006"), site_dir=root / "site",
                         before=before)
    assert not flag.exists(), "the tag ran"
    assert "not allowed" in out


def test_the_allowed_tags_still_work(mini_site) -> None:
    extra = ("  - pymdownx.emoji:\n"
             "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
             "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"
             "extra:\n  who: !ENV [GUIDE_TEST_WHO, nobody]\n")
    root = mini_site({"index.md": page("Home", "# Home\n\nHello :material-eye:\n")}, config=extra)
    result = build(root, env={"GUIDE_TEST_WHO": "tester"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'class="twemoji"' in (root / "site" / "index.html").read_text(encoding="utf-8")


def test_an_inherited_file_is_checked_too(site, tmp_path: Path) -> None:
    flag = tmp_path / "ran"
    root, before = site("INHERIT: base.yml\n")
    (root / "base.yml").write_text(f'extra:\n  boom: !!python/object/apply:os.system ["touch {flag}"]\n',
                                   encoding="utf-8")
    assert_refused(build(root), 2, place("base.yml", 2, 9, "CFG006"), site_dir=root / "site", before=before)
    assert not flag.exists()


NAVS = [
    ("alias-to-itself", "nav: &n\n  - Home: index.md\n  - Again: *n\n", 3, 12, "points back"),
    ("alias-in-a-section", "nav:\n  - Home: index.md\n  - Part: &p\n    - Home: index.md\n    - More: *p\n", 5, 13,
     "points back"),
    ("too-deep", "nav:\n" + "".join("  " * i + f"- S{i}:\n" for i in range(1, 13)) + "  " * 13 + "- index.md\n",
     12, 23, "more than 10 sections"),
    ("alias-bomb", "x: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(6)).replace("b: &b", "extra:\n  b: &b").replace("\nc:", "\n  c:").replace("\nd:", "\n  d:")
     .replace("\ne:", "\n  e:").replace("\nf:", "\n  f:").replace("\ng:", "\n  g:").replace("x: &a", "nav_x: &a"),
     0, 0, "YAML aliases"),
]


@pytest.mark.parametrize(("extra", "line", "column", "words"), [c[1:] for c in NAVS], ids=[c[0] for c in NAVS])
def test_a_nav_that_contains_itself_or_nests_too_deep_is_named_at_its_line(site, extra: str, line: int,
                                                                           column: int, words: str) -> None:
    root, before = site(extra)
    result = build(root, timeout=120)
    pattern = place("mkdocs.yml", CONFIG_LINES + line, column, "CFG007") if line else r"^mkdocs\.yml:\d+:\d+: CFG007 "
    out = assert_refused(result, 2, pattern, site_dir=root / "site", before=before)
    assert words in out and "INT001" not in out and "RecursionError" not in out


TEMPLATES = [
    ("outside", "template: ../../secret.html", 6, 11, "points outside overrides/"),
    ("absolute", "template: /etc/hosts", 6, 11, "points outside overrides/"),
    ("backslash", "template: ..\\\\main.html", 6, 11, "points outside"),
    ("missing", "template: plain2.html", 6, 11, "is not in overrides/ or the theme"),
    ("not-text", "template: [main.html]", 6, 11, "must name a template"),
    ("icon-outside", "icon: ../../../etc/passwd", 6, 7, "points outside"),
    ("icon-missing", "icon: material/no-such-icon-here", 6, 7, "is not in overrides/"),
]


@pytest.mark.parametrize(("line_text", "line", "column", "words"), [c[1:] for c in TEMPLATES],
                         ids=[c[0] for c in TEMPLATES])
def test_a_template_or_icon_that_is_not_there_is_named_at_the_page_line(site, line_text: str, line: int,
                                                                       column: int, words: str) -> None:
    text = page("Odd", "# Odd\n\nText.\n").replace("---\n\n", f"{line_text}\n---\n\n", 1)
    root, before = site(pages={"odd.md": text})
    (root / "overrides").mkdir()
    (root / "overrides" / "plain.html").write_text('{% extends "main.html" %}\n', encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("  font: false\n",
                                                                          "  font: false\n  custom_dir: overrides\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    out = assert_refused(build(root), 1, place("docs/odd.md", line, column, "FM008"), site_dir=root / "site",
                         before=before)
    assert words in out and "ENV001" not in out


def test_a_real_template_in_overrides_and_a_real_icon_build(site) -> None:
    text = page("Odd", "# Odd\n\nText.\n").replace("---\n\n", "template: plain.html\nicon: material/eye\n---\n\n")
    root, _ = site(pages={"odd.md": text})
    (root / "overrides").mkdir()
    (root / "overrides" / "plain.html").write_text('{% extends "main.html" %}\n', encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"),
                                     encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stdout + result.stderr


FIELDS = [
    ("subtitle", 'subtitle: Hello <img src="https://t.example/p.gif">', 6, 11),
    ("author", "author: </title><script>x()</script>", 6, 9),
    ("status", 'status: new" onmouseover="x()', 6, 9),
    ("location", 'location: x"><script>x()</script>', 6, 11),
    ("in-a-list", "tags:\n  - ok\n  - <b>bold</b>", 8, 5),
    ("nested", "extra:\n  note: a > b", 7, 9),
    ("unknown-field", "whatever: <script>", 6, 11),
]


@pytest.mark.parametrize(("line_text", "line", "column"), [c[1:] for c in FIELDS], ids=[c[0] for c in FIELDS])
def test_any_front_matter_text_the_theme_could_print_unescaped_is_refused(site, line_text: str, line: int,
                                                                          column: int) -> None:
    text = page("Odd", "# Odd\n\nText.\n").replace("---\n\n", f"{line_text}\n---\n\n", 1)
    root, before = site(pages={"odd.md": text})
    out = assert_refused(build(root), 1, place("docs/odd.md", line, column, "SAFE008"), site_dir=root / "site",
                         before=before)
    assert "unescaped" in out


SLOW_HOOK = '''
import pathlib, time

def on_post_build(config):
    """Hold the build after rendering so the test can kill it."""
    pathlib.Path(config.config_file_path).with_name("rendering.flag").write_text("1")
    time.sleep(120)
'''


def _killed_build(root: Path) -> None:
    process = subprocess.Popen([PYTHON, str(root / "scripts" / "build.py")], cwd=root,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (root / "rendering.flag").exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the build ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


def test_the_next_build_removes_what_a_killed_build_left_and_says_so(mini_site) -> None:
    root = mini_site(GOOD, config="hooks:\n  - slow_hook.py\n")
    (root / "slow_hook.py").write_text(SLOW_HOOK, encoding="utf-8")
    before = seed_previous_site(root / "site")
    _killed_build(root)
    left = leftovers(root / "site")
    assert len(left) == 1 and left[0].name.startswith(".staging-site-"), left
    assert snapshot(root / "site") == before, "SIGKILL while rendering must not touch site/"
    # Things that are not this build's own leftovers stay: another site's folder, a file, a near-miss name.
    others = [root / ".staging-other-abc", root / ".staging-sitex", root / "staging-site-abc"]
    for other in others:
        other.mkdir()
    (root / ".retired-site-file").write_text("not a folder\n", encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("hooks:\n  - slow_hook.py\n", "")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if "left by a build that was killed" in line]
    assert lines == [f"Removed 1 temporary folder left by a build that was killed: {left[0].name}"], result.stderr
    assert not left[0].exists()
    assert all(other.is_dir() for other in others) and (root / ".retired-site-file").is_file()
    assert "Hello." in (root / "site" / "index.html").read_text(encoding="utf-8")


def test_a_staging_folder_still_in_use_by_a_running_build_is_left_alone(mini_site) -> None:
    import fcntl

    root = mini_site(GOOD)
    busy = root / ".staging-site-busy1234"
    busy.mkdir()
    descriptor = os.open(busy, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        result = build(root)
        assert result.returncode == 0, result.stdout + result.stderr
        assert busy.is_dir() and "left by a build that was killed" not in result.stderr
    finally:
        os.close(descriptor)
    result = build(root)
    assert "Removed 1 temporary folder left by a build that was killed: .staging-site-busy1234" in result.stderr
    assert not busy.exists()
