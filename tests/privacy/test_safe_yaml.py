"""The safe configuration loader: same result as MkDocs' loader for the real file, hostile input refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import yaml_load

from guidebuild.findings import UsageError
from guidebuild.privacy import safe_yaml
from support.sitekit import ROOT


def _load(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return safe_yaml.load(path, MkDocsConfig(config_file_path=str(path)))


def _codes(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    with pytest.raises(UsageError) as caught:
        _load(tmp_path, text)
    return [(f.line, f.code) for f in caught.value.findings]


def test_the_real_configuration_loads_exactly_as_mkdocs_loads_it(monkeypatch) -> None:
    monkeypatch.setenv("STRICT", "false")
    path = ROOT / "mkdocs.yml"
    ours = safe_yaml.load(path, MkDocsConfig(config_file_path=str(path)))
    with path.open("rb") as handle:
        theirs = yaml_load(handle)
    assert ours == theirs
    assert ours["strict"] is False, "!ENV was not applied"


def test_nesting_far_too_deep_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    assert _codes(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n") == [(1, "CFG007")]


def test_an_alias_bomb_is_refused_before_anything_expands_it(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    assert {code for _, code in _codes(tmp_path, "\n".join(lines) + "\n")} == {"CFG007"}


def test_shared_aliases_that_do_not_loop_are_fine(tmp_path: Path) -> None:
    data = _load(tmp_path, "base: &b {primary: teal}\nlight: *b\ndark: *b\nmerged:\n  <<: *b\n  accent: red\n")
    assert data["merged"] == {"primary": "teal", "accent": "red"}


def test_a_loop_through_a_mapping_is_named_at_the_alias(tmp_path: Path) -> None:
    assert _codes(tmp_path, "extra: &e\n  self: *e\n") == [(2, "CFG007")]


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!python/object/apply:subprocess.run",
                                 "!!python/name:builtins.eval", "!!python/tuple", "!!set", "!custom"])
def test_every_other_tag_is_refused_with_its_line(tmp_path: Path, tag: str) -> None:
    assert _codes(tmp_path, f"site_name: x\nextra:\n  v: {tag} []\n") == [(3, "CFG006")]


def test_an_allowed_name_is_the_real_function(tmp_path: Path) -> None:
    from material.extensions.emoji import to_svg

    data = _load(tmp_path, "f: !!python/name:material.extensions.emoji.to_svg\n")
    assert data["f"] is to_svg


def test_the_check_make_serve_runs_first_refuses_an_unsafe_file(tmp_path: Path, capsys) -> None:
    flag = tmp_path / "ran"
    path = tmp_path / "mkdocs.yml"
    path.write_text(f'site_name: x\nextra:\n  x: !!python/object/apply:os.system ["touch {flag}"]\n', encoding="utf-8")
    assert safe_yaml.main([str(path)]) == 2
    assert "mkdocs.yml:3:6: CFG006" in capsys.readouterr().err
    assert not flag.exists()
    assert safe_yaml.main([str(ROOT / "mkdocs.yml")]) == 0


def test_pymdownx_slugify_with_options_is_the_one_factory_that_may_be_called(tmp_path: Path) -> None:
    data = _load(tmp_path, "s: !!python/object/apply:pymdownx.slugs.slugify\n  kwds: {case: lower}\n")
    assert data["s"]("Café Au Lait", "-") == "café-au-lait"
    hostile = "s: !!python/object/apply:pymdownx.slugs.slugify\n  kwds:\n    case: !!python/name:os.system\n"
    assert _codes(tmp_path, hostile) == [(3, "CFG006")]
    assert _codes(tmp_path, "s: !!python/object/apply:pymdownx.slugs.uslugify []\n") == [(1, "CFG006")]
