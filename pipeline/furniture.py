"""Corpus-level step of `clean`: lines that recur across the documents of one site are its furniture.

A site prints the same masthead, menu, proverb box, comment-form prompt and footer
on every page, whatever their shape; its articles share no other line. Counting,
for each line, how many documents of the same group hold it finds that furniture
without a rule for its shape: the line-level deduplication of large web-text
pipelines (CCNet, datatrove), restricted to one site at a time, so that a wire
story carried by several outlets keeps its paragraphs.

A group is a site (as `clean_text` read it from the page) or a source folder
(`site.com/2024/…/article.txt`); a document may belong to one of each. A short
line is furniture when at least `min_docs` documents of a group hold it. A line
of prose (a quotation, a figure repeated in a follow-up story) must also be in
at least `prose_min_docs` documents and in `prose_min_share` of the group, so
that a statement quoted in two articles of a site stays in both.

Tables in, line numbers out; linear in the number of lines of the corpus.
"""

import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

import pandas as pd

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class FurnitureParams:
    min_docs: int = 2  # a short line in this many documents of a group is furniture
    prose_min_words: int = 12  # a line this long is prose
    prose_min_docs: int = 3
    prose_min_share: float = 0.5


def line_key(line: str) -> str | None:
    """The line as compared across documents: case, spacing and digits folded; None for a line with no word.

    Digits are folded as in CCNet, so that "Mis à jour il y a 3 heures" and
    "… il y a 5 heures" are one line.
    """
    if not _WORD.search(line):
        return None
    return _DIGIT.sub("0", " ".join(line.casefold().split()))


def _hash(key: str) -> int:
    """A stable 63-bit hash of a line key: the same in every process and run."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big") >> 1


def groups_of(source: str, site: str | None) -> tuple[str, ...]:
    """The groups a document belongs to: its site, and its folder when it is not the input folder itself."""
    groups = []
    if site:
        groups.append("site:" + " ".join(site.casefold().split()))
    folder = PurePosixPath(source).parent.as_posix()
    if folder not in (".", ""):
        groups.append("folder:" + folder)
    return tuple(groups)


def repeated_lines(
    documents: pd.DataFrame, params: FurnitureParams = FurnitureParams()
) -> dict[str, frozenset[int]]:
    """doc_id -> 0-based numbers of its lines that are furniture of one of its groups.

    `documents` has `doc_id`, `source`, `site` and `raw_text`; documents without a
    group, and groups of one document, learn nothing.
    """
    rows: dict[str, list] = {"group": [], "key": [], "doc_id": [], "line_no": [], "prose": []}
    for doc_id, source, site, text in zip(
        documents["doc_id"], documents["source"], documents["site"], documents["raw_text"]
    ):
        groups = groups_of(source, site if isinstance(site, str) else None)
        if not groups:
            continue
        for line_no, line in enumerate(text.split("\n")):
            key = line_key(line)
            if key is None:
                continue
            h = _hash(key)
            prose = len(_WORD.findall(line)) >= params.prose_min_words
            for group in groups:
                rows["group"].append(group)
                rows["key"].append(h)
                rows["doc_id"].append(doc_id)
                rows["line_no"].append(line_no)
                rows["prose"].append(prose)
    lines = pd.DataFrame(rows)
    if lines.empty:
        return {}
    sizes = lines.groupby("group")["doc_id"].nunique().rename("group_docs")
    holders = lines.groupby(["group", "key"])["doc_id"].nunique().rename("docs")
    lines = lines.join(holders, on=["group", "key"]).join(sizes, on="group")
    short = ~lines["prose"] & (lines["docs"] >= params.min_docs)
    prose = (
        lines["prose"]
        & (lines["docs"] >= max(params.min_docs, params.prose_min_docs))
        & (lines["docs"] >= params.prose_min_share * lines["group_docs"])
    )
    found = lines[short | prose]
    result: dict[str, set[int]] = {}
    for doc_id, line_no in zip(found["doc_id"], found["line_no"]):
        result.setdefault(doc_id, set()).add(int(line_no))
    return {doc_id: frozenset(nos) for doc_id, nos in sorted(result.items())}
