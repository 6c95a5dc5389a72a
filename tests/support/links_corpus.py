"""A site full of tricky links that all work: the link check must report none of them.

Shared by the link tests; `mkdocs build --strict` must pass on it too, so the corpus itself is
checked against MkDocs' own judgement and cannot drift into links that are really broken.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from guidebuild.findings import Finding
from support.sitekit import MINI_CONFIG, SNIPPETS_CONFIG

CONFIG = """\
site_name: Corpus
site_url: https://example.org/corpus/
strict: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
theme:
  name: material
  font: false
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.snippets:
      base_path: [".", "includes"]
      check_paths: true
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
nav:
  - Home: index.md
  - Tips: tips.md
  - FAQ: faq.md
  - Spaces: my file.md
  - Upper: Upper.md
  - Guide:
      - guide/index.md
      - guide/page.md
"""

PAGES: dict[str, str] = {
    "index.md": """\
---
title: Home
description: The home page of the link corpus.
---

# Home

Plain [tips](tips.md), an [anchor](tips.md#comfort-scale), a [duplicate heading](tips.md#intro_1),
an [attr_list id](tips.md#custom-id), a [raw HTML id](tips.md#raw-anchor), a
[heading from a snippet](tips.md#from-a-snippet), the [guide](guide/index.md), a
[nested page's section](guide/page.md#section-two), [spaces encoded](my%20file.md),
[spaces in angle brackets](<my file.md>), a [query string](tips.md?tab=1#comfort-scale),
[this page](#home), [a capitalised name](Upper.md), and a [PDF page](files/leaflet.pdf#page=2).

![A picture](assets/pic.svg){ width="100" }

!!! note "In an admonition"
    [Admonition link](tips.md#comfort-scale)

??? tip "In a details block"
    [Details link](faq.md)

=== "First tab"

    [Tab link](faq.md#question-1)

=== "Second tab"

    ![Tab picture](assets/pic.svg)

- A list item with [a link](faq.md)
    - A nested item with [another](tips.md#intro)

1. Ordered [item](guide/page.md)

Term
:   Definition with [a link](faq.md#question-1)

| Table | Link |
|---|---|
| cell | [in a table](tips.md#custom-id) |

A claim with a footnote.[^note]

A [reference link][tips-ref], a [collapsed one][] and a shortcut [faq].

[^note]: The footnote links to [the scale](tips.md#comfort-scale).

[tips-ref]: tips.md#comfort-scale "Title"
[collapsed one]: faq.md
[faq]: faq.md#question-1

Code is not checked: `[code span](missing.md)` and `<a href="missing.md">`.

```markdown
[fenced code](missing.md) <img src="missing.png">
```

    [indented code](missing.md)

Escaped brackets \\[are not\\]\\[a reference\\], and neither is matrix[i][j].

External links are never fetched: [site](https://example.org/missing.md), [mail](mailto:a@example.org),
[phone](tel:+441234), <https://example.org/>.

<a href="tips/">Raw folder link from the home page</a>, <a href="faq/#question-1">raw anchor</a>,
<a href="#home">raw self anchor</a>, <a href="./">raw home</a> and <img src="assets/pic.svg" alt="">.

<div markdown>
[Markdown inside HTML](tips.md) and <a href="guide/page/#section-two">raw inside md_in_html</a>.
</div>

<picture><source srcset="assets/pic.svg 1x, assets/pic.svg 2x"><img src="assets/pic.svg" alt=""></picture>
""",
    "tips.md": """\
# Tips

## Intro

## Intro

Two headings with the same text: the second is `#intro_1`.

## The 0-10 comfort scale { #comfort-scale }

## Custom { #custom-id }

<a id="raw-anchor"></a>

--8<-- "heading.md"

[Back home](index.md), [home's heading](index.md#home), [a sibling](faq.md#question-1),
[down into the guide](guide/page.md), [same page](#intro_1), [explicit self](tips.md#custom-id).

<a href="../faq/#question-1">Raw links resolve against the page's URL</a> and
<img src="../assets/pic.svg" alt="so do raw images">, <a href="../">raw home</a>,
<a href="../guide/">raw folder with an index</a>, <a href="../guide/page/">raw nested</a>.
""",
    "faq.md": """\
# FAQ

## Question 1

See [tips](tips.md) and <a href="../my%20file/">raw encoded</a>.
""",
    "my file.md": "# Spaces\n\nBack to [home](index.md).\n",
    "Upper.md": "# Upper\n\nLinks [home](index.md).\n",
    "guide/index.md": """\
# Guide

[Up](../tips.md), [sibling](page.md#section-two), [self via index](index.md),
<a href="page/">raw sibling from guide/</a>, <img src="../assets/pic.svg" alt="">.
""",
    "guide/page.md": """\
# Page

## Section two

[Up two](../index.md), [guide index](index.md), [pic](../assets/pic.svg),
<a href="../">raw up to the guide</a>, <a href="../../tips/#custom-id">raw two up</a>.
""",
    "assets/pic.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n',
    "files/leaflet.pdf": "%PDF-1.4\n",
}

INCLUDES: dict[str, str] = {
    "heading.md": "## From a snippet\n\nSnippet text with [a link](faq.md#question-1).\n",
}


# -- helpers shared by the link tests ---------------------------------------------------------------

BASE_CONFIG = MINI_CONFIG + SNIPPETS_CONFIG  # the one small test config, with snippets

# Pages every case site has; a case adds its own page(s) next to them.
BASE_PAGES: dict[str, str] = {
    "index.md": "# Home\n",
    "tips.md": "# Tips\n\n## Scale\n\n## Scale\n\nSecond heading is #scale_1.\n",
    "guide/index.md": "# Guide\n",
    "guide/page.md": "# Page\n\n## Section two\n",
    "empty/a.md": "# A page in a folder without an index\n",
    "assets/pic.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n',
}


def write_site(root: Path, pages: dict[str, str | bytes], config: str = BASE_CONFIG,
               includes: dict[str, str] | None = None) -> Path:
    """Write a small MkDocs site (mkdocs.yml, docs/, includes/) into `root` and return it."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "includes").mkdir(exist_ok=True)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for rel, content in pages.items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    for rel, content in (includes or {}).items():
        (root / "includes" / rel).write_text(content, encoding="utf-8")
    return root


def check(root: Path, **options: object) -> list[Finding]:
    """Run the source link check on the site in `root`, in this process."""
    from guidebuild import config as cfg
    from guidebuild.links import source_links

    return source_links.check_source_links(cfg.load(str(root / "mkdocs.yml")), **options)  # type: ignore[arg-type]


def places(found: list[Finding], root: Path) -> list[tuple[str, int, int, str]]:
    """(path relative to the site, line, column, code) of each finding, for compact assertions."""
    out = []
    for finding in found:
        path = Path(finding.path)
        shown = path.relative_to(root).as_posix() if path.is_absolute() and path.is_relative_to(root) else finding.path
        out.append((shown, finding.line, finding.column, finding.code))
    return out


def mkdocs_build(root: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` on the site, the way a contributor runs it (from the project root)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False)
