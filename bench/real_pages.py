"""Keep the real-page sets: add a page byte-exact, check every saved text, list what is missing.

The page texts are third-party and stay out of git. Each set (`tests/real/dev`,
`tests/real/aside`) commits a `manifest.jsonl` (id, site, query, url, sha256,
chars) and hand-written gold; the texts live in the git-ignored `pages/<site>/<id>.txt`.

    python bench/real_pages.py add --set dev --literal /tmp/p.json --query "…" --url https://…
    python bench/real_pages.py check            # every saved text against its sha256
    python bench/real_pages.py missing          # query and url of each text to pull again
    python bench/real_pages.py restore --set dev --id SITE-01 --literal /tmp/p.json

`--literal` is a file holding the search result's `excerpt` exactly as its JSON
string literal (quotes and escapes included), so no character is retyped.
A page from a site or with a hash listed in `../shared/holdout-exclude.txt` is refused.
"""

import argparse
import fcntl
import hashlib
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SETS = ("dev", "aside")
EXCLUDE = ROOT.parent / "shared" / "holdout-exclude.txt"


def set_dir(name: str) -> Path:
    return ROOT / "tests" / "real" / name


def site_of(url: str) -> str:
    """The url's host without `www.`, lower case: the site a page belongs to."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def slug(site: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", site.lower()).strip("-")


def read_exclusions(path: Path = EXCLUDE) -> tuple[frozenset[str], frozenset[str]]:
    """(sites, sha256 digests) kept out of development."""
    if not path.exists():
        raise SystemExit(f"real_pages: {path} is missing; it lists the pages never to use")
    sites, hashes = set(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        kind, _, value = line.strip().partition(" ")
        if kind == "site":
            sites.add(value.strip().lower())
        elif kind == "sha256":
            hashes.add(value.strip().lower())
    return frozenset(sites), frozenset(hashes)


def excluded(site: str, sha256: str, exclusions: tuple[frozenset[str], frozenset[str]]) -> str | None:
    """Why a page may not be used, or None."""
    sites, hashes = exclusions
    for held in sites:
        if site == held or site.endswith("." + held):
            return f"site {held} is kept for the hidden evaluation"
    if sha256 in hashes:
        return "its sha256 is kept for the hidden evaluation"
    return None


def read_manifest(name: str) -> list[dict]:
    path = set_dir(name) / "manifest.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_manifest(name: str, entries: list[dict]) -> None:
    path = set_dir(name) / "manifest.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    entries = sorted(entries, key=lambda e: e["id"])
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entries), encoding="utf-8")
    tmp.replace(path)


def page_path(name: str, entry: dict) -> Path:
    return set_dir(name) / "pages" / entry["site"] / f"{entry['id']}.txt"


def decode_literal(path: Path) -> str:
    """The text of a file holding one JSON string literal."""
    raw = path.read_text(encoding="utf-8").strip()
    try:
        text = json.loads(raw)
    except json.JSONDecodeError as err:
        raise SystemExit(f"real_pages: {path} is not a JSON string literal: {err}") from err
    if not isinstance(text, str):
        raise SystemExit(f"real_pages: {path} holds a {type(text).__name__}, not a string literal")
    return text


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Lock:
    """An exclusive lock on the real-page folder, so that two writers never race."""

    def __enter__(self):
        path = ROOT / "tests" / "real" / ".lock"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = path.open("w")
        fcntl.flock(self.handle, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def add(args: argparse.Namespace) -> int:
    text = decode_literal(args.literal)
    site = site_of(args.url)
    sha = digest(text)
    reason = excluded(site, sha, read_exclusions())
    if reason:
        print(f"refused: {args.url}: {reason}", file=sys.stderr)
        return 1
    with _Lock():
        manifests = {name: read_manifest(name) for name in SETS}
        other = "aside" if args.set == "dev" else "dev"
        if any(e["site"] == site for e in manifests[other]):
            print(f"refused: {site} is already used by the {other} set; the sets share no site", file=sys.stderr)
            return 1
        for name in SETS:
            for e in manifests[name]:
                if e["url"] == args.url or e["sha256"] == sha:
                    print(f"refused: already in {name} as {e['id']}", file=sys.stderr)
                    return 1
        taken = {e["id"] for e in manifests[args.set]}
        n = 1
        while f"{slug(site)}-{n:02d}" in taken:
            n += 1
        entry = {"id": f"{slug(site)}-{n:02d}", "site": site, "query": args.query, "url": args.url, "sha256": sha, "chars": len(text)}
        path = page_path(args.set, entry)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        write_manifest(args.set, manifests[args.set] + [entry])
    print(f"{args.set}\t{entry['id']}\t{path.relative_to(ROOT)}\t{len(text)} chars")
    return 0


def restore(args: argparse.Namespace) -> int:
    text = decode_literal(args.literal)
    entries = {e["id"]: e for e in read_manifest(args.set)}
    if args.id not in entries:
        raise SystemExit(f"real_pages: no page {args.id} in the {args.set} manifest")
    entry = entries[args.id]
    if digest(text) != entry["sha256"]:
        print(f"mismatch: {args.id}: the text's sha256 is not the manifest's; not saved", file=sys.stderr)
        return 1
    path = page_path(args.set, entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    print(f"restored {path.relative_to(ROOT)}")
    return 0


def check_sets() -> list[str]:
    """One line per problem: a changed text, a held-out page, a site in both sets."""
    problems = []
    exclusions = read_exclusions()
    sites = {name: {e["site"] for e in read_manifest(name)} for name in SETS}
    for site in sorted(sites["dev"] & sites["aside"]):
        problems.append(f"site {site} is in both sets")
    for name in SETS:
        for entry in read_manifest(name):
            reason = excluded(entry["site"], entry["sha256"], exclusions)
            if reason:
                problems.append(f"{name}/{entry['id']}: {reason}")
            path = page_path(name, entry)
            if path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
                problems.append(f"{name}/{entry['id']}: text differs from its sha256")
    return problems


def check(_args: argparse.Namespace) -> int:
    problems = check_sets()
    for line in problems:
        print(line)
    for name in SETS:
        entries = read_manifest(name)
        present = sum(page_path(name, e).exists() for e in entries)
        print(f"{name}: {len(entries)} pages from {len({e['site'] for e in entries})} sites, {present} texts present")
    return 1 if problems else 0


def missing(_args: argparse.Namespace) -> int:
    for name in SETS:
        for entry in read_manifest(name):
            if not page_path(name, entry).exists():
                print(json.dumps({"set": name, "id": entry["id"], "query": entry["query"], "url": entry["url"]}, ensure_ascii=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("add", help="save a new page and record it in a manifest")
    p.add_argument("--set", choices=SETS, required=True)
    p.add_argument("--literal", type=Path, required=True)
    p.add_argument("--query", required=True)
    p.add_argument("--url", required=True)
    p.set_defaults(run=add)
    p = sub.add_parser("restore", help="save a page again from a fresh search result, checked by its sha256")
    p.add_argument("--set", choices=SETS, required=True)
    p.add_argument("--id", required=True)
    p.add_argument("--literal", type=Path, required=True)
    p.set_defaults(run=restore)
    sub.add_parser("check", help="check saved texts, held-out pages and set overlap").set_defaults(run=check)
    sub.add_parser("missing", help="list pages whose text is not on this machine").set_defaults(run=missing)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
