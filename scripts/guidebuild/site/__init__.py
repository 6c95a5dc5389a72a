"""Reading the guide's pages: the files in docs/, front matter, rendered HTML and its text.

    doc_files.py    list docs/ as MkDocs does and read each file safely (encoding, size, names)
    frontmatter.py  parse and check each page's front matter, with line numbers
    page_html.py    render a page with the site's own Markdown settings; a small HTML tree
    page_text.py    cut a rendered page into the pieces of text a reader reads
    markdown_map.py the link check's renderer: the ids and links a page will have, with places
    textpos.py      offsets to `line:column`, and decoding sources the way MkDocs does

Every check, the cheat sheet and the content report read pages through these modules.
"""
