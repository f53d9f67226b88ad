"""Render the product tables as one self-contained HTML page for an analyst.

The page has no JavaScript and no network resources: CSS is inline and charts
are SVG built by hand, so it opens offline and the same tables give the same bytes.
Its size is bounded whatever the corpus: counts, top-N tables and the first rows
of each list, each saying how many more the Parquet tables hold; every table is
built with group-bys and joins, never one scan of a table per row.
"""

import html
import math
import re

import pandas as pd

NNBSP = "\u202f"  # French groups thousands with a narrow no-break space
LABELS = ("PER", "ORG", "LOC", "MISC")
LABEL_NAMES = {
    "PER": "Personnes",
    "ORG": "Organisations",
    "LOC": "Lieux",
    "MISC": "Divers",
}
TOP_ENTITIES = 10
TOP_PAIRS = 20
# Whatever the corpus, the page lists at most this many rows of each kind; the
# Parquet tables hold the rest
MAX_REJECTS = 50
MAX_SITES = 30
MAX_DOCUMENTS = 300  # rows of the documents index
MAX_DETAILS = 60  # documents with a detail section: the ones with the most amounts
TOP_UNITS = 12  # units with a table of their largest amounts
AMOUNTS_PER_UNIT = 5
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})")
MONTH_NAMES = (
    "janv.", "févr.", "mars", "avr.", "mai", "juin",
    "juil.", "août", "sept.", "oct.", "nov.", "déc.",
)
BAR_COLOR = "#3b6ea5"

CSS = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem;
       padding: 0 1rem; color: #222; line-height: 1.4; }
h1 { border-bottom: 2px solid #3b6ea5; padding-bottom: .3rem; }
h2 { margin-top: 2.5rem; color: #24476b; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #ccd; padding: .25rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #eef2f7; }
td.num, th.num { text-align: right; white-space: nowrap; }
mark { background: #ffe27a; }
nav ul { columns: 2; }
.empty { color: #777; font-style: italic; }
section.doc { border-left: 3px solid #ccd; padding-left: 1rem; margin: 1.5rem 0; }
svg text { font-family: system-ui, sans-serif; font-size: 12px; fill: #222; }
"""


def format_number(value: float) -> str:
    """Format a number the French way: "25 000", "1,5"; at most 2 decimals.

    Integers get no decimals and trailing zeros are stripped, so 3.0 is "3".
    """
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    rounded = round(float(value), 2)
    sign = "-" if rounded < 0 else ""
    whole, _, frac = f"{abs(rounded):,.2f}".partition(".")
    frac = frac.rstrip("0")
    text = whole.replace(",", NNBSP)
    return f"{sign}{text},{frac}" if frac else f"{sign}{text}"


def _esc(value: object) -> str:
    """Escape a user-provided cell; missing values (None, NaN, pd.NA) become ""."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):  # list-like cells such as aliases
        pass
    return html.escape(str(value), quote=True)


def _table(tables: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    """Return a table by name, an empty frame when it is missing."""
    frame = tables.get(name)
    return frame if frame is not None else pd.DataFrame()


def _empty(message: str) -> str:
    return f'<p class="empty">{html.escape(message)}</p>'


def _html_table(headers: list[tuple[str, bool]], rows: list[list[str]]) -> str:
    """Build a table from already-escaped cells; each header says if it is numeric."""
    head = "".join(
        f'<th class="num">{h}</th>' if num else f"<th>{h}</th>" for h, num in headers
    )
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="num">{c}</td>' if num else f"<td>{c}</td>"
            for c, (_, num) in zip(row, headers)
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _hbar_chart(items: list[tuple[str, int]], *, title: str) -> str:
    """Horizontal bar chart as inline SVG; labels are escaped."""
    label_w, bar_w, row_h = 300, 360, 22
    height = row_h * len(items) + 10
    top = max((v for _, v in items), default=0) or 1
    parts = [(
        f'<svg role="img" width="{label_w + bar_w + 60}" '
        f'height="{height}" aria-label="{html.escape(title)}"><title>{html.escape(title)}</title>'
    )]
    for i, (label, value) in enumerate(items):
        y = 5 + i * row_h
        width = round(bar_w * value / top, 1)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{html.escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{width}" height="{row_h - 6}" fill="{BAR_COLOR}"/>'
            f'<text x="{label_w + width + 4}" y="{y + 15}">{format_number(value)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _vbar_chart(items: list[tuple[str, int]], *, title: str) -> str:
    """Vertical bar chart as inline SVG, one bar per labelled period."""
    col_w, plot_h, pad_top, pad_bottom = 44, 160, 20, 40
    width = max(col_w * len(items) + 20, 200)
    height = plot_h + pad_top + pad_bottom
    top = max((v for _, v in items), default=0) or 1
    parts = [(
        f'<svg role="img" width="{width}" height="{height}" '
        f'aria-label="{html.escape(title)}"><title>{html.escape(title)}</title>'
        f'<line x1="10" y1="{pad_top + plot_h}" x2="{width - 10}" y2="{pad_top + plot_h}" stroke="#888"/>'
    )]
    for i, (label, value) in enumerate(items):
        x = 10 + i * col_w
        bar_h = round(plot_h * value / top, 1)
        y = round(pad_top + plot_h - bar_h, 1)
        center = x + col_w / 2
        parts.append(
            f'<rect x="{x + 6}" y="{y}" width="{col_w - 12}" height="{bar_h}" fill="{BAR_COLOR}"/>'
            f'<text x="{center}" y="{y - 4}" text-anchor="middle">{format_number(value)}</text>'
            f'<text x="{center}" y="{pad_top + plot_h + 16}" text-anchor="middle">{html.escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _doc_anchor(doc_id: object) -> str:
    return f"doc-{_esc(doc_id)}"


def _originals(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The documents that are no near-duplicate of an earlier one: the report counts these."""
    docs = _table(tables, "documents")
    if "duplicate_of" not in docs:
        return docs
    return docs[docs["duplicate_of"].isna()]


def _render_summary(tables: dict[str, pd.DataFrame], originals: pd.DataFrame) -> str:
    counts = [
        ("Documents", len(originals)),
        ("Quasi-doublons (non comptés)", len(_table(tables, "documents")) - len(originals)),
        ("Phrases", len(_table(tables, "sentences"))),
        ("Entités (mentions)", len(_table(tables, "entities"))),
        ("Montants", len(_table(tables, "amounts"))),
        ("Fichiers rejetés", len(_table(tables, "rejects"))),
        ("Lignes parasites retirées", len(_table(tables, "removed"))),
    ]
    out = ['<section id="resume"><h2>Résumé du corpus</h2>']
    out.append(_html_table([("Élément", False), ("Nombre", True)],
                           [[html.escape(k), format_number(v)] for k, v in counts]))
    rejects = _table(tables, "rejects")
    out.append("<h3>Fichiers rejetés</h3>")
    if rejects.empty:
        out.append(_empty("Aucun fichier rejeté."))
    else:
        kinds = rejects["reason"].map(lambda r: str(r).split(":", 1)[0]).value_counts()
        kinds = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
        out.append(_html_table(
            [("Raison", False), ("Fichiers", True)],
            [[_esc(kind), format_number(n)] for kind, n in kinds],
        ))
        ordered = rejects.sort_values(["reason", "source"], kind="mergesort").head(MAX_REJECTS)
        out.append(_html_table(
            [("Fichier", False), ("Raison", False)],
            [[_esc(r.source), _esc(r.reason)] for r in ordered.itertuples(index=False)],
        ))
        out.append(_more(len(rejects), len(ordered), "rejects.parquet"))
    removed = _table(tables, "removed")
    out.append("<h3>Lignes parasites retirées, par raison</h3>")
    if removed.empty:
        out.append(_empty("Aucune ligne retirée."))
    else:
        per_reason = removed.groupby("reason").size().sort_index()
        out.append(_html_table(
            [("Raison", False), ("Lignes", True)],
            [[_esc(reason), format_number(n)] for reason, n in per_reason.items()],
        ))
    out.append("</section>")
    return "".join(out)


def _more(total: int, shown: int, table: str) -> str:
    """A line saying how many rows the page leaves to a Parquet table, or nothing."""
    if total <= shown:
        return ""
    return f"<p>… et {format_number(total - shown)} de plus dans <code>{html.escape(table)}</code>.</p>"


def _detailed(docs: pd.DataFrame) -> set[str]:
    """doc_ids of the documents with a detail section: the most amounts, then entities, then doc_id."""
    ranked = docs.sort_values(
        ["n_amounts", "n_entities", "doc_id"], ascending=[False, False, True], kind="mergesort"
    )
    return set(ranked["doc_id"].head(MAX_DETAILS))


def _doc_link(doc_id: object, name: str, detailed: set[str]) -> str:
    return f'<a href="#{_doc_anchor(doc_id)}">{name}</a>' if doc_id in detailed else name


def _render_documents(docs: pd.DataFrame, detailed: set[str]) -> str:
    out = ['<section id="documents"><h2>Documents</h2>']
    if docs.empty:
        out.append(_empty("Aucun document."))
        out.append("</section>")
        return "".join(out)
    sites = (
        docs.assign(site=docs["site"].fillna("—"))
        .groupby("site", sort=True)[["n_entities", "n_amounts"]]
        .agg(["size", "sum"])
    )
    site_rows = sorted(
        ((site, int(r[("n_entities", "size")]), int(r[("n_entities", "sum")]), int(r[("n_amounts", "sum")]))
         for site, r in sites.iterrows()),
        key=lambda row: (-row[1], row[0]),
    )
    out.append("<h3>Par site</h3>")
    out.append(_html_table(
        [("Site", False), ("Documents", True), ("Entités", True), ("Montants", True)],
        [[_esc(site), format_number(n), format_number(e), format_number(a)]
         for site, n, e, a in site_rows[:MAX_SITES]],
    ))
    out.append(_more(len(site_rows), MAX_SITES, "documents.parquet"))
    shown = docs.sort_values("doc_id", kind="mergesort").head(MAX_DOCUMENTS)
    rows = []
    for doc in shown.itertuples(index=False):
        name = _esc(doc.title) or _esc(doc.doc_id)
        rows.append([
            _doc_link(doc.doc_id, name, detailed),
            _esc(doc.published) or "—",
            _esc(doc.site) or "—",
            format_number(doc.n_sentences),
            format_number(doc.n_entities),
            format_number(doc.n_amounts),
        ])
    out.append("<h3>Index des documents</h3>")
    out.append(_html_table(
        [("Document", False), ("Publié le", False), ("Site", False),
         ("Phrases", True), ("Entités", True), ("Montants", True)],
        rows,
    ))
    out.append(_more(len(docs), len(shown), "documents.parquet"))
    out.append("</section>")
    return "".join(out)


def _render_doc_sections(tables: dict[str, pd.DataFrame], docs: pd.DataFrame, detailed: set[str]) -> str:
    if docs.empty:
        return ""
    entities = _table(tables, "entities")
    amounts = _table(tables, "amounts")
    by_doc_entities = {}
    if not entities.empty:
        subset = entities[entities["doc_id"].isin(detailed)]
        counts = subset.groupby(["doc_id", "label", "canonical"]).size().reset_index(name="n")
        by_doc_entities = {d: g for d, g in counts.groupby("doc_id", sort=False)}
    by_doc_amounts = {}
    if not amounts.empty:
        subset = amounts[amounts["doc_id"].isin(detailed)]
        by_doc_amounts = {d: g for d, g in subset.groupby("doc_id", sort=False)}
    out = ['<section id="details"><h2>Détail par document</h2>']
    out.append(f"<p>Les {format_number(len(detailed))} documents qui citent le plus de montants.</p>")
    for doc in docs[docs["doc_id"].isin(detailed)].sort_values("doc_id", kind="mergesort").itertuples(index=False):
        name = _esc(doc.title) or _esc(doc.doc_id)
        out.append(f'<section class="doc" id="{_doc_anchor(doc.doc_id)}"><h3>{name}</h3>')
        out.append(f"<p>Identifiant : <code>{_esc(doc.doc_id)}</code></p>")
        doc_ents = by_doc_entities.get(doc.doc_id)
        out.append("<h4>Entités</h4>")
        if doc_ents is None:
            out.append(_empty("Aucune entité."))
        else:
            grouped = doc_ents.sort_values(
                ["n", "label", "canonical"], ascending=[False, True, True], kind="mergesort"
            ).head(TOP_ENTITIES * 2)
            out.append(_html_table(
                [("Entité", False), ("Type", False), ("Mentions", True)],
                [[_esc(r.canonical), _esc(r.label), format_number(r.n)]
                 for r in grouped.itertuples(index=False)],
            ))
            out.append(_more(len(doc_ents), len(grouped), "entities.parquet"))
        doc_amounts = by_doc_amounts.get(doc.doc_id)
        out.append("<h4>Montants</h4>")
        if doc_amounts is None:
            out.append(_empty("Aucun montant."))
        else:
            ordered = doc_amounts.sort_values(["start", "end"], kind="mergesort").head(TOP_ENTITIES * 2)
            out.append(_html_table(
                [("Texte", False), ("Valeur", True), ("Unité", False), ("Objet", False)],
                [[_esc(r.text), format_number(r.value), _esc(r.unit), _esc(r.object)]
                 for r in ordered.itertuples(index=False)],
            ))
            out.append(_more(len(doc_amounts), len(ordered), "amounts.parquet"))
        out.append("</section>")
    out.append("</section>")
    return "".join(out)


def _render_entity_index(tables: dict[str, pd.DataFrame]) -> str:
    index = _table(tables, "entity_index")
    out = ['<section id="entites"><h2>Entités principales par type</h2>']
    for label in LABELS:
        out.append(f"<h3>{html.escape(LABEL_NAMES[label])} ({label})</h3>")
        subset = index[index["label"] == label] if not index.empty else index
        if subset.empty:
            out.append(_empty(f"Aucune entité de type {label}."))
            continue
        top = subset.sort_values(
            ["n_mentions", "n_documents", "canonical"], ascending=[False, False, True],
            kind="mergesort",
        ).head(TOP_ENTITIES)
        rows = []
        for r in top.itertuples(index=False):
            aliases = ", ".join(_esc(a) for a in sorted(str(a) for a in r.aliases))
            rows.append([_esc(r.canonical), format_number(r.n_mentions),
                         format_number(r.n_documents), aliases])
        out.append(_html_table(
            [("Entité", False), ("Mentions", True), ("Documents", True), ("Variantes", False)],
            rows,
        ))
    out.append("</section>")
    return "".join(out)


def _sentence_context(amount: object, sent_text: object, sent_start: int) -> str:
    """Return the amount's sentence, escaped, with the amount text in <mark>.

    Offsets index the clean document text; `sent_start` is where the sentence
    starts in it. Without a sentence the amount is shown alone.
    """
    if not isinstance(sent_text, str):
        return f"<mark>{_esc(amount.text)}</mark>"
    start, end = int(amount.start) - sent_start, int(amount.end) - sent_start
    if not (0 <= start <= end <= len(sent_text)) or sent_text[start:end] != amount.text:
        # Offsets disagree with the text: show the sentence and the amount side by side.
        return f"{html.escape(sent_text)} (<mark>{_esc(amount.text)}</mark>)"
    return (html.escape(sent_text[:start]) + "<mark>" + html.escape(sent_text[start:end])
            + "</mark>" + html.escape(sent_text[end:]))


def _with_sentences(amounts: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """`amounts` with the text and start of their sentence, by one join."""
    if sentences.empty:
        return amounts.assign(sent_text=None, sent_start=0)
    context = sentences[["doc_id", "sent_id", "start", "text"]].rename(
        columns={"start": "sent_start", "text": "sent_text"}
    )
    merged = amounts.merge(context, on=["doc_id", "sent_id"], how="left")
    return merged.assign(sent_start=merged["sent_start"].fillna(0).astype("int64"))


def _render_amounts(tables: dict[str, pd.DataFrame], detailed: set[str]) -> str:
    amounts = _table(tables, "amounts")
    out = ['<section id="montants"><h2>Montants</h2>']
    if amounts.empty:
        out.append(_empty("Aucun montant."))
        out.append("</section>")
        return "".join(out)
    per_unit = sorted(amounts.groupby("unit").size().items(), key=lambda kv: (-kv[1], kv[0]))
    out.append(_html_table(
        [("Unité", False), ("Montants", True)],
        [[_esc(unit), format_number(n)] for unit, n in per_unit],
    ))
    # the largest amounts of each of the most frequent units, with their sentence
    top_units = [unit for unit, _ in per_unit[:TOP_UNITS]]
    largest = (
        amounts[amounts["unit"].isin(top_units)]
        .sort_values(["value", "doc_id", "start"], ascending=[False, True, True], kind="mergesort")
        .groupby("unit", sort=False)
        .head(AMOUNTS_PER_UNIT)
    )
    largest = _with_sentences(largest, _table(tables, "sentences"))
    out.append(f"<h3>Les plus grands montants des {format_number(len(top_units))} unités les plus citées</h3>")
    for unit in top_units:
        rows = []
        for r in largest[largest["unit"] == unit].itertuples(index=False):
            rows.append([
                format_number(r.value), _esc(r.unit), _esc(r.object) or "—",
                _esc(r.qualifier) or "—", _sentence_context(r, r.sent_text, r.sent_start),
                _doc_link(r.doc_id, _esc(r.doc_id), detailed),
            ])
        out.append(f"<h4>{_esc(unit)}</h4>")
        out.append(_html_table(
            [("Valeur", True), ("Unité", False), ("Objet", False), ("Qualificatif", False),
             ("Contexte", False), ("Document", False)],
            rows,
        ))
    out.append(_more(len(amounts), len(largest), "amounts.parquet"))
    out.append("</section>")
    return "".join(out)


def _render_cooccurrence(tables: dict[str, pd.DataFrame]) -> str:
    pairs = _table(tables, "cooccurrence")
    out = ['<section id="cooccurrences"><h2>Entités citées ensemble</h2>']
    if pairs.empty:
        out.append(_empty("Aucune paire d’entités citées ensemble."))
        out.append("</section>")
        return "".join(out)
    top = pairs.sort_values(
        ["n_sentences", "n_documents", "entity_a", "entity_b"],
        ascending=[False, False, True, True], kind="mergesort",
    ).head(TOP_PAIRS)
    out.append(f"<p>Les {format_number(len(top))} paires les plus fréquentes, "
               "en nombre de phrases communes.</p>")
    items = [(f"{r.entity_a} – {r.entity_b}", int(r.n_sentences))
             for r in top.itertuples(index=False)]
    out.append(_hbar_chart(items, title="Phrases citant les deux entités"))
    out.append(_html_table(
        [("Entité A", False), ("Entité B", False), ("Phrases", True), ("Documents", True)],
        [[_esc(r.entity_a), _esc(r.entity_b), format_number(r.n_sentences),
          format_number(r.n_documents)] for r in top.itertuples(index=False)],
    ))
    out.append("</section>")
    return "".join(out)


def _month_counts(published: pd.Series) -> tuple[list[tuple[str, int]], int]:
    """Count dated documents per month, gaps filled with 0, plus the undated count."""
    counts: dict[tuple[int, int], int] = {}
    undated = 0
    for value in published:
        match = MONTH_RE.match(str(value)) if isinstance(value, str) else None
        month = int(match.group(2)) if match else 0
        if not match or not 1 <= month <= 12:
            undated += 1
            continue
        key = (int(match.group(1)), month)
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return [], undated
    (year, month), last = min(counts), max(counts)
    items = []
    while (year, month) <= last:
        items.append((f"{MONTH_NAMES[month - 1]} {year}", counts.get((year, month), 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return items, undated


def _render_timeline(docs: pd.DataFrame) -> str:
    out = ['<section id="chronologie"><h2>Documents par mois de publication</h2>']
    if docs.empty:
        out.append(_empty("Aucun document."))
        out.append("</section>")
        return "".join(out)
    items, undated = _month_counts(docs["published"])
    if items:
        out.append(_vbar_chart(items, title="Documents publiés par mois"))
        out.append(_html_table([("Mois", False), ("Documents", True)],
                               [[html.escape(k), format_number(v)] for k, v in items]))
    else:
        out.append(_empty("Aucun document daté."))
    out.append(f"<p>Documents sans date : {format_number(undated)}</p>")
    out.append("</section>")
    return "".join(out)


def _render_metrics(metrics: dict) -> str:
    quality = metrics.get("quality") or {}
    out = ['<section id="qualite"><h2>Qualité mesurée</h2>']
    if not quality:
        out.append(_empty("Aucune mesure de qualité."))
    else:
        out.append(_html_table(
            [("Mesure", False), ("Valeur", True)],
            [[_esc(k), format_number(quality[k]) if isinstance(quality[k], (int, float))
              else _esc(quality[k])] for k in sorted(quality)],
        ))
    out.append("</section>")
    return "".join(out)


def render_report(tables: dict[str, pd.DataFrame], metrics: dict) -> str:
    """Render the product tables and metrics as one deterministic, offline HTML page.

    Missing or empty tables give an "aucun …" message instead of a crash.
    """
    nav = [
        ("resume", "Résumé du corpus"), ("documents", "Documents"),
        ("entites", "Entités principales"), ("montants", "Montants"),
        ("cooccurrences", "Entités citées ensemble"),
        ("chronologie", "Documents par mois"), ("qualite", "Qualité mesurée"),
    ]
    nav_html = "".join(f'<li><a href="#{k}">{html.escape(v)}</a></li>' for k, v in nav)
    version = metrics.get("schema_version")
    version_html = f"<p>Version du schéma : {_esc(version)}</p>" if version else ""
    originals = _originals(tables)
    detailed = _detailed(originals) if not originals.empty else set()
    body = "".join([
        _render_summary(tables, originals),
        _render_documents(originals, detailed),
        _render_entity_index(tables),
        _render_amounts(tables, detailed),
        _render_cooccurrence(tables),
        _render_timeline(originals),
        _render_metrics(metrics),
        _render_doc_sections(tables, originals, detailed),
    ])
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Veille — rapport du corpus</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        "<h1>Veille — rapport du corpus</h1>\n"
        f"{version_html}<nav><ul>{nav_html}</ul></nav>\n"
        f"{body}\n</body>\n</html>\n"
    )
