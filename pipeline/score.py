"""Score pipeline output against a folder of hand-written gold files.

Gold format: tests/gold/README.md, or tests/real/README.md for gold that names
lines by number. Figures: boilerplate lines removed, body lines kept, metadata
right, entity precision/recall/F1 (document level) and amount precision/recall/F1,
with the share of matched amounts whose object is right.

    python -m pipeline.score --gold tests/gold --out data/out [--json] [--misses]
"""

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

VALUE_TOLERANCE = 0.005  # relative: "value exact within 0.5 %"
APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "–": "-", "—": "-", "\u00a0": " ", "\u202f": " "})


def fold_space(text: str) -> str:
    """Collapse every run of whitespace (no-break spaces included) into one space."""
    return " ".join(text.translate(APOSTROPHES).split())


def fold_name(text: str) -> str:
    """Compare names without case, accents, apostrophe style or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", fold_space(text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def occurs(line: str, text: str) -> bool:
    """Whether `line` occurs in `text` as whole words, whitespace folded."""
    pattern = r"(?<!\w)" + re.escape(fold_space(line)) + r"(?!\w)"
    return re.search(pattern, fold_space(text)) is not None


def boilerplate_removed(lines: list[str], text: str, removed: frozenset[str] = frozenset()) -> tuple[int, int]:
    """(boilerplate lines no longer in `text`, all boilerplate lines).

    A line in `removed` (the cleaner's own record of whole lines it dropped) counts
    as removed even when its words occur elsewhere in the body.
    """
    return sum(fold_space(line) in removed or not occurs(line, text) for line in lines), len(lines)


def body_kept(lines: list[str], text: str) -> tuple[int, int]:
    """(body lines still in `text`, all body lines)."""
    return sum(occurs(line, text) for line in lines), len(lines)


@dataclass
class Counts:
    """Running totals for one corpus; figures are derived, never stored."""

    boilerplate_removed: int = 0
    boilerplate_total: int = 0
    body_kept: int = 0
    body_total: int = 0
    meta_right: dict = field(default_factory=lambda: {"title": 0, "published": 0, "site": 0})
    meta_total: dict = field(default_factory=lambda: {"title": 0, "published": 0, "site": 0})
    entity_tp: int = 0
    entity_fp: int = 0
    entity_found: int = 0
    entity_gold: int = 0
    amount_tp: int = 0
    amount_fp: int = 0
    amount_fn: int = 0
    amount_object_right: int = 0
    documents: int = 0
    missing_documents: list = field(default_factory=list)


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 1.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def score_metadata(gold: dict, doc: dict | None, counts: Counts) -> None:
    """Count title, published and site as right when they equal the gold (folded)."""
    for key in ("title", "published", "site"):
        if gold.get(key) is None:
            continue
        counts.meta_total[key] += 1
        got = None if doc is None else doc.get(key)
        # a missing value read through pandas may be NaN rather than None
        if isinstance(got, str) and fold_name(got) == fold_name(gold[key]):
            counts.meta_right[key] += 1


def gold_names(entity: dict) -> set[str]:
    """A gold entity's name and aliases, folded."""
    return {fold_name(entity["name"]), *(fold_name(a) for a in entity.get("aliases", []))}


def match_entities(gold: list[dict], predicted: pd.DataFrame) -> list[tuple[str, str, set[str], list[int]]]:
    """(canonical, label, folded names, indices of the gold entities it matches) for each predicted entity.

    A predicted entity is one canonical name with its most frequent label and the
    set of its surface texts; it matches a gold entity of the same label when one
    of its names equals the gold name or an alias (case and accents folded).
    """
    wanted = [gold_names(g) for g in gold]
    result = []
    for canonical, group in predicted.groupby("canonical", sort=True):
        labels = group["label"].value_counts()
        label = sorted(labels[labels == labels.max()].index)[0]
        names = {fold_name(canonical), *(fold_name(t) for t in group["text"])}
        matched = [i for i, g in enumerate(gold) if g["label"] == label and names & wanted[i]]
        result.append((canonical, label, names, matched))
    return result


def score_entities(gold: list[dict], predicted: pd.DataFrame, counts: Counts) -> None:
    """Document-level entity matching (`match_entities`); optional gold entities count neither way."""
    found = [False] * len(gold)
    for _, _, _, matched in match_entities(gold, predicted):
        required = [i for i in matched if not gold[i].get("optional")]
        for i in required:
            found[i] = True
        if required:
            counts.entity_tp += 1
        elif not matched:
            counts.entity_fp += 1
    counts.entity_found += sum(f for f, g in zip(found, gold) if not g.get("optional"))
    counts.entity_gold += sum(1 for g in gold if not g.get("optional"))


def match_amounts(gold: list[dict], predicted: pd.DataFrame) -> tuple[list[tuple[dict, object]], list[dict], list]:
    """(matched gold/predicted pairs, gold amounts not found, predicted rows left over), by unit and value in text order."""
    unused = list(predicted.sort_values("start").itertuples(index=False))
    matched, missed = [], []
    for g in gold:
        for j, p in enumerate(unused):
            close = abs(p.value - g["value"]) <= VALUE_TOLERANCE * max(abs(g["value"]), 1e-9)
            if p.unit == g["unit"] and close:
                matched.append((g, p))
                del unused[j]
                break
        else:
            missed.append(g)
    return matched, missed, unused


def _object(p) -> str | None:
    """A predicted amount's object, None when null (pandas may hold it as NaN)."""
    return None if pd.isna(p.object) else p.object


def object_right(g: dict, p) -> bool:
    """Whether a matched amount names the gold object (both null counts as right)."""
    got = _object(p)
    want = g.get("object")
    return (None if got is None else fold_name(got)) == (None if want is None else fold_name(want))


def score_amounts(gold: list[dict], predicted: pd.DataFrame, counts: Counts) -> None:
    """Count matched, missed and spurious amounts, and matched ones with the right object."""
    matched, missed, unused = match_amounts(gold, predicted)
    counts.amount_tp += len(matched)
    counts.amount_object_right += sum(object_right(g, p) for g, p in matched)
    counts.amount_fn += len(missed)
    counts.amount_fp += len(unused)


def doc_ids(golds: list[dict], documents: pd.DataFrame | None) -> list[str]:
    """The output doc_id of each gold document: the one ingested from its source file, else its own."""
    by_source = {}
    if documents is not None and "source" in documents:
        by_source = dict(zip(documents["source"], documents["doc_id"]))
    return [by_source.get(gold.get("source"), gold["doc_id"]) for gold in golds]


def entity_misses(golds: list[dict], entities: pd.DataFrame, documents: pd.DataFrame | None = None) -> list[str]:
    """One line per entity error: spurious (a predicted entity matching no gold one) or missed (gold not found)."""
    lines = []
    for gold, doc_id in zip(golds, doc_ids(golds, documents)):
        wanted = gold.get("entities", [])
        found = set()
        for canonical, label, names, matched in match_entities(wanted, entities[entities["doc_id"] == doc_id]):
            found.update(matched)
            if not matched:
                near = [g["label"] for g in wanted if names & gold_names(g)]
                hint = f" (gold {near[0]})" if near else ""
                lines.append(f"{doc_id}\tspurious\t{canonical!r} {label}{hint}")
        for i, g in enumerate(wanted):
            if i not in found and not g.get("optional"):
                lines.append(f"{doc_id}\tmissed\t{g['name']!r} {g['label']}")
    return lines


def amount_misses(golds: list[dict], amounts: pd.DataFrame, documents: pd.DataFrame | None = None) -> list[str]:
    """One line per amount error: missed (gold not found), spurious (not in gold), object (wrong object)."""
    lines = []
    for gold, doc_id in zip(golds, doc_ids(golds, documents)):
        matched, missed, unused = match_amounts(gold.get("amounts", []), amounts[amounts["doc_id"] == doc_id])
        for g in missed:
            lines.append(f"{doc_id}\tmissed\t{g['text']!r} {g['value']:g} {g['unit']} {g.get('object')}")
        for p in unused:
            lines.append(f"{doc_id}\tspurious\t{p.text!r} {p.value:g} {p.unit} {_object(p)}")
        for g, p in matched:
            if not object_right(g, p):
                lines.append(f"{doc_id}\tobject\t{p.text!r}: {_object(p)}, gold {g.get('object')}")
    return lines


def load_gold(gold_dir: Path, pages_dir: Path | None = None) -> list[dict]:
    """All gold files of a folder, sorted by doc_id, line numbers resolved to the lines' text.

    Gold of real pages names lines by number (tests/real/README.md); their text is
    read from `pages_dir` (default: `pages/` beside the gold folder).
    """
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise SystemExit(f"score: no gold files (*.json) in {gold_dir}")
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    pages_dir = gold_dir.parent / "pages" if pages_dir is None else pages_dir
    return [resolve_lines(gold, pages_dir) if "source" in gold else gold for gold in golds]


def resolve_lines(gold: dict, pages_dir: Path) -> dict:
    """A copy of line-numbered gold whose boilerplate and body are the lines' text.

    An entry is a 1-based line number or `[line, start, end]` for part of a line;
    whole boilerplate lines also keep their 0-based number in `boilerplate_line_nos`,
    so that a line the cleaner removed counts as removed even where its words
    occur in the body ("Afrique" alone on a tag line).
    """
    path = pages_dir / gold["source"]
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except FileNotFoundError as err:
        raise SystemExit(f"score: {path} is missing; tests/real/README.md says how to pull it again") from err

    def text_of(entry) -> str:
        if isinstance(entry, int):
            return lines[entry - 1].strip()
        line, start, end = entry
        return lines[line - 1][start:end].strip()

    resolved = dict(gold)
    resolved["boilerplate"] = [text_of(e) for e in gold.get("boilerplate", [])]
    resolved["boilerplate_line_nos"] = [e - 1 if isinstance(e, int) else None for e in gold.get("boilerplate", [])]
    resolved["body"] = [text_of(e) for e in gold.get("body", [])]
    return resolved


def score_tables(golds: list[dict], tables: dict[str, pd.DataFrame]) -> dict:
    """Score output tables (documents, entities, amounts) against gold documents."""
    counts = Counts()
    docs = tables["documents"].set_index("doc_id")
    dropped = removed_by_line(tables.get("removed"))
    entities = tables["entities"]
    amounts = tables["amounts"]
    for gold, doc_id in zip(golds, doc_ids(golds, tables["documents"])):
        counts.documents += 1
        if doc_id not in docs.index:
            counts.missing_documents.append(doc_id)
            doc = None
            text = ""
        else:
            doc = docs.loc[doc_id].to_dict()
            text = doc["text"]
        removed, total = boilerplate_removed(gold.get("boilerplate", []), text, removed_lines(gold, doc_id, dropped))
        counts.boilerplate_removed += removed
        counts.boilerplate_total += total
        kept, total = body_kept(gold.get("body", []), text)
        counts.body_kept += kept
        counts.body_total += total
        score_metadata(gold, doc, counts)
        score_entities(gold.get("entities", []), entities[entities["doc_id"] == doc_id], counts)
        score_amounts(gold.get("amounts", []), amounts[amounts["doc_id"] == doc_id], counts)
    return figures(counts)


def removed_by_line(removed: pd.DataFrame | None) -> dict[tuple[str, int], str]:
    """(doc_id, 0-based line) -> the text the cleaner removed from that line, parts joined."""
    if removed is None or removed.empty:
        return {}
    parts: dict[tuple[str, int], list[str]] = {}
    for doc_id, line_no, text in zip(removed["doc_id"], removed["line_no"], removed["text"]):
        parts.setdefault((doc_id, int(line_no)), []).append(text)
    return {key: fold_space(" ".join(texts)) for key, texts in parts.items()}


def removed_lines(gold: dict, doc_id: str, dropped: dict[tuple[str, int], str]) -> frozenset[str]:
    """The gold's whole boilerplate lines that the cleaner removed entirely, whitespace folded."""
    found = set()
    for text, line_no in zip(gold.get("boilerplate", []), gold.get("boilerplate_line_nos", [])):
        if line_no is not None and dropped.get((doc_id, line_no)) == fold_space(text):
            found.add(fold_space(text))
    return frozenset(found)


def figures(counts: Counts) -> dict:
    """The headline figures of a Counts, rounded to four places."""
    ent_p = _ratio(counts.entity_tp, counts.entity_tp + counts.entity_fp)
    ent_r = _ratio(counts.entity_found, counts.entity_gold)
    amt_p = _ratio(counts.amount_tp, counts.amount_tp + counts.amount_fp)
    amt_r = _ratio(counts.amount_tp, counts.amount_tp + counts.amount_fn)
    meta = {k: _ratio(counts.meta_right[k], counts.meta_total[k]) for k in counts.meta_total}
    return {
        "documents": counts.documents,
        "missing_documents": counts.missing_documents,
        "boilerplate_removed": _ratio(counts.boilerplate_removed, counts.boilerplate_total),
        "body_kept": _ratio(counts.body_kept, counts.body_total),
        "metadata_right": _ratio(sum(counts.meta_right.values()), sum(counts.meta_total.values())),
        **{f"{k}_right": v for k, v in meta.items()},
        "entity_precision": ent_p,
        "entity_recall": ent_r,
        "entity_f1": _f1(ent_p, ent_r),
        "amount_precision": amt_p,
        "amount_recall": amt_r,
        "amount_f1": _f1(amt_p, amt_r),
        "amount_object_right": _ratio(counts.amount_object_right, counts.amount_tp),
    }


def read_outputs(out_dir: Path) -> dict[str, pd.DataFrame]:
    """The tables the scorer needs from a `data/out`-like folder."""
    return {
        name: pd.read_parquet(out_dir / f"{name}.parquet")
        for name in ("documents", "entities", "amounts", "removed")
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=Path("tests/gold"), help="folder of gold JSON files")
    parser.add_argument("--out", type=Path, default=Path("data/out"), help="folder with the output tables")
    parser.add_argument("--pages", type=Path, help="page texts of line-numbered gold (default: pages/ beside --gold)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", action="store_true", help="also list each entity and amount missed or spurious, and wrong objects")
    args = parser.parse_args(argv)
    if not (args.out / "documents.parquet").exists():
        print(f"score: {args.out} has no documents.parquet; run `make repro` first", file=sys.stderr)
        return 2
    golds = load_gold(args.gold, args.pages)
    tables = read_outputs(args.out)
    result = score_tables(golds, tables)
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=True))
    else:
        for key, value in result.items():
            print(f"{key:24} {value}")
    if args.misses:
        for line in (
            entity_misses(golds, tables["entities"], tables["documents"])
            + amount_misses(golds, tables["amounts"], tables["documents"])
        ):
            print(line, file=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
