#!/usr/bin/env python3
"""Generate a synthetic MkDocs site of N pages for timing the link checker against `mkdocs build`.

    python benchmarks/generate_site.py OUT_DIR --pages 2000 [--broken 0.02] [--seed 1]

The pages look like real guide pages: front matter, duplicated headings (`#overview_1`), attr_list
ids, admonitions, tabs, a table, footnotes, reference-style links, a code block with link-like text,
raw HTML links, images, and about 20 internal links per page across folders. A small share of the
links (`--broken`, default 2 %) point to a missing page, anchor or image, so both tools have to
report something. The configuration is the project's own extension set (with its glossary appended
to every page by pymdownx.snippets) and MkDocs' validation raised to warnings, as in mkdocs.yml.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

PER_SECTION = 50
IMAGES = 20
WORDS = ("gentle", "stroke", "shoulder", "blade", "pressure", "warm", "oil", "palm", "thumb", "circle", "spine",
         "muscle", "breath", "slow", "partner", "comfort", "towel", "steady", "rhythm", "relax", "lower", "upper",
         "back", "neck", "kneading", "glide")

CONFIG = """\
site_name: Synthetic guide
site_url: https://example.org/synthetic/
strict: true
use_directory_urls: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
theme:
  name: material
  font: false
  features:
    # A large site prunes its nav: without this, Material writes all N nav entries into each of the
    # N pages and the build grows with N squared (a 2,000-page build takes minutes, not seconds).
    - navigation.prune
plugins:
  - search
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
      auto_append: [includes/abbreviations.md]
      check_paths: true
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
"""


def page_path(number: int) -> str:
    return f"section-{number // PER_SECTION:03d}/page-{number:05d}.md"


def relative(from_path: str, to_path: str) -> str:
    """A Markdown link from one source file to another (both relative to docs/)."""
    from_parts = from_path.split("/")[:-1]
    to_parts = to_path.split("/")
    common = 0
    while common < min(len(from_parts), len(to_parts) - 1) and from_parts[common] == to_parts[common]:
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:])


def built_url(path: str) -> str:
    """The directory URL MkDocs gives a page (`section-001/page-00051/`)."""
    return path[: -len(".md")] + "/"


class Writer:
    def __init__(self, pages: int, broken: float, seed: int) -> None:
        self.pages = pages
        self.broken = broken
        self.random = random.Random(seed)

    def words(self, count: int) -> str:
        return " ".join(self.random.choice(WORDS) for _ in range(count))

    def sentence(self) -> str:
        return self.words(self.random.randint(8, 16)).capitalize() + "."

    def target(self, here: int) -> tuple[str, str]:
        """A link target from page `here`: (markdown link, text), sometimes deliberately broken."""
        number = self.random.randrange(self.pages)
        path = relative(page_path(here), page_path(number))
        anchor = self.random.choice(["", "", "#overview", "#overview_1", f"#custom-{number}", "#details"])
        if self.random.random() < self.broken:
            kind = self.random.choice(["page", "anchor", "image"])
            if kind == "page":
                return path.replace("page-", "pgae-"), "a missing page"
            if kind == "anchor":
                return path + "#no-such-heading", "a missing anchor"
            return relative(page_path(here), "assets/missing.svg"), "a missing picture"
        return path + anchor, self.words(2)

    def page(self, number: int) -> str:
        here = page_path(number)
        link = lambda: "[{1}]({0})".format(*self.target(number))  # noqa: E731
        image = relative(here, f"assets/picture-{number % IMAGES:02d}.svg")
        raw_to = self.random.randrange(self.pages)
        raw_url = "../" * (here.count("/") + 1) + built_url(page_path(raw_to))
        ref_to, _ = self.target(number)
        lines = [
            "---",
            f"title: Page {number}",
            f"description: Synthetic page {number} with links, headings and pictures for the benchmark.",
            "---",
            "",
            f"# Page {number}",
            "",
            f"{self.sentence()} See {link()} and {link()}. {self.sentence()}",
            "",
            "## Overview",
            "",
            f"{self.sentence()} {link()}, {link()} and the [details](#details) below.",
            "",
            f"![A picture of step {number}]({image}){{ width=\"320\" loading=lazy }}",
            "",
            f"## Steps {{ #custom-{number} }}",
            "",
            f"1. {self.sentence()} {link()}",
            f"2. {self.sentence()} {link()}",
            f"3. {self.sentence()}",
            "    - " + f"{self.words(5)} {link()}",
            "",
            '!!! tip "Remember"',
            f"    {self.sentence()} {link()}",
            "",
            '=== "Face down"',
            "",
            f"    {self.sentence()} {link()}",
            "",
            '=== "Seated"',
            "",
            f"    {self.sentence()} {link()}",
            "",
            "## Overview",
            "",
            f"{self.sentence()} {link()}. A claim with a source.[^src]",
            "",
            "| Area | Pressure | More |",
            "|---|---|---|",
            f"| {self.words(2)} | light | {link()} |",
            f"| {self.words(2)} | medium | {link()} |",
            "",
            "```markdown",
            "[This is code, not a link](missing.md)",
            "```",
            "",
            "## Details",
            "",
            f"{self.sentence()} Read the [reference link][more] or {link()}.",
            f'<a href="{raw_url}">A raw HTML link</a> and {link()}.',
            "",
            f"{self.sentence()} {link()} {self.sentence()} {link()}",
            "",
            f"[more]: {ref_to}",
            f"[^src]: {self.words(6)}. {link()}",
            "",
        ]
        return "\n".join(lines)


def generate(out: Path, pages: int, broken: float = 0.02, seed: int = 1) -> Path:
    """Write the site into `out` (replacing it) and return the path of its mkdocs.yml."""
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    (docs / "assets").mkdir(parents=True)
    (out / "includes").mkdir()
    (out / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    glossary = [f"*[{w}]: A word the glossary explains: {w}" for w in sorted(set(WORDS))[:30]]
    (out / "includes" / "abbreviations.md").write_text("\n".join(glossary) + "\n", encoding="utf-8")
    for number in range(IMAGES):
        (docs / "assets" / f"picture-{number:02d}.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>\n', encoding="utf-8")
    writer = Writer(pages, broken, seed)
    index = ["# Synthetic guide", ""]
    for number in range(pages):
        path = docs / page_path(number)
        path.parent.mkdir(exist_ok=True)
        path.write_text(writer.page(number), encoding="utf-8")
        if number % PER_SECTION == 0:
            index.append(f"- [Section {number // PER_SECTION}]({page_path(number)})")
    (docs / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    return out / "mkdocs.yml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder to write the site into (replaced)")
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--broken", type=float, default=0.02, help="share of links that are broken")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    config = generate(args.out, args.pages, args.broken, args.seed)
    print(f"Wrote {args.pages} pages: {config}")


if __name__ == "__main__":
    main()
