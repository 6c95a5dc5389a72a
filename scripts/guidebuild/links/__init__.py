"""The link check: every internal link, anchor, image, nav entry and snippet include.

    source_links.py   the stage: render each page and judge every link in it (LNK0xx)
    targets.py        what a link can point at: the files and URLs the built site serves
    judge.py          decide whether one link works, and how to fix it when it does not
    nav.py            the `nav:` of mkdocs.yml: entries that point nowhere, pages left out
    built_links.py    the built site's HTML: links from templates, overrides and hooks (LNK1xx)
    check_command.py  `scripts/check_links.py`: options, printing, exit code

To change a link rule, start in judge.py (pages and anchors) or nav.py (the nav).
"""
