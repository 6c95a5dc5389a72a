"""Rules the build applies to the sources before anything is rendered.

    docs_folder.py   the stage: every file in docs/ (file rules, front matter, content safety)
    safety.py        content safety: no scripts, frames or third-party requests in pages, SVG, CSS
    review_dates.py  review dates: overdue pages warn, dates in the future are refused

Reading-grade, citation and glossary rules are in `guidebuild.report`.
"""
