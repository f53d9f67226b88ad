"""The raw spaCy model next to the repaired entity pipeline, on the same sentences.

`raw_mentions` is the baseline a side-by-side bench compares `pipeline.entities`
against: the model as shipped, on the raw text, with no case repair, no rulers and
no mention repair.

    python -m bench.entities_raw
"""

import spacy
from spacy.language import Language

from pipeline.entities import assign_canonicals, find_mentions
from pipeline.nlp import load_nlp

MODEL = "fr_core_news_md"
# What the repaired pipeline runs: ner alone (plus its rulers)
DISABLE = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer")
# Invented sentences, one per failure mode of the raw model
SENTENCES = (
    "Son Excellence le Général Mamadi DOUMBOUYA a reçu mardi le Président de la Transition du Tchad.",
    "Le ministre nigérien de la Défense, Salifou Mody, s’est rendu à Tillabéri avec des officiers russes.",
    "La République du Niger et la Fédération de Russie ont signé un accord, selon le site actuniger.com.",
    "Le ministère ivoirien de l’Économie, des Finances et du Budget a saisi la Banque centrale des États de l’Afrique de l’Ouest.",
    "La Société nationale d’électricité du Burkina (SONABEL) annonce des délestages. Selon la SONABEL, la demande explose.",
    "Vladimir Poutine a reçu Ibrahim TRAORÉ au Kremlin. Poutine a salué les Autorités de la Transition.",
)


def load_raw(name: str = MODEL) -> Language:
    """The model as shipped, every component on."""
    return spacy.load(name)


def raw_mentions(nlp_raw: Language, text: str) -> list[tuple[str, str]]:
    """(text, label) of each entity the raw model finds in the raw text."""
    return [(ent.text, ent.label_) for ent in nlp_raw(text).ents]


def main() -> None:
    nlp_raw = load_raw()
    nlp = load_nlp(MODEL, DISABLE)
    for number, text in enumerate(SENTENCES):
        mentions = find_mentions(nlp, text)
        canonicals = assign_canonicals([(str(number), m) for m in mentions])
        print(text)
        print(
            "  raw:     ", "; ".join(f"{t} [{label}]" for t, label in raw_mentions(nlp_raw, text))
        )
        print(
            "  repaired:",
            "; ".join(f"{m.text} [{m.label}] → {c}" for m, c in zip(mentions, canonicals)),
        )
        print()


if __name__ == "__main__":
    main()
