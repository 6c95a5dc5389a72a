"""Turn offsets in a text into 1-based `line:column` places, and decode sources the way MkDocs does.

Every check that scans a whole file works on offsets (a regex match, a parser position); readers
need lines and columns. One index per text, built once in linear time, answers each lookup with a
binary search, so even a hostile 5 MB page costs no more than reading it.
"""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    """Map character offsets in `text` to 1-based (line, column) pairs."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, column) of `offset`, both counted from 1."""
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, column: int = 1) -> int:
        """The offset of a 1-based (line, column) pair (the inverse of `position`)."""
        line = max(1, min(line, len(self._starts)))
        return self._starts[line - 1] + max(column, 1) - 1


def decode_source(data: bytes) -> str:
    """Decode a page as MkDocs reads it: UTF-8 (a leading BOM is dropped), universal newlines.

    Raises `UnicodeDecodeError` like MkDocs would, so callers can report the place of the bad byte.
    """
    text = data.decode("utf-8-sig")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based (line, column) of a byte offset, columns counted in bytes (for undecodable files)."""
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - line_start + 1
