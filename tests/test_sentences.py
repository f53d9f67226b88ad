"""Sentence spans on invented text."""

import pytest

from pipeline.sentences import SentenceParams, split_sentences

PARAMS = SentenceParams(abbreviations=("M.", "Mme.", "Dr.", "etc."))


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, PARAMS)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le train est parti. Il arrivera demain.", ["Le train est parti.", "Il arrivera demain."]),
        ("Vraiment ? Oui ! Enfin…  Bon.", ["Vraiment ?", "Oui !", "Enfin…", "Bon."]),
        ("M. Traoré est arrivé. Mme. Koné aussi.", ["M. Traoré est arrivé.", "Mme. Koné aussi."]),
        ("Selon A. Diallo, le prix a doublé. Il le regrette.", ["Selon A. Diallo, le prix a doublé.", "Il le regrette."]),
        ("Il a dit « c'est fini. » Puis il est parti.", ["Il a dit « c'est fini. »", "Puis il est parti."]),
        ("Le taux est de 2.5 pour cent. 2024 sera meilleure.", ["Le taux est de 2.5 pour cent.", "2024 sera meilleure."]),
        ("du riz, du mil etc. et du sorgho.", ["du riz, du mil etc. et du sorgho."]),
        ("Un titre sans point\n\nLe corps commence ici.", ["Un titre sans point", "Le corps commence ici."]),
        ("Première ligne\nSeconde ligne.", ["Première ligne", "Seconde ligne."]),
        ("  \n\n ", []),
    ],
)
def test_split_sentences(text, expected):
    assert sentences(text) == expected


def test_spans_index_the_text_and_do_not_overlap():
    text = "Premier paragraphe. Il a deux phrases.\n\nSecond paragraphe !\nUne ligne de plus"
    spans = split_sentences(text, PARAMS)
    assert all(text[s:e].strip() == text[s:e] for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))
