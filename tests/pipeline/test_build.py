"""The build script's promises: stages with progress, exit codes, and an untouched site/ on failure."""

from __future__ import annotations

import json

from guidebuild import publish
from support.sitekit import front_matter, run_script, snapshot

GOOD_PAGES = {
    "index.md": front_matter("Home") + "# Home\n\nSee [the tips](tips.md#warm-up).\n",
    "tips.md": front_matter("Tips") + "# Tips\n\n## Warm up\n\nRub your hands.\n",
}


def test_builds_a_site_and_reports_each_stage(mini_site):
    root = mini_site(GOOD_PAGES)
    result = run_script("build.py", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (root / "site" / "tips" / "index.html").is_file()
    assert "[1/" in result.stderr and "Rendering the site with MkDocs" in result.stderr
    assert "Built site/" in result.stderr
    assert publish.leftovers(root / "site") == []


def test_broken_link_fails_and_leaves_the_previous_site_untouched(mini_site):
    root = mini_site(GOOD_PAGES)
    assert run_script("build.py", cwd=root).returncode == 0
    before = snapshot(root / "site")
    (root / "docs" / "index.md").write_text(front_matter("Home") + "# Home\n\n[Gone](missing.md)\n")
    result = run_script("build.py", cwd=root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "missing.md" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert "previous site/ was left as it was" in result.stderr
    assert snapshot(root / "site") == before
    assert publish.leftovers(root / "site") == []


def test_failed_first_build_writes_no_site(mini_site):
    root = mini_site({"index.md": front_matter("Home") + "# Home\n\n[Gone](missing.md)\n"})
    result = run_script("build.py", cwd=root)
    assert result.returncode == 1
    assert not (root / "site").exists()
    assert publish.leftovers(root / "site") == []


def test_site_dir_option_builds_elsewhere_relative_to_the_current_folder(mini_site, tmp_path):
    root = mini_site(GOOD_PAGES)
    result = run_script("build.py", "--site-dir", "out/web", cwd=root)
    assert result.returncode == 0, result.stderr
    assert (root / "out" / "web" / "index.html").is_file()
    assert not (root / "site").exists()


def test_config_file_option_and_running_from_another_folder(mini_site, tmp_path):
    root = mini_site(GOOD_PAGES)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "scripts").symlink_to(root / "scripts")
    result = run_script("build.py", "-f", str(root / "mkdocs.yml"), cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "index.html").is_file()


def test_missing_config_is_a_usage_error_without_traceback(mini_site, tmp_path):
    root = mini_site(GOOD_PAGES)
    result = run_script("build.py", "-f", "nope.yml", cwd=root)
    assert result.returncode == 2
    assert result.stdout.startswith("nope.yml: CFG001 configuration file not found")
    assert "Traceback" not in result.stdout + result.stderr


def test_unknown_option_is_a_usage_error(mini_site):
    root = mini_site(GOOD_PAGES)
    result = run_script("build.py", "--colour", cwd=root)
    assert result.returncode == 2
    assert "unrecognized arguments: --colour" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_yaml_names_line_and_column(mini_site):
    root = mini_site(GOOD_PAGES)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text() + "nav:\n  - Home: index.md\n   - Tips: tips.md\n")
    result = run_script("build.py", cwd=root)
    assert result.returncode == 2
    lines = config.read_text().splitlines()
    bad_line = next(i for i, line in enumerate(lines, 1) if line.startswith("   - Tips"))
    assert f"mkdocs.yml:{bad_line}:" in result.stdout
    assert "CFG002 invalid YAML" in result.stdout


def test_json_format_keeps_stdout_pure_json(mini_site):
    root = mini_site({"index.md": front_matter("Home") + "# Home\n\n[Gone](missing.md)\n"})
    result = run_script("build.py", "--format", "json", cwd=root)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data and {"path", "line", "column", "code", "message"} <= set(data[0])


def test_publish_swaps_folders_and_keeps_nothing_else(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.txt").write_text("old")
    with publish.staging_folder(site) as staging:
        (staging / "new.txt").write_text("new")
        publish.publish(staging, site)
    assert sorted(p.name for p in site.iterdir()) == ["new.txt"]
    assert publish.leftovers(site) == []


def test_staging_folder_is_removed_when_the_build_fails(tmp_path):
    site = tmp_path / "site"
    try:
        with publish.staging_folder(site) as staging:
            (staging / "half.html").write_text("<p>half")
            raise RuntimeError("render failed")
    except RuntimeError:
        pass
    assert not site.exists()
    assert publish.leftovers(site) == []


def test_build_is_strict_even_when_the_preview_setting_is_off(mini_site):
    """`make serve` sets STRICT=false for a forgiving preview; the build must still fail on warnings."""
    root = mini_site({"index.md": front_matter("Home") + "# Home\n\n[Gone](missing.md)\n"})
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("strict: true", "strict: !ENV [STRICT, true]"))
    result = run_script("build.py", cwd=root, env={"STRICT": "false"})
    assert result.returncode == 1, result.stdout + result.stderr
    assert not (root / "site").exists()
