"""Naive amount baseline: every number token, with the next word as its unit.

The floor the rule grammar in `pipeline.amounts` is measured against: no multipliers,
no exclusions (dates, years, "un", "les deux pays" all fire), no objects or qualifiers.
Run from the repository root: `python -m bench.amounts_naive`.
"""

import re

from text_to_num import text2num

from pipeline.amounts import AmountMatch, find_amounts

NUMBER_RE = re.compile(
    r"\d+(?:[.,\u00a0\u202f ]\d+)*"
    r"|(?<![\w-])(?i:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt"
    r"|trente|quarante|cinquante|soixante|cent|mille)(?![\w-])"
)
NEXT_WORD_RE = re.compile(r"\s*([^\W\d_]+|[%$€£])")
SAMPLES = (
    "Le 23 juin 2025, trois accords ont été signés entre les deux pays.",
    "La Russie livrera 25 000 tonnes de blé et 1,5 milliard de FCFA d'engrais.",
    "Près de 300 soldats, dont un officier, ont quitté Gao à 10h30 pour deux jours.",
    "Le taux est passé de 3 % à 5 % en 2024, selon l'article 5 du rapport.",
)


def find_amounts_naive(text: str) -> list[AmountMatch]:
    """Each number token as an amount whose unit is the word after it; value from the digits alone."""
    matches = []
    for m in NUMBER_RE.finditer(text):
        token = m.group()
        if token[0].isdigit():
            value = float(re.sub(r"[.\u00a0\u202f ]", "", token).replace(",", "."))
        else:
            value = float(text2num(token.lower(), "fr"))
        unit = NEXT_WORD_RE.match(text, m.end())
        end = unit.end() if unit else m.end()
        matches.append(
            AmountMatch(
                start=m.start(),
                end=end,
                text=text[m.start() : end],
                value=value,
                unit=unit.group(1).lower() if unit else "count",
                object=None,
                qualifier=None,
                range_id=None,
            )
        )
    return matches


def _show(label: str, matches: list[AmountMatch]) -> None:
    print(f"  {label}:")
    for a in matches:
        fields = (("object", a.object), ("qualifier", a.qualifier), ("range", a.range_id))
        extras = ", ".join(f"{k}={v}" for k, v in fields if v is not None)
        print(f"    {a.text!r:45} {a.value:>16,.2f} {a.unit:8} {extras}")


if __name__ == "__main__":
    for sample in SAMPLES:
        print(sample)
        _show("naive", find_amounts_naive(sample))
        _show("ours", find_amounts(sample))
        print()
