"""Time the clean stage, furniture step included, on N synthetic pages built from the project's articles.

    python bench/clean_scale.py 1000 10000

Pages recombine paragraphs of `tests/fixtures/articles` and `seeds` (a fixed
seed, so every run builds the same corpus), spread over 50 sites that each print
a masthead and a menu line, so that every page has furniture to learn. Prints,
per size: the stage's time, the furniture step alone, pages per second, lines
removed as `repeated` and the peak resident memory of the process so far.
"""

import argparse
import random
import resource
import sys
import time
from pathlib import Path

import pandas as pd
import yaml

sys.path.insert(0, str(Path.cwd()))  # run from the repository root, like the pipeline

from pipeline import clean  # noqa: E402
from pipeline.furniture import repeated_lines  # noqa: E402

SITES = 50
PARAGRAPHS_PER_PAGE = 12


def build_corpus(n: int, paragraphs: list[str], seed: int = 0) -> pd.DataFrame:
    """`n` ingested-like rows, each a page of one of SITES sites."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        site = f"site{i % SITES}.net"
        lines = [f"{site.upper()} - l'info du jour", "Accueil | Politique | Économie"]
        lines += rng.sample(paragraphs, PARAGRAPHS_PER_PAGE)
        rows.append(
            {
                "doc_id": f"d{i:06d}",
                "source": f"{site}/d{i:06d}.txt",
                "sha256": str(i),
                "raw_text": "\n".join(lines),
                "html_title": None,
                "html_published": None,
                "html_site": None,
                "language": "fr",
            }
        )
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", type=int, nargs="+", help="numbers of pages")
    args = parser.parse_args(argv)
    files = sorted(Path("tests/fixtures/articles").glob("*.txt")) + sorted(Path("seeds").glob("*.txt"))
    paragraphs = [line for f in files for line in f.read_text(encoding="utf-8").split("\n") if line.strip()]
    params = clean.params_from_dict(yaml.safe_load(Path("params.yaml").read_text(encoding="utf-8")))
    print(f"{'pages':>8} {'clean s':>9} {'furniture s':>12} {'pages/s':>8} {'repeated':>9} {'peak RSS MB':>12}")
    for n in args.sizes:
        ingested = build_corpus(n, paragraphs)
        started = time.monotonic()
        _, removed, _ = clean.run(params, ingested)
        seconds = time.monotonic() - started
        sites = ingested.assign(site=[source.split("/")[0] for source in ingested["source"]])
        started = time.monotonic()
        repeated_lines(sites, clean.furniture_params(params))
        furniture = time.monotonic() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(
            f"{n:>8} {seconds:>9.1f} {furniture:>12.2f} {n / seconds:>8.0f} "
            f"{int((removed['reason'] == 'repeated').sum()):>9} {peak:>12}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
