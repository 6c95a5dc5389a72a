"""A hostile environment: output not writable, disk full, Ctrl-C, WeasyPrint missing or broken.

In every case the build exits with the right code and a message that says what to do, the previous
`site/` (and its PDFs) is still whole afterwards, and no temporary folder is left beside it.

How each condition is made real (we run as root in CI containers, where chmod stops nothing):
- not writable: a read-only bind mount of the output's folder inside a private mount namespace
  (`unshare -m`, root only), or `chmod 555` when not root;
- disk full: (1) RLIMIT_FSIZE, so any write past 64 KB fails with EFBIG, as a full disk would fail
  it with ENOSPC (works for any user; Python ignores SIGXFSZ); (2) a real 512 KB tmpfs inside a
  private mount namespace (root only), which fails with ENOSPC;
- Ctrl-C: SIGINT sent to the build while MkDocs renders (a test hook holds it there) and while
  the content check parses a slow page.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from guidebuild.publish import leftovers
from support.badinput import assert_refused, page, place, seed_previous_site
from support.sitekit import PYTHON, copy_project, snapshot

GOOD = {"index.md": page("Home", "# Home\n\nHello.\n")}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _can_mount() -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True, check=False)
    return probe.returncode == 0


CAN_MOUNT = _can_mount()


def _run(args: list[str], cwd: Path, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=240, check=False, **kwargs)


def _build_args(root: Path, *args: str) -> list[str]:
    return [PYTHON, str(root / "scripts" / "build.py"), *args]


@pytest.mark.skipif(os.geteuid() == 0 and not CAN_MOUNT,
                    reason="as root, only a read-only mount stops writes, and this machine cannot mount")
def test_output_folder_not_writable(mini_site) -> None:
    root = mini_site(GOOD)
    out = root / "out"
    before = seed_previous_site(out / "site")
    if os.geteuid() == 0:
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
        command = ["unshare", "-m", "sh", "-c", script, "sh", str(out), *_build_args(root, "--site-dir", "out/site")]
        result = _run(command, cwd=root)
        expected = "Read-only file system"
    else:
        out.chmod(0o555)
        try:
            result = _run(_build_args(root, "--site-dir", "out/site"), cwd=root)
        finally:
            out.chmod(0o755)
        expected = "Permission denied"
    text = assert_refused(result, 2, place("out/site", 0, 0, "ENV001"), site_dir=out / "site", before=before)
    assert expected in text


def test_output_path_blocked_by_a_file(mini_site) -> None:
    root = mini_site(GOOD)
    (root / "blocker").write_text("not a folder\n", encoding="utf-8")
    result = _run(_build_args(root, "--site-dir", "blocker/site"), cwd=root)
    text = assert_refused(result, 2, place("blocker/site", 0, 0, "ENV001"), site_dir=root / "blocker" / "site",
                          before=None)
    assert "A file is in the way" in text
    assert (root / "blocker").read_text(encoding="utf-8") == "not a folder\n"


def test_disk_full_while_writing_simulated_with_a_file_size_limit(mini_site) -> None:
    root = mini_site(GOOD)
    before = seed_previous_site(root / "site")

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    result = _run(_build_args(root), cwd=root, preexec_fn=limit_file_size)
    text = assert_refused(result, 2, place("site", 0, 0, "ENV001"), site_dir=root / "site", before=before)
    assert "File too large" in text and "free some space" in text
    assert "The previous site/ was left as it was." in result.stderr


@pytest.mark.skipif(not CAN_MOUNT, reason="needs root and unshare to mount a small tmpfs")
def test_disk_full_on_a_real_small_file_system(mini_site, tmp_path: Path) -> None:
    root = mini_site(GOOD)
    seed = tmp_path / "seed"
    before = seed_previous_site(seed / "site")
    out, after = root / "out", tmp_path / "after"
    out.mkdir()
    after.mkdir()
    # Mount 512 KB, put the previous site on it, build onto it, then copy what is left out of the
    # namespace (the mount disappears with it) so the test can look at it.
    script = ('mount -t tmpfs -o size=512k tmpfs "$1" && cp -a "$2/site" "$1/" && '
              '"$4" "$5" --site-dir "$1/site"; code=$?; cp -a "$1/." "$3/"; exit $code')
    result = _run(["unshare", "-m", "sh", "-c", script, "sh", str(out), str(seed), str(after),
                   PYTHON, str(root / "scripts" / "build.py")], cwd=root)
    text = assert_refused(result, 2, place("out/site", 0, 0, "ENV001"), site_dir=after / "site", before=before)
    assert "No space left on device" in text and "The disk is full" in text
    assert sorted(p.name for p in after.iterdir()) == ["site"]


def _running(pid: int) -> bool:
    """Is process `pid` still there, and not a zombie? (Linux /proc)"""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False
    return "State:\tZ" not in status


SLOW_HOOK = '''
import os, pathlib, time

def on_post_build(config):
    """Hold the build in the middle of rendering so the test can press Ctrl-C; say which process renders."""
    pathlib.Path(config.config_file_path).with_name("rendering.flag").write_text(str(os.getpid()))
    time.sleep(120)
'''


def _interrupt(process: subprocess.Popen[str], ready, signum: int = signal.SIGINT) -> tuple[str, str]:
    deadline = time.monotonic() + 120
    while not ready() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the build ended before it could be interrupted"
    process.send_signal(signum)
    return process.communicate(timeout=60)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_while_rendering_keeps_the_previous_site(mini_site, tmp_path: Path, signum: int) -> None:
    root = mini_site(GOOD, config="hooks:\n  - slow_hook.py\n")
    (root / "slow_hook.py").write_text(SLOW_HOOK, encoding="utf-8")
    before = seed_previous_site(root / "site")
    log = tmp_path / "stderr.txt"

    def rendering() -> bool:  # MkDocs is in the hook, and the build is waiting for it (checks done)
        return (root / "rendering.flag").exists() and "Rendering the site" in log.read_text(encoding="utf-8")

    with log.open("w", encoding="utf-8") as errors:
        process = subprocess.Popen(_build_args(root), cwd=root, env=ENV, text=True,
                                   stdout=subprocess.PIPE, stderr=errors)
        stdout, _ = _interrupt(process, rendering, signum)
    stderr = log.read_text(encoding="utf-8")
    renderer = int((root / "rendering.flag").read_text(encoding="utf-8"))
    assert not _running(renderer), "the process rendering the site outlived the build"
    result = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    assert_refused(result, 130, site_dir=root / "site", before=before)
    assert "Rendering the site with MkDocs (begun beside the checks) … stopped" in stderr
    assert "Interrupted. The previous site/ was left as it was." in stderr


def test_ctrl_c_while_checking_pages_writes_nothing(mini_site, tmp_path: Path) -> None:
    root = mini_site({**GOOD, "slow.md": page("Slow", "# Slow\n\n" + "<!--" * 25_000)})
    before = seed_previous_site(root / "site")
    log = tmp_path / "stderr.txt"
    with log.open("w", encoding="utf-8") as errors:
        process = subprocess.Popen(_build_args(root), cwd=root, env={**ENV, "GUIDEBUILD_PAGE_SECONDS": "60"},
                                   text=True, stdout=subprocess.PIPE, stderr=errors)
        stdout, _ = _interrupt(process, lambda: "content safety …" in log.read_text(encoding="utf-8"))
    stderr = log.read_text(encoding="utf-8")
    result = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    assert_refused(result, 130, site_dir=root / "site", before=before)
    assert "content safety … stopped" in stderr


WEASYPRINT_SHIMS = {
    "missing": "raise ModuleNotFoundError(\"No module named 'weasyprint'\", name='weasyprint')\n",
    "broken": "raise OSError(\"cannot load library 'libpango-1.0-0': No such file or directory\")\n",
}


@pytest.mark.parametrize("state", sorted(WEASYPRINT_SHIMS))
def test_weasyprint_missing_or_broken_says_what_to_install(tmp_path: Path, state: str) -> None:
    root = copy_project(tmp_path / "project")
    shim = tmp_path / "shim" / "weasyprint"
    shim.mkdir(parents=True)
    (shim / "__init__.py").write_text(WEASYPRINT_SHIMS[state], encoding="utf-8")
    before = seed_previous_site(root / "site")
    env = {**ENV, "PYTHONPATH": str(shim.parent)}
    result = subprocess.run(_build_args(root), cwd=root, env=env, capture_output=True, text=True, timeout=240,
                            check=False)
    text = assert_refused(result, 2, place("requirements.txt", 0, 0, "ENV010"), site_dir=root / "site",
                          before=before)
    assert "make site" in text and "apt-get install" in text
    assert snapshot(root / "site")["cheatsheet/cheatsheet-a4.pdf"] == before["cheatsheet/cheatsheet-a4.pdf"]
    assert leftovers(root / "site") == []
