"""Language detection at ingest: other languages are rejected, short or mixed French is not."""

import pytest

from pipeline.ingest import IngestParams, detect_language, ingest_files, language_name, language_reject_reason

PARAMS = IngestParams(input_dir="", max_bytes=100_000, max_control_ratio=0.01)

ENGLISH = (
    "The West African regional bank approved on Tuesday a new loan to rebuild the roads of the "
    "northern savannah region. The infrastructure minister welcomed funding that haulage firms had "
    "been waiting for since the floods of last year, and said the work would begin before the rains."
)
ARABIC = (
    "وافق المصرف الإقليمي يوم الثلاثاء على قرض جديد لإصلاح الطرق في المنطقة الشمالية، "
    "ورحب وزير البنية التحتية بتمويل انتظرته شركات النقل منذ فيضانات العام الماضي، "
    "وقال إن الأشغال ستبدأ قبل موسم الأمطار وستستمر قرابة عامين. "
    "وأضاف الوزير أن المشروع سيوفر مئات فرص العمل للشباب في القرى المجاورة، "
    "وأن الحكومة ستراقب جودة الأشغال بالتعاون مع السلطات المحلية والمجتمع المدني."
)
SPANISH = (
    "El banco regional aprobó el martes un nuevo préstamo para reparar las carreteras de la región "
    "del norte. El ministro de Infraestructuras celebró una financiación que las empresas de "
    "transporte esperaban desde las inundaciones del año pasado, y dijo que las obras empezarán pronto."
)
FRENCH = (
    "La banque régionale a approuvé mardi un nouveau prêt destiné à la réfection des routes de la "
    "région septentrionale. Le ministre des Infrastructures a salué un financement attendu par les "
    "transporteurs depuis les inondations de l'an dernier, et annoncé des travaux avant les pluies."
)
# A short French frame around long English quotes, as a report of a foreign speech reads
FRENCH_QUOTING_ENGLISH = (
    "Le ministre ghanéen des Finances a défendu jeudi son budget devant les députés. "
    "« We will not raise taxes on small traders this year, and we expect the deficit to fall below "
    "five percent by the end of next year thanks to higher cocoa revenues », a-t-il affirmé. "
    "“This budget is built on sand and the people deserve better than empty promises, we will vote "
    "against it in committee and in the plenary session”, a répondu l'opposition."
)
FIGURES = (
    "Production de coton par région (en tonnes)\n"
    "Région 2022 2023 2024\nKayes 12 500 13 200 14 100\nSikasso 250 300 262 450 270 800\n"
    "Ségou 45 600 47 900 49 000\nMopti 8 200 7 950 8 400\nKoulikoro 31 000 30 400 33 900\n"
    "Total 347 600 361 900 376 200"
)
HEADLINE = "Mali : la BOAD finance la route Kayes-Bamako"
ENGLISH_HEADLINE = "Togo: regional bank lends for northern roads"
NAMES = (
    "Liste des lauréats : Amadou Koné, Fatoumata Diarra, Ibrahim Maïga, Aminata Traoré, Moussa Keïta, "
    "Oumar Sangaré, Kadiatou Coulibaly, Seydou Dembélé, Mariam Touré, Boubacar Cissé, Awa Sidibé, "
    "Hamidou Bocoum, Rokia Doumbia, Youssouf Sissoko, Salif Diallo, Djeneba Konaté."
)
FOOTER = "\nTous droits réservés. Reproduction interdite sans autorisation écrite de la rédaction."
SCORES = "Ligue 1 : Bamako 2-1 Kayes, Ségou 0-0 Mopti, Sikasso 3-2 Gao. Classement : 1. Bamako 45 pts, 2. Mopti 41 pts."


@pytest.mark.parametrize("text, language", [(ENGLISH, "en"), (ARABIC, "ar"), (SPANISH, "es"), (FRENCH, "fr")])
def test_detect_language_names_the_language_of_a_plain_article(text, language):
    guess = detect_language(text, PARAMS)
    assert guess.detected
    assert guess.language == language
    assert guess.confidence >= PARAMS.language_min_confidence


@pytest.mark.parametrize(
    "text", [FRENCH_QUOTING_ENGLISH, FIGURES, HEADLINE, ENGLISH_HEADLINE, NAMES, SCORES, "12 500", "2025"]
)
def test_short_or_mixed_french_is_never_rejected(text):
    guess = detect_language(text, PARAMS)
    assert guess.language == "fr"
    assert language_reject_reason(guess, PARAMS.languages) is None


def test_a_short_text_is_assumed_in_the_first_language_not_detected():
    guess = detect_language(ENGLISH_HEADLINE, IngestParams("", 1, 0.0, languages=("fr", "en")))
    assert (guess.language, guess.detected) == ("fr", False)


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH * 2 + FRENCH * 4,
        FRENCH * 2 + ENGLISH * 2 + FRENCH * 2,
        FRENCH * 4 + ENGLISH * 2,
        FRENCH * 3 + ENGLISH * 40 + FRENCH * 3,
        (FRENCH + "\n" + ENGLISH + "\n") * 3,
    ],
)
def test_french_with_an_english_passage_is_kept_as_french(text):
    guess = detect_language(text, PARAMS)
    assert guess.language == "fr"


@pytest.mark.parametrize(
    "text", [ENGLISH, ENGLISH * 3, ENGLISH * 40, ENGLISH * 40 + FOOTER, "Accueil\nPolitique\n" + ENGLISH * 40]
)
def test_an_english_article_is_rejected_whatever_its_length_or_french_furniture(text):
    guess = detect_language(text, PARAMS)
    assert (guess.language, guess.detected) == ("en", True)


@pytest.mark.parametrize(
    "languages, text, reason",
    [
        (("fr",), ENGLISH, "not French: detected en ("),
        (("fr",), ARABIC, "not French: detected ar ("),
        (("fr", "en"), SPANISH, "not in ingest.languages (fr, en): detected es ("),
        (("fr", "en"), ENGLISH, None),
        (("en",), FRENCH, "not English: detected fr ("),
    ],
)
def test_language_reject_reason_names_the_detected_language(languages, text, reason):
    params = IngestParams("", 1, 0.0, languages=languages)
    got = language_reject_reason(detect_language(text, params), languages)
    if reason is None:
        assert got is None
    else:
        assert got.startswith(reason) and got.endswith(")")


def test_language_name_spells_the_code_out():
    assert [language_name(code) for code in ("fr", "en", "ar")] == ["French", "English", "Arabic"]
    with pytest.raises(ValueError, match="'xx'"):
        language_name("xx")


def test_ingest_files_rejects_other_languages_and_records_the_language(tmp_path):
    for name, text in (("a.txt", FRENCH), ("b.txt", ENGLISH), ("c.txt", ARABIC), ("d.txt", SPANISH)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "e.txt").write_text(FRENCH_QUOTING_ENGLISH, encoding="utf-8")
    (tmp_path / "f.txt").write_text(FIGURES, encoding="utf-8")
    ingested, rejects = ingest_files(tmp_path, PARAMS)
    assert dict(zip(ingested["doc_id"], ingested["language"])) == {"a": "fr", "e": "fr", "f": "fr"}
    reasons = dict(zip(rejects["source"], rejects["reason"]))
    assert sorted(reasons) == ["b.txt", "c.txt", "d.txt"]
    assert reasons["b.txt"] == "not French: detected en (1.00)"
    assert reasons["c.txt"].startswith("not French: detected ar (")


def test_an_html_page_is_judged_on_its_article_text(tmp_path):
    page = (
        "<!DOCTYPE html><html lang='fr'><head><title>Roads | Savannah Times</title></head><body>"
        "<nav><a>Accueil</a> <a>Économie</a> <a>Politique</a> <a>Société</a></nav>"
        f"<article><h1>Northern roads</h1><p>{ENGLISH}</p><p>{ENGLISH.replace('Tuesday', 'Monday')}</p></article>"
        "<footer>Tous droits réservés</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    _, rejects = ingest_files(tmp_path, PARAMS)
    assert rejects.loc[0, "reason"].startswith("not French: detected en (")


ITALIAN = (
    "La banca regionale ha approvato martedì un nuovo prestito per la ricostruzione delle strade del "
    "nord. Il ministro delle Infrastrutture ha accolto con favore un finanziamento che le imprese di "
    "trasporto aspettavano dalle alluvioni dell'anno scorso, e ha detto che i lavori inizieranno presto."
)
PORTUGUESE = (
    "O banco regional aprovou na terça-feira um novo empréstimo para reparar as estradas da região "
    "norte. O ministro das Infraestruturas saudou um financiamento que as empresas de transporte "
    "esperavam desde as cheias do ano passado, e disse que as obras vão começar antes das chuvas."
)


@pytest.mark.parametrize(
    "text", [ENGLISH, SPANISH, ITALIAN, PORTUGUESE, ARABIC, ENGLISH * 40 + FOOTER, "Accueil\nPolitique\n" + ENGLISH * 40]
)
def test_only_french_prose_skips_the_detector(text):
    from pipeline.ingest import _language_sample, _plainly_french

    assert not _plainly_french(_language_sample(text))


def test_the_french_shortcut_agrees_with_the_detector_on_every_french_article():
    """Where the function words make a text plainly French, the detector says French too."""
    from pathlib import Path

    from pipeline.ingest import QUOTED, _best_language, _detector_languages, _language_sample, _plainly_french, load_detector

    detector = load_detector(_detector_languages(("fr",)))
    root = Path(__file__).parent
    paths = sorted([*root.glob("fixtures/articles/*.txt"), *root.glob("heldout/articles/*.txt"), *root.parent.glob("seeds/*.txt")])
    plain = 0
    for path in paths:
        sample = _language_sample(QUOTED.sub(" ", path.read_text(encoding="utf-8")))
        if _plainly_french(sample):
            plain += 1
            best = _best_language(detector, sample)
            assert best.language.iso_code_639_1.name.lower() == "fr" and best.value >= PARAMS.language_min_confidence, path
    assert plain >= len(paths) * 0.9
    assert _plainly_french(FRENCH)
