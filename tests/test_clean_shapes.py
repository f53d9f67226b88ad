"""Boilerplate shapes left on scraped pages, next to body prose of the same shape, on invented lines."""

import pytest

from pipeline.clean import DISPATCH_CODE, RemovedLine, clean_text

P1 = (
    "La commune de Saint-Anselme a inauguré samedi une nouvelle station de pompage, "
    "financée par le conseil régional et attendue depuis plus de dix ans par les habitants."
)
P2 = (
    "Les travaux ont duré quatorze mois et mobilisé une trentaine d'ouvriers, selon "
    "l'entreprise chargée du chantier, qui promet une mise en service avant la saison sèche."
)
# a first paragraph longer than a caption, as the scrape glues a credit to it
LONG = (
    "Le marché couvert de Bois-Rouge a rouvert ses portes mardi matin après huit mois de travaux, "
    "au grand soulagement des commerçants qui s'étaient installés sous des tentes sur le parking "
    "voisin pendant toute la durée du chantier."
)


def between(line: str) -> str:
    """`line` as line 2, between two body paragraphs separated by blank lines."""
    return f"{P1}\n\n{line}\n\n{P2}"


def assert_removed_between(line: str, reason: str) -> None:
    result = clean_text(between(line))
    assert result.removed == (RemovedLine(2, line, reason),)
    assert result.text == f"{P1}\n\n{P2}"


def assert_removed_at_end(line: str, reason: str) -> None:
    result = clean_text(f"{P1}\n\n{P2}\n\n{line}\n")
    assert result.removed == (RemovedLine(4, line, reason),)
    assert result.text == f"{P1}\n\n{P2}"


def assert_kept_between(line: str) -> None:
    result = clean_text(between(line))
    assert result.removed == ()
    assert result.text == f"{P1}\n\n{line}\n\n{P2}"


# ---------------------------------------------------------------- photo credits in brackets

CREDITS = [
    "(Photo kd/www.echo-des-iles.com)",
    "(Photos AFP)",
    "(Photo d'illustration jm/www.le-phare.re)",
    "(Crédit photo : Mariama Sow)",
    "(Photos DR)",
]


@pytest.mark.parametrize("line", CREDITS)
def test_a_credit_line_wholly_in_brackets_is_a_credit(line):
    assert_removed_between(line, "credit")
    assert_removed_at_end(line, "credit")


@pytest.mark.parametrize("credit", CREDITS)
def test_a_credit_in_brackets_glued_to_the_end_of_a_paragraph_is_cut_from_it(credit):
    result = clean_text(f"{LONG} {credit}\n\n{P2}")
    assert result.text == f"{LONG}\n\n{P2}"
    assert result.removed == (RemovedLine(0, credit, "credit"),)


def test_a_glued_credit_without_a_sentence_end_before_it_is_cut_too():
    lead = LONG.rstrip(".") + " ci-dessous"
    result = clean_text(f"{lead} (Photo d'illustration kd/www.echo-des-iles.com)\n\n{P2}")
    assert result.text == f"{lead}\n\n{P2}"


@pytest.mark.parametrize(
    "ending",
    [
        "(photo de famille)",  # a pointer to the picture, with no one credited
        "(photo ci-dessus)",
        "(Ré)ouverture prévue en mai",
    ],
)
def test_a_paragraph_ending_with_other_brackets_is_left_whole(ending):
    text = f"{LONG} {ending}\n\n{P2}"
    assert clean_text(text).text == text


@pytest.mark.parametrize(
    "line",
    [
        "(Re)découvrir la ville à vélo devient une habitude chez les jeunes actifs du quartier.",
        "(De gauche à droite) le maire, la préfète et le président du conseil régional ont coupé le ruban.",
        "(Photographier la ville) est le titre de l'exposition présentée à la médiathèque jusqu'en juin.",
    ],
)
def test_a_body_sentence_that_opens_with_a_bracket_stays(line):
    assert_kept_between(line)


# ---------------------------------------------------------------- agency dispatch codes

CODES = ["MOO/te/APA", "AB/cd/xyz/AFP", "KS/APS", "ZK/ml/MAP"]


@pytest.mark.parametrize("line", CODES)
def test_a_dispatch_code_of_initials_and_agency_is_a_signature(line):
    assert_removed_between(line, "signature")
    assert_removed_at_end(line, "signature")


@pytest.mark.parametrize(
    "text",
    ["12/05/2024", "3/4", "50/50", "1/2", "24/7", "2023/2024", "km/h", "Paris/Dakar", "et/ou", "Oui/Non"],
)
def test_dates_fractions_ratios_and_words_are_no_dispatch_code(text):
    assert DISPATCH_CODE.match(text) is None


@pytest.mark.parametrize(
    "line",
    [
        "Le taux de réussite atteint 3/4 des candidats, contre 1/2 l'an dernier selon le rectorat.",
        "La séance du 12/05/2024 a été reportée à la demande de l'opposition.",
        "Le partage 50/50 des recettes entre l'État et la commune reste contesté par les élus.",
    ],
)
def test_body_lines_with_slashes_stay(line):
    assert_kept_between(line)


# ---------------------------------------------------------------- reader contribution calls

CONTRIBUTION_CALLS = [
    "Notre ligne Telegram. Vous êtes témoin d'un fait divers ? Envoyez-nous vos photos ou vidéos au 5 321 00 44 !",
    "Envoyez-nous vos vidéos au 07 11 22 33 44",
    "Partagez vos photos avec la rédaction",
    "Êtes-vous témoin d'un accident ou d'une scène inhabituelle ?",
    "Faites-nous parvenir vos témoignages par courriel",
]


@pytest.mark.parametrize("line", CONTRIBUTION_CALLS)
def test_a_call_for_the_readers_photos_is_a_prompt(line):
    assert_removed_between(line, "prompt")
    assert_removed_at_end(line, "prompt")


@pytest.mark.parametrize(
    "line",
    [
        "Des habitants ont envoyé leurs photos et vidéos à la rédaction peu après l'explosion.",
        "Plusieurs témoins ont partagé des images de l'incendie sur les réseaux sociaux dans la nuit.",
        "« Envoyez-nous vos photos », a lancé le maire aux habitants du quartier inondé.",
        "Le musée invite les familles à partager leurs photos anciennes pour une exposition.",
    ],
)
def test_prose_reporting_that_photos_were_sent_stays(line):
    assert_kept_between(line)


# ---------------------------------------------------------------- lead-ins to embedded media

MEDIA_LEADS = [
    "Retrouvez les images de cette rencontre :",
    "Découvrez la vidéo :",
    "Regardez notre reportage :",
    "Voir aussi :",
    "Écoutez l'entretien complet :",
    "Revivez le match en images :",
    "Voir la vidéo :",
]


@pytest.mark.parametrize("line", MEDIA_LEADS)
def test_a_short_invitation_to_watch_embedded_media_is_removed(line):
    result = clean_text(between(line))
    assert result.text == f"{P1}\n\n{P2}"
    assert [r.text for r in result.removed] == [line]
    result = clean_text(f"{P1}\n\n{P2}\n\n{line}\n")
    assert result.text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize(
    "line",
    [
        "Le ministre a déclaré :",
        "Voici les chiffres :",
        "Retrouvez ci-dessous les principales mesures du plan :",
        "Découvrez le programme complet du festival :",
        "Le reportage diffusé lundi soir par la télévision publique montre les dégâts :",
        "Regardez bien ces images, a insisté le procureur devant la cour :",
    ],
)
def test_a_line_ending_with_a_colon_that_introduces_body_stays(line):
    assert_kept_between(line)


def test_a_list_under_a_kept_lead_in_stays_a_list():
    text = f"{P1}\n\nRetrouvez ci-dessous les principales mesures :\n\nGratuité\nCantine\nTransport\n\n{P2}"
    result = clean_text(text)
    assert result.removed == ()


# ---------------------------------------------------------------- the site from the host folder


@pytest.mark.parametrize(
    "line, domain, site",
    [
        # the page writes the host as a domain: the site is that domain, as written
        ("(Photos kd/www.echo-des-iles.com)", "echo-des-iles.com", "www.echo-des-iles.com"),
        ("(Photos kd/www.echo-des-iles.com)", "www.echo-des-iles.com", "www.echo-des-iles.com"),
        ("Contact : redaction@echo-des-iles.com", "echo-des-iles.com", "echo-des-iles.com"),
        ("Contact : redaction@echo-des-iles.com", "www.echo-des-iles.com", "echo-des-iles.com"),
        ("Écrivez-nous : Redaction@Echo-des-Iles.com", "echo-des-iles.com", "Echo-des-Iles.com"),
        # another host written in the text does not count: the mention of the outlet does
        ("Selon Echo-des-Iles, relayé par www.autre-journal.com, le chantier avance.", "echo-des-iles.com", "Echo-des-Iles"),
        # an outlet signing its own dispatch with the initials its host begins with
        ("MOO/te/APA", "fr.apanews.net", "APA"),
        ("ZK/ml/MAP", "mapnews.ma", "MAP"),
        # a wire agency's code on another outlet's page names no site
        ("AB/cd/AFP", "fr.apanews.net", None),
        ("MOO/te/APA", "sahel-matin.ne", None),
    ],
)
def test_the_host_written_in_the_page_names_the_site(line, domain, site):
    text = f"Le marché de Bois-Rouge rouvre ses portes\n{P1}\n{P2}\n{line}"
    assert clean_text(text, source_domain=domain).site == site


def test_a_host_written_in_the_page_needs_the_host_folder():
    text = f"Le marché de Bois-Rouge rouvre ses portes\n{P1}\n{P2}\n(Photos kd/www.echo-des-iles.com)"
    assert clean_text(text).site is None


def test_a_site_the_page_states_beats_the_host_written_in_a_credit():
    text = f"Le marché de Bois-Rouge rouvre ses portes\n{P1}\n(Photos kd/www.echo-des-iles.com)\n{P2}\n© 2025 L'Écho des Îles"
    assert clean_text(text, source_domain="echo-des-iles.com").site == "L'Écho des Îles"


# ---------------------------------------------------------------- a byline opening the first paragraph

BYLINES = [
    "Par Jean-Marc Koffi - ",
    "Par Awa Diop – ",
    "PAR Moussa Ould Ahmed — ",
    "Par Hamid Ben Salah \u2011 ",  # the non-breaking hyphen some editors type
]


@pytest.mark.parametrize("byline", BYLINES)
def test_a_byline_before_a_spaced_dash_is_cut_from_the_first_paragraph(byline):
    result = clean_text(f"{byline}{P1}\n\n{P2}")
    assert result.removed == (RemovedLine(0, byline.strip(), "byline"),)
    assert result.text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize(
    "opening",
    [
        "Par ailleurs - ",  # a connective, not a name
        "Par la suite – ",
        "Par Jean Dupont, ",  # no dash: the sentence goes on with the name
    ],
)
def test_a_paragraph_opening_with_par_and_no_name_before_a_dash_stays(opening):
    result = clean_text(f"{opening}{P1}\n\n{P2}")
    assert result.removed == ()
    assert result.text.startswith(opening.strip())


def test_a_byline_and_a_dash_further_down_the_story_stay():
    line = "Par Awa Diop – " + P2
    result = clean_text(f"{P1}\n\n{line}")
    assert result.removed == ()


# ---------------------------------------------------------------- a photo credit glued to a paragraph


@pytest.mark.parametrize("credit", ["Keystone/Jean Dupont", "afp.com/Awa Koné Traoré", "Reuters/Ousmane", "24heures/Marc Zbinden"])
def test_a_photo_credit_glued_to_a_paragraphs_first_word_is_cut_from_it(credit):
    result = clean_text(f"{credit}{P1}\n\n{P2}")
    assert result.removed == (RemovedLine(0, credit, "credit"),)
    assert result.text == f"{P1}\n\n{P2}"
    further = clean_text(f"{P1}\n\n{credit}{P2}")
    assert further.removed == (RemovedLine(2, credit, "credit"),)
    assert further.text == f"{P1}\n\n{P2}"
    # under a caption the paragraph's own line joins
    caption = "Des élèves devant leur école (image d'illustration)."
    joined = clean_text(f"{P1}\n\n{caption}\n{credit}{P2}")
    assert RemovedLine(3, credit, "credit") in joined.removed
    assert credit not in joined.text and P2 in joined.text


@pytest.mark.parametrize(
    "opening",
    [
        "Keystone/Jean Dupont ",  # a space: the sentence may go on with the name
        "Le ratio dette/PIB ",  # a slash inside the sentence
    ],
)
def test_a_slash_and_a_name_followed_by_a_space_stay(opening):
    result = clean_text(f"{opening}{P1}\n\n{P2}")
    assert result.removed == ()


# ---------------------------------------------------------------- a teaser glued to the paragraph after it


@pytest.mark.parametrize(
    "teaser",
    [
        "Lire aussi : Un ultimatum aux propriétaires des parcelles laissées à l'abandon au Burkina Faso",
        "À lire aussi: Le Niger prévoit une récolte record de 40 tonnes de mil en 2016",
        "Voir aussi : WhatsApp change ses règles",  # a capital inside the headline is no glue
    ],
)
def test_a_teaser_glued_to_the_next_paragraphs_first_word_is_cut_from_it(teaser):
    result = clean_text(f"{P1}\n\n{teaser}{P2}")
    assert result.removed == (RemovedLine(2, teaser, "teaser"),)
    assert result.text == f"{P1}\n\n{P2}"


def test_a_teaser_glued_to_a_short_line_goes_whole():
    line = "Lire aussi : Le Niger rouvre sa frontièreLes détails"
    assert_removed_between(line, "teaser")


# ---------------------------------------------------------------- end marks, desk signatures, link labels


@pytest.mark.parametrize("mark", [" FIN", " -FIN-", " /FIN/"])
def test_a_dispatchs_end_mark_after_its_last_sentence_is_cut(mark):
    result = clean_text(f"{P1}\n\n{P2}{mark}")
    assert result.removed == (RemovedLine(2, mark.strip(), "signature"),)
    assert result.text == f"{P1}\n\n{P2}"


def test_fin_inside_the_story_stays():
    assert_kept_between("Le festival prend FIN ce soir.")


def test_initials_and_an_outlet_after_a_slash_sign_the_story_and_name_the_site():
    result = clean_text(f"{P1}\n\n{P2}\n\nHS/Le Courrier du nord\n")
    assert result.removed == (RemovedLine(4, "HS/Le Courrier du nord", "signature"),)
    assert result.site == "Le Courrier du nord"


@pytest.mark.parametrize(
    "line",
    ["Lien permanent: https://exemple-info.net/VetBE", "Pour en savoir plus : www.exemple-info.net/dossier"],
)
def test_a_short_label_and_a_link_alone_is_a_link(line):
    assert_removed_between(line, "url")


def test_a_sentence_ending_with_a_link_stays():
    assert_kept_between("Le rapport complet est en ligne sur le site du ministère : https://exemple.gouv/rapport")


def test_an_icon_name_before_a_photo_credit_is_part_of_the_credit():
    assert_removed_between("photo_camera PHOTO/ARCHIVO - Le roi à l'inauguration de l'usine de Kenitra", "credit")


def test_an_official_source_line_is_a_byline():
    assert_removed_between("📎 Source officielle : ANP – Adoption du budget par l’Assemblée nationale", "byline")


def test_an_outlet_in_lower_case_signing_a_dateline_on_its_own_line():
    result = clean_text(f"Courrier du nord, le 17 novembre 2022.-\n{P1}\n\n{P2}")
    assert result.removed[0] == RemovedLine(0, "Courrier du nord, le 17 novembre 2022.-", "dateline")
    assert result.published == "2022-11-17"
    assert result.text == f"{P1}\n\n{P2}"


def test_a_sentence_before_a_date_and_a_dash_is_no_dateline():
    line = f"Selon le ministre, le 17 novembre 2022 – {P1}"
    result = clean_text(f"{line}\n\n{P2}")
    assert result.removed == ()


def test_an_outlet_glued_to_its_dash_opening_the_story():
    result = clean_text(f"EXEMPLENEWS- {P1}\n\n{P2}")
    assert result.removed == (RemovedLine(0, "EXEMPLENEWS-", "source"),)
    assert result.site == "EXEMPLENEWS"


def test_a_wire_agency_named_as_the_source_is_not_the_site():
    assert clean_text(f"{P1}\n\n{P2}\n\nSource : Sahel Matin\n").site == "Sahel Matin"
    assert clean_text(f"{P1}\n\n{P2}\n\nSource : APS\n").site is None


def test_a_follow_prompt_naming_the_networks_is_a_prompt():
    assert_removed_between("Suivez-nous sur Facebook, Telegram, WhatsApp pour ne rien rater de l'actualité", "prompt")


FIXTURES = [
    "Coupe régionale : le programme des rencontres",
    "Poule A à Garoua : Tchad, Gabon, Congo, Niger",
    "Poule B à Douala : Bénin, Togo, Mali, Ghana",
    "LE PROGRAMME",
    "Samedi 16 janvier à Garoua",
    "16h : Tchad-Gabon",
    "19h : Congo-Niger",
]


def test_a_list_closed_by_the_storys_source_line_is_the_storys():
    listed = "\n\n".join(FIXTURES)
    result = clean_text(f"{P1}\n\n{P2}\n\n{listed}\n\nSource : Le Courrier du nord\n")
    assert result.removed == (RemovedLine(18, "Source : Le Courrier du nord", "byline"),)
    assert all(line in result.text for line in FIXTURES)



@pytest.mark.parametrize("line", ["Taille de police", "Taille du texte", "A+ A-"])
def test_the_text_size_buttons_are_site_furniture(line):
    assert_removed_between(line, "menu")


@pytest.mark.parametrize(
    "headline, title",
    [
        ("DÉPARTEMENT Malgré les difficultés, le budget 2025 bouclé et adopté", "Malgré les difficultés, le budget 2025 bouclé et adopté"),
        ("BURKINA FASO Le gouvernement adopte son budget rectificatif", "Le gouvernement adopte son budget rectificatif"),
        ("ONU Le Conseil de sécurité prolonge la mission", "ONU Le Conseil de sécurité prolonge la mission"),  # an acronym, not a kicker
        ("MACRON dénonce une décision injuste du tribunal", "MACRON dénonce une décision injuste du tribunal"),
    ],
)
def test_a_kicker_in_capitals_before_the_headline_is_not_the_headline(headline, title):
    assert clean_text(f"{headline}\n\n{P1}\n\n{P2}").title == title


@pytest.mark.parametrize(
    "line",
    [
        "Restez informés en vous abonnant à notre chaîne WhatsApp et à notre canal Telegram.",
        "Pour ne rien manquer, rejoignez notre groupe Facebook",
        "Abonnez-vous à notre chaine YouTube",
    ],
)
def test_the_outlets_own_channel_offered_to_the_reader_is_a_prompt(line):
    assert_removed_between(line, "prompt")


def test_a_channel_named_in_a_story_is_body():
    assert_kept_between("Le ministre a annoncé la mesure sur son compte Facebook, suivi par plus de deux cent mille personnes.")


@pytest.mark.parametrize(
    "line",
    ["Ces articles devraient vous intéresser :", "D'autres articles pourraient vous intéresser", "Écouter l'article", "Ecouter l'article"],
)
def test_related_headings_and_the_audio_player_are_site_furniture(line):
    result = clean_text(between(line))
    assert result.text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize(
    "line",
    [
        "- Écoutez l'entrevue avec Awa Diallo, porte-parole du syndicat, à l'émission de Paul Roy via Radio Exemple :",
        "Regardez l'interview du maire de Saint-Anselme",
    ],
)
def test_the_reader_sent_to_an_interview_is_a_prompt(line):
    assert_removed_between(line, "prompt")


@pytest.mark.parametrize(
    "line",
    ["L’intégralité de cet entretien, c’est ici???", "Pour lire la suite, cliquez ici", "Cliquez ici pour télécharger le rapport"],
)
def test_a_link_left_without_its_address_is_a_prompt(line):
    assert_removed_between(line, "prompt")


@pytest.mark.parametrize("line", ["Le problème, c'est ici.", "« Le vrai chantier, c'est ici », a lancé le maire."])
def test_here_in_a_sentence_is_body(line):
    assert_kept_between(line)


@pytest.mark.parametrize("line", ["Publié le , mis à jour", "Publié le", "Mis à jour le"])
def test_a_date_label_whose_dates_are_lost_is_a_dateline(line):
    assert_removed_between(line, "dateline")


@pytest.mark.parametrize("line", ["Awa Koné", "Jean-Marc Dubois", "Fatou Ben Salah", "Marie de Villiers"])
def test_a_name_alone_on_its_line_is_the_authors_signature(line):
    assert_removed_between(line, "signature")


@pytest.mark.parametrize("line", ["Pas de cure minceur", "Les enjeux du budget", "Burkina Faso : les chiffres"])
def test_a_short_subheading_is_not_a_name(line):
    assert_kept_between(line)


def test_a_caption_then_the_same_caption_signed_by_the_photographer_are_captions():
    caption = "Le nouveau marché couvert de Bois-Rouge ?"
    result = clean_text(f"Le marché de Bois-Rouge rouvre ses portes\n\n  • {caption}\n    {caption} Awa Koné\n\n{P1}\n\n{P2}")
    assert [r.reason for r in result.removed] == ["headline", "caption", "caption"]
    assert result.text == f"{P1}\n\n{P2}"


def test_a_headline_printed_last_under_its_lead_is_the_title():
    lead = (
        "Le conseil régional annonce le versement de 12 millions d'euros aux communes sinistrées "
        "pour réparer les routes et les ponts emportés par les crues du mois dernier."
    )
    headline = "Le conseil régional annonce 12 millions d'euros pour les communes sinistrées"
    result = clean_text(f"{lead}\n{headline}\nPublicité\n")
    assert result.title == headline
    assert result.text == lead


def test_a_last_line_unrelated_to_the_lead_is_not_the_title():
    result = clean_text(f"{LONG}\nLes pompiers interviennent sur un feu de forêt\n")
    assert result.title is None


@pytest.mark.parametrize(
    "header, published",
    [
        ("Actualités of Friday, 25 April 2025", "2025-04-25"),
        ("Économie 12 mars 2024", "2024-03-12"),
        ("Published on April 3, 2025", "2025-04-03"),
    ],
)
def test_a_section_filed_under_a_date_is_a_dateline(header, published):
    result = clean_text(f"{header}\n\nLe marché de Bois-Rouge rouvre ses portes\n\n{P1}\n\n{P2}")
    assert result.title == "Le marché de Bois-Rouge rouvre ses portes"
    assert result.published == published
    assert result.removed[0].reason == "dateline"


def test_a_wire_head_between_bars_gives_the_precise_date():
    result = clean_text(f" date 2024-01 Saint-Pierre, France | AFP | jeudi 17/01/2024 - {P1}\n\n{P2}")
    assert result.published == "2024-01-17"
    assert result.text == f"{P1}\n\n{P2}"


def test_a_headline_under_its_lead_above_the_sites_teasers_is_the_title():
    lead = (
        "Le conseil régional annonce le versement de 12 millions d'euros aux communes sinistrées "
        "pour réparer les routes et les ponts emportés par les crues du mois dernier."
    )
    headline = "Le conseil régional annonce 12 millions d'euros pour les communes sinistrées"
    teasers = "\n".join(
        f"{t}\n-\n20 décembre 2025"
        for t in (
            "Bénin : la campagne de vaccination contre la rougeole officiellement lancée dans les écoles",
            "Niger : les exportations de bétail vers le Nigeria reprennent après six mois de fermeture",
        )
    )
    result = clean_text(f"{lead}\n{headline}\nRecevez notre newsletter\n{teasers}\n")
    assert result.title == headline
    assert result.text.startswith(lead)


@pytest.mark.parametrize(
    "masthead, host, site",
    [("eXemple.com NEWS", "news.exemple.com", "eXemple.com"), ("Exemple Infos", "exemple.info", "Exemple Infos")],
)
def test_the_outlet_named_like_its_host_keeps_a_domain_suffix_it_is_written_with(masthead, host, site):
    result = clean_text(f"{masthead}\n\nLe marché de Bois-Rouge rouvre ses portes\n\n{P1}\n\n{P2}", source_domain=host)
    assert result.site == site


@pytest.mark.parametrize("line", ["Le Soleil, Erick Labbé", "Reuters, Jean-Marc Dubois", "L'Écho, Awa Koné Traoré"])
def test_an_outlet_and_its_photographer_alone_on_a_line_are_a_credit(line):
    assert_removed_between(line, "credit")


def test_a_caption_cut_short_with_its_credit_in_brackets_is_no_headline():
    caption = "Le nouveau marché couvert de Bois-Rouge accueillera cent commerçants dès... (Le Courrier, Awa Koné)"
    result = clean_text(f"Le marché de Bois-Rouge rouvre\n\n{caption}\n\n{P1}\n\n{P2}")
    assert result.title == "Le marché de Bois-Rouge rouvre"
    assert [r.reason for r in result.removed] == ["headline", "caption"]


@pytest.mark.parametrize("line", ["(ats/nxp)", "(afp/ld)"])
def test_an_agency_and_desk_initials_in_brackets_are_a_signature(line):
    assert_removed_at_end(line, "signature")


def test_a_byline_with_a_colon_glued_to_par_is_a_byline():
    result = clean_text(f"Le marché de Bois-Rouge rouvre ses portes\n\nPar: Awa Koné\n\n{P1}\n\n{P2}")
    assert [(r.text, r.reason) for r in result.removed][1:] == [("Par: Awa Koné", "byline")]


@pytest.mark.parametrize("line", ["Une ambulance devant l'hôpital de Bois-Rouge (ph)", "Le port de Lomé (Ph.)"])
def test_a_caption_closed_by_a_short_photo_credit_is_a_credit(line):
    assert_removed_between(line, "credit")


def test_ph_opening_a_word_in_brackets_is_no_credit():
    assert_kept_between("Le prix du phosphate a doublé en un an (phosphates bruts)")


def test_the_contact_line_and_the_correspondents_box_are_furniture():
    contact = "- Joindre la rédaction de exemple.com à Lomé : (+228) 90 12 34 56 ou redaction@exemple.com –"
    author = "Koffi correspondant permanent de EXEMPLE au Togo et au Bénin"
    result = clean_text(f"{P1}\n\n{P2}\n\n{author}\n\n{contact}\n")
    assert [r.reason for r in result.removed] == ["author", "contact"]


def test_a_breadcrumb_ending_with_the_headline_cut_short_points_at_the_headline_in_full():
    headline = "Budget 2025 : la commune de Bois-Rouge investit 12 millions dans ses écoles"
    crumb = "AccueilPolitiqueBudget 2025 : la commune de Bois-Rouge investit 12 millions..."
    result = clean_text(f"{crumb}\n\n{headline}\n\n{P1}\n\n{P2}")
    assert result.title == headline
    assert result.text == f"{P1}\n\n{P2}"


def test_a_headline_glued_to_the_standfirst_on_the_first_line_is_cut_from_it():
    head = "Orages violents – La grêle a fait près de 12 millions de dégâts à Bois-Rouge"
    standfirst = (
        "Les assureurs estiment que la facture des orages de ces derniers jours atteindra "
        "un record pour la commune. Le conseil municipal se réunit lundi."
    )
    result = clean_text(f"{head} {standfirst}\n\n{P1}\n\n{P2}")
    assert result.title == head
    assert result.text.startswith(standfirst)


def test_a_first_paragraph_with_a_capitalised_name_inside_is_not_cut():
    result = clean_text(f"{LONG}\n\n{P1}\n\n{P2}")
    assert result.title is None
    assert result.text.startswith(LONG)


@pytest.mark.parametrize(
    "first",
    [
        "Le virus de la dengue frappe La Réunion de plein fouet cette année : plus de 15 000 cas ont été recensés, selon l'agence régionale de santé.",
        "L’ambassadeur des Etats Unis et le premier ministre ont paraphé l’accord qui permettra de soutenir le développement du pays.",
    ],
)
def test_a_lead_with_a_capitalised_place_or_name_inside_is_not_cut(first):
    result = clean_text(f"{first}\n\n{P1}\n\n{P2}")
    assert result.text.startswith(first)


def test_the_agency_and_desk_initials_closing_the_last_paragraph_are_a_signature():
    result = clean_text(f"{P1}\n\n{P2} (ats/nxp)\n")
    assert result.text == f"{P1}\n\n{P2}"
    assert [(r.text, r.reason) for r in result.removed] == [("(ats/nxp)", "signature")]


def test_a_bracket_in_lower_case_ending_a_sentence_is_body():
    text = f"{P1}\n\n{P2} (chiffres provisoires)\n"
    assert clean_text(text).text.endswith("(chiffres provisoires)")


def test_the_lead_cut_short_under_the_headline_is_no_headline():
    headline = "Bois-Rouge : légère hausse des prix au marché"
    snippet = "Une hausse qui se justifie, selon les commerçants, par l'état de la route. Depuis quelques mois, on…"
    result = clean_text(f"{headline}\n\n{snippet}\n\n{P1}\n\n{P2}")
    assert result.title == headline
    assert P1 in result.text


DATED_LIST = [
    "Mondial des clubs : le Sahel FC rejoint les quarts de finale",
    "03/02/2025",
    "Basket : les Lionnes battues à domicile par le Mali",
    "28/01/2025",
    "Lutte : le grand combat de la saison reporté",
    "15/01/2025",
]


def test_headlines_each_followed_by_their_date_to_the_end_are_other_articles():
    page = "\n\n".join(["Le port annonce un trafic record", "12/02/2025", P1, P2, *DATED_LIST])
    result = clean_text(page)
    assert result.text == f"{P1}\n\n{P2}"
    assert result.published == "2025-02-12"
    assert [r.reason for r in result.removed][2:] == ["teaser"] * len(DATED_LIST)


def test_a_dated_list_may_end_with_a_headline_cut_before_its_date():
    page = "\n\n".join([P1, P2, *DATED_LIST, "Football : la finale se jouera à"])
    result = clean_text(page)
    assert result.text == f"{P1}\n\n{P2}"


def test_one_headline_with_its_date_or_a_list_with_prose_after_it_stays():
    one = "\n\n".join([P1, P2, DATED_LIST[0], DATED_LIST[1]])
    assert DATED_LIST[0] in clean_text(one).text
    before_prose = "\n\n".join([P1, *DATED_LIST, P2])
    assert DATED_LIST[0] in clean_text(before_prose).text


ENGLISH_PROMPTS = [
    "Trusted by policy professionals, academics and media in more than forty countries",
    "Starting at just five dollars a month, members receive the premium digest.",
]


def test_english_prompts_closing_a_french_page_below_its_furniture_are_removed():
    page = "\n\n".join([P1, P2, "Partager cet article", *ENGLISH_PROMPTS])
    result = clean_text(page)
    assert result.text == f"{P1}\n\n{P2}"
    assert [r.reason for r in result.removed] == ["share", "footer", "footer"]


def test_an_english_line_quoted_or_right_after_the_story_stays():
    right_after = "\n\n".join([P1, P2, ENGLISH_PROMPTS[0]])
    assert ENGLISH_PROMPTS[0] in clean_text(right_after).text
    quoted = '"Policy professionals and media in forty countries trust it", a minister said.'
    page = "\n\n".join([P1, P2, "Partager cet article", quoted])
    assert quoted in clean_text(page).text


REGIONS = ["Bretagne", "Normandie", "Corse", "Grand Est", "Occitanie"]


def test_a_line_stringing_the_items_of_a_menu_printed_below_is_that_menu():
    page = "\n".join(
        ["Retour", " ".join(REGIONS), *(f"  • {r}" for r in REGIONS), "", "La moisson sera bonne en Normandie", "", P1, "", P2]
    )
    result = clean_text(page)
    assert result.title == "La moisson sera bonne en Normandie"
    assert result.text == f"{P1}\n\n{P2}"


def test_a_headline_naming_some_menu_items_stays_the_headline():
    headline = "Bretagne, Normandie et Corse sous la neige depuis lundi"
    page = "\n".join(["Retour", *(f"  • {r}" for r in REGIONS), "", headline, "", P1, "", P2])
    assert clean_text(page).title == headline


def test_a_dated_byline_is_a_byline_and_dates_the_article():
    byline = "vendredi 16 août 2013 à 18:57 Par Claire Martin, Radio Littoral (Calvados)"
    result = clean_text("\n\n".join(["La moisson sera bonne", byline, P1, P2]))
    assert result.text == f"{P1}\n\n{P2}"
    assert result.published == "2013-08-16"


NEWSLETTER_BLOCK = [
    "Le Matin du Nord : notre sélection",
    "Chaque matin, nos journalistes vous préparent l'essentiel de l'actualité de votre région.",
    "Le Courrier du Nord utilise votre adresse e-mail afin de vous envoyer la newsletter "
    "« Le Matin du Nord : notre sélection ». Vous pouvez vous désinscrire à tout moment.",
]


def test_a_newsletter_name_and_pitch_above_the_sign_up_line_quoting_it_go_with_it():
    block = "\n".join(NEWSLETTER_BLOCK)
    result = clean_text(f"{P1}\n\n{block}\n\n{P2}")
    assert result.text == f"{P1}\n\n{P2}"
    assert [r.reason for r in result.removed] == ["newsletter"] * 3
    # the publisher the notice names is the site
    assert result.site == "Le Courrier du Nord"


def test_a_story_line_between_the_name_and_the_sign_up_line_keeps_the_name():
    name, _, sign_up = NEWSLETTER_BLOCK
    result = clean_text(f"{P1}\n\n{name}\n{P2}\n{sign_up}\n")
    assert P2 in result.text and name in result.text
    assert [r.text for r in result.removed] == [sign_up]


def test_a_pronoun_before_uses_your_address_names_no_site():
    result = clean_text(between("Ce site utilise votre adresse e-mail pour vous envoyer sa newsletter."))
    assert result.site is None


@pytest.mark.parametrize(
    "line",
    [
        "12 mars 2024 2 12 /03 /mars /2024 09:15",  # a blog's date icon printed beside the date
        "https://www.radio-exemple.org jeudi 12 mars 2024 09:15",  # the source's link before its date
    ],
)
def test_a_date_with_its_icon_or_its_source_link_is_a_dateline_and_dates_the_story(line):
    result = clean_text(between(line))
    assert result.removed == (RemovedLine(2, line, "dateline"),)
    assert result.published == "2024-03-12"


def test_a_date_line_dates_the_story_by_its_first_date():
    result = clean_text(between("5 mai 2023 — 28 mai 2023"))
    assert result.published == "2023-05-05"


def test_sidebar_items_whose_labels_were_icons_are_a_menu():
    sidebar = "  • : le-blog-de-kaya\n  • : informations générales sur le Burkina et la sous-région\n  • Contact"
    result = clean_text(f"{P1}\n\n{sidebar}\n\n{P2}")
    assert result.text == f"{P1}\n\n{P2}"
    assert {r.reason for r in result.removed if ":" in r.text} == {"menu"}


def test_a_colon_after_a_bullet_inside_prose_stays():
    line = "Le maire a résumé : « nous n'avons plus d'eau depuis trois semaines et personne ne répond »."
    assert_kept_between(line)


HEADLINE = "Saint-Anselme inaugure enfin sa station de pompage"


def test_a_breadcrumb_without_separators_ending_with_the_headline_is_a_menu():
    result = clean_text(f"Accueil Société Régions {HEADLINE}\n\n{HEADLINE}\n\n{P1}\n\n{P2}")
    assert result.title == HEADLINE
    assert result.text == f"{P1}\n\n{P2}"
    assert [r.reason for r in result.removed][:1] == ["menu"]


def test_a_line_repeating_the_headline_after_other_words_than_home_is_not_a_breadcrumb():
    line = f"Le maire l'a dit samedi : {HEADLINE}"
    result = clean_text(f"{HEADLINE}\n\n{P1}\n\n{line}\n\n{P2}")
    assert line in result.text


def test_a_photo_viewer_button_its_caption_and_credit_are_removed():
    caption = "Le nouveau pont de Saint-Anselme a été ouvert à la circulation samedi matin."
    photo = f"Agrandir\n\n{caption}\n\nLe Courrier du Nord, Jean Tremblay"
    result = clean_text(f"{P1}\n\n{photo}\n\n{P2}")
    assert result.text == f"{P1}\n\n{P2}"
    assert [r.reason for r in result.removed] == ["widget", "caption", "credit"]


def test_a_sentence_after_a_viewer_button_with_no_credit_below_stays():
    caption = "Le nouveau pont de Saint-Anselme a été ouvert à la circulation samedi matin."
    result = clean_text(f"{P1}\n\nAgrandir\n\n{caption}\n\n{P2}")
    assert caption in result.text
    assert [r.reason for r in result.removed] == ["widget"]


def test_an_english_sign_up_pitch_wrapped_after_and_goes_whole():
    pitch = "A WEEKLY EDITION CURATED AND\nPERSONALIZED BY OUR EDITORIAL TEAM\n\nSIGN UP TO OUR NEWSLETTER IN ENGLISH"
    result = clean_text(f"{P1}\n\n{pitch}\n\n{P2}")
    assert result.text == f"{P1}\n\n{P2}"
