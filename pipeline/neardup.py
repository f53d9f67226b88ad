"""Corpus-level step: documents whose clean texts are nearly the same, each pointed at its original.

The same article saved twice with other spacing or quotes, or one wire story
carried by two sites under another masthead line or with a sentence more or
less, shares most of its runs of consecutive words. Each text is reduced to its
set of word shingles (`shingle_words` consecutive words), then to a MinHash
signature of that set; an LSH index over bands of the signature proposes, per
document, the earlier documents whose estimated Jaccard similarity is likely
above the threshold, and the estimate itself confirms or drops each proposal.
One insert and one query per document: linear in the corpus, with no loop over
pairs.

A signature depends only on its text and the params, so a caller may compute it
per document (and cache it by the text's hash) and run the corpus step on the
signatures alone.

Deterministic: shingles are hashed with SHA-1 (not Python's salted `hash`), the
permutations come from a fixed seed, and documents are taken in doc_id order.

The signature is datasketch's 32-bit affine MinHash ("affine32": each shingle
hash mixed by the MurmurHash3 finalizer, then `a * h + b` modulo 2**32 with `a`
odd, the minimum kept per permutation), computed here with numpy: importing
datasketch imports scipy, which costs more than a daily rerun's new signatures.
The test suite checks the values against datasketch's own.
"""

import functools
import hashlib
import operator
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

# Fixed, so that signatures computed in any process or run are comparable
SEED = 1
# the permutation scheme, as datasketch names it; part of the stage's fingerprint
SCHEME = "affine32"
# shingles per step of the signature: bounds its memory to MINHASH_CHUNK x num_perm x 4 bytes
MINHASH_CHUNK = 4096
_WORD = re.compile(r"[^\W_]+")
# Share of the pairs at exactly the threshold that the index proposes
RECALL = 0.99
_DIGEST = operator.methodcaller("digest")


@dataclass(frozen=True)
class NearDupParams:
    # estimated Jaccard similarity of shingle sets at or above which two texts are near-duplicates
    threshold: float = 0.8
    shingle_words: int = 5  # words per shingle
    num_perm: int = 128  # MinHash permutations
    min_words: int = 20  # texts shorter than this are never near-duplicates (too little evidence), exact equality aside


# eq=False: a numpy array has no single truth value, so field-wise equality would raise
@dataclass(frozen=True, eq=False)
class Signature:
    """What the corpus step needs of one text: its word count, a digest of its words, its MinHash values."""

    words: int
    digest: str
    hashvalues: np.ndarray


def words_of(text: str) -> list[str]:
    """The words of `text` as compared: NFKC-normalised, casefolded, without punctuation.

    "L’État « investit »" and "l'état\n\"investit\"" both give ["l", "état",
    "investit"]: quotes, apostrophe variants, spacing and line breaks are gone.
    """
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def _shingles(words: Sequence[str], size: int) -> Iterable[bytes]:
    """The runs of `size` consecutive words, UTF-8 encoded, repeats included; all the words as one when fewer."""
    if len(words) <= size:
        return [" ".join(words).encode("utf-8")] if words else []
    return map(str.encode, map(" ".join, zip(*(words[k:] for k in range(size)))))


def shingles_of(words: Sequence[str], size: int) -> set[bytes]:
    """The distinct runs of `size` consecutive words, UTF-8 encoded; all the words as one shingle when fewer."""
    return set(_shingles(words, size))


@functools.cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The seeded permutation parameters (a, b), each of shape (num_perm,): `a` odd, both below 2**32.

    Drawn once per process, in the order datasketch draws them for the same seed.
    """
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finalizer, a bijection that spreads every input bit over the output."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def minhash(hashes: Sequence[int], num_perm: int) -> np.ndarray:
    """The MinHash values (uint32, one per permutation) of a set given by its 32-bit element hashes.

    Repeated hashes leave the minima as they are; an empty set gives 2**32 - 1 everywhere.
    """
    values = np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    a, b = _permutations(num_perm)
    mixed = _fmix32(np.asarray(hashes, dtype=np.uint32))
    # in chunks, so that a long text never holds a (shingles x num_perm) matrix at once
    for start in range(0, len(mixed), MINHASH_CHUNK):
        chunk = mixed[start : start + MINHASH_CHUNK].reshape(-1, 1)
        # uint32 arithmetic wraps around: that is the modulo 2**32
        np.minimum(values, (chunk * a + b).min(axis=0), out=values)
    return values


def shingle_hashes(words: Sequence[str], size: int) -> list[int]:
    """The 32-bit hash of each shingle (repeats included): the first 4 bytes of its SHA-1, little-endian,
    as datasketch's `sha1_hash32`.

    Hashing each shingle in a Python loop, and building the set of shingles
    first, cost more than the rest of the signature; here the loop runs in
    C (`map`, one numpy view over the joined digests). A shingle repeated in the
    text is hashed again instead of dropped, which leaves a MinHash, a minimum, as it is.
    """
    digests = b"".join(map(_DIGEST, map(hashlib.sha1, _shingles(words, size))))
    # a SHA-1 digest is 20 bytes: 5 little-endian 32-bit words, of which the first is the hash
    return np.frombuffer(digests, dtype="<u4")[::5].tolist()


def signature(text: str, params: NearDupParams) -> Signature:
    """The MinHash signature of the word shingles of `text`, with its word count and word digest."""
    words = words_of(text)
    digest = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
    return Signature(len(words), digest, minhash(shingle_hashes(words, params.shingle_words), params.num_perm))


def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) of the LSH index: the longest bands that still propose RECALL of the pairs at the threshold.

    A pair is proposed when one band of `rows` values agrees, with probability
    1 - (1 - J**rows)**bands. datasketch's own choice weighs misses and false
    proposals alike and, at 0.8 on 128 values, proposes only 40% of the pairs at
    0.8 and 69% at 0.85; here a false proposal costs one Jaccard estimate and a
    miss a lost duplicate, so misses are what is bounded.
    """
    for rows in range(num_perm // 2, 1, -1):
        bands = num_perm // rows
        if 1 - (1 - threshold**rows) ** bands >= RECALL:
            return bands, rows
    return num_perm, 1


class _BandIndex:
    """The LSH index: one bucket table per band of `rows` signature values.

    A band's key is the bytes of its values, so two signatures share a bucket
    exactly when the band agrees, as in datasketch's `MinHashLSH`, without its
    per-band Python calls: a rerun indexes the whole corpus again.
    """

    def __init__(self, bands: int, rows: int) -> None:
        self.rows = rows
        self.buckets: list[dict[bytes, list[str]]] = [{} for _ in range(bands)]

    def keys(self, hashvalues: np.ndarray) -> list[bytes]:
        width = len(self.buckets) * self.rows
        return np.ascontiguousarray(hashvalues[:width]).view(f"V{hashvalues.itemsize * self.rows}").tolist()

    def query(self, keys: list[bytes]) -> set[str]:
        return {doc_id for bucket, key in zip(self.buckets, keys) for doc_id in bucket.get(key, ())}

    def insert(self, keys: list[bytes], doc_id: str) -> None:
        for bucket, key in zip(self.buckets, keys):
            bucket.setdefault(key, []).append(doc_id)


def _sharing(hashvalues: Sequence[np.ndarray], bands: int, rows: int) -> np.ndarray:
    """Whether each signature may share a band with another one, for all of them at once.

    Each band is reduced to a 64-bit digest and the digests sorted band by band:
    equal bands have equal digests, so a signature marked False shares no bucket
    with any other and needs no look-up; a digest collision only marks one more.
    """
    n = len(hashvalues)
    if n < 2:
        return np.zeros(n, dtype=bool)
    width = bands * rows
    values = np.stack([h[:width] for h in hashvalues]).astype(np.uint64).reshape(n, bands, rows)
    digests = np.zeros((n, bands), dtype=np.uint64)
    for r in range(rows):
        digests = digests * np.uint64(0x100000001B3) ^ values[:, :, r]
    shared = np.zeros(n, dtype=bool)
    for band in range(bands):
        order = np.argsort(digests[:, band], kind="stable")
        ranked = digests[order, band]
        same = ranked[1:] == ranked[:-1]
        shared[order[1:][same]] = True
        shared[order[:-1][same]] = True
    return shared


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The estimated Jaccard similarity of two signatures: the share of equal values."""
    return float(np.count_nonzero(a == b)) / float(len(a))


def near_duplicates_from_signatures(
    doc_ids: Sequence[str], signatures: Sequence[Signature], params: NearDupParams
) -> dict[str, str]:
    """doc_id of each near-duplicate -> doc_id of its original, from precomputed signatures.

    Documents are taken in doc_id order, whatever the order of the lists. Only
    originals are indexed, so a near-duplicate is never an original itself: a
    document's original is the smallest doc_id among the originals it nearly
    equals, and a document that nearly equals only a near-duplicate (C like B,
    B like A, C not like A) is an original. A text of fewer than `min_words`
    words is a near-duplicate only of an earlier text with the very same words.
    """
    if len(doc_ids) != len(signatures):
        raise ValueError(f"{len(doc_ids)} doc_ids for {len(signatures)} signatures")
    if len(set(doc_ids)) != len(doc_ids):
        raise ValueError("doc_ids must be unique")
    bands, rows = lsh_bands(params.threshold, params.num_perm)
    index = _BandIndex(bands, rows)
    indexed: dict[str, np.ndarray] = {}
    first_by_words: dict[str, str] = {}
    result: dict[str, str] = {}
    ordered = sorted(zip(doc_ids, signatures), key=lambda pair: pair[0])
    long_ids = [doc_id for doc_id, sig in ordered if sig.words >= params.min_words]
    sharing = _sharing([sig.hashvalues for doc_id, sig in ordered if sig.words >= params.min_words], bands, rows)
    # a text that shares no band with any other is an original that no other text can match
    alone = {doc_id for doc_id, shares in zip(long_ids, sharing) if not shares}
    for doc_id, sig in ordered:
        if sig.words < params.min_words:
            if sig.digest in first_by_words:
                result[doc_id] = first_by_words[sig.digest]
            elif sig.words:
                first_by_words[sig.digest] = doc_id
            continue
        if doc_id in alone:
            continue
        keys = index.keys(sig.hashvalues)
        matches = [
            key for key in index.query(keys) if _jaccard(sig.hashvalues, indexed[key]) >= params.threshold
        ]
        if matches:
            result[doc_id] = min(matches)
        else:
            index.insert(keys, doc_id)
            indexed[doc_id] = sig.hashvalues
    return result


def near_duplicates(doc_ids: Sequence[str], texts: Sequence[str], params: NearDupParams) -> dict[str, str]:
    """doc_id of each near-duplicate -> doc_id of its original: the earliest document in doc_id order it nearly equals.

    See `near_duplicates_from_signatures` for the rule on chains and short texts.
    """
    if len(doc_ids) != len(texts):
        raise ValueError(f"{len(doc_ids)} doc_ids for {len(texts)} texts")
    return near_duplicates_from_signatures(doc_ids, [signature(text, params) for text in texts], params)
