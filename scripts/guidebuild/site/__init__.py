"""Reading the guide's pages: the files in docs/, front matter, rendered HTML and its text.

    pages.py            the page model: each page read, parsed and rendered once per build
    markdown_factory.py the site's Markdown extensions and settings, snippet paths resolved once
    doc_files.py        list docs/ as MkDocs does and read each file safely (encoding, size, names)
    frontmatter.py      parse and check each page's front matter, with line numbers
    page_html.py        the one small HTML tree builder every reader of rendered pages uses
    page_text.py        cut a rendered page into the pieces of text a reader reads
    markdown_map.py     the link check's renderer: the ids and links a page will have, with places
    url_attributes.py   the one list of HTML attributes that hold a URL
    addresses.py        where the site lives: the one reading of `site_url`
    textpos.py          offsets to `line:column`, and decoding sources the way MkDocs does
    generator.py        which program renders the site: MkDocs 1.6 or ProperDocs
    local_server.py     serve a built site as GitHub Pages does, for browser tests and benchmarks

Every check, the cheat sheet and the content report read pages through these modules.
"""
