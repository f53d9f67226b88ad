"""The whole pipeline at scale: `dvc repro` on N articles, against the bare model on the same texts.

    python bench/scale.py 1000 10000 [--keep DIR]

For each size, in a temporary copy of the repository:
1. builds N articles from the paragraphs of the project's own test articles
   (a fixed seed, so every run builds the same corpus; every file unique);
2. runs `dvc repro` from scratch and reads each stage's time and peak memory
   from its log;
3. runs the bare `fr_core_news_md` (tok2vec and ner only) with `nlp.pipe` on the
   same clean texts, with 1 and 2 processes;
4. adds 1 % new articles and reruns, three times (`--reruns`), each time another
   1 %, and takes the median rerun (the upper one of an even count); then reruns with
   nothing changed.

Prints one table per size: clean words per second of the pipeline and of the
bare model, their ratio, the median rerun's share of the from-scratch time, the no-op
time, peak RSS per stage and the size of `report.html`.
"""

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import _env, copy_repo  # noqa: E402

SOURCES = ("tests/fixtures/articles", "seeds", "tests/heldout/articles")
WORDS_PER_ARTICLE = 290
STAGES = ("ingest", "clean", "sentences", "extract", "publish")
STAGE_LINE = re.compile(r"^veille (\w+): .*?([\d.]+) s$")
PEAK_LINE = re.compile(r"^veille (\w+): peak RSS (\d+) MB$")
WORKER_PEAK = re.compile(r"^veille (\w+): .*worker peak RSS (\d+) MB")


def paragraphs() -> tuple[list[str], list[str]]:
    """(headlines, body paragraphs) of the project's own articles."""
    heads, paras = [], []
    for folder in SOURCES:
        for path in sorted((ROOT / folder).glob("*.txt")):
            lines = [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
            if not lines:
                continue
            heads.append(lines[0])
            paras.extend(line for line in lines[1:] if len(line.split()) >= 12)
    return heads, paras


def build_articles(n: int, seed: int, heads: list[str], paras: list[str]) -> list[str]:
    """`n` distinct articles: a headline, then paragraphs drawn until about WORDS_PER_ARTICLE words."""
    rng = random.Random(seed)
    articles: list[str] = []
    seen: set[str] = set()
    while len(articles) < n:
        lines = [rng.choice(heads)]
        words = 0
        while words < WORDS_PER_ARTICLE:
            para = rng.choice(paras)
            lines.append(para)
            words += len(para.split())
        text = "\n\n".join(lines) + "\n"
        if text not in seen:
            seen.add(text)
            articles.append(text)
    return articles


def write_corpus(folder: Path, articles: list[str], first: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(articles, start=first):
        (folder / f"a{i:07d}.txt").write_text(text, encoding="utf-8")


def repro(repo: Path) -> tuple[float, dict[str, float], dict[str, int]]:
    """(wall seconds, seconds per stage, peak MB per stage) of one `dvc repro`."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "dvc", "repro"], cwd=repo, env=_env(), capture_output=True, text=True
    )
    seconds = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"dvc repro failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    times: dict[str, float] = {}
    peaks: dict[str, int] = {}
    for line in result.stderr.splitlines():
        if m := PEAK_LINE.match(line):
            peaks[m.group(1)] = max(peaks.get(m.group(1), 0), int(m.group(2)))
        elif m := STAGE_LINE.match(line):
            times[m.group(1)] = float(m.group(2))
        if m := WORKER_PEAK.match(line):
            peaks[m.group(1)] = max(peaks.get(m.group(1), 0), int(m.group(2)))
    return seconds, times, peaks


def bare_model(texts: list[str], n_process: int) -> float:
    """Seconds of the bare model (tok2vec and ner only) over `texts`, model load excluded."""
    import spacy

    nlp = spacy.load("fr_core_news_md")
    nlp.select_pipes(enable=["tok2vec", "ner"])
    started = time.monotonic()
    for _ in nlp.pipe(texts, batch_size=64, n_process=n_process):
        pass
    return time.monotonic() - started


def measure(n: int, keep: Path | None, reruns: int = 3) -> dict:
    heads, paras = paragraphs()
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix=f"veille-scale-{n}-", dir=keep))
    repo = copy_repo(base / "repo", "corpus")
    write_corpus(repo / "corpus", build_articles(n, 0, heads, paras), 0)
    full, times, peaks = repro(repo)
    texts = list(pd.read_parquet(repo / "data/clean/cleaned.parquet")["text"])
    words = sum(len(t.split()) for t in texts)
    bare1, bare2 = bare_model(texts, 1), bare_model(texts, 2)
    added = max(1, n // 100)
    existing = set(build_articles(n, 0, heads, paras))
    new = [a for a in build_articles(2 * added * reruns, 1, heads, paras) if a not in existing]
    # each rerun adds another 1 % of the first corpus; the median of the reruns is the figure,
    # as one rerun on a shared machine moves by a quarter from one minute to the next
    increments = []
    for k in range(reruns):
        write_corpus(repo / "corpus", new[k * added : (k + 1) * added], n + k * added)
        increments.append(repro(repo))
        wall, stage_times, _ = increments[-1]
        spent = ", ".join(f"{s} {stage_times.get(s, 0):.1f}" for s in STAGES)
        print(f"{n} articles, rerun {k + 1}: {wall:.1f} s ({spent}; other {wall - sum(stage_times.values()):.1f})", file=sys.stderr)
    rerun, rerun_times, _ = sorted(increments, key=lambda r: r[0])[len(increments) // 2]
    noop, _, _ = repro(repo)
    return {
        "articles": n,
        "words": words,
        "full": full,
        "times": times,
        "peaks": peaks,
        "pipeline_wps": words / full,
        "bare1_wps": words / bare1,
        "bare2_wps": words / bare2,
        "rerun": rerun,
        "reruns": [r[0] for r in increments],
        "rerun_times": rerun_times,
        "noop": noop,
        "report_mb": (repo / "data/out/report.html").stat().st_size / 1e6,
        "repo": repo,
    }


def print_table(results: list[dict]) -> None:
    rows = [
        ("clean words", lambda r: f"{r['words']:,}"),
        ("dvc repro from scratch, s", lambda r: f"{r['full']:.0f}"),
        *[(f"  {s}, s", lambda r, s=s: f"{r['times'].get(s, 0):.1f}") for s in STAGES],
        ("pipeline words/s", lambda r: f"{r['pipeline_wps']:,.0f}"),
        ("bare nlp.pipe words/s, 1 process", lambda r: f"{r['bare1_wps']:,.0f}"),
        ("bare nlp.pipe words/s, 2 processes", lambda r: f"{r['bare2_wps']:,.0f}"),
        ("ratio to bare 2 processes", lambda r: f"{r['pipeline_wps'] / r['bare2_wps']:.2f}"),
        ("+1 % articles rerun (median), s", lambda r: f"{r['rerun']:.1f}"),
        ("  each rerun, s", lambda r: " / ".join(f"{t:.1f}" for t in r["reruns"])),
        *[(f"  {s}, s", lambda r, s=s: f"{r['rerun_times'].get(s, 0):.1f}") for s in STAGES],
        ("rerun share of from scratch", lambda r: f"{r['rerun'] / r['full']:.1%}"),
        ("no-op dvc repro, s", lambda r: f"{r['noop']:.1f}"),
        *[(f"peak RSS {s}, MB", lambda r, s=s: f"{r['peaks'].get(s, 0)}") for s in STAGES],
        ("report.html, MB", lambda r: f"{r['report_mb']:.2f}"),
        ("publish share of from scratch", lambda r: f"{r['times'].get('publish', 0) / r['full']:.1%}"),
    ]
    header = "| figure | " + " | ".join(f"{r['articles']:,} articles" for r in results) + " |"
    print(header)
    print("|---|" + "---|" * len(results))
    for name, cell in rows:
        print(f"| {name} | " + " | ".join(cell(r) for r in results) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", type=int, nargs="+", help="numbers of articles")
    parser.add_argument("--keep", type=Path, help="build the copies under this folder and leave them there")
    parser.add_argument(
        "--reruns", type=int, default=3, help="+1 %% increments, each rerun once; the median is reported (default 3)"
    )
    args = parser.parse_args(argv)
    if args.reruns < 1:
        parser.error("--reruns must be at least 1")
    results = []
    for n in args.sizes:
        result = measure(n, args.keep, args.reruns)
        print(f"{n} articles: done in {result['repo']}", file=sys.stderr)
        if args.keep is None:
            shutil.rmtree(result["repo"].parent)
        results.append(result)
    print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
