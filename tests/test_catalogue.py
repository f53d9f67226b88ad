"""A catalogue of awkward inputs, one `dvc repro` over all of them: each ends where the contract says.

Every entry of CATALOGUE is one file of the input folder, how it is written (bytes,
text in an encoding, or a symlink) and where it must end: a `documents` row with the
doc_id (and, where it matters, duplicate_of, title, encoding and words of its text), or a
`rejects` row whose reason starts as given. The whole-corpus checks come after.
"""

import gzip
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pandas as pd
import pytest
import yaml

from tests.conftest import TABLES, copy_repo, dvc, read_outputs

INBOX = "inbox"
MAX_BYTES = 200_000
SPAN_TABLES = ("sentences", "entities", "amounts")


@dataclass(frozen=True)
class Text:
    """A file written as `text` in `encoding` (Python codec name; "utf-16" writes a BOM)."""

    text: str
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Bytes:
    data: bytes


@dataclass(frozen=True)
class Link:
    """A symlink to `target`, a path relative to the repository copy, outside the input folder."""

    target: str
    text: str


@dataclass(frozen=True)
class Kept:
    """A `documents` row: its doc_id, what it nearly repeats, and what its text must (not) hold."""

    doc_id: str
    duplicate_of: str | None = None
    title: str | None = None
    contains: tuple[str, ...] = ()
    lacks: tuple[str, ...] = ()
    language: str = "fr"
    encoding: str | None = None  # as data/ingest/ingested.parquet records it


@dataclass(frozen=True)
class Rejected:
    reason: str  # what the reason starts with


@dataclass(frozen=True)
class Case:
    path: str  # relative to the input folder
    written: Text | Bytes | Link
    expected: Kept | Rejected


# ---------------------------------------------------------------- invented texts

PLAIN = (
    "Bamako : la régie de l'eau étend son réseau aux quartiers de la rive droite\n\n"
    "La Société malienne de gestion de l'eau potable a lancé lundi à Bamako les travaux d'un "
    "nouveau réseau de distribution qui doit desservir 40 000 foyers des quartiers de Sénou et de "
    "Yirimadio. Le directeur général, Moussa Diarra, a rappelé que ces familles s'approvisionnent "
    "aujourd'hui à des bornes-fontaines souvent éloignées.\n\n"
    "Le chantier, financé par un prêt de 12 milliards de francs CFA, prévoit la pose de 85 km de "
    "canalisations et la construction de deux châteaux d'eau. Les premiers branchements sont "
    "attendus avant la fin de l'année, selon la direction de la régie.\n"
)

SAME_STEM_TXT = (
    "Kaolack : les producteurs d'arachide réclament un prix plancher\n\n"
    "Réunis samedi à Kaolack, les représentants de plusieurs coopératives du bassin arachidier ont "
    "demandé au gouvernement sénégalais de fixer un prix plancher de 325 francs CFA le kilogramme "
    "avant l'ouverture de la campagne de commercialisation.\n"
)

SAME_STEM_HTML = [
    "Le conseil des ministres a adopté mercredi à Cotonou un projet de loi qui encadre la vente "
    "des terres agricoles aux investisseurs étrangers, une réforme réclamée par les associations "
    "paysannes depuis plusieurs années.",
    "Le texte limite à 500 hectares la surface qu'une même société peut acquérir et oblige "
    "l'acheteur à consulter les chefs de village avant toute transaction.",
]

DATED_1 = [
    "La mairie de Saint-Louis a inauguré dimanche la nouvelle passerelle piétonne qui relie l'île "
    "au quartier de Sor, fermée depuis l'effondrement de l'ancienne structure en 2023.",
    "L'ouvrage de 180 mètres a coûté 2,3 milliards de francs CFA, a précisé le maire, Mansour "
    "Faye, devant plusieurs centaines d'habitants venus assister à la cérémonie.",
]

DATED_2 = [
    "Les pêcheurs de Guet Ndar ont observé lundi une journée sans sortie en mer pour protester "
    "contre la hausse du prix du carburant, qui a atteint 775 francs CFA le litre cette semaine.",
    "Leur collectif demande au ministère de la Pêche de rétablir la subvention supprimée en "
    "janvier et menace de prolonger le mouvement jusqu'à la fin du mois.",
]

DEEP = (
    "Dakar : le port autonome bat son record de conteneurs\n\n"
    "Le port autonome de Dakar a traité 850 000 conteneurs en 2024, un record depuis sa création, "
    "a annoncé jeudi sa direction générale. La hausse tient surtout au trafic de transit vers le "
    "Mali, qui a progressé de 18 % sur un an malgré les difficultés du corridor routier.\n"
)

ACCENTED_NAME = (
    "Abidjan : l'été des récoltes de cacao s'annonce difficile\n\n"
    "Les planteurs ivoiriens redoutent une baisse de 15 % de la récolte intermédiaire de cacao, "
    "après un mois de juillet très sec dans les régions de Soubré et de Daloa, selon le Conseil du "
    "café-cacao, qui publiera ses estimations définitives en septembre.\n"
)

UPPER_TXT = (
    "NIAMEY : LA CAPITALE NIGÉRIENNE INSTALLE 300 LAMPADAIRES SOLAIRES\n\n"
    "La ville de Niamey a commencé à installer 300 lampadaires solaires le long de la route de "
    "l'aéroport, a indiqué mardi la direction des services techniques de la mairie. Le programme "
    "doit s'étendre aux grands carrefours de la capitale d'ici au mois de décembre.\n"
)

UPPER_HTM = [
    "Le festival des musiques urbaines d'Anoumabo a réuni plus de 60 000 spectateurs pendant cinq "
    "jours, un chiffre jamais atteint selon ses organisateurs, qui préparent déjà l'édition suivante.",
    "La ministre de la Culture, Françoise Remarck, a promis une aide de l'État pour agrandir la "
    "grande scène installée sur les berges de la lagune Ébrié.",
]

UTF16 = (
    "Antananarivo : la Jirama annonce la fin des délestages\n\n"
    "La compagnie publique d'eau et d'électricité de Madagascar a annoncé la fin des coupures de "
    "courant programmées dans la capitale à partir du 1er juillet, grâce à la mise en service d'une "
    "centrale solaire de 40 mégawatts à Ambatolampy.\n"
)

CP1252 = (
    "Yaoundé : l’œuvre d’un sculpteur camerounais vendue 90 000 €\n\n"
    "Une sculpture en bronze de l’artiste camerounais Hervé Mbarga a été adjugée 90 000 € lors "
    "d’une vente aux enchères organisée à Douala, au cœur d’un marché de l’art africain en plein "
    "essor, a indiqué la maison de ventes dans un communiqué.\n"
)

BOM_CRLF = (
    "Conakry : la rentrée scolaire repoussée d'une semaine\r\n\r\n"
    "Le ministère guinéen de l'Enseignement pré-universitaire a repoussé au 7 octobre la rentrée "
    "des classes,\r\nen raison des inondations qui ont endommagé une centaine d'écoles dans les "
    "préfectures de Kindia et de Boké.\r\n"
)

MOJIBAKE_SOURCE = (
    "Lomé : la société civile réclame une enquête indépendante\n\n"
    "Plusieurs associations togolaises ont demandé mercredi une enquête indépendante sur la "
    "gestion des fonds destinés aux sinistrés des inondations de septembre, estimés à 3 milliards "
    "de francs CFA par le ministère de l'Action sociale.\n"
)
# UTF-8 bytes read once as latin-1 and saved again: "é" became "Ã©"
MOJIBAKE = MOJIBAKE_SOURCE.encode("utf-8").decode("latin-1")

ENGLISH = (
    "Accra port expansion draws record investment\n\n"
    "The Ghana Ports and Harbours Authority said on Tuesday that the second phase of the Tema "
    "container terminal would open next year, after private investors committed more than 400 "
    "million dollars to the project. The new quay is expected to double the number of vessels "
    "the port can handle each week and to cut waiting times for importers, who have complained "
    "for years about congestion and high storage fees.\n\n"
    "Officials told reporters that the expansion would create about two thousand permanent jobs "
    "in the port and in the logistics companies around it. Truck drivers, however, warned that "
    "the roads leading to the terminal were already overloaded and that the government had not "
    "yet explained how it would finance the new motorway promised during the election campaign. "
    "The authority said that a rail link to the inland depot at Boankra was also being studied "
    "and that a final decision would be announced before the end of the year.\n"
)

ARABIC = (
    "الجزائر تطلق مشروعا جديدا لتحلية مياه البحر\n\n"
    "أعلنت وزارة الموارد المائية يوم الأحد عن إطلاق مشروع جديد لتحلية مياه البحر في ولاية وهران، "
    "بطاقة إنتاج تصل إلى ثلاثمائة ألف متر مكعب يوميا. وقال الوزير إن المحطة الجديدة ستوفر المياه "
    "الصالحة للشرب لأكثر من مليون ساكن في المدن الساحلية، وإن الأشغال ستبدأ في الخريف المقبل "
    "وتستمر مدة عامين.\n\n"
    "وأضاف أن الحكومة تعمل على تقليص الاعتماد على المياه الجوفية والسدود التي تأثرت بسنوات الجفاف "
    "المتتالية، وأن مشاريع مماثلة ستنجز في ولايات أخرى من الشرق والغرب خلال السنوات القادمة.\n"
)

SPANISH = (
    "Malabo inaugura un nuevo mercado central\n\n"
    "El ayuntamiento de Malabo inauguró el sábado un nuevo mercado central que reúne a más de "
    "seiscientos vendedores en un edificio cubierto, después de tres años de obras y varios "
    "retrasos causados por la falta de materiales. El alcalde explicó que el antiguo mercado, "
    "construido hace más de cuarenta años, ya no cumplía las normas de higiene ni de seguridad.\n\n"
    "Los comerciantes recibieron la noticia con alivio, aunque muchos se quejaron del precio de "
    "los nuevos puestos, que consideran demasiado alto para las familias que viven de la venta "
    "de pescado y de verduras. La alcaldía prometió una rebaja durante los primeros seis meses.\n"
)

ENGLISH_QUOTE = (
    "Kigali : un investisseur britannique défend son projet d'usine de batteries\n\n"
    "En visite mardi à Kigali, le directeur d'un fonds d'investissement britannique a présenté "
    "aux autorités rwandaises son projet d'usine d'assemblage de batteries pour motos électriques, "
    "qui doit employer 350 personnes dans la zone économique spéciale de la capitale.\n\n"
    "Interrogé sur le calendrier, il a répondu en anglais : « We have chosen Rwanda because the "
    "rules are clear, the power supply is reliable and the young engineers we met are ready to "
    "work with us from the very first day. We expect the first batteries to leave the factory "
    "before the end of next year, and we hope to sell them across the whole region. »\n\n"
    "Le ministère du Commerce a confirmé que l'accord serait signé en juin, après l'examen du "
    "dossier par l'Office rwandais de développement.\n"
)

BRIEF = (
    "Dosso : la route nationale 1 coupée par les pluies près de Birni N'Gaouré.\n"
    "La circulation doit reprendre mardi, selon la gendarmerie.\n"
)

REGIONS = ("Boucle du Mouhoun", "Hauts-Bassins", "Cascades", "Centre-Ouest", "Est")


def figure_rows(tonnes: tuple[int, ...]) -> str:
    """One "Région : N tonnes" line per region, then the total, as a table pasted as text.

    Each table of the catalogue has its own figures and folder: rows of one shape
    (digits folded) in two documents of one folder are that folder's furniture.
    """
    rows = [f"{region} : {n:,} tonnes".replace(",", " ") for region, n in zip(REGIONS, tonnes)]
    return "\n".join([*rows, f"Total : {sum(tonnes):,} tonnes".replace(",", " ")]) + "\n"


# a table alone under its heading
FIGURES = (
    "Production de coton par région, campagne 2024-2025\n\n"
    + figure_rows((182_000, 151_500, 64_200, 38_900, 21_300))
    + "\nSource : Société burkinabè des fibres textiles.\n"
)
# a lead paragraph, then the table closing the article
FIGURES_AFTER_LEAD = (
    "Production de maïs par région, campagne 2024-2025\n\n"
    "Le ministère de l'Agriculture a publié lundi les chiffres de la récolte de maïs, en hausse "
    "dans toutes les régions productrices du pays.\n\n"
    + figure_rows((410_000, 388_200, 120_700, 97_400, 143_800))
)
# the table between two paragraphs of prose
FIGURES_INSIDE = (
    "Sorgho : le Burkina Faso dépasse ses prévisions\n\n"
    "Les services statistiques agricoles ont publié vendredi les premières estimations de la "
    "récolte de sorgho, supérieures aux prévisions dans quatre régions sur cinq.\n\n"
    + figure_rows((255_000, 201_300, 88_600, 176_900, 230_100))
    + "\nLa campagne suivante doit commencer en mai, a précisé le ministère dans son communiqué.\n"
)

INVISIBLE = (
    "\u200eBamako : le gou\u00advernement du Ma\u00adli relance le rail\u200f\n\n"
    "Le gou\u00advernement du Ma\u00adli a signé jeudi un accord avec un groupe inter\u200bnational "
    "pour remettre en service la ligne ferroviaire entre Bamako et Kayes,\u200bKita et la frontière "
    "sénégalaise,\tfermée depuis 2018.\f"
    "Les travaux\ufeff dureront trois ans et coûteront 450 milliards de francs CFA, a précisé le "
    "ministre des Transports, \u202bMadina Sissoko\u202c, qui parle d'un \u2066projet prioritaire\u2069.\n"
)

RESPACED_ORIGINAL = (
    "Lomé : le port sec d'Adétikopé ouvre aux transporteurs sahéliens\n\n"
    "La plateforme logistique d'Adétikopé, à une vingtaine de kilomètres au nord de Lomé, a "
    "accueilli lundi ses premiers camions venus du Burkina Faso et du Niger. Le gouvernement "
    "togolais espère y traiter 200 000 conteneurs par an d'ici à 2027.\n\n"
    "Selon le ministre de l'Économie maritime, Edem Kokou Tengué, le port sec doit désengorger "
    "les quais de Lomé et réduire de deux jours le temps de passage des marchandises en transit. "
    "Les transporteurs réclament toutefois une baisse des frais de stationnement, jugés trop "
    "élevés par leurs syndicats.\n"
)

WIRE_BODY = (
    "Niger : une récolte de coton en hausse attendue\n\n"
    "Niamey, 14 mai 2025 – Le Niger prévoit de récolter 25 000 tonnes de coton graine lors de la "
    "campagne 2025-2026, soit une hausse de 12 % par rapport à l'an dernier, a annoncé mardi à "
    "Niamey le ministre de l'Agriculture, Ibrahim Maïga, devant les représentants des producteurs.\n\n"
    "Selon le ministère, la hausse tient d'abord à l'extension des surfaces cultivées dans les "
    "régions de Dosso et de Tahoua, où les coopératives ont reçu cette année des semences "
    "améliorées et des engrais subventionnés. Les paysans de la vallée du fleuve ont aussi profité "
    "d'une saison des pluies plus régulière que prévu.\n\n"
    "« Nous voulons que chaque village producteur puisse vendre sa récolte à un prix juste et "
    "connu à l'avance », a déclaré le ministre, qui a fixé le prix d'achat au producteur à 300 "
    "francs CFA le kilogramme, contre 280 francs la saison précédente.\n\n"
    "La Société nigérienne des textiles, principale acheteuse, compte relancer deux usines "
    "d'égrenage fermées depuis 2019 à Gaya et à Birni N'Konni. Leur remise en état coûtera 4,5 "
    "milliards de francs CFA, financés pour moitié par la Banque ouest-africaine de développement.\n\n"
    "Les syndicats agricoles saluent l'annonce mais restent prudents. Ils rappellent que les "
    "paiements de la dernière campagne ont parfois tardé de plusieurs mois, poussant certains "
    "producteurs à vendre leur coton à des intermédiaires venus du Nigeria voisin.\n\n"
    "Le gouvernement promet cette fois un paiement sous trente jours et la publication mensuelle "
    "des volumes achetés dans chaque région. Un comité de suivi réunissant l'État, les égreneurs "
    "et les organisations paysannes se réunira à Maradi avant la fin du mois de juin.\n\n"
    "{last}\n"
)
WIRE_LAST_A = "Les premiers marchés de coton doivent ouvrir en octobre, après les récoltes de mil et de sorgho."
WIRE_LAST_B = "Les premières ventes auront lieu en octobre dans les marchés de Gaya et de Dosso, ont ajouté les égreneurs."

GZIPPED = (
    "Ouagadougou : la Sonabel met en service une ligne vers Koudougou\n\n"
    "La Société nationale d'électricité du Burkina a mis en service une ligne à haute tension de "
    "95 km entre Ouagadougou et Koudougou, qui doit mettre fin aux coupures répétées dans la ville "
    "pendant la saison chaude, selon un communiqué publié vendredi.\n"
)

LINK_TARGET = (
    "Libreville : la Gabon Oil Company rachète un champ pétrolier\n\n"
    "La compagnie pétrolière nationale gabonaise a finalisé le rachat d'un champ en mer au large de "
    "Port-Gentil pour 135 millions de dollars, a annoncé mercredi le ministère du Pétrole, qui "
    "compte porter la production du pays à 250 000 barils par jour.\n"
)

MISNAMED_HTML = [
    "Les douanes camerounaises ont saisi vendredi au port de Kribi 14 tonnes de bois d'ébène "
    "exportées sans autorisation, a indiqué la direction générale des douanes à Yaoundé.",
    "Le chargement était déclaré comme du contreplaqué, selon les agents qui ont inspecté les "
    "conteneurs avant leur embarquement vers l'Asie.",
]

HTML_NAVIGATION_ONLY = (
    "<!DOCTYPE html><html><head><title>Le Journal du Fleuve</title></head><body>"
    "<nav><ul><li><a href='/'>Accueil</a></li><li><a href='/politique'>Politique</a></li>"
    "<li><a href='/economie'>Économie</a></li><li><a href='/sport'>Sport</a></li></ul></nav>"
    "<footer><a href='/contact'>Contact</a> <a href='/mentions'>Mentions légales</a> "
    "© 2025 Le Journal du Fleuve</footer></body></html>"
)
HTML_PICTURES_ONLY = (
    "<!DOCTYPE html><html><head><title>Galerie | Le Journal du Fleuve</title></head><body>"
    "<nav><a href='/'><img src='/logo.png' alt='Le Journal du Fleuve'></a></nav>"
    "<div class='gallery'><img src='/photos/crue-1.jpg'><img src='/photos/crue-2.jpg'></div>"
    "<footer><a href='/contact'>Contact</a></footer></body></html>"
)

OVERSIZED = (PLAIN + "\n") * (300_000 // len(PLAIN.encode("utf-8")) + 1)

MENU_ONLY = "Accueil\nPolitique\nÉconomie\nSociété\nSport\nCulture\nContact\n"

TOWNS = ("Ségou", "Mopti", "Sikasso", "Kayes", "Koutiala", "Gao", "Tombouctou", "Kita", "San", "Bougouni")
CROPS = ("mil", "sorgho", "riz", "maïs", "coton", "arachide", "niébé")


def long_line(n_chars: int) -> str:
    """French prose on one line, no newline at all, varied so no two sentences are equal."""
    sentences = []
    i = 0
    while sum(map(len, sentences)) < n_chars:
        town, crop = TOWNS[i % len(TOWNS)], CROPS[i % len(CROPS)]
        sentences.append(
            f"À {town}, la coopérative numéro {i + 1} a livré {120 + i} tonnes de {crop} au marché "
            f"régional, une récolte que les anciens du village jugent meilleure que celle de l'an passé."
        )
        i += 1
    return " ".join(sentences)


def html_page(title: str, site: str, paragraphs: list[str], published: str) -> str:
    """An article page with its navigation, share bar and footer around the story."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{title} | {site}</title>"
        f"<meta property='og:site_name' content='{site}'>"
        f"<meta property='article:published_time' content='{published}'></head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/politique'>Politique</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<div class='share'>Partager sur Facebook | Twitter | WhatsApp</div>"
        f"<footer>© 2025 {site}, tous droits réservés</footer></body></html>"
    )


def respaced(text: str) -> str:
    """The same words with other spacing: doubled spaces, lines wrapped inside paragraphs, CRLF."""
    paragraphs = []
    for paragraph in text.strip().split("\n\n"):
        words = paragraph.split(" ")
        lines = [" ".join(words[k : k + 9]) for k in range(0, len(words), 9)]
        paragraphs.append("\r\n".join(line.replace(", ", ",  ") for line in lines))
    return "  " + "\r\n\r\n\r\n".join(paragraphs) + "\r\n\r\n"


def gzipped(text: str) -> bytes:
    return gzip.compress(text.encode("utf-8"), mtime=0)


def zip_bytes() -> bytes:
    """What a word processor saves: a zip archive of XML parts."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<?xml version='1.0'?><Types/>")
        archive.writestr("word/document.xml", "<w:document><w:body>Rapport annuel</w:body></w:document>")
    return buffer.getvalue()


def noise(n: int) -> bytes:
    """Deterministic bytes that are no text in any encoding (NULs among them)."""
    return bytes((i * 7919 + (i >> 3) * 31) % 256 for i in range(n))


CATALOGUE = [
    Case("a_plain.txt", Text(PLAIN), Kept(
        "a_plain", title="Bamako : la régie de l'eau étend son réseau aux quartiers de la rive droite",
        contains=("40 000 foyers", "Moussa Diarra"))),
    Case("article.html", Text(html_page(
        "Ouagadougou : le grand marché rouvre ses portes", "Sahel Quotidien",
        ["Le grand marché de Ouagadougou a rouvert samedi après dix mois de travaux de rénovation, "
         "en présence de plusieurs milliers de commerçants et du maire de la capitale burkinabè.",
         "La reconstruction des 2 400 boutiques a coûté 8 milliards de francs CFA, financés par la "
         "commune et par un prêt de la Banque ouest-africaine de développement."], "2025-05-17")),
        Kept("article", title="Ouagadougou : le grand marché rouvre ses portes",
             contains=("2 400 boutiques",), lacks=("Accueil", "Partager", "droits réservés"))),
    Case("brief.html", Text(html_page(
        "Bénin : la vente de terres agricoles encadrée", "Cotonou Matin", SAME_STEM_HTML, "2025-04-02")),
        Kept("brief", contains=("500 hectares",))),
    Case("brief.txt", Text(SAME_STEM_TXT), Kept("brief.txt", contains=("325 francs CFA",))),
    Case("2025/06/01/index.html", Text(html_page(
        "Saint-Louis : la passerelle de Sor rouvre", "Le Quotidien du Fleuve", DATED_1, "2025-06-01")),
        Kept("2025/06/01/index", contains=("180 mètres",))),
    Case("2025/06/02/index.html", Text(html_page(
        "Guet Ndar : les pêcheurs à quai", "Le Quotidien du Fleuve", DATED_2, "2025-06-02")),
        Kept("2025/06/02/index", contains=("Guet Ndar",))),
    Case("archives/afrique/ouest/senegal/dakar/2024/economie/port.txt", Text(DEEP),
         Kept("archives/afrique/ouest/senegal/dakar/2024/economie/port", contains=("850 000 conteneurs",))),
    Case("Côte d'Ivoire – l’été des récoltes.txt", Text(ACCENTED_NAME),
         Kept("Côte d'Ivoire – l’été des récoltes", contains=("Soubré",))),
    Case("DEPECHE.TXT", Text(UPPER_TXT), Kept("DEPECHE", contains=("lampadaires solaires",))),
    Case("FESTIVAL.HTM", Text(html_page(
        "Anoumabo : record d'affluence pour le festival", "Abidjan Soir", UPPER_HTM, "2025-04-28")),
        Kept("FESTIVAL", contains=("60 000 spectateurs",))),
    Case("exports/articles.json", Text('{"title": "Lomé", "body": "Le port de Lomé a battu son record."}'),
         Rejected("unsupported file type: .json")),
    Case("exports/rapport.pdf", Bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"),
         Rejected("unsupported file type: .pdf")),
    Case("exports/chiffres.csv", Text("region;tonnes\nSégou;1200\nMopti;800\n"),
         Rejected("unsupported file type: .csv")),
    Case("exports/rapport.docx", Bytes(zip_bytes()), Rejected("unsupported file type: .docx")),
    Case("exports/articles.json.gz", Bytes(gzipped('{"title": "Dakar"}')),
         Rejected("unsupported file type: .json.gz")),
    Case("LISEZMOI", Text("Articles du mois de juin, à relire avant publication.\n"),
         Rejected("unsupported file type: no extension")),
    Case(".DS_Store", Bytes(b"\x00\x00\x00\x01Bud1" + bytes(64)), Rejected("hidden file")),
    Case("broken/vide.txt", Bytes(b""), Rejected("empty: ")),
    Case("broken/blancs.txt", Bytes(b"   \n\t\n \r\n\x0c  \n"), Rejected("empty: ")),
    Case("broken/bruit.txt", Bytes(noise(4096)), Rejected("not text: binary content")),
    Case("encodings/utf16.txt", Text(UTF16, "utf-16"),
         Kept("encodings/utf16", contains=("électricité", "Ambatolampy"), encoding="utf-16")),
    Case("encodings/cp1252.txt", Text(CP1252, "cp1252"),
         Kept("encodings/cp1252", contains=("cœur", "90 000 €"), encoding="cp1252")),
    Case("encodings/bom_crlf.txt", Bytes(b"\xef\xbb\xbf" + BOM_CRLF.encode("utf-8")),
         Kept("encodings/bom_crlf", contains=("guinéen", "Kindia"), lacks=("\r", "\ufeff"), encoding="utf-8-sig")),
    Case("encodings/mojibake.txt", Text(MOJIBAKE),
         Kept("encodings/mojibake", contains=("indépendante", "sinistrés"), lacks=("Ã",), encoding="utf-8")),
    Case("langues/english.txt", Text(ENGLISH), Rejected("not French: detected en (")),
    Case("langues/arabe.txt", Text(ARABIC), Rejected("not French: detected ar (")),
    Case("langues/espagnol.txt", Text(SPANISH), Rejected("not French: detected es (")),
    Case("langues/citation_anglaise.txt", Text(ENGLISH_QUOTE),
         Kept("langues/citation_anglaise", contains=("We have chosen Rwanda", "350 personnes"))),
    Case("formes/breve.txt", Text(BRIEF), Kept("formes/breve", contains=("gendarmerie",))),
    Case("tableaux/seul/coton.txt", Text(FIGURES), Kept("tableaux/seul/coton", contains=("182 000 tonnes",))),
    Case("tableaux/chapeau/mais.txt", Text(FIGURES_AFTER_LEAD),
         Kept("tableaux/chapeau/mais", contains=("récolte de maïs", "410 000 tonnes", "1 160 100 tonnes"))),
    Case("tableaux/encadre/sorgho.txt", Text(FIGURES_INSIDE),
         Kept("tableaux/encadre/sorgho", contains=("255 000 tonnes", "951 900 tonnes", "commencer en mai"))),
    Case("formes/invisibles.txt", Text(INVISIBLE), Kept(
        "formes/invisibles",
        contains=("gouvernement du Mali", "international", "Kayes, Kita", "Les travaux dureront",
                  "sénégalaise, fermée", "Madina Sissoko"))),
    Case("formes/ligne_unique.txt", Text(long_line(100_000)),
         Kept("formes/ligne_unique", contains=("coopérative numéro 1 ", "Tombouctou"))),
    Case("formes/page_deguisee.txt", Text(html_page(
        "Kribi : saisie de bois d'ébène", "Le Messager du Sud", MISNAMED_HTML, "2025-03-08")),
        Kept("formes/page_deguisee", contains=("14 tonnes de bois",), lacks=("<p>", "Partager"))),
    Case("formes/menu.txt", Text(MENU_ONLY), Rejected("empty after cleaning")),
    # trafilatura falls back to the navigation's words, which clean then drops as a menu
    Case("formes/navigation.html", Text(HTML_NAVIGATION_ONLY), Rejected("empty after cleaning")),
    Case("formes/galerie.html", Text(HTML_PICTURES_ONLY), Rejected("no article")),
    Case("n_original.txt", Text(RESPACED_ORIGINAL), Kept("n_original", contains=("Adétikopé",))),
    Case("n_respaced.txt", Text(respaced(RESPACED_ORIGINAL)), Kept("n_respaced", duplicate_of="n_original")),
    # other line endings only: once newlines are unified, the very same text
    Case("n_windows.txt", Text(RESPACED_ORIGINAL.replace("\n", "\r\n")),
         Rejected("duplicate: same text as n_original.txt")),
    Case("zz_copie_exacte.txt", Text(PLAIN), Rejected("duplicate: same text as a_plain.txt")),
    Case("sites/courrier-du-sahel/coton.txt", Text("Le Courrier du Sahel\n" + WIRE_BODY.format(last=WIRE_LAST_A)),
         Kept("sites/courrier-du-sahel/coton", contains=("25 000 tonnes de coton",))),
    Case("sites/echo-de-niamey/coton.txt", Text("L'Écho de Niamey\n" + WIRE_BODY.format(last=WIRE_LAST_B)),
         Kept("sites/echo-de-niamey/coton", duplicate_of="sites/courrier-du-sahel/coton")),
    Case("compresse/sonabel.txt.gz", Bytes(gzipped(GZIPPED)), Kept("compresse/sonabel", contains=("Koudougou",))),
    Case("compresse/casse.txt.gz", Bytes(b"\x1f\x8b\x08\x00" + noise(200)), Rejected("not gzip")),
    Case("compresse/pas_gzip.html.gz", Text("<html><body><p>Pas compressé du tout.</p></body></html>"),
         Rejected("not gzip")),
    Case("gros/enorme.txt", Text(OVERSIZED), Rejected(
        f"too large: {len(OVERSIZED.encode('utf-8'))} bytes, over ingest.max_bytes = {MAX_BYTES}")),
    Case("liens/petrole.txt", Link("bibliotheque/petrole.txt", LINK_TARGET),
         # walk_inputs keeps what `is_file()` says is a file, which follows a symlink: the
         # article it points to is read under the link's own path
         Kept("liens/petrole", contains=("135 millions de dollars",))),
]

BY_PATH = {case.path: case for case in CATALOGUE}



def write_case(repo: Path, case: Case) -> None:
    path = repo / INBOX / case.path
    path.parent.mkdir(parents=True, exist_ok=True)
    written = case.written
    if isinstance(written, Link):
        target = repo / written.target
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(written.text, encoding="utf-8")
        path.symlink_to(target)
    elif isinstance(written, Bytes):
        path.write_bytes(written.data)
    else:
        path.write_bytes(written.text.encode(written.encoding))


@dataclass(frozen=True)
class Run:
    repo: Path
    written: list[str]
    outputs: dict[str, pd.DataFrame]
    encodings: dict[str, str]  # source -> encoding, from data/ingest/ingested.parquet
    metrics: dict


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Run:
    repo = copy_repo(tmp_path_factory.mktemp("catalogue") / "repo", INBOX)
    params_path = repo / "params.yaml"
    params = yaml.safe_load(params_path.read_text(encoding="utf-8"))
    params["ingest"]["max_bytes"] = MAX_BYTES
    params_path.write_text(yaml.safe_dump(params, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for case in CATALOGUE:
        write_case(repo, case)
    inbox = repo / INBOX
    written = sorted(p.relative_to(inbox).as_posix() for p in inbox.rglob("*") if not p.is_dir())
    dvc(repo, "repro")
    metrics = json.loads((repo / "data/out/metrics.json").read_text(encoding="utf-8"))
    ingested = pd.read_parquet(repo / "data/ingest/ingested.parquet", columns=["source", "encoding"])
    return Run(repo, written, read_outputs(repo), dict(zip(ingested["source"], ingested["encoding"])), metrics)


def _placement(outputs: dict[str, pd.DataFrame], source: str) -> tuple[str, pd.Series]:
    """("documents", its row) or ("rejects", its row) for the one row naming `source`."""
    docs = outputs["documents"][outputs["documents"]["source"] == source]
    rejects = outputs["rejects"][outputs["rejects"]["source"] == source]
    assert len(docs) + len(rejects) == 1, f"{source}: {len(docs)} documents, {len(rejects)} rejects rows"
    return ("documents", docs.iloc[0]) if len(docs) else ("rejects", rejects.iloc[0])


def test_catalogue_is_large_and_its_paths_distinct():
    assert len(CATALOGUE) >= 32
    assert len(BY_PATH) == len(CATALOGUE)


def test_dvc_repro_finishes_with_every_table(run):
    for name in TABLES:
        assert (run.repo / "data/out" / f"{name}.parquet").is_file(), name
    assert "publish" in yaml.safe_load((run.repo / "dvc.lock").read_text(encoding="utf-8"))["stages"]


def test_the_catalogue_is_what_was_written(run):
    assert run.written == sorted(BY_PATH)


@pytest.mark.parametrize("case", [pytest.param(case, id=case.path) for case in CATALOGUE])
def test_each_input_ends_where_the_catalogue_says(run, case):
    table, row = _placement(run.outputs, case.path)
    expected = case.expected
    if isinstance(expected, Rejected):
        assert table == "rejects", f"{case.path} kept as {row.get('doc_id')}"
        assert row["reason"].startswith(expected.reason), row["reason"]
        return
    assert table == "documents", f"{case.path} rejected: {row['reason']}"
    assert row["doc_id"] == expected.doc_id
    assert row["duplicate_of"] == expected.duplicate_of or (
        expected.duplicate_of is None and pd.isna(row["duplicate_of"])
    ), row["duplicate_of"]
    assert row["language"] == expected.language
    if expected.title is not None:
        assert row["title"] == expected.title
    if expected.encoding is not None:
        assert run.encodings[case.path] == expected.encoding
    for words in expected.contains:
        assert words in row["text"], words
    for words in expected.lacks:
        assert words not in row["text"], words


def test_every_input_is_in_documents_or_rejects_exactly_once(run):
    placed = [*run.outputs["documents"]["source"], *run.outputs["rejects"]["source"]]
    assert sorted(placed) == run.written


def test_no_input_is_rejected_for_its_name(run):
    reasons = run.outputs["rejects"]["reason"]
    assert not reasons.str.startswith("duplicate name").any()
    assert run.outputs["documents"]["doc_id"].is_unique


def test_other_languages_are_rejected_naming_the_language(run):
    rejects = run.outputs["rejects"].set_index("source")["reason"]
    expected = {
        case.path: re.search(r"detected (\w\w)", case.expected.reason)[1]
        for case in CATALOGUE
        if isinstance(case.expected, Rejected) and case.expected.reason.startswith("not French")
    }
    assert len(expected) == 3
    for source, language in expected.items():
        match = re.fullmatch(r"not French: detected (\w\w) \((\d\.\d\d)\)", rejects[source])
        assert match, rejects[source]
        assert match[1] == language
        assert float(match[2]) >= 0.9


def test_near_duplicates_have_no_rows_but_their_originals_do(run):
    docs = run.outputs["documents"].set_index("doc_id")
    pairs = {
        case.expected.doc_id: case.expected.duplicate_of
        for case in CATALOGUE
        if isinstance(case.expected, Kept) and case.expected.duplicate_of is not None
    }
    assert dict(docs["duplicate_of"].dropna()) == pairs
    for duplicate, original in pairs.items():
        assert pd.isna(docs.loc[original, "duplicate_of"])
        for name in SPAN_TABLES:
            rows = run.outputs[name]["doc_id"]
            assert (rows == duplicate).sum() == 0, (duplicate, name)
            assert (rows == original).sum() > 0, (original, name)
        assert docs.loc[duplicate, ["n_sentences", "n_entities", "n_amounts"]].sum() == 0


def _invisible(text: str) -> list[str]:
    """Format characters (Cf) and controls (Cc) but the newline, as code points."""
    return [f"U+{ord(ch):04X}" for ch in text if unicodedata.category(ch) in ("Cf", "Cc") and ch != "\n"]


@pytest.mark.parametrize("name", ("documents", *SPAN_TABLES))
def test_no_invisible_or_control_character_is_left(run, name):
    table = run.outputs[name]
    assert len(table) > 0
    for row in table.itertuples(index=False):
        assert not _invisible(row.text), (row.doc_id, _invisible(row.text))
        if name == "documents" and isinstance(row.title, str):
            assert not _invisible(row.title), (row.doc_id, _invisible(row.title))


@pytest.mark.parametrize("name", SPAN_TABLES)
def test_every_span_indexes_the_document_text(run, name):
    texts = run.outputs["documents"].set_index("doc_id")["text"]
    table = run.outputs[name]
    assert len(table) > 0
    bad = [row for row in table.itertuples(index=False) if texts[row.doc_id][row.start : row.end] != row.text]
    assert not bad, bad[:3]


def test_metrics_count_originals_and_near_duplicates_apart(run):
    near = sum(isinstance(case.expected, Kept) and case.expected.duplicate_of is not None for case in CATALOGUE)
    docs = run.outputs["documents"]
    originals = int(docs["duplicate_of"].isna().sum())
    assert near == 2
    assert run.metrics["documents"] == {"originals": originals, "near_duplicates": near}
    assert originals + near == len(docs) == run.metrics["rows"]["documents"]
    assert run.metrics["languages"] == {"fr": originals}
