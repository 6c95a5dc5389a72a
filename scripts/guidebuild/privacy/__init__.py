"""Privacy and safety enforced on what is published (issue 16).

The content checks read what contributors write; this package reads what readers get and what
the build runs:

    safe_yaml.py    mkdocs.yml loaded so that it cannot run code (config.load uses it)
    settings.py     source stage: settings that load other hosts on every page; docs/ file types
    page_fields.py  front-matter `template:` and `icon:` must name real theme files
    csp.py          output step: a Content-Security-Policy meta, with hashes, on every page
    output.py       output step: every file to be published read and allow-listed (last step)
    html_refs.py    the HTML/SVG/XML rules output.py applies; css_refs.py the CSS reader (tinycss2)
    urls.py         the one rule: a fetch must stay on this site
"""
