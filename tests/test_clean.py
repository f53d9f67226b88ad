"""Boilerplate removal, metadata and text repair on invented French articles."""

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import schema
from pipeline.clean import (
    CleanParams,
    RemovedLine,
    clean_text,
    find_dates,
    params_from_dict,
    repair_text,
    run,
    split_site_suffix,
)

P1 = (
    "Le conseil des ministres a adopté mercredi à Niamey un projet de loi sur la gestion "
    "des ressources en eau, présenté par le ministre de l'Hydraulique."
)
P2 = (
    "Le texte doit encore être examiné par les députés avant la fin de la session budgétaire, "
    "selon le calendrier publié par le secrétariat général du gouvernement."
)


def between(line: str) -> str:
    """`line` as line 2, between two body paragraphs separated by blank lines."""
    return f"{P1}\n\n{line}\n\n{P2}"


# ---------------------------------------------------------------- boilerplate shapes


@pytest.mark.parametrize(
    "line, reason",
    [
        # share buttons and social prompts
        ("Tweet", "share"),
        ("Partager", "share"),
        ("Partagez cet article", "share"),
        ("Partager sur LinkedIn", "share"),
        ("Facebook Twitter WhatsApp E-mail", "share"),
        ("WhatsApp", "share"),
        ("Suivez-nous sur Telegram", "share"),
        ("Cliquez pour partager sur X (ouvre dans une nouvelle fenêtre)", "share"),
        ("Imprimer cet article", "share"),
        ("Écouter l'article", "share"),
        ("0 partage", "share"),
        # teasers
        ("Lire aussi : Le Niger rouvre sa frontière avec le Bénin", "teaser"),
        ("À lire aussi Le port de Cotonou s'agrandit", "teaser"),
        ("VOIR AUSSI Niamey inaugure un pont sur le fleuve", "teaser"),
        ("LIRE AUSSI : Kaya : la route nationale rouverte", "teaser"),
        ("(Lire aussi : Tahoua accueille le salon de l'élevage)", "teaser"),
        ("► À LIRE ÉGALEMENT >> Le riz local gagne du terrain", "teaser"),
        ("Sur le même sujet", "teaser"),
        ("Lire la suite", "teaser"),
        # bylines and article metadata
        ("Par Awa Koné", "byline"),
        ("Par Aïcha Diallo, correspondante à Kindia", "byline"),
        ("PAR IBRAHIM SAWADOGO", "byline"),
        ("Par la rédaction", "byline"),
        ("Publié le 12/03/2024 à 10h32 | Mis à jour le 12/03/2024 à 11h05", "byline"),
        ("Publié le mercredi 4 septembre 2024 | Cabinet du Premier ministre", "byline"),
        (
            "Rubrique Société Dossier Eau Le Niger adopte sa loi sur l'eau Publié le 4 septembre 2024 | Gouvernement",
            "byline",
        ),
        ("Source : ANP", "byline"),
        ("Temps de lecture : 3 min", "byline"),
        ("4 septembre 2024 | Par Awa Koné | 4 min de lecture", "byline"),
        # photo credits
        ("Crédit photo : DR", "credit"),
        ("Crédits : Gazette du Fleuve / Salif Kaboré", "credit"),
        ("© Lomé Éclair", "credit"),
        ("Photo : DR", "credit"),
        ("Photo d'illustration", "credit"),
        ("Le ministre à Niamey, le 3 septembre. /AFP", "credit"),
        ("Le barrage de Kandadji (Photo : Sahel Matin)", "credit"),
        # notices
        ("Ce site utilise des cookies pour améliorer votre expérience de navigation.", "cookie"),
        ("J'accepte", "cookie"),
        ("Tout accepter", "cookie"),
        ("Inscrivez-vous à notre newsletter", "newsletter"),
        ("Recevez chaque matin l'essentiel de l'actualité dans votre boîte mail", "newsletter"),
        ("12 commentaires", "comments"),
        ("Commentaires (4)", "comments"),
        ("Laisser un commentaire", "comments"),
        ("Réagissez à cet article", "comments"),
        ("#Niger #Eau #Hydraulique", "tags"),
        ("Mots-clés : eau, Niger, loi", "tags"),
        ("https://www.sahel-matin.ne/societe/loi-eau-2024", "url"),
        ("www.gazette-du-fleuve.ml", "url"),
        ("© 2024 Sahel Matin. Tous droits réservés.", "copyright"),
        ("Reproduction interdite sans autorisation", "copyright"),
        ("Publicité", "ad"),
        # navigation
        ("Accueil > Politique > Afrique de l'Ouest", "menu"),
        ("Accueil » Économie", "menu"),
        ("Accueil / Afrique / Sahel", "menu"),
        ("J'aime · Commenter · Partager", "menu"),
        ("ACCUEIL | SOCIÉTÉ | ÉCONOMIE | SPORTS | CONTACT", "menu"),
        ("Accueil Actualités Politique Économie Sport Culture", "menu"),
        ("Mentions légales", "menu"),
        # dates and signatures
        ("22.12.2023, 14:05", "dateline"),
        ("Le 14 octobre 2025", "dateline"),
        ("Mardi 12 mars 2024", "dateline"),
        ("Kindia, le 12 mars 2024", "dateline"),
        ("il y a 3 heures", "dateline"),
        ("A.T.", "signature"),
        ("J.-P. D.", "signature"),
        ("— Awa Koné, à Niamey", "signature"),
        ("mk/ab-ts", "signature"),
        # paywall and reader prompts
        ("Contenu réservé aux abonnés premium", "paywall"),
        ("Vous avez atteint votre limite de 3 articles gratuits.", "paywall"),
        ("Offre découverte : 2 € par mois pendant un an", "paywall"),
        ("Vous avez une information ? Contactez-nous.", "prompt"),
        ("Écouter cet article (4 min)", "share"),
        ("Posté par notre correspondant le 3 mai 2024 à 9 h 10", "byline"),
        ("Temps de lecture : 4'", "byline"),
        ("Édition du jeudi 2 mai 2024", "dateline"),
        ("Avec AFP", "signature"),
        ("(AFP)", "signature"),
        # shapes seen on real pages of sites no rule had seen
        ("Republier ce contenu", "share"),
        ("Ton opinion", "comments"),
        ("Votre avis sera publié après validation par la modération.", "prompt"),
        ("• Le 3 mars 2024 à 18:02, par Moussa En réponse à : Le Niger adopte sa loi", "comments"),
        ("Texte par : Awa Koné Suivre 3 mn", "byline"),
        ("(ak/Le Réveil)", "signature"),
        ("2 879", "counter"),
        ("0", "counter"),
        ("S A H E L", "masthead"),
        ("barrage-kandadji-niamey", "caption"),
        ("Le barrage de Kandadji vu du fleuve (photo d'illustration).", "credit"),
        ("Retrouvez toute notre actualité sur notre compte Instagram.", "prompt"),
        ("hydraulique", "tags"),
        ("Économie localeNiger", "tags"),
        ("14 - Octobre - 2025", "dateline"),
        ("2025-10-14T09:12+0100", "dateline"),
        (">> Le riz local gagne du terrain à Tillabéri", "teaser"),
        ("Tahoua : la foire de l'élevage accueille les éleveurs de la région de…", "teaser"),
        ("- Kaya : la route nationale rouverte à la circulation - 3 mars 2024", "teaser"),
        ("Your browser is out of date and may not display all the features of this site.", "notice"),
        ("+ Le Niger rouvre sa frontière avec le Bénin +", "teaser"),
        ("Awa Koné •", "byline"),
        ("A.K. Traoré", "byline"),
        ("Moussa Diallo, ministre de l'Hydraulique", "caption"),
        ("M. Ibrahim SOW, Directeur de la SEEN, la société des eaux.", "caption"),
        ("Des pirogues au débarcadère de Niamey (photo d'archives). AFP/Issouf Sanogo", "credit"),
        ("Vous pouvez republier gratuitement cet article en citant sa source.", "notice"),
        ("Je me nomme Awa Koné, journaliste de formation, passionnée de sport.", "author"),
        ("A lire : Week-end meurtrier dans la région de Tillabéri", "teaser"),
        ("publié le Oct 26, 2018", "dateline"),
        ("mar 17/09/2024 - 10:29", "dateline"),
        ("vendredi 10 mai 2019 | Awa K.", "byline"),
        ("le Quotidien du Sahel en ligne | 01.08.2017 14h54", "byline"),
        ("Please consider supporting us by disabling your ad blocker", "notice"),
        ("Die neuesten Artikel", "notice"),
        ("Frauen fühlen sich politisch weniger gut vertreten und fordern häufiger gezielte Maßnahmen für die Wahl", "notice"),
        ("-", "punctuation"),
        ("Facebook Twitter Google+ Les dernières actualités jeudi 25 avril 2024", "share"),
        ("Moussa de Paul Kaboré, ministre nigérien du Pétrole", "caption"),
        ("par Sofiane M.", "byline"),
        ("La conseillère municipale Awa Koné. FRANK MENTHA", "credit"),
        ("Il n'y a pas encore de commentaire pour cet article", "comments"),
        ("Vous devez vous connecter pour pouvoir ajouter un commentaire", "comments"),
        ("Passer au contenu principal", "menu"),
        ("Close Menu", "menu"),
        ("Merci de vous être inscrit !", "newsletter"),
        ("L'article complet n'est disponible que pour les abonnés.", "paywall"),
        ("CET ARTICLE EST RÉSERVÉ AUX INSCRITS", "paywall"),
        ("Le vieux pont de Niamey attend sa réfection. D. R.", "credit"),
        ("Image d’illustration.", "credit"),
        ("AWA-KONE_2024", "caption"),
        ("jeu, 09. mai. 2019", "dateline"),
        ("mercredi, 26 novembre, 2025", "dateline"),
        ("26 mars 2018 | Lecture : 9 min.", "byline"),
        ("FR | EN", "languages"),
        ("Español English French Kwéyol", "languages"),
        ("/ Sahel Info", "credit"),
        ("Reportage vidéo :", "credit"),
        ("Voyez le reportage de Awa Koné sur ce sujet dans la vidéo de cet article.", "prompt"),
        ("34.2 C", "widget"),
        ("6 min", "byline"),
        ("Votre commentaire a bien été pris en compte, merci.", "comments"),
        ("Ses derniers articles : Le Niger rouvre sa frontière", "teaser"),
    ],
)
def test_boilerplate_line_between_paragraphs_is_removed_with_its_reason(line, reason):
    result = clean_text(between(line))
    assert result.removed == (RemovedLine(2, line, reason),)
    assert result.text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("LFL", "signature"),
        ("M.K", "signature"),
        ("Salif Kaboré", "signature"),
        ("La Rédaction", "byline"),
        ("Politique Économie Faits divers Sport", "menu"),
    ],
)
def test_short_line_after_the_last_paragraph_is_removed(line, reason):
    result = clean_text(f"{P1}\n\n{P2}\n\n{line}\n")
    assert result.removed == (RemovedLine(4, line, reason),)
    assert result.text == f"{P1}\n\n{P2}"


def test_run_of_short_lines_at_the_top_is_a_menu():
    text = "Accueil\nPolitique\nÉconomie\nSport et loisirs\n\n" + P1
    result = clean_text(text)
    assert [(r.line_no, r.reason) for r in result.removed] == [
        (0, "menu"),
        (1, "menu"),
        (2, "menu"),
        (3, "menu"),
    ]
    assert result.text == P1


def test_menu_only_document_is_left_empty():
    assert clean_text("Accueil\nPolitique\nÉconomie\nSport\nContact\n").text == ""


def test_short_lines_introduced_by_a_colon_are_a_list_not_a_menu():
    text = f"{P1}\nLes trois régions concernées :\nTahoua\nAgadez\nDiffa\n{P2}"
    result = clean_text(text)
    assert result.removed == ()
    assert "Tahoua\n\nAgadez\n\nDiffa" in result.text


def test_teaser_heading_takes_the_headlines_listed_under_it():
    text = (
        f"{P1}\n\n{P2}\n\nArticles similaires\n"
        "Kaya : la route nationale rouverte\nLe riz local gagne du terrain à Tillabéri\n"
    )
    result = clean_text(text)
    assert [r.reason for r in result.removed] == ["teaser", "teaser", "teaser"]
    assert result.text == f"{P1}\n\n{P2}"


def test_author_name_next_to_the_byline_date_is_removed_as_byline():
    text = f"Le Niger adopte sa loi sur l'eau\nAwa Koné\n4 septembre 2024\n{P1}"
    result = clean_text(text)
    assert [(r.line_no, r.reason) for r in result.removed] == [
        (0, "headline"),
        (1, "byline"),
        (2, "dateline"),
    ]


def test_a_short_line_printed_twice_is_a_caption_even_with_a_credit_on_one_copy():
    caption = "Des pirogues au quai de pêche de Soumbédioune."
    text = f"{P1}\n\n{caption} (AFP)\n\n{caption}\n\n{P2}"
    result = clean_text(text)
    assert [(r.line_no, r.reason) for r in result.removed] == [(2, "caption"), (4, "caption")]
    assert result.text == f"{P1}\n\n{P2}"


def test_headlines_listed_below_the_last_paragraph_are_teasers():
    text = (
        f"{P1}\n\n{P2}\n\n02:11\nLe Tchad rouvre sa frontière avec le Cameroun après deux ans de fermeture\n01:00\n"
        "Macron reçoit le président ghanéen à l'Élysée pour parler de sécurité au Sahel\n"
    )
    result = clean_text(text)
    assert [r.reason for r in result.removed] == ["dateline", "teaser", "dateline", "teaser"]
    assert result.text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize(
    "tail",
    [
        "Le texte sera examiné en plénière",  # one closing line alone stays
        "Les nouveaux montants\nLe ministre a par ailleurs précisé que les allocations seront versées dans",  # cut short
    ],
)
def test_lines_below_the_last_paragraph_that_are_not_a_headline_list_stay(tail):
    result = clean_text(f"{P1}\n\n{P2}\n\n{tail}\n")
    assert all(r.reason != "teaser" for r in result.removed)


def test_repeated_headline_is_removed_as_duplicate():
    text = f"Le Niger adopte sa loi sur l'eau\n\nLe Niger adopte sa loi sur l'eau\n\n{P1}"
    result = clean_text(text)
    assert [(r.line_no, r.reason) for r in result.removed] == [(0, "headline"), (2, "duplicate_headline")]
    assert result.text == P1


# ---------------------------------------------------------------- body is kept


@pytest.mark.parametrize(
    "line",
    [
        "Une alliance économique et commerciale renforcée",
        "Enjeux et perspectives",
        "Le Niger et le Bénin",
        "Partager les fruits de la croissance",
        "Vladimir Poutine reçoit Assimi Goïta",
        "Trois questions à Aïcha Diallo",
        "Pourquoi maintenant ?",
        "Contexte",
        "Le sommet reprendra lundi.",
        "« Nous irons jusqu'au bout »",
        "Il a refusé de partager ses informations avec la presse.",
        "Lire aussi le rapport de la Banque mondiale permettrait de comprendre l'enjeu.",
        "Voir aussi les recommandations du FMI publiées en mars dernier.",
        "En savoir plus sur le projet, c'est comprendre le pays.",
        "La photo publiée par le ministère a fait le tour des réseaux sociaux.",
        "Par ailleurs, la Banque centrale a maintenu son taux directeur.",
        "Par décret, le président a nommé un nouveau gouverneur.",
        "Publié le 12 mars, le rapport de l'ONU dénonce les violences commises dans le nord du pays.",
        "Le 14 octobre 2025 marque un jalon historique pour les deux pays.",
        "Le 14 octobre 2025, le ministre a inauguré la nouvelle usine.",
        "Les commentaires du ministre ont surpris les observateurs.",
        "Le quotidien a lancé une newsletter hebdomadaire, a annoncé sa directrice.",
        "Un site qui utilise des cookies a été sanctionné par l'autorité.",
        "Imprimer des billets n'est pas une solution, selon l'économiste.",
        "Le prix du kilo passe à 1 500 francs CFA, soit une hausse de 10 %.",
        "Crédit agricole : les taux baissent",
        "Bamako - Niamey : une route très attendue",
        "Source de tensions, la question foncière reste entière.",
        "2024 a été une année record pour le port.",
    ],
)
def test_body_line_between_paragraphs_is_kept_unchanged(line):
    result = clean_text(between(line))
    assert result.removed == ()
    assert result.text == f"{P1}\n\n{line}\n\n{P2}"


def test_subheadings_and_short_paragraphs_one_per_line_are_all_kept():
    text = (
        "Un partenariat en pleine expansion\n"
        f"{P1}\n"
        "Une alliance économique et commerciale renforcée\n"
        "Le texte est court.\n"
        "Enjeux et perspectives\n"
        f"{P2}"
    )
    result = clean_text(text, title_hint=None)
    assert result.title == "Un partenariat en pleine expansion"
    assert result.text.split("\n\n") == [
        P1,
        "Une alliance économique et commerciale renforcée",
        "Le texte est court.",
        "Enjeux et perspectives",
        P2,
    ]


# ---------------------------------------------------------------- metadata


@pytest.mark.parametrize(
    "text, title",
    [
        (f"Le Niger adopte sa loi sur l'eau\n{P1}", "Le Niger adopte sa loi sur l'eau"),
        (f"Le Niger adopte sa loi sur l'eau - sahel-matin.ne\n\n{P1}", "Le Niger adopte sa loi sur l'eau"),
        (f"Le Niger adopte sa loi sur l'eau | Sahel Matin\n\n{P1}", "Le Niger adopte sa loi sur l'eau"),
        (f"Bamako - Niamey : une route très attendue\n\n{P1}", "Bamako - Niamey : une route très attendue"),
        (
            f"Le Niger peut-il garantir l'eau potable à tous ?\n\n{P1}",
            "Le Niger peut-il garantir l'eau potable à tous ?",
        ),
        (
            f"Accueil Politique Faits divers Sport et loisirs Contact\nSOCIÉTÉ\nLe Niger adopte sa loi sur l'eau\n{P1}",
            "Le Niger adopte sa loi sur l'eau",
        ),
        (f"Par Awa Koné\nLe Niger adopte sa loi sur l'eau\n{P1}", "Le Niger adopte sa loi sur l'eau"),
        (
            f" date 2024-09 Le Niger adopte sa loi sur l'eau - sahel-matin.ne\n\n{P1}",
            "Le Niger adopte sa loi sur l'eau",
        ),
        (f"{P1}\n{P2}", None),
        (f" date 2024-09-04 {P1}\n\n{P2}", None),
        (
            f"Le 14 octobre 2025 marque un jalon historique pour les deux pays, liés depuis 1960 par un traité.\n{P2}",
            None,
        ),
        # real-page shapes: a headline cut short, a kicker glued on, a first line printed again glued
        (
            f"Niger : pour désenclaver les régions, plus de 80 milliards serviront à bâtir de …\n{P1}",
            "Niger : pour désenclaver les régions, plus de 80 milliards serviront à bâtir de …",
        ),
        (f"Eau potableLe Niger adopte sa loi sur l'eau\n{P1}", "Le Niger adopte sa loi sur l'eau"),
        (
            f"Loi sur l'eau – 120 forages pour Tillabéri\nPublié\n\nLoi sur l'eau120 forages pour Tillabéri\n\n{P1}",
            "Loi sur l'eau – 120 forages pour Tillabéri",
        ),
        (f" date 2025-11-19 312 visites en ce moment\n{P1}", None),
        (f"CONTACTEZ redaction@sahel-matin.ne\n{P1}", None),
    ],
)
def test_title(text, title):
    assert clean_text(text).title == title


def test_a_teaser_in_brackets_closing_a_paragraph_is_cut_from_it():
    line = f"{P1[:-1]} (lire nos informations sur la loi de l'an dernier)."
    result = clean_text(f"{line}\n\n{P2}")
    assert result.text == f"{P1}\n\n{P2}"
    assert [r.reason for r in result.removed] == ["teaser"]


def test_the_line_under_a_picture_file_name_is_its_caption():
    result = clean_text(f"{P1}\n\nbarrage-kandadji-niger\n\nLe barrage de Kandadji.\n\n{P2}")
    assert [r.reason for r in result.removed] == ["caption", "caption"]
    assert result.text == f"{P1}\n\n{P2}"


def test_an_outlet_prefix_with_a_dash_is_cut_but_a_place_dateline_is_a_dateline():
    outlet = clean_text(f"Sahelnews – {P1}\n{P2}")
    assert outlet.text == f"{P1}\n\n{P2}"
    assert outlet.site == "Sahelnews"
    place = clean_text(f"Niamey – {P1}\n{P2}")
    assert place.site is None


def test_a_date_header_keeps_the_colon_that_ends_its_line():
    result = clean_text(f" date 2024-12 Voici les chiffres clés du budget :\n\n{P1}")
    assert result.text.startswith("Voici les chiffres clés du budget :")


def test_a_breadcrumb_ending_with_the_headline_tells_which_line_is_the_title():
    text = (
        "Le Tchad relance sa filière coton après deux ans de crise\n"
        "Accueil » Le Niger adopte sa loi sur l'eau potable et l'assainissement\n"
        f"Le Niger adopte sa loi sur l'eau potable et l'assainissement\n{P1}\n{P2}"
    )
    result = clean_text(text)
    assert result.title == "Le Niger adopte sa loi sur l'eau potable et l'assainissement"
    assert result.text == f"{P1}\n\n{P2}"


def test_another_headline_printed_twice_is_a_teaser():
    teaser = "Kaya : la route nationale rouverte à la circulation"
    result = clean_text(f"{P1}\n\n{P2}\n\n{teaser}\n{teaser}\n")
    assert [r.reason for r in result.removed] == ["teaser", "teaser"]


def test_a_date_above_the_headline_yields_to_the_articles_own_date():
    text = f"samedi 20 avril 2024\nLe Niger adopte sa loi sur l'eau\nPublié le 01/08/2022\n{P1}\n{P2}"
    assert clean_text(text).published == "2022-08-01"


def test_a_dateline_is_not_joined_to_the_line_below_it():
    result = clean_text(f"Le Niger adopte sa loi sur l'eau\n\nmar 17/09/2024 - 10:29\nlois hydrauliques\n\n{P1}")
    assert result.published == "2024-09-17"
    assert result.text == P1


def test_source_prefix_leaves_the_paragraph():
    result = clean_text(f"Sahel Matin | {P1}\n{P2}")
    assert result.text == f"{P1}\n\n{P2}"
    assert result.removed == (RemovedLine(0, "Sahel Matin |", "source"),)


def test_title_line_is_not_body():
    result = clean_text(f"Le Niger adopte sa loi sur l'eau\n{P1}")
    assert result.text == P1
    assert result.removed == (RemovedLine(0, "Le Niger adopte sa loi sur l'eau", "headline"),)


@pytest.mark.parametrize(
    "text, published",
    [
        (f" date 2025-10-17 {P1}", "2025-10-17"),
        (f" date 2025-06 Le Niger adopte sa loi sur l'eau - sahel-matin.ne\n\n{P1}", "2025-06"),
        (
            f" date 2025-06 Le Niger adopte sa loi sur l'eau\nPublié le lundi 23 juin 2025 | Gouvernement\n{P1}",
            "2025-06-23",
        ),
        (f"Publié le 12/03/2024 à 10h32 | Mis à jour le 13/03/2024 à 11h05\n{P1}", "2024-03-12"),
        (f"Mis à jour le 13/03/2024\n{P1}", "2024-03-13"),
        (f"22.12.2023, 14:05\nLe Niger adopte sa loi sur l'eau\n{P1}", "2023-12-22"),
        (f"Le 14 octobre 2025\n{P1}", "2025-10-14"),
        (f"Le 14 octobre 2025 marque un jalon historique pour les deux pays.\n{P2}", None),
        (f"NIAMEY, 4 mars 2024 (ANP) – {P1}", "2024-03-04"),
        (f"Kindia, 1er février 2024 (AGP) - {P1}", "2024-02-01"),
        (f"{P1}\n{P2}", None),
        (f"Par Awa Koné\n{P1}", None),
        (f"LE RÉVEIL SAHÉLIEN, le 19 Novembre 2024._{P1}", "2024-11-19"),
    ],
)
def test_published(text, published):
    assert clean_text(text).published == published


@pytest.mark.parametrize(
    "text, site",
    [
        (f"Le Niger adopte sa loi sur l'eau - sahel-matin.ne\n\n{P1}", "sahel-matin.ne"),
        (f"Le Niger adopte sa loi sur l'eau | Sahel Matin\n\n{P1}", "Sahel Matin"),
        (f"{P1}\nhttps://www.gazette-du-fleuve.ml/societe/loi-eau\n", "gazette-du-fleuve.ml"),
        (f"{P1}\n© 2024 Le Phare de Kindia - Tous droits réservés", "Le Phare de Kindia"),
        (f"{P1}\nSource : Sahel Matin", "Sahel Matin"),
        (f"{P1}\nSource : ANP", None),  # a wire agency named as the source is not the site either
        (f"{P1}\n© Le Phare de Kindia 2024 | Contact | Publicité", "Le Phare de Kindia"),
        (f"https://www.pharedekindia.gn/eco/bauxite\n{P1}\n© 2024 Le Phare de Kindia", "Le Phare de Kindia"),
        (f"GAZETTE DU FLEUVE\nMopti : le port fluvial rouvre aux pinasses\n{P1}", "Gazette du Fleuve"),
        (f"NIAMEY, 4 mars 2024 (ANP) – {P1}", None),  # a wire agency is the source, not the site
        (f"{P1}\nhttps://www.facebook.com/sahelmatin\n", None),
        (f"Bamako - Niamey : une route très attendue\n\n{P1}", None),
        (f"{P1}\n{P2}", None),
        (f"{P1}\n\n{P2}\n\n(ak/Le Réveil)", "Le Réveil"),
        (f"{P1}\n\n{P2}\n\n(ats/ac)", None),  # initials only
        (f"Sahel Matin | {P1}\n{P2}", "Sahel Matin"),
        (f"14 mars 2024\nLe Phare de Kindia (Kindia)\nPar Awa Koné\n{P1}\n{P2}", "Le Phare de Kindia"),
        (f"LE RÉVEIL SAHÉLIEN, le 19 novembre 2024 – {P1}\n{P2}", "Le Réveil Sahélien"),
        (f"{P1}\n\n{P2}\n\n➤Suivez-nous sur Sahel Matin via notre chaîne WhatsApp", "Sahel Matin"),
        (f"Le Niger adopte sa loi sur l'eau\nTexte par : ORTN Suivre 3 mn\n{P1}\n{P2}", "ORTN"),
        (f"Le Niger adopte sa loi sur l'eau\nPar AFP\n{P1}\n{P2}", None),  # an agency is the source
        (f"Ressources hydrauliques\nLe Niger adopte sa loi sur l'eau\n{P1}\n{P2}", None),  # a kicker
        (f"(Sahel Matin Info) – {P1}\n{P2}", "Sahel Matin Info"),
        (f"{P1}\n\nle Quotidien du Sahel en ligne | 01.08.2017 14h54\n\n{P2}", "Quotidien du Sahel en ligne"),
        (f"Camon 40 Banner\nLe Niger adopte sa loi sur l'eau\n{P1}\n{P2}", None),  # an advertising banner
    ],
)
def test_site(text, site):
    assert clean_text(text).site == site


@pytest.mark.parametrize(
    "prefix",
    [
        "NIAMEY, 4 mars 2024 (ANP) –",
        "Kindia (Guinée), 3 mai 2024 (AGP) -",
        "Niamey, le 4 mars 2024 -",
        "MARADI (ANP) -",
        "NIAMEY —",
    ],
)
def test_wire_dateline_prefixes_are_stripped(prefix):
    result = clean_text(f"{prefix} {P1}\n{P2}")
    assert result.text == f"{P1}\n\n{P2}"
    assert result.removed == (RemovedLine(0, prefix, "dateline"),)


def test_masthead_names_the_site_and_the_slogan_is_not_the_title():
    text = (
        "LE PHARE DE KINDIA\n"
        "L'info de la Basse-Guinée\n"
        "Accueil | Politique | Économie | Sport\n"
        "Guinée : la bauxite de Boké prend la route de la Chine\n"
        f"{P1}\n"
    )
    result = clean_text(text)
    assert result.title == "Guinée : la bauxite de Boké prend la route de la Chine"
    assert result.site == "Le Phare de Kindia"
    assert [(r.line_no, r.reason) for r in result.removed] == [
        (0, "masthead"),
        (1, "masthead"),
        (2, "menu"),
        (3, "headline"),
    ]
    assert result.text == P1


def test_masthead_with_slogan_on_one_line():
    text = f"La Gazette du Fleuve - L'actualité de Mopti\nMopti : le port fluvial rouvre aux pinasses\n{P1}"
    result = clean_text(text)
    assert (result.title, result.site) == (
        "Mopti : le port fluvial rouvre aux pinasses",
        "La Gazette du Fleuve",
    )


@pytest.mark.parametrize(
    "text, title",
    [
        # a kicker much shorter than the headline is not the title
        (
            f"Politique régionale\nLe Niger et le Bénin rouvrent leur frontière commune\n{P1}",
            "Le Niger et le Bénin rouvrent leur frontière commune",
        ),
        # a standfirst without final period comes after the headline
        (
            f"Le Niger adopte sa loi sur l'eau\nLes députés saluent un texte attendu depuis quinze ans\n{P1}",
            "Le Niger adopte sa loi sur l'eau",
        ),
        # an agency name under the headline is a byline
        (
            f"Le Niger adopte sa loi sur l'eau\nAgence Nigérienne de Presse\n{P1}",
            "Le Niger adopte sa loi sur l'eau",
        ),
    ],
)
def test_title_among_several_short_lines(text, title):
    result = clean_text(text)
    assert result.title == title
    assert result.text.endswith(P1)
    assert title not in result.text


def test_agency_name_under_the_headline_is_removed_as_byline():
    result = clean_text(f"Le Niger adopte sa loi sur l'eau\nAgence Nigérienne de Presse\n{P1}")
    assert result.removed[1] == RemovedLine(1, "Agence Nigérienne de Presse", "byline")


def test_site_suffix_known_from_the_copyright_line_is_stripped():
    text = f"Le port bat un record — Lomé Éclair\n{P1}\n© 2024 Lomé Éclair — lome-eclair.tg"
    result = clean_text(text)
    assert (result.title, result.site) == ("Le port bat un record", "Lomé Éclair")


def test_headline_repeated_with_a_site_suffix_is_a_duplicate_that_names_the_site():
    text = f"Le port bat un record\nLe port bat un record - Lomé Éclair\n{P1}"
    result = clean_text(text)
    assert [r.reason for r in result.removed] == ["headline", "duplicate_headline"]
    assert (result.title, result.site) == ("Le port bat un record", "Lomé Éclair")


def test_short_lines_below_the_closing_boilerplate_are_footer():
    result = clean_text(f"{P1}\n{P2}\nPartager cet article\nRestons en contact\n")
    assert [r.reason for r in result.removed] == ["share", "footer"]


def test_wire_dateline_is_stripped_from_the_first_paragraph():
    result = clean_text(f"NIAMEY, 4 mars 2024 (ANP) – {P1}\n{P2}")
    assert result.text == f"{P1}\n\n{P2}"
    assert result.removed == (RemovedLine(0, "NIAMEY, 4 mars 2024 (ANP) –", "dateline"),)


def test_date_header_followed_by_body_keeps_the_body():
    result = clean_text(f" date 2025-10-17 {P1}\n\nUne alliance renforcée\n\n{P2}")
    assert result.text == f"{P1}\n\nUne alliance renforcée\n\n{P2}"
    assert result.title is None
    assert result.removed == (RemovedLine(0, "date 2025-10-17", "date_header"),)


def test_date_header_followed_by_headline_gives_title_date_and_site():
    text = f" date 2025-06 Kaya–Dori : des accords pour l'eau, la route et l'énergie - le-courrier-de-kaya.bf\n\n{P1}"
    result = clean_text(text)
    assert (result.title, result.published, result.site) == (
        "Kaya–Dori : des accords pour l'eau, la route et l'énergie",
        "2025-06",
        "le-courrier-de-kaya.bf",
    )
    assert [r.reason for r in result.removed] == ["date_header", "headline"]
    assert result.text == P1


def test_hints_fill_fields_the_text_does_not_state():
    result = clean_text(
        f"{P1}\n{P2}",
        title_hint="Le Niger adopte sa loi sur l'eau | Sahel Matin",
        published_hint="2024-09-04T08:30:00+00:00",
        site_hint="sahel-matin.ne",
    )
    assert (result.title, result.published, result.site) == (
        "Le Niger adopte sa loi sur l'eau",
        "2024-09-04",
        "Sahel Matin",
    )
    assert result.text == f"{P1}\n\n{P2}"


def test_text_wins_over_hints_and_the_hinted_headline_line_is_removed():
    result = clean_text(
        f"Le Niger adopte sa loi sur l'eau\nPublié le 5 septembre 2024\n{P1}",
        title_hint="Le Niger adopte sa loi sur l'eau",
        published_hint="2024-01-01",
        site_hint="sahel-matin.ne",
    )
    assert result.published == "2024-09-05"
    assert result.site == "sahel-matin.ne"
    assert result.removed[0] == RemovedLine(0, "Le Niger adopte sa loi sur l'eau", "headline")


def test_a_more_precise_hint_refines_the_text_date():
    result = clean_text(f" date 2024-09 {P1}", published_hint="2024-09-04")
    assert result.published == "2024-09-04"


@pytest.mark.parametrize(
    "text, isos",
    [
        ("lundi 23 juin 2025", ["2025-06-23"]),
        ("le 1er février 2024", ["2024-02-01"]),
        ("12/03/2024 et 2024-03-13", ["2024-03-12", "2024-03-13"]),
        ("22.12.2023, 14:05", ["2023-12-22"]),
        ("en juin 2025", ["2025-06"]),
        ("31/02/2024", []),
        ("les années 2020-2025", []),
    ],
)
def test_find_dates(text, isos):
    assert [d.iso for d in find_dates(text)] == isos


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Le port bat un record - lome-eclair.tg", ("Le port bat un record", "lome-eclair.tg")),
        ("Le port bat un record | Lomé Éclair", ("Le port bat un record", "Lomé Éclair")),
        (
            "Lomé - Ouagadougou : le corridor s'améliore",
            ("Lomé - Ouagadougou : le corridor s'améliore", None),
        ),
        ("Le port bat un record", ("Le port bat un record", None)),
        ("Économie | Le port de Lomé bat un record", ("Économie | Le port de Lomé bat un record", None)),
    ],
)
def test_split_site_suffix(title, expected):
    assert split_site_suffix(title) == expected


# ---------------------------------------------------------------- text repair


@pytest.mark.parametrize(
    "text, expected",
    [
        ("La coopÃ©ration Ã©conomique", "La coopération économique"),
        ("lâ€™Ã©nergie", "l’énergie"),
        ("25\u00a0000 tonnes", "25 000 tonnes"),
        ("25\u202f000 tonnes", "25 000 tonnes"),
        ("Il a dit\u00a0: «\u202fnon\u202f»", "Il a dit : « non »"),
        ("  trop    d'espaces\t ici ", "trop d'espaces ici"),
        ("Rosatom &amp; partenaires", "Rosatom & partenaires"),
        # correct French stays as written
        ("L’État, « cœur » de l’Œuvre, naïf Noël", "L’État, « cœur » de l’Œuvre, naïf Noël"),
        ('Il a dit "oui" à 30 °C', 'Il a dit "oui" à 30 °C'),
    ],
)
def test_repair_text(text, expected):
    assert repair_text(text) == expected


def test_mojibake_and_no_break_spaces_are_repaired_in_the_body():
    result = clean_text("Moscou a livrÃ©\u00a025\u00a0000 tonnes de blÃ© Ã  Bamako.")
    assert result.text == "Moscou a livré 25 000 tonnes de blé à Bamako."


def test_soft_wrapped_lines_of_one_paragraph_are_joined():
    text = (
        "La société a collecté plus de 370 000 tonnes de coton-graine lors de la campagne,\n"
        "selon un communiqué publié jeudi à Garoua. Les producteurs de la région\n"
        "du Nord saluent une hausse du prix d'achat.\n"
        "\n"
        "Le directeur a rappelé la hausse des prix mondiaux et la baisse du coût\n"
        "des engrais socio-\n"
        "économiques.\n"
    )
    result = clean_text(text)
    assert result.text == (
        "La société a collecté plus de 370 000 tonnes de coton-graine lors de la campagne, "
        "selon un communiqué publié jeudi à Garoua. Les producteurs de la région "
        "du Nord saluent une hausse du prix d'achat.\n\n"
        "Le directeur a rappelé la hausse des prix mondiaux et la baisse du coût "
        "des engrais socio-économiques."
    )


def test_lines_ending_a_sentence_stay_separate_paragraphs():
    result = clean_text(f"{P1}\n{P2}\nIls voteront jeudi.")
    assert result.text.split("\n\n") == [P1, P2, "Ils voteront jeudi."]


# ---------------------------------------------------------------- a whole article


ARTICLE = """\
Accueil Actualités Société Économie Sports Culture Contact

SOCIÉTÉ
Le Niger adopte sa loi sur l'eau | Sahel Matin
Par Awa Koné
Publié le 04/09/2024 à 10h15 | Mis à jour le 04/09/2024 à 18h02
Partager sur Facebook
WhatsApp

NIAMEY, 4 septembre 2024 (ANP) – Le conseil des ministres a adopté mercredi un projet de loi sur la gestion des ressources en eau.

Crédit photo : Sahel Matin / Salif Kaboré

Un texte attendu
Le texte prévoit la création de 25\u00a0000 points d'eau d'ici 2030, a précisé le ministre.
À lire aussi : Tillabéri : les forages reprennent
Les députés doivent l'examiner avant la fin de la session.

Mots-clés : eau, Niger, loi
3 commentaires
© 2024 Sahel Matin - Tous droits réservés
A.K.
"""


def test_whole_article():
    result = clean_text(ARTICLE)
    assert result.title == "Le Niger adopte sa loi sur l'eau"
    assert result.published == "2024-09-04"
    assert result.site == "Sahel Matin"
    assert result.text == (
        "Le conseil des ministres a adopté mercredi un projet de loi sur la gestion des ressources en eau.\n\n"
        "Un texte attendu\n\n"
        "Le texte prévoit la création de 25 000 points d'eau d'ici 2030, a précisé le ministre.\n\n"
        "Les députés doivent l'examiner avant la fin de la session."
    )
    assert [(r.line_no, r.reason) for r in result.removed] == [
        (0, "menu"),
        (2, "menu"),
        (3, "headline"),
        (4, "byline"),
        (5, "byline"),
        (6, "share"),
        (7, "share"),
        (9, "dateline"),
        (11, "credit"),
        (15, "teaser"),
        (18, "tags"),
        (19, "comments"),
        (20, "copyright"),
        (21, "signature"),
    ]
    lines = ARTICLE.split("\n")
    assert all(lines[r.line_no].strip().startswith(r.text) for r in result.removed)


# ---------------------------------------------------------------- params and the stage


def test_thresholds_come_from_params():
    text = f"{P1}\n\n{P2}\n\nSalif Kaboré"
    assert clean_text(text).removed[0].reason == "signature"
    assert clean_text(text, CleanParams(signature_max_words=1)).removed[0].reason == "menu"
    run_text = "Politique\nÉconomie\nSociété\n\n" + P1
    assert len(clean_text(run_text).removed) == 3
    assert clean_text(run_text, CleanParams(menu_run_min_lines=4, menu_min_cap_ratio=1.1)).removed == ()


def test_params_from_dict_reads_the_nested_section_and_casts():
    params = params_from_dict({"clean": {"title_max_words": "18", "menu_min_cap_ratio": 0.75}})
    assert params.title_max_words == 18
    assert params.menu_min_cap_ratio == 0.75
    assert params.byline_max_words == CleanParams().byline_max_words
    assert params_from_dict({"title_max_words": 18}) == params_from_dict({"clean": {"title_max_words": 18}})


def test_params_from_dict_rejects_unknown_keys():
    with pytest.raises(ValueError, match="menu_max_ratio"):
        params_from_dict({"clean": {"menu_max_ratio": 0.3}})


def _ingested(rows: list[dict]) -> pd.DataFrame:
    base = {
        "sha256": "0" * 64,
        "encoding": "utf-8",
        "format": "text",
        "html_title": None,
        "html_published": None,
        "html_site": None,
        "language": "fr",
    }
    return pd.DataFrame([{**base, **row} for row in rows], columns=schema.INGESTED.names)


def test_run_maps_documents_and_rejects_empty_ones():
    ingested = _ingested(
        [
            {"doc_id": "b_menu", "source": "b_menu.txt", "raw_text": "Accueil\nPolitique\nSport\nContact\n"},
            {"doc_id": "a_article", "source": "sub/a_article.txt", "raw_text": ARTICLE},
            {
                "doc_id": "c_html",
                "source": "c_html.html",
                "raw_text": f"{P1}\n{P2}",
                "format": "html",
                "html_title": "Le Niger adopte sa loi sur l'eau",
                "html_published": "2024-09-04",
                "html_site": "Sahel Matin",
            },
        ]
    )
    cleaned, removed, rejects = run(CleanParams(), ingested)
    assert list(cleaned["doc_id"]) == ["a_article", "c_html"]
    assert cleaned.loc[1, ["title", "published", "site"]].tolist() == [
        "Le Niger adopte sa loi sur l'eau",
        "2024-09-04",
        "Sahel Matin",
    ]
    assert rejects.to_dict("records") == [
        {"source": "b_menu.txt", "reason": "empty after cleaning: no body text left"}
    ]
    assert list(removed["doc_id"]) == sorted(removed["doc_id"])
    article_lines = removed[removed["doc_id"] == "a_article"]["line_no"].tolist()
    assert article_lines == sorted(article_lines) and len(article_lines) == 14
    for frame, table_schema in (
        (cleaned, schema.CLEANED),
        (removed, schema.REMOVED),
        (rejects, schema.REJECTS),
    ):
        assert pa.Table.from_pandas(frame, schema=table_schema, preserve_index=False).num_rows == len(frame)


# ---------------------------------------------------------------- shapes from sites never seen before


@pytest.mark.parametrize(
    "line, reason",
    [
        # a photo caption whose end is a credit
        ("Le ministère des Finances, à Dakar. Photo : XY/Archives", "credit"),
        ("Vue aérienne du port autonome de Lomé – Photo : Studio K", "credit"),
        ("Des vendeuses au marché central de Kaya (Photo AFP)", "credit"),
        ("Le port de Lomé. © Studio K", "credit"),
        ("Le président reçu au palais, le 3 mars. Crédit photo : Présidence/Archives", "credit"),
        ("Une patrouille près de Gao. Photo d'archives", "credit"),
        ("Des pirogues sur le fleuve à Mopti / Ph. : Salif Kaboré", "credit"),
        # "Name for Outlet" and "Rédaction Outlet" bylines
        ("Aminata Touré pour Sahel Matin", "byline"),
        ("Moussa Ould Cheikh, pour Le Phare de Kindia", "byline"),
        ("Rédaction Sahel Matin", "byline"),
        ("La rédaction de L'Écho du Fleuve", "byline"),
        # URL lines behind a symbol or an emoji
        ("🔗 https://exemple.info/2025/03/03/un-article/", "url"),
        ("➜ www.exemple.com/abc", "url"),
        ("▶️https://kaya-matin.bf/societe/eau", "url"),
        ("👉 Lien : https://www.exemple.info/un-article", "url"),
        # news tickers
        ("Flash info : Football – le club change d'entraîneur ● Météo : fortes pluies attendues", "teaser"),
        ("Dernière minute ▸ Reprise des cours à l'université", "teaser"),
        ("EN DIRECT | Suivez la séance", "teaser"),
        ("BREAKING – Le Parlement vote la loi de finances", "teaser"),
        ("Urgent : coupure d'eau à Niamey ce week-end", "teaser"),
        (
            "Transport : grève des taxis lundi • Santé : campagne de vaccination • Sport : le Mena qualifié",
            "teaser",
        ),
        (
            "Coupe d'Afrique : les Étalons en demi-finale ▪ Bourse : la BRVM recule ▪ Météo : vent de sable",
            "teaser",
        ),
        # donation, notification and channel prompts
        ("Soutenez le journalisme indépendant. Faire un don", "prompt"),
        ("🔔 Activez les notifications pour ne rien manquer", "prompt"),
        ("Abonnez-vous à notre chaîne WhatsApp", "prompt"),
        ("Rejoignez notre chaîne Telegram pour suivre l'actualité en continu", "prompt"),
        ("Téléchargez notre application pour lire nos articles hors ligne", "prompt"),
        ("Aidez-nous à rester libres : faites un don !", "prompt"),
        # a date with a time and an outlet byline
        ("Mardi 9 septembre 2025 - 10:45 | Rédaction Sahel Hebdo", "byline"),
        ("09/09/2025 10h45 • Aminata Touré pour Sahel Hebdo", "byline"),
        # reading tool bars
        ("Taille du texte A- A+ | Imprimer | Envoyer à un ami", "share"),
        ("Imprimer · PDF · Partager", "share"),
        ("A+ A- Imprimer E-mail", "share"),
        ("Imprimer | Télécharger en PDF | Envoyer par e-mail", "share"),
    ],
)
def test_boilerplate_shape_from_an_unseen_site_is_removed(line, reason):
    result = clean_text(between(line))
    assert result.removed == (RemovedLine(2, line, reason),)
    assert result.text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize(
    "line",
    [
        "En Flandre, la N-VA reste en tête",
        "Une facture qui s'alourdit",
        "Urgences saturées à l'hôpital de Kaya",
        "Le direct de la séance a été suivi par des milliers d'internautes.",
        "La photo : un symbole pour toute une génération",
        "Photographier la ville, un métier",
        "Le ministre a invité les entreprises à faire un don au fonds de solidarité.",
        "Moussa Diallo pour la présidence du conseil",
        "Pour Sahel Matin, c'est une victoire du droit.",
        "Une rédaction sous pression",
        "Dernière ligne droite pour le budget",
        "Flash-ball : la police mise en cause",
        "Le rapport publié par l'institut (photo) a fait réagir les syndicats du secteur minier.",
        "Les résultats sont disponibles sur le site www.ceni.ne depuis lundi soir.",
        "Un Oui Massif pour Bruxelles",
        "Amnesty International (AI) – l'ONG dénonce des arrestations",
        "24 h",
        # capitalised subheadings right between two paragraphs, with a comma or a figure
        "Vlaams Belang 22 %, N-VA 24 %",
        "Kolwezi, Likasi, Lubumbashi Sous Tension",
    ],
)
def test_body_line_from_an_unseen_site_is_kept(line):
    result = clean_text(between(line))
    assert result.removed == ()
    assert result.text == f"{P1}\n\n{line}\n\n{P2}"


@pytest.mark.parametrize(
    "text, site",
    [
        (f"Le Niger adopte sa loi sur l'eau\nAminata Touré pour Sahel Matin\n{P1}", "Sahel Matin"),
        (
            f"Le Niger adopte sa loi sur l'eau\nPar Aminata Touré, pour L'Écho du Fleuve\n{P1}",
            "L'Écho du Fleuve",
        ),
        (f"Le Niger adopte sa loi sur l'eau\nRédaction Sahel Matin\n{P1}", "Sahel Matin"),
        (f"{P1}\n{P2}\nLa rédaction de Kaya Matin\n", "Kaya Matin"),
        # an agency is the source, not the site
        (f"Le Niger adopte sa loi sur l'eau\nPar Awa Koné pour AFP\n{P1}", None),
        # a site stated by the title suffix ranks above the byline
        (
            f"Le Niger adopte sa loi sur l'eau | Niger Infos\nAminata Touré pour Sahel Matin\n{P1}",
            "Niger Infos",
        ),
    ],
)
def test_outlet_byline_names_the_site(text, site):
    assert clean_text(text).site == site


def test_date_header_with_time_and_outlet_byline_gives_date_and_site():
    text = (
        f"Mardi 9 septembre 2025 - 10:45 | Rédaction Sahel Hebdo\nLe port de Lomé bat un record\n{P1}\n{P2}"
    )
    result = clean_text(text)
    assert (result.title, result.published, result.site) == (
        "Le port de Lomé bat un record",
        "2025-09-09",
        "Sahel Hebdo",
    )
    assert [(r.line_no, r.reason) for r in result.removed] == [(0, "byline"), (1, "headline")]
    assert result.text == f"{P1}\n\n{P2}"


def test_url_behind_an_emoji_names_the_site():
    assert (
        clean_text(f"{P1}\n{P2}\n🔗 https://www.kaya-matin.bf/2025/03/03/un-article/\n").site
        == "kaya-matin.bf"
    )


@pytest.mark.parametrize(
    "prefix",
    [
        "CONAKRY, 3 mars (AGP) –",
        "NOUAKCHOTT (Agence) —",
        "DAKAR, 12 février 2025 -",
        "Conakry (AGP) –",
        "BOBO-DIOULASSO, le 3 mars 2025 (AIB) :",
        "ABIDJAN, 03/03/2025 (AIP) —",
    ],
)
def test_wire_dateline_after_a_standfirst_is_stripped(prefix):
    standfirst = "Les exportations de bauxite ont progressé de 12 % en un an."
    text = f"La Guinée exporte plus de bauxite\n{standfirst}\n{prefix} {P1}\n{P2}"
    result = clean_text(text)
    assert result.title == "La Guinée exporte plus de bauxite"
    assert result.text == f"{standfirst}\n\n{P1}\n\n{P2}"
    assert result.removed[-1] == RemovedLine(2, prefix, "dateline")


@pytest.mark.parametrize(
    "text",
    [
        f"Le port bat un record\nLe port de Lomé. © Studio K\nLOMÉ (ATOP) – {P1}\n{P2}",
        f"Le port bat un record\nÉcouter l'article\nLOMÉ, 3 mars (ATOP) – {P1}\n{P2}",
    ],
)
def test_wire_dateline_below_other_boilerplate_is_stripped(text):
    result = clean_text(text)
    assert result.title == "Le port bat un record"
    assert result.text == f"{P1}\n\n{P2}"
    assert result.removed[-1].reason == "dateline"


def test_wire_dateline_on_its_own_line_is_not_the_title():
    result = clean_text(f"Le port bat un record\nNOUAKCHOTT (Agence) —\n{P1}\n{P2}")
    assert result.title == "Le port bat un record"
    assert result.removed[1] == RemovedLine(1, "NOUAKCHOTT (Agence) —", "dateline")
    assert result.text == f"{P1}\n\n{P2}"


def test_wire_dateline_inside_the_body_is_left_alone():
    line = "KAYA (AIB) – La seconde réunion se tiendra à Kaya, a ajouté le gouverneur de la région."
    result = clean_text(f"{P1}\n{P2}\n{line}")
    assert result.text == f"{P1}\n\n{P2}\n\n{line}"


@pytest.mark.parametrize(
    "text, published",
    [
        (f"CONAKRY, 3 mars 2025 (AGP) – {P1}", "2025-03-03"),
        # a wire date without year takes it from a less precise date of the page
        (f" date 2025 Le port bat un record\nCONAKRY, 3 mars (AGP) – {P1}", "2025-03-03"),
        (f"Le port bat un record\nMars 2025\nCONAKRY, 3 mars (AGP) – {P1}", "2025-03-03"),
        (f"Le port bat un record\nCONAKRY, 3 mars (AGP) – {P1}", None),
        # the byline's publication date is better than the wire date
        (
            f"Le port bat un record\nCONAKRY, 3 mars 2025 (AGP) – {P1}\n{P2}\nPublié le 4 mars 2025",
            "2025-03-04",
        ),
    ],
)
def test_wire_dateline_date_serves_when_nothing_better_exists(text, published):
    assert clean_text(text).published == published


def test_news_ticker_above_the_headline_is_not_the_title():
    text = (
        "Flash info : Football – le club change d'entraîneur ● Météo : fortes pluies attendues\n"
        "KAYA MATIN\n"
        "Accueil | Politique | Économie | Sport\n"
        "Le port sec de Kaya ouvre ses portes aux transporteurs\n"
        "Par Awa Koné\n"
        f"{P1}\n{P2}"
    )
    result = clean_text(text)
    assert result.title == "Le port sec de Kaya ouvre ses portes aux transporteurs"
    assert result.removed[0].reason == "teaser"
    assert result.text == f"{P1}\n\n{P2}"


@pytest.mark.parametrize(
    "ticker",
    [
        "Dernière minute ▸ Reprise des cours à l'université de Ouagadougou",
        "EN DIRECT | Suivez la séance plénière de l'Assemblée nationale",
        "URGENT — Coupure générale d'électricité dans la capitale ce soir",
    ],
)
def test_ticker_line_is_never_the_title(ticker):
    result = clean_text(f"{ticker}\nLe Niger adopte sa loi sur l'eau\n{P1}")
    assert result.title == "Le Niger adopte sa loi sur l'eau"
    assert result.removed == (
        RemovedLine(0, ticker, "teaser"),
        RemovedLine(1, "Le Niger adopte sa loi sur l'eau", "headline"),
    )


RELATED = (
    "Kinshasa : les embouteillages du boulevard du 30 Juin s'aggravent",
    "Kolwezi : la production de cobalt en hausse de 12 %",
    "Matadi : le port modernise ses quais pour les porte-conteneurs",
    "Le gouvernement lance 500 logements sociaux à Lubumbashi",
)


@pytest.mark.parametrize(
    "heading",
    [
        "Articles récents",
        "Derniers articles",
        "Les plus lus",
        "Sur le même sujet :",
        "Dans la même rubrique",
        "Dans la même catégorie",
        "À voir aussi",
        "Nos derniers articles",
        "Les articles les plus lus",
        "À ne pas manquer",
        "Autres actualités",
    ],
)
def test_related_headlines_under_a_heading_after_the_body_are_teasers(heading):
    text = f"Le port de Matadi bat un record\n{P1}\n{P2}\n{heading}\n" + "\n".join(RELATED)
    result = clean_text(text)
    assert result.text == f"{P1}\n\n{P2}"
    assert [r.reason for r in result.removed] == ["headline"] + ["teaser"] * 5


def test_long_related_list_with_dates_is_teaser_and_its_dates_are_not_the_publication_date():
    headlines = [*RELATED * 3, "Faut-il craindre une pénurie de carburant à Goma ?"]
    items = [f"{headline} ({n})\n{n} mars 2025" for n, headline in enumerate(headlines, start=1)]
    text = (
        f"Le port de Matadi bat un record\nPublié le 20 février 2025\n{P1}\n{P2}\nLes plus lus\n"
        + "\n".join(items)
    )
    result = clean_text(text)
    assert result.text == f"{P1}\n\n{P2}"
    assert result.published == "2025-02-20"
    assert {r.reason for r in result.removed[3:]} == {"teaser"}


def test_related_list_stops_at_the_next_prose_paragraph():
    comment = "Ce projet de port aurait dû être lancé il y a dix ans, écrit un lecteur de Matadi."
    text = f"{P1}\n{P2}\nSur le même sujet\n{RELATED[0]}\n{RELATED[1]}\n{comment}"
    result = clean_text(text)
    assert result.text == f"{P1}\n\n{P2}\n\n{comment}"


@pytest.mark.parametrize(
    "page",
    [
        # a captioned photo between the paragraphs
        "Élections : la N-VA en tête\n{P1}\nUn bureau de vote à Anvers. Photo : Belga/Archives\n{sub}\n{P2}",
        # a ticker above, a related list below
        "EN DIRECT | Suivez les résultats\nÉlections : la N-VA en tête\n{P1}\n{sub}\n{P2}\nLes plus lus\n"
        + "\n".join(RELATED),
        # the first paragraph carries the wire dateline
        "Élections : la N-VA en tête\nBRUXELLES, 9 juin (Belga) – {P1}\n\n{sub}\n\n{P2}",
        # a share bar and a byline between the paragraphs
        "Élections : la N-VA en tête\n{P1}\nPartager\n{sub}\nAminata Touré pour Sahel Matin\n{P2}",
    ],
)
@pytest.mark.parametrize("sub", ["En Flandre, la N-VA reste en tête", "Une facture qui s'alourdit"])
def test_subheading_between_prose_paragraphs_is_kept(page, sub):
    result = clean_text(page.format(P1=P1, P2=P2, sub=sub))
    assert f"\n\n{sub}\n\n{P2}" in result.text
    assert result.title != sub


@pytest.mark.parametrize("sub", ["En Flandre, la N-VA reste en tête", "Une facture qui s'alourdit"])
def test_subheading_after_a_short_exclamation_is_not_the_title(sub):
    result = clean_text(f"Ils ont voté !\n{sub}\n{P2}")
    assert result.title == "Ils ont voté !"
    assert result.text == f"{sub}\n\n{P2}"


# ---------------------------------------------------------------- tables of figures

ROWS = ["Nord : 12 400 tonnes", "Centre : 9 150 tonnes", "Sud-Est : 3 020 tonnes", "Total : 24 570 tonnes"]


def test_a_table_of_figures_closing_the_article_stays_in_the_body():
    result = clean_text("Récolte d'arachide : les chiffres par région\n\n" + P1 + "\n\n" + "\n".join(ROWS) + "\n")
    for row in ROWS:
        assert row in result.text


def test_a_table_of_figures_alone_under_its_headline_is_the_article():
    result = clean_text("Récolte d'arachide : les chiffres par région\n\n" + "\n\n".join(ROWS) + "\n\nSource : ministère.\n")
    assert result.text.split("\n\n") == ROWS


def test_short_lines_without_figures_after_the_body_are_still_furniture():
    menu = ["Politique", "Économie", "Société", "Sport"]
    result = clean_text(P1 + "\n\n" + P2 + "\n\n" + "\n".join(menu) + "\n")
    assert not any(item in result.text.split("\n\n") for item in menu)


def test_two_figure_rows_are_not_a_table():
    result = clean_text(f"{P1}\n\n{P2}\n\nPartager\n\nLikes : 12\nVues : 1 204\n")
    assert "Likes : 12" not in result.text


@pytest.mark.parametrize(
    "source, domain",
    [
        ("sahel-matin.ne/2025/03/un-article.txt", "sahel-matin.ne"),
        ("www.kaya-matin.bf/a.txt", "www.kaya-matin.bf"),
        ("pages/Le-Soleil.SN/a.txt", "le-soleil.sn"),
        ("2025/06/01/index.html", None),
        ("sahel-matin.ne.txt", None),
        ("lomé/a.txt", None),
    ],
)
def test_source_domain_is_the_folder_named_like_a_host(source, domain):
    from pipeline.clean import source_domain

    assert source_domain(source) == domain


@pytest.mark.parametrize(
    "mention, domain, site",
    [
        ("Selon des documents parvenus à Sahelmatin, le projet avance.", "sahelmatin.ne", "Sahelmatin"),
        ("Le Courrier du Fleuve (avec agences)", "lecourrierdufleuve.ml", "Le Courrier du Fleuve"),
        ("Djoliba-Express avec Radio Kayes", "ledjoliba-express.com", "Djoliba-Express"),
        ("Comme l'écrivait la «Gazette de Kindia» mardi, le budget augmente.", "gdk.gn", "Gazette de Kindia"),
        ("© SAHEL24 / Amadou Diallo", "sahel24.bf", "SAHEL24"),
        ("[Kibaru] --- Les paysans de la vallée ont semé.", "kibaru.ml", "Kibaru"),
        ("le podcast kibaru du lundi", "kibaru.ml", "kibaru"),
        ("Les vergers de la Casamance donnent peu cette année.", "lacasamance.sn", None),
        ("Les vergers de Casamance donnent peu cette année.", "lacasamance.sn", None),
        ("Les vergers de la Casamance donnent peu.", "fr.casamance-news.sn", None),
    ],
)
def test_a_mention_spelling_the_source_host_names_the_site(mention, domain, site):
    text = f"Le port de Lomé bat un record\n{P1}\n{mention}\n{P2}"
    result = clean_text(text, source_domain=domain)
    assert result.site == site
    assert clean_text(text).site is None  # only the host makes the mention a site


def test_a_site_the_text_names_by_its_own_lines_beats_the_host_mention():
    text = f"Le port de Lomé bat un record\n{P1}\nSelon Sahelmatin, le projet avance.\n{P2}\n© 2025 Niger Infos"
    assert clean_text(text).site == "Niger Infos"
    assert clean_text(text, source_domain="sahelmatin.ne").site == "Niger Infos"


def test_run_reads_the_host_from_the_source_folder():
    mention = "Selon des documents parvenus à Sahelmatin, le projet avance."
    ingested = _ingested(
        [
            {"doc_id": "a", "source": "sahelmatin.ne/a.txt", "raw_text": f"{P1}\n{mention}\n{P2}"},
            {"doc_id": "b", "source": "b.txt", "raw_text": f"{P2}\n{mention}\n{P1}"},
        ]
    )
    cleaned, _, _ = run(CleanParams(), ingested)
    sites = cleaned.set_index("doc_id")["site"]
    assert sites["a"] == "Sahelmatin"
    assert pd.isna(sites["b"])


def test_the_author_s_name_alone_above_the_byline_is_the_author_box():
    text = f"Le port de Lomé bat un record\n{P1}\nAwa Koné Traoré\nPar Awa Koné Traoré\n{P2}"
    result = clean_text(text)
    assert "Awa Koné" not in result.text
    assert {(r.line_no, r.reason) for r in result.removed} >= {(2, "byline"), (3, "byline")}


def test_a_name_that_no_byline_signs_stays_in_the_body():
    text = f"Le port de Lomé bat un record\n{P1}\nAwa Koné Traoré\nPar Moussa Diarra\n{P2}"
    assert (2, "byline") not in {(r.line_no, r.reason) for r in clean_text(text).removed}


def test_a_teaser_heading_glued_to_its_headlines_is_a_teaser():
    headlines = (
        "Le Niger rouvre sa frontière avec le Bénin après un an de fermeture  "
        "La Guinée relance son chemin de fer minier vers le port de Conakry  "
        "Le Togo signe un accord gazier avec le Ghana pour dix ans"
    )
    text = f"Le port de Lomé bat un record\n{P1}\n{P2}\nSes derniers articles: {headlines}"
    result = clean_text(text)
    assert (3, "teaser") in {(r.line_no, r.reason) for r in result.removed}
    assert result.text == f"{P1}\n\n{P2}"


def test_a_long_comment_form_prompt_quoting_the_headline_is_removed():
    prompt = (
        "Vous souhaitez ajouter un commentaire à l'article Le port de Lomé bat un record : les volumes "
        "de conteneurs ont doublé en un an malgré la crise, ou faire profiter de votre expérience les "
        "autres lecteurs, ajoutez votre commentaire et il sera mis en ligne après validation par notre équipe"
    )
    text = f"Le port de Lomé bat un record\n{P1}\n{P2}\n{prompt}"
    result = clean_text(text)
    assert (3, "comments") in {(r.line_no, r.reason) for r in result.removed}


_REPAIR_PIECES = [
    *"abcdeéèêàâçôûùîïëüœ ÉÀÇÎ’«»–—…°€$%.,;:!?()'\"\u00a0\u202f",
    "Ã©", "Ã¨", "Â ", "â€™", "Ã ", "&amp;", "&#233;", "ﬁ", "\x1b[31m", "\x07", "e\u0301", "\u0085", "×²", "\r", "\n", "\r\n",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_REPAIR_PIECES), max_size=60).map("".join))
def test_repairing_a_whole_text_equals_repairing_each_line(text):
    """The one look at the whole text that spares ftfy's calls never changes a line's repair."""
    from pipeline.clean import repair_lines

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert repair_lines(text) == [repair_text(line) for line in lines]
