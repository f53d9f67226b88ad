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

Texts, or each text's line hashes, in; line numbers out; linear in the number of lines of the
corpus.
"""

import hashlib
import re
from collections.abc import Iterable, Sequence
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


def line_hashes(text: str, prose_min_words: int) -> tuple[tuple[int, int, bool], ...]:
    """(0-based number, hash of its `line_key`, whether it is prose) of each line of `text` with a word.

    It depends only on the text: a caller may compute it per document, with the
    document's other results, and cache it.
    """
    hashes = []
    for line_no, line in enumerate(text.split("\n")):
        key = line_key(line)
        if key is not None:
            hashes.append((line_no, _hash(key), len(_WORD.findall(line)) >= prose_min_words))
    return tuple(hashes)


def repeated_lines(
    documents: pd.DataFrame, params: FurnitureParams = FurnitureParams()
) -> dict[str, frozenset[int]]:
    """doc_id -> 0-based numbers of its lines that are furniture of one of its groups.

    `documents` has `doc_id`, `source`, `site` and `raw_text`; documents without a
    group, and groups of one document, learn nothing.
    """
    grouped = (
        (doc_id, groups_of(source, site if isinstance(site, str) else None), text)
        for doc_id, source, site, text in zip(
            documents["doc_id"], documents["source"], documents["site"], documents["raw_text"]
        )
    )
    return repeated_lines_from_hashes(
        ((doc_id, groups, line_hashes(text, params.prose_min_words)) for doc_id, groups, text in grouped if groups),
        params,
    )


def repeated_lines_from_hashes(
    documents: Iterable[tuple[str, tuple[str, ...], Sequence[tuple[int, int, bool]]]],
    params: FurnitureParams = FurnitureParams(),
) -> dict[str, frozenset[int]]:
    """`repeated_lines` from each document's (doc_id, `groups_of`, `line_hashes`).

    Two passes over dictionaries: the documents holding each line of a group, then
    the lines held often enough.
    """
    documents = [(doc_id, groups, hashes) for doc_id, groups, hashes in documents if groups]
    holders: dict[tuple[str, int], set[str]] = {}  # (group, line hash) -> documents holding the line
    members: dict[str, set[str]] = {}  # group -> its documents with a line of words
    for doc_id, groups, hashes in documents:
        for group in groups:
            if hashes:
                members.setdefault(group, set()).add(doc_id)
            for _, h, _ in hashes:
                holders.setdefault((group, h), set()).add(doc_id)
    result: dict[str, set[int]] = {}
    for doc_id, groups, hashes in documents:
        for line_no, h, prose in hashes:
            for group in groups:
                docs = len(holders[(group, h)])
                if docs < params.min_docs:
                    continue
                if not prose or (
                    docs >= params.prose_min_docs and docs >= params.prose_min_share * len(members[group])
                ):
                    result.setdefault(doc_id, set()).add(line_no)
    return {doc_id: frozenset(nos) for doc_id, nos in sorted(result.items())}
