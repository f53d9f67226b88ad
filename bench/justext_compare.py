"""Compare boilerplate removal of jusText and `pipeline.clean` on articles with gold files.

    python bench/justext_compare.py --articles seeds --gold tests/gold \\
        --articles tests/fixtures/articles --gold tests/fixtures/gold [--errors]

`--articles` and `--gold` come in pairs. Each gold file (format:
tests/gold/README.md, or tests/real/README.md with line numbers) names its
article by `source` (path below `--articles`) or by `doc_id`, the file's stem.
jusText gets each input line as its own <p> in a minimal HTML page (an HTML
input as it is), with the French stoplist; the pipeline's `clean` stage runs on
the whole folder with the settings of params.yaml, as `dvc repro` would, so that
lines a site repeats across its pages are known. Both outputs are scored the same
way: a gold `boilerplate` line counts as removed when the system dropped that
whole input line or it no longer occurs in the output (whitespace folded, whole
words), a `body` line as kept when it occurs.
"""

import argparse
import html
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # run from the repository root, like the pipeline

import justext  # noqa: E402
import yaml  # noqa: E402

from pipeline import clean  # noqa: E402
from pipeline.ingest import IngestParams, ingest_files  # noqa: E402

from pipeline.score import body_kept, boilerplate_removed, fold_space, load_gold, removed_by_line  # noqa: E402


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


def _value(value) -> str | None:
    return value if isinstance(value, str) else None


def _whole_lines_removed(doc_id: str, text: str, by_line: dict[tuple[str, int], str]) -> frozenset[str]:
    """The input lines of one document the cleaner dropped whole (`removed_by_line`), whitespace folded."""
    lines = [fold_space(line) for line in text.split("\n")]
    return frozenset(line for n, line in enumerate(lines) if by_line.get((doc_id, n)) == line)


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
    parser.add_argument("--errors", action="store_true", help="list every miss of the clean stage")
    args = parser.parse_args(argv)
    if len(args.articles) != len(args.gold):
        parser.error("--articles and --gold must come in pairs")

    stoplist = frozenset(justext.get_stoplist("French"))
    tallies = {"jusText": Tally(), "veille clean": Tally()}
    documents = 0
    params = clean.params_from_dict(yaml.safe_load(Path("params.yaml").read_text(encoding="utf-8")))
    for articles, gold_dir in zip(args.articles, args.gold, strict=True):
        # the whole folder goes through the stage, so a site's repeated lines are known
        ingested, _ = ingest_files(articles, IngestParams(str(articles), 5_000_000, 0.01))
        cleaned, removed, _ = clean.run(params, ingested)
        by_line = removed_by_line(removed)
        rows = {row.source: row for row in ingested.itertuples(index=False)}
        outputs = {row.doc_id: row for row in cleaned.itertuples(index=False)}
        for gold in load_gold(gold_dir, articles):
            doc_id = gold["doc_id"]
            path = articles / gold["source"] if "source" in gold else find_article(articles, doc_id)
            row = rows.get(path.relative_to(articles).as_posix()) if path is not None else None
            if row is None:
                print(f"bench: no usable article for {doc_id} in {articles}", file=sys.stderr)
                continue
            documents += 1
            ours = outputs.get(row.doc_id)
            text = "" if ours is None else ours.text
            meta = {k: None if ours is None else _value(getattr(ours, k)) for k in META}
            dropped = _whole_lines_removed(row.doc_id, row.raw_text, by_line)
            score_document(tallies["veille clean"], gold, text, dropped, meta, doc_id, args.errors)
            raw_html = None if row.format == "text" else path.read_text(encoding=row.encoding or "utf-8")
            theirs, dropped = justext_output(row.raw_text, raw_html, stoplist)
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
