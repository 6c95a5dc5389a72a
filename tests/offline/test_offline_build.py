"""The build writes a service worker that lists every file a reader needs, and checks that list.

Real builds of small real sites with the real build script: the worker's list is read back out of
the built sw.js, the way a browser reads it.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from guidebuild import cli, pipeline
from guidebuild.offline.check import check_offline
from guidebuild.offline.service_worker import read_precache
from support.sitekit import front_matter, run_script

PAGES = {
    "index.md": front_matter("Home") + "# Home\n\nSee [the tips](tips.md).\n",
    "tips.md": front_matter("Tips") + "# Tips\n\nRub your hands to warm them.\n",
    "assets/picture.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>\n',
}
#: Built files a reader never loads: for robots, for re-users, and the worker itself.
NOT_PRECACHED = {"sitemap.xml", "sitemap.xml.gz", "sw.js"}


def built(mini_site, pages: dict[str, str] = PAGES, name: str = "mini") -> Path:
    root = mini_site(pages, name=name)
    result = run_script("build.py", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def listed(site: Path) -> dict:
    found = read_precache(site / "sw.js")
    assert found is not None, "no precache list in sw.js"
    return found[1]


def sha256_integrity(path: Path) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode()


def test_the_worker_lists_every_built_file_with_its_hash(mini_site) -> None:
    site = built(mini_site)
    data = listed(site)
    urls = {file["url"]: file["integrity"] for file in data["files"]}
    every_file = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    as_urls = {"./" if p == "index.html" else p.removesuffix("index.html") for p in every_file - NOT_PRECACHED}
    assert set(urls) == as_urls
    assert {"./", "tips/", "404.html", "manifest.webmanifest", "search/search_index.json",
            "assets/picture.svg"} <= set(urls)
    assert not any(url.endswith(".map") for url in urls), "source maps are pruned before the list is made"
    for url, integrity in urls.items():
        path = site / (url.removeprefix("./") + "index.html" if url.endswith("/") else url)
        assert integrity == sha256_integrity(path), url
    assert data["notFound"] == "404.html"


def test_same_content_same_version_one_changed_word_a_new_version(mini_site) -> None:
    first = listed(built(mini_site, name="first"))
    again = listed(built(mini_site, name="again"))
    assert first == again, "a build of unchanged sources must not make readers download anything"
    changed = {**PAGES, "tips.md": PAGES["tips.md"].replace("warm them", "warm them up")}
    after = listed(built(mini_site, changed, name="changed"))
    assert after["version"] != first["version"]
    before_files = {file["url"]: file["integrity"] for file in first["files"]}
    differ = {file["url"] for file in after["files"] if before_files.get(file["url"]) != file["integrity"]}
    assert differ == {"tips/", "search/search_index.json"}


def test_the_manifest_comes_from_mkdocs_yml(mini_site) -> None:
    site = built(mini_site)
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == manifest["short_name"] == "Mini"
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == ("./", "./", "standalone")
    assert manifest["icons"] == [], "a site without docs/assets/icons/ lists no icons it does not have"


def test_the_check_finds_listed_files_that_are_missing_or_changed(mini_site) -> None:
    site = built(mini_site)
    assert check_offline(site) == []
    (site / "assets" / "picture.svg").unlink()
    (site / "tips" / "index.html").write_text("changed after the list was made", encoding="utf-8")
    found = check_offline(site)
    assert sorted((f.code, f.path) for f in found) == [("OFF001", str(site / "sw.js")),
                                                       ("OFF002", str(site / "sw.js"))]
    assert all(f.line > 0 and f.is_error for f in found), "the line of sw.js that holds the list"
    assert any("'assets/picture.svg'" in f.message for f in found if f.code == "OFF001")
    assert any("'tips/'" in f.message for f in found if f.code == "OFF002")


def test_the_check_finds_a_missing_worker_and_a_manifest_icon_that_is_not_built(mini_site) -> None:
    site = built(mini_site)
    manifest = site / "manifest.webmanifest"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["icons"] = [{"src": "assets/icons/icon-192.png", "sizes": "192x192", "type": "image/png"}]
    manifest.write_text(json.dumps(data), encoding="utf-8")
    (site / "sw.js").unlink()
    assert sorted(f.code for f in check_offline(site)) == ["OFF003", "OFF004"]


def test_a_step_that_removes_a_file_after_the_worker_was_written_fails_the_build(
        mini_site, monkeypatch: pytest.MonkeyPatch) -> None:
    """The build's own check, in the real pipeline: exit 1, the finding, and no site published."""
    root = mini_site(PAGES)
    real_steps = pipeline.output_stages()
    writer = next(i for i, step in enumerate(real_steps) if step.run.__name__ == "write_offline_copy")

    def remove_picture(config, staged) -> list:
        (staged.folder / "assets" / "picture.svg").unlink()
        return []

    steps = [*real_steps[:writer + 1], pipeline.Stage("Removing a picture (a buggy step)", remove_picture),
             *real_steps[writer + 1:]]
    monkeypatch.setattr(pipeline, "output_stages", lambda: steps)
    printed: list = []
    monkeypatch.setattr(cli, "emit", lambda found, fmt, *args, **kwargs: printed.extend(found))
    monkeypatch.chdir(root)
    assert cli.main([]) == 1
    assert [(f.code, Path(f.path).name) for f in printed] == [("OFF001", "sw.js")]
    assert "'assets/picture.svg'" in printed[0].message
    assert not (root / "site").exists()
