"""Compare boilerplate removal of jusText and `pipeline.clean` on articles with gold files.

    python bench/justext_compare.py --articles seeds --gold tests/gold \\
        --articles tests/fixtures/articles --gold tests/fixtures/gold [--errors]

`--articles` and `--gold` come in pairs. Each gold file (format:
tests/gold/README.md, or tests/real/README.md with line numbers) names its
article by `source` (path below `--articles`) or by `doc_id`, the file's stem.
jusText gets each input line as its own <p> in a minimal HTML page, with the
French stoplist; `clean_text` gets the decoded text. Both outputs are scored the
same way: a gold `boilerplate` line counts as removed when the system dropped that
whole input line or it no longer occurs in the output (whitespace folded, whole
words), a `body` line as kept when it occurs.
"""

import argparse
import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # run from the repository root, like the pipeline

import justext  # noqa: E402

from pipeline.clean import clean_text  # noqa: E402
from pipeline.ingest import decode_bytes, extract_html, is_html  # noqa: E402

from pipeline.score import body_kept, boilerplate_removed, fold_space, load_gold  # noqa: E402


META = ("title", "published", "site")


@dataclass
class Tally:
    removed: int = 0
    boilerplate: int = 0
    kept: int = 0
    body: int = 0
    meta_right: int = 0
    meta_total: int = 0
    errors: list[str] = field(default_factory=list)


def justext_output(text: str, raw_html: str | None, stoplist: frozenset) -> tuple[str, frozenset[str]]:
    """(the paragraphs jusText keeps, one per output paragraph; the input lines it dropped, folded)."""
    lines = [line for line in text.split("\n") if line.strip()]
    if raw_html is None:
        paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines)
        raw_html = f"<html><head><meta charset='utf-8'></head><body>\n{paragraphs}</body></html>"
    else:
        lines = []  # a real page's paragraphs are not the input lines
    paragraphs = justext.justext(raw_html.encode("utf-8"), stoplist, encoding="utf-8")
    dropped = frozenset(
        fold_space(line) for line, p in zip(lines, paragraphs) if p.is_boilerplate and len(paragraphs) == len(lines)
    )
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate), dropped


def _fold_meta(value: str | None) -> str | None:
    return None if value is None else " ".join(value.casefold().split())


def score_document(
    tally: Tally, gold: dict, output: str, dropped: frozenset[str], meta: dict | None, name: str, show: bool
) -> None:
    boilerplate = gold.get("boilerplate", [])
    body = gold.get("body", [])
    n_removed, n_boiler = boilerplate_removed(boilerplate, output, dropped)
    n_kept, n_body = body_kept(body, output)
    tally.removed += n_removed
    tally.boilerplate += n_boiler
    tally.kept += n_kept
    tally.body += n_body
    if show:
        tally.errors += [
            f"{name}: boilerplate left: {line!r}"
            for line in boilerplate
            if boilerplate_removed([line], output, dropped)[0] == 0
        ]
        tally.errors += [f"{name}: body lost: {line!r}" for line in body if body_kept([line], output)[0] == 0]
    if meta is not None:
        for key in META:
            tally.meta_total += 1
            right = _fold_meta(meta.get(key)) == _fold_meta(gold.get(key))
            tally.meta_right += right
            if show and not right:
                tally.errors.append(f"{name}: {key} {meta.get(key)!r}, gold {gold.get(key)!r}")


def _whole_lines_removed(text: str, removed) -> frozenset[str]:
    """The input lines `clean_text` dropped whole, whitespace folded."""
    lines = text.split("\n")
    parts: dict[int, list[str]] = {}
    for r in removed:
        parts.setdefault(r.line_no, []).append(r.text)
    return frozenset(
        fold_space(lines[n]) for n, texts in parts.items() if fold_space(" ".join(texts)) == fold_space(lines[n])
    )


def find_article(folder: Path, doc_id: str) -> Path | None:
    matches = sorted(p for p in folder.rglob(f"{doc_id}.*") if p.is_file())
    return matches[0] if matches else None


def _percent(num: int, den: int) -> str:
    return f"{num}/{den} ({100 * num / den:.1f} %)" if den else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, action="append", required=True, help="folder of articles")
    parser.add_argument(
        "--gold", type=Path, action="append", required=True, help="folder of gold JSON, one per --articles"
    )
    parser.add_argument("--errors", action="store_true", help="list every miss of clean_text")
    args = parser.parse_args(argv)
    if len(args.articles) != len(args.gold):
        parser.error("--articles and --gold must come in pairs")

    stoplist = frozenset(justext.get_stoplist("French"))
    tallies = {"jusText": Tally(), "veille clean": Tally()}
    documents = 0
    for articles, gold_dir in zip(args.articles, args.gold, strict=True):
        for gold in load_gold(gold_dir, articles):
            doc_id = gold["doc_id"]
            path = articles / gold["source"] if "source" in gold else find_article(articles, doc_id)
            if path is None or not path.exists():
                print(f"bench: no article for {doc_id} in {articles}", file=sys.stderr)
                continue
            raw = path.read_bytes()
            decoded = decode_bytes(raw)
            if decoded.reject_reason is not None:
                print(f"bench: {path}: {decoded.reject_reason}", file=sys.stderr)
                continue
            text, raw_html, hints = decoded.text, None, {}
            if is_html(path.name, raw):
                raw_html = decoded.text
                article = extract_html(decoded.text)
                if article is None:
                    continue
                text = article.text
                hints = {
                    "title_hint": article.title,
                    "published_hint": article.published,
                    "site_hint": article.site,
                }
            documents += 1
            ours = clean_text(text, **hints)
            meta = {"title": ours.title, "published": ours.published, "site": ours.site}
            dropped = _whole_lines_removed(text, ours.removed)
            score_document(tallies["veille clean"], gold, ours.text, dropped, meta, doc_id, args.errors)
            theirs, dropped = justext_output(text, raw_html, stoplist)
            score_document(tallies["jusText"], gold, theirs, dropped, None, doc_id, False)

    rows = [("system", "boilerplate removed", "body kept", "title/published/site right")]
    for system, t in tallies.items():
        rows.append(
            (
                system,
                _percent(t.removed, t.boilerplate),
                _percent(t.kept, t.body),
                _percent(t.meta_right, t.meta_total),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    print(f"{documents} documents")
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    for line in tallies["veille clean"].errors:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
