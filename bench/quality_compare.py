"""Entity and amount quality of naive baselines beside the pipeline, on gold corpora.

    python bench/quality_compare.py --articles seeds --gold tests/gold \\
        --articles tests/fixtures/articles --gold tests/fixtures/gold

Baselines: the raw `fr_core_news_md` model on the raw decoded text (no cleaning,
no repair, each mention its own canonical name), and naive number tagging (every
number token with the next word as unit) on the raw text. The pipeline runs its
stages in memory with the settings of params.yaml. All are scored by
`pipeline.score.score_tables`, document by document.
"""

import argparse
import sys
import time
from pathlib import Path

import pandas as pd
import yaml

sys.path.insert(0, str(Path.cwd()))  # run from the repository root, like the pipeline
sys.path.insert(0, str(Path(__file__).parent))

from amounts_naive import find_amounts_naive  # noqa: E402
from entities_raw import load_raw  # noqa: E402

from pipeline import clean  # noqa: E402
from pipeline.extract import ExtractParams, extract_tables  # noqa: E402
from pipeline.ingest import IngestParams, ingest_files  # noqa: E402
from pipeline.score import amount_misses, entity_misses, load_gold, score_tables  # noqa: E402
from pipeline.sentences import SentenceParams, split_sentences  # noqa: E402

KEYS = (
    "boilerplate_removed", "body_kept", "title_right", "published_right", "site_right",
    "entity_precision", "entity_recall", "entity_f1",
    "amount_precision", "amount_recall", "amount_f1", "amount_object_right",
)


def run_pipeline(articles: Path, params: dict) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """(ingested, output tables) of the pipeline's stages run in memory on `articles`."""
    p = params["ingest"]
    ingested, _ = ingest_files(
        articles, IngestParams(str(articles), int(p["max_bytes"]), float(p["max_control_ratio"]))
    )
    cleaned, removed, _ = clean.run(clean.params_from_dict(params), ingested)
    sentence_params = SentenceParams(tuple(params["sentences"]["abbreviations"]))
    starts = {
        doc_id: [s for s, _ in split_sentences(text, sentence_params)]
        for doc_id, text in zip(cleaned["doc_id"], cleaned["text"])
    }
    e = params["extract"]
    extract_params = ExtractParams(e["model"], int(e["batch_size"]), tuple(e["disable"]))
    entities, amounts = extract_tables(cleaned, starts, extract_params)
    tables = {
        "documents": cleaned,
        "entities": entities,
        "amounts": amounts,
        "removed": removed,
    }
    return ingested, tables


def baseline_tables(ingested: pd.DataFrame, model: str) -> dict[str, pd.DataFrame]:
    """Output tables of the raw model and naive amount tagging on the raw text."""
    nlp = load_raw(model)
    entities, amounts = [], []
    for doc_id, text in zip(ingested["doc_id"], ingested["raw_text"]):
        for ent in nlp(text).ents:
            entities.append({"doc_id": doc_id, "text": ent.text, "label": ent.label_, "canonical": ent.text})
        for a in find_amounts_naive(text):
            amounts.append({"doc_id": doc_id, "start": a.start, "value": a.value, "unit": a.unit, "object": a.object})
    documents = ingested.rename(columns={"raw_text": "text"}).assign(title=None, published=None, site=None)
    return {
        "documents": documents,
        "entities": pd.DataFrame(entities, columns=["doc_id", "text", "label", "canonical"]),
        "amounts": pd.DataFrame(amounts, columns=["doc_id", "start", "value", "unit", "object"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, action="append", required=True)
    parser.add_argument("--gold", type=Path, action="append", required=True)
    parser.add_argument("--misses", action="store_true", help="list the pipeline's entity and amount errors per corpus")
    args = parser.parse_args(argv)
    if len(args.articles) != len(args.gold):
        parser.error("--articles and --gold come in pairs")
    params = yaml.safe_load(Path("params.yaml").read_text(encoding="utf-8"))
    print(f"{'corpus':28} {'system':10} " + " ".join(f"{k:>17}" for k in KEYS))
    for articles, gold_dir in zip(args.articles, args.gold):
        gold = load_gold(gold_dir)
        started = time.monotonic()
        ingested, ours = run_pipeline(articles, params)
        seconds = time.monotonic() - started
        for system, tables in (("baseline", baseline_tables(ingested, params["extract"]["model"])), ("veille", ours)):
            figures = score_tables(gold, tables)
            print(f"{str(articles):28} {system:10} " + " ".join(f"{figures[k]:>17.3f}" for k in KEYS))
        print(f"{'':28} (pipeline in memory: {len(ingested)} documents, {seconds:.1f} s)")
        if args.misses:
            for line in (
                entity_misses(gold, ours["entities"], ours["documents"])
                + amount_misses(gold, ours["amounts"], ours["documents"])
            ):
                print(f"{'':28} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
