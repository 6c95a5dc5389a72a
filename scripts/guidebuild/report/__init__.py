"""Content rules measured on the rendered page: reading grade, citations, glossary.

    readability.py   reading grade and sentence length (RDG)
    claims.py        every claim of benefit or risk cites a source (CIT)
    glossary.py      the technique glossary shown as tooltips (GLO)
    page_figures.py  the content report: per-page figures plus the findings above

`scripts/content_report.py` prints the report.
"""
