"""Amount grammar: invented French news phrases in, expected amounts out (ANNOTATION.md, "Amounts")."""

import random

import pytest

from pipeline.amounts import AmountMatch, find_amounts, parse_number

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"

# text, amount text, value, unit, object, qualifier: exactly one amount expected
SINGLE = [
    # currencies and units named by their French word
    ("Le budget atteint 2,4 milliards de dinars algériens.", "2,4 milliards de dinars algériens", 2.4e9, "DZD", None, None),
    ("Une aide de 40 millions de dinars tunisiens.", "40 millions de dinars tunisiens", 4e7, "TND", None, None),
    ("Le prêt porte sur 900 millions d'ouguiyas.", "900 millions d'ouguiyas", 9e8, "MRU", None, None),
    ("Le kilo est vendu 15 000 ariary à Toamasina.", "15 000 ariary", 15_000, "MGA", None, None),
    ("La facture dépasse 8 000 francs congolais.", "8 000 francs congolais", 8_000, "CDF", None, None),
    ("Chaque ration contient 350 grammes de farine.", "350 grammes de farine", 350, "g", "farine", None),
    # digits and separators
    ("Le port a reçu 25 000 tonnes de maïs.", "25 000 tonnes de maïs", 25_000, "t", "maïs", None),
    (f"Un stock de 25{NBSP}000 tonnes de sorgho.", f"25{NBSP}000 tonnes de sorgho", 25_000, "t", "sorgho", None),
    (f"Un convoi de 18{NNBSP}500 tonnes de riz.", f"18{NNBSP}500 tonnes de riz", 18_500, "t", "riz", None),
    (f"Une route de 1{THIN}250 km.", f"1{THIN}250 km", 1_250, "km", None, None),
    ("Une facture de 50.000 FCFA par mois.", "50.000 FCFA", 50_000, "XOF", None, None),
    ("La récolte a atteint 1.200.000 tonnes.", "1.200.000 tonnes", 1_200_000, "t", None, None),
    ("Une hausse de 2,75 % sur l'année.", "2,75 %", 2.75, "%", None, None),
    ("Le taux directeur reste à 3.5% cette année.", "3.5%", 3.5, "%", None, None),
    ("Un billet coûte 1.500,50 euros.", "1.500,50 euros", 1_500.5, "EUR", None, None),
    # multipliers
    ("La Banque a débloqué 1,5 milliard de dollars.", "1,5 milliard de dollars", 1.5e9, "USD", None, None),
    ("Un chantier de 25 mille tonnes de ciment.", "25 mille tonnes de ciment", 25_000, "t", "ciment", None),
    ("Le fonds dispose de 300 M€ pour la relance.", "300 M€", 3e8, "EUR", None, None),
    ("Un contrat de 1,2 Md$ a été paraphé.", "1,2 Md$", 1.2e9, "USD", None, None),
    ("Le budget prévoit 5 mds de FCFA pour la santé.", "5 mds de FCFA", 5e9, "XOF", None, None),
    ("La dette publique frôle 3 billions d'euros.", "3 billions d'euros", 3e12, "EUR", None, None),
    ("Il a versé 5 000 000 de dollars à la fondation.", "5 000 000 de dollars", 5e6, "USD", None, None),
    ("Le pays compte 20 millions d'habitants.", "20 millions d'habitants", 2e7, "count", "habitants", None),
    ("Un don d'un million de dollars a été annoncé.", "un million de dollars", 1e6, "USD", None, None),
    # number words
    ("Vingt-cinq soldats ont été libérés.", "Vingt-cinq soldats", 25, "count", "soldats", None),
    ("Le journal a licencié soixante-cinq salariés.", "soixante-cinq salariés", 65, "count", "salariés", None),
    ("Un délai de quatre-vingt-dix jours a été accordé.", "quatre-vingt-dix jours", 90, "day", None, None),
    ("La ville a accueilli trois cents réfugiés.", "trois cents réfugiés", 300, "count", "réfugiés", None),
    ("Le camp abrite deux mille déplacés.", "deux mille déplacés", 2_000, "count", "déplacés", None),
    ("L'école compte mille deux cents élèves.", "mille deux cents élèves", 1_200, "count", "élèves", None),
    ("Vingt et un détenus ont été graciés.", "Vingt et un détenus", 21, "count", "détenus", None),
    ("Le programme touchera deux millions de femmes.", "deux millions de femmes", 2e6, "count", "femmes", None),
    ("L'État a mobilisé deux milliards de francs CFA.", "deux milliards de francs CFA", 2e9, "XOF", None, None),
    ("Il a signé trois (03) conventions avec la mairie.", "trois (03) conventions", 3, "count", "conventions", None),
    # currencies
    ("Les États-Unis promettent $100 millions.", "$100 millions", 1e8, "USD", None, None),
    ("Une aide de 100 millions $ a été votée.", "100 millions $", 1e8, "USD", None, None),
    ("Le club a payé 15 M€ pour le joueur.", "15 M€", 1.5e7, "EUR", None, None),
    ("Un financement de US$ 40 millions est prévu.", "US$ 40 millions", 4e7, "USD", None, None),
    ("Il a reçu 7 millions de dollars américains.", "7 millions de dollars américains", 7e6, "USD", None, None),
    ("Le ticket passe à 300 F CFA.", "300 F CFA", 300, "XOF", None, None),
    ("Le sac de riz se vend 17 500 francs CFA.", "17 500 francs CFA", 17_500, "XOF", None, None),
    ("Une amende de 250 000 XOF a été infligée.", "250 000 XOF", 250_000, "XOF", None, None),
    ("Moscou a prêté 12 milliards de roubles.", "12 milliards de roubles", 1.2e10, "RUB", None, None),
    ("Pékin investit 4 milliards de yuans dans le port.", "4 milliards de yuans", 4e9, "CNY", None, None),
    ("Londres a versé 80 millions de livres sterling.", "80 millions de livres sterling", 8e7, "GBP", None, None),
    ("Berne débloque 6 millions de francs suisses.", "6 millions de francs suisses", 6e6, "CHF", None, None),
    ("La taxe rapporte 900 millions de dirhams.", "900 millions de dirhams", 9e8, "MAD", None, None),
    ("Lagos a levé 30 milliards de nairas.", "30 milliards de nairas", 3e10, "NGN", None, None),
    ("Le panier coûte 45 euros à Dakar.", "45 euros", 45, "EUR", None, None),
    (
        "Un investissement de 100 millions de dollars d'équipements.",
        "100 millions de dollars d'équipements", 1e8, "USD", "équipements", None,
    ),
    # units
    ("Le gisement produit 3 000 barils par jour.", "3 000 barils", 3_000, "bbl", None, None),
    ("Le puits livre 800 barils de brut par jour.", "800 barils de brut", 800, "bbl", "brut", None),
    ("La coopérative exploite 500 hectares de terres.", "500 hectares de terres", 500, "ha", "terres", None),
    ("Le périmètre irrigué couvre 120 ha.", "120 ha", 120, "ha", None, None),
    ("La centrale solaire produira 50 MW dès juin.", "50 MW", 50, "MW", None, None),
    ("Le barrage fournira 140 mégawatts.", "140 mégawatts", 140, "MW", None, None),
    ("La zone protégée s'étend sur 1 500 km².", "1 500 km²", 1_500, "km²", None, None),
    ("Le parc couvre 300 kilomètres carrés.", "300 kilomètres carrés", 300, "km²", None, None),
    ("Les douanes ont saisi 40 kg de cocaïne.", "40 kg de cocaïne", 40, "kg", "cocaïne", None),
    (
        "Le camion transportait 2 000 litres de carburant.",
        "2 000 litres de carburant", 2_000, "L", "carburant", None,
    ),
    ("Le chômage atteint 12 pour cent.", "12 pour cent", 12, "%", None, None),
    ("Il a obtenu 58 % des voix.", "58 % des voix", 58, "%", "voix", None),
    ("La ligne ferroviaire mesure 1 200 kilomètres.", "1 200 kilomètres", 1_200, "km", None, None),
    # durations
    ("Le doyen du village a 65 ans.", "65 ans", 65, "year", None, None),
    ("Soixante-cinq années se sont écoulées.", "Soixante-cinq années", 65, "year", None, None),
    ("La délégation restera deux jours à Niamey.", "deux jours", 2, "day", None, None),
    ("Les négociations ont duré quarante-huit heures.", "quarante-huit heures", 48, "hour", None, None),
    ("Le chantier prendra six mois.", "six mois", 6, "month", None, None),
    ("La campagne s'étalera sur trois semaines.", "trois semaines", 3, "week", None, None),
    ("Il a été condamné à dix ans de prison.", "dix ans de prison", 10, "year", "prison", None),
    ("Un ultimatum de 72 heures a été lancé.", "72 heures", 72, "hour", None, None),
    # counts
    ("Trois accords ont été paraphés mardi.", "Trois accords", 3, "count", "accords", None),
    ("L'ambassade offre 35 bourses chaque année.", "35 bourses", 35, "count", "bourses", None),
    ("L'opération mobilise 1 200 soldats.", "1 200 soldats", 1_200, "count", "soldats", None),
    ("La commune compte 450 000 habitants.", "450 000 habitants", 450_000, "count", "habitants", None),
    ("Ils ont conclu quatre nouveaux accords.", "quatre nouveaux accords", 4, "count", "accords", None),
    ("L'armée a perdu trois hélicoptères.", "trois hélicoptères", 3, "count", "hélicoptères", None),
    ("Les 27 États membres ont voté le texte.", "27 États", 27, "count", "États", None),
    ("L'usine emploie 2000 ouvriers.", "2000 ouvriers", 2_000, "count", "ouvriers", None),
    ("Un contingent de 1500 soldats est arrivé.", "1500 soldats", 1_500, "count", "soldats", None),
    # qualifiers, never part of the amount text
    ("Environ 300 véhicules ont été contrôlés.", "300 véhicules", 300, "count", "véhicules", "approx"),
    ("Près de 2 millions d'électeurs sont inscrits.", "2 millions d'électeurs", 2e6, "count", "électeurs", "approx"),
    ("Quelque 4 000 personnes ont fui.", "4 000 personnes", 4_000, "count", "personnes", "approx"),
    ("Presque 60 % des écoles sont fermées.", "60 % des écoles", 60, "%", "écoles", "approx"),
    ("Le prix tourne autour de 400 francs CFA.", "400 francs CFA", 400, "XOF", None, "approx"),
    ("Plus de 500 familles sont sinistrées.", "500 familles", 500, "count", "familles", "min"),
    ("Au moins 12 civils ont été tués.", "12 civils", 12, "count", "civils", "min"),
    ("Une hausse d'au-delà de 20 % est attendue.", "20 %", 20, "%", None, "min"),
    ("Il a perçu plus d'un milliard de FCFA.", "un milliard de FCFA", 1e9, "XOF", None, "min"),
    ("La peine peut aller jusqu'à 5 ans.", "5 ans", 5, "year", None, "max"),
    ("Moins de 10 % des ménages sont raccordés.", "10 % des ménages", 10, "%", "ménages", "max"),
    ("Le prêt sera de 2 millions d'euros au maximum.", "2 millions d'euros", 2e6, "EUR", None, "max"),
    ("La visite durera 3 jours au plus.", "3 jours", 3, "day", None, "max"),
    ("On dénombre 800 blessés environ.", "800 blessés", 800, "count", "blessés", "approx"),
    ("La hausse serait d'environ 5 % sur un an.", "5 %", 5, "%", None, "approx"),
    ("Un peu plus de 300 élus ont voté.", "300 élus", 300, "count", "élus", "min"),
    # boundaries: what the amount is of, and what it is not
    ("Il y a 2000 ans, la cité existait déjà.", "2000 ans", 2_000, "year", None, None),
    ("La mine a produit 12 tonnes d'or.", "12 tonnes d'or", 12, "t", "or", None),
    ("La bourgade est à 25 km de Bamako.", "25 km", 25, "km", None, None),
    ("La digue fait 5 km de long.", "5 km", 5, "km", None, None),
    ("Le déficit atteint 0,5 % du PIB.", "0,5 % du PIB", 0.5, "%", "PIB", None),
    ("La vitesse est limitée à 50 km/h en ville.", "50 km/h", 50, "km/h", None, None),
    ("La production atteint 5 Mt de charbon.", "5 Mt de charbon", 5e6, "t", "charbon", None),
    ("Le traitement dure pendant 48h.", "48h", 48, "hour", None, None),
    ("Le trajet prend 6 heures de route.", "6 heures de route", 6, "hour", "route", None),
    ("Le pays fête trente ans d'indépendance.", "trente ans d'indépendance", 30, "year", "indépendance", None),
    ("Deux Maliens figurent parmi les otages.", "Deux Maliens", 2, "count", "Maliens", None),
    ("Les 400 soldats sont rentrés à la base.", "400 soldats", 400, "count", "soldats", None),
    ("Le score atteint soixante et onze votants.", "soixante et onze votants", 71, "count", "votants", None),
    ("En 2023, 2 300 personnes ont fui la zone.", "2 300 personnes", 2_300, "count", "personnes", None),
    ("Le sommet de lundi a réuni 40 chefs d'État.", "40 chefs d'État", 40, "count", "chefs d'État", None),
    # a multi-word noun stays whole; a possessive does not count as the object
    ("Les ventes pèsent 30 % de leur chiffre d'affaires.", "30 % de leur chiffre d'affaires", 30, "%", "chiffre d'affaires", None),
    ("La dette atteint 68 % du produit intérieur brut.", "68 % du produit intérieur brut", 68, "%", "produit intérieur brut", None),
    ("Le franc a perdu 12 % de sa valeur.", "12 % de sa valeur", 12, "%", "valeur", None),
    ("L'ONU déploie 2 500 casques bleus au Liban.", "2 500 casques bleus", 2_500, "count", "casques bleus", None),
    ("Le district a construit 86 salles de classe.", "86 salles de classe", 86, "count", "salles de classe", None),
    ("Le pays exporte 900 000 tonnes de noix de cajou.", "900 000 tonnes de noix de cajou", 900_000, "t", "noix de cajou", None),
    ("Le chantier emploie 400 000 tonnes de gaz naturel.", "400 000 tonnes de gaz", 400_000, "t", "gaz", None),
    # after "millions de", a noun that does not look plural is still counted
    ("Près de 2,1 millions de Burundais ont voté.", "2,1 millions de Burundais", 2.1e6, "count", "Burundais", "approx"),
    ("Quelque 1,2 million de Bissau-Guinéens vivent à l'étranger.", "1,2 million de Bissau-Guinéens", 1.2e6, "count", "Bissau-Guinéens", "approx"),
    # time adjectives between the figure and a duration unit
    ("Le barrage sera achevé dans les trois prochaines années.", "trois prochaines années", 3, "year", None, None),
    ("Les prix ont doublé au cours des six derniers mois.", "six derniers mois", 6, "month", None, None),
    ("Il a plu pendant dix longues journées.", "dix longues journées", 10, "day", None, None),
    # currency abbreviations of francs, ouguiya and ariary; "G$" for milliards of dollars
    ("La course coûte 1 500 FC à Kinshasa.", "1 500 FC", 1_500, "CDF", None, None),
    ("Le sac de riz vaut 350 000 FG.", "350 000 FG", 350_000, "GNF", None, None),
    ("Le litre de gasoil passe à 52 UM.", "52 UM", 52, "MRU", None, None),
    ("Le kilo de vanille se négocie 75 000 Ar.", "75 000 Ar", 75_000, "MGA", None, None),
    ("Le ticket coûte 500 FBu.", "500 FBu", 500, "BIF", None, None),
    ("Le forfait mensuel coûte 10 000 Frw.", "10 000 Frw", 10_000, "RWF", None, None),
    ("Au Québec, le projet coûtera 4,2 G$ selon Québec.", "4,2 G$", 4.2e9, "CAD", None, None),
    # a possessive of one owner introduces a count
    ("Elle élève seule ses quatre enfants.", "quatre enfants", 4, "count", "enfants", None),
    ("Les exportations pèsent 3 % du PNB.", "3 % du PNB", 3, "%", "PNB", None),
    # "au nombre de" counts even with no amount before
    ("Les observateurs, au nombre de 260, sont arrivés.", "260", 260, "count", None, None),
]

# Unit symbols of the ANNOTATION.md table, written as a symbol or as a French word:
# text, amount text, value, unit, object
UNIT_CODES = [
    ("Le comptoir a acheté 120 onces d'or cette semaine.", "120 onces d'or", 120, "oz", "or"),
    ("Le lingot de la vitrine pèse une once, soit 1 once d'or fin.", "1 once d'or", 1, "oz", "or"),
    ("La coopérative a vendu onze onces d'or au comptoir.", "onze onces d'or", 11, "oz", "or"),
    ("Le comptoir a livré 50 oz à la banque centrale.", "50 oz", 50, "oz", None),
    ("La mine a extrait 4 500 carats de diamants en mars.", "4 500 carats de diamants", 4_500, "ct", "diamants"),
    ("La pierre taillée fait 12 ct selon l'expert.", "12 ct", 12, "ct", None),
    ("Le terminal expédie 90 000 barils de brut par jour.", "90 000 barils de brut", 90_000, "bbl", "brut"),
    ("La raffinerie traite 25 000 bbl par jour.", "25 000 bbl", 25_000, "bbl", None),
    ("Chaque foyer a reçu 20 litres d'eau potable.", "20 litres d'eau", 20, "L", "eau"),
    ("Le bidon contient 5 L d'huile de palme.", "5 L d'huile", 5, "L", "huile"),
    ("Chaque élève reçoit 2 l de lait par semaine.", "2 l de lait", 2, "L", "lait"),
    ("Le projet aménage 1 200 hectares de rizières.", "1 200 hectares de rizières", 1_200, "ha", "rizières"),
    ("Le verger couvre 35 ha au bord du fleuve.", "35 ha", 35, "ha", None),
    ("Le pays a consommé 14 TWh l'an dernier.", "14 TWh", 14, "TWh", None),
    ("Le barrage produira 2,5 térawatts-heures par an.", "2,5 térawatts-heures", 2.5, "TWh", None),
    # real-page shapes: misspelt energy, hectolitres, quintals, a price per unit, centimes
    ("La ville a consommé 5 400 GW/h en 2023.", "5 400 GW/h", 5_400, "GWh", None),
    ("Un ménage consomme 3 200 KWh par an.", "3 200 KWh", 3_200, "kWh", None),
    ("La récolte atteint 42 millions d'hectolitres de vin.", "42 millions d'hectolitres de vin", 4.2e7, "hL", "vin"),
    ("Les vendanges donneraient 41 Mhl cette année.", "41 Mhl", 4.1e7, "hL", None),
    ("Le pays a récolté 35 millions de quintaux de blé.", "35 millions de quintaux de blé", 3.5e7, "q", "blé"),
    ("Le champ produit 1,1 mbj depuis mars.", "1,1 mbj", 1.1e6, "bbl", None),
    ("Le client paie 0,21 euro/kWh depuis janvier.", "0,21 euro/kWh", 0.21, "EUR/kWh", None),
    ("Le cajou est payé 350 FCFA/kg à Parakou.", "350 FCFA/kg", 350, "XOF/kg", None),
    ("Le lait est payé 24 centimes le litre aux éleveurs.", "24 centimes", 0.24, "EUR", None),
    ("À Lausanne, le ticket de bus coûte 90 centimes de plus.", "90 centimes", 0.9, "CHF", None),
    ("Près de 12’000 enfants ont été vaccinés.", "12’000 enfants", 12_000, "count", "enfants"),
    ("L'État a levé 4 milliards des dollars américains.", "4 milliards des dollars américains", 4e9, "USD", None),
    ("Le terminal a traité 8 500 EVP en juin.", "8 500 EVP", 8_500, "TEU", None),
]

# A set counted afresh in digits, one multiplier read as one of it, a year that is no bound
COUNTED_AFRESH = [
    ("Selon le récit des 6 survivants, la pirogue a chaviré.", "6 survivants", 6, "count", "survivants"),
    ("Le ministre a reçu les 9 pays partenaires du programme.", "9 pays", 9, "count", "pays"),
    ("Avec ces 4 nouveaux forages, le village a de l'eau.", "4 nouveaux forages", 4, "count", "forages"),
    ("Les investissements dépasseront le milliard de dollars.", "milliard de dollars", 1e9, "USD", None),
    ("La production a franchi la barre du million de barils.", "million de barils", 1e6, "bbl", None),
]

# A figure written with its sign keeps it: text, amount text, value
SIGNED = [
    ("Les dépenses reculent de -4,25 % cette année.", "-4,25 %", -4.25),
    ("La dette baisse (-8,5 %) sur un an.", "-8,5 %", -8.5),
    ("Le poste perd -12 milliards FCFA par rapport à 2024.", "-12 milliards FCFA", -1.2e10),
    ("Un solde de −3 % est prévu.", "−3 %", -3),
]

# A duration takes the noun after "de"/"d'" as its object, like other measures: text, amount text, value, unit, object
DURATION_OBJECTS = [
    ("Les deux pays célèbrent 65 ans de relations diplomatiques.", "65 ans de relations", 65, "year", "relations"),
    ("Le tribunal l'a condamné à dix ans de prison ferme.", "dix ans de prison", 10, "year", "prison"),
    ("Le convoi est arrivé après quatre jours de route.", "quatre jours de route", 4, "day", "route"),
    ("Vingt années d'amitié unissent les deux villes.", "Vingt années d'amitié", 20, "year", "amitié"),
    ("Les réserves couvrent 118 jours d’importation.", "118 jours d’importation", 118, "day", "importation"),
    ("Le chantier accuse huit mois de retard.", "huit mois de retard", 8, "month", "retard"),
    ("Il a fallu 48h de grève pour obtenir gain de cause.", "48h de grève", 48, "hour", "grève"),
    ("Le match a duré 90 minutes de jeu effectif.", "90 minutes de jeu", 90, "minute", "jeu"),
    ("Le festival propose trois semaines de concerts.", "trois semaines de concerts", 3, "week", "concerts"),
    ("Les trois prochaines années de mandat seront décisives.", "trois prochaines années de mandat", 3, "year", "mandat"),
]

# Durations with no object: no "de", or a "de" that starts no noun of what lasted
DURATIONS_WITHOUT_OBJECT = [
    ("Il vit à Kayes depuis 10 ans.", "10 ans", 10, "year"),
    ("Le pont a été inauguré il y a deux ans.", "deux ans", 2, "year"),
    ("Les résultats tomberont dans trois mois.", "trois mois", 3, "month"),
    ("La délégation restera deux jours à Niamey.", "deux jours", 2, "day"),
    ("Le rhum vieilli a 12 ans d'âge.", "12 ans", 12, "year"),
    ("Le chantier a pris trois ans de plus que prévu.", "trois ans", 3, "year"),
    ("Le trajet dure deux heures de moins qu'avant.", "deux heures", 2, "hour"),
    ("Il a plu cinq jours d'affilée sur la capitale.", "cinq jours", 5, "day"),
    ("Le marché a brûlé il y a vingt ans de cela.", "vingt ans", 20, "year"),
    ("Les semis ont lieu à quatre mois de la récolte.", "quatre mois", 4, "month"),
    ("La grève a duré six semaines de suite.", "six semaines", 6, "week"),
    ("Le mandat de cinq ans de Koffi s'achève.", "cinq ans", 5, "year"),
]

# No amount at all in these.
NONE = [
    "La conférence s'est ouverte le 23 juin 2025 à Dakar.",
    "Le décret a été signé le 3 mars 2024.",
    "Le scrutin a eu lieu en 2023.",
    "La crise dure depuis 2020.",
    "Le plan couvre la période 2024-2025.",
    "C'était l'an 2000.",
    "Dans les années 1990, la ville était plus calme.",
    "Les années 80 ont marqué la région.",
    "Le premier ministre a parlé en premier.",
    "La première dame et la deuxième vice-présidente étaient là.",
    "Le 3e bataillon et la 4ème compagnie ont défilé.",
    "Au XXe siècle, la ville a changé.",
    "Le 21e sommet s'est tenu à Abidjan.",
    "Un homme a été arrêté.",
    "Une femme a témoigné devant la cour.",
    "L'un des responsables a démissionné.",
    "Il s'agit d'une avancée, selon l'un d'eux.",
    "Les deux pays ont renforcé leurs liens.",
    "Les deux parties se sont engagées à dialoguer.",
    "Les deux États partagent une frontière.",
    "Ces deux nations coopèrent depuis longtemps.",
    "Les trois pays de l'alliance ont signé.",
    "Chacun des trois pays a voté la motion.",
    "Les 2 pays ont signé l'accord.",
    "Depuis une décennie, le port stagne.",
    "L'un des deux hommes a été relâché.",
    "Les deux se sont rencontrés lundi.",
    "Plusieurs soldats ont été blessés.",
    "Quelques habitants ont protesté.",
    "Une décennie de conflit a ruiné la région.",
    "Des dizaines de personnes ont manifesté.",
    "Des centaines de familles ont été déplacées.",
    "Une dizaine de véhicules ont été incendiés.",
    "Des milliers de manifestants étaient dans la rue.",
    "Des millions de dollars ont été détournés.",
    "Plusieurs milliards de FCFA sont en jeu.",
    "La réunion a commencé à 10h30.",
    "La séance a été levée à 10 h 30.",
    "Le vol décolle à 14:05.",
    "Le couvre-feu commence à 22 heures.",
    "Les bureaux ouvrent de 8 heures à 17 heures.",
    "Pour joindre la rédaction : +223 20 22 33 44.",
    "Contact : 76 12 34 56.",
    "Le G5 Sahel a été dissous.",
    "La Covid-19 a frappé durement.",
    "Un accident sur la RN7 a fait la une.",
    "L'A400M a atterri à Gao.",
    "Un Su-24 a survolé la zone.",
    "L'article 5 du traité prévoit une assistance.",
    "La résolution 2719 a été adoptée.",
    "Il a joué en Ligue 1 la saison dernière.",
    "Il l'a répété à deux reprises.",
    "Le prix a été multiplié par trois fois plus vite.",
    "Deux d'entre eux ont été libérés.",
    "Le projet est évalué à 5 millions.",
    "Le réseau 5G arrive à Bamako.",
    "Entre 2020 et 2025, la ville a changé.",
    "De 2015 à 2019, il a dirigé l'agence.",
    "La réunion est prévue vers 18h.",
    "Il a parlé pendant une heure.",
    "Le vote aura lieu le 15/06/2025.",
    "Les 7 et 8 avril, le sommet a eu lieu.",
    "Le score final est de 2-1.",
    "Le Mi-8 et le MiG-29 ont décollé.",
    "La 1re place revient au Sénégal.",
    "Il a marqué le 100e but du club.",
    "Le budget atteint 250 milliards.",
    "Le document cite l'étude [3].",
    "Il a gagné 3 fois de suite.",
    "Les deux tiers des sièges sont pourvus.",
    "La COP 28 s'est tenue à Dubaï.",
    "Ils étaient deux à attendre.",
    "Des deux côtés de la frontière, on attend.",
    "Les deux soldats ont été relâchés.",
    "L'Agenda 2063 de l'Union africaine.",
    "Tél. : 76-12-34-56 ou 76.12.34.56.",
    "Un jour, il reviendra.",
    "Les cas Covid-19 confirmés sont isolés.",
    "En 2024 investissements et prêts ont reculé.",
    "Voir la référence [3] pages 12 à 14.",
    # an adjective between figure and unit only bridges to a duration
    "Les deux dernières tonnes ont été livrées hier.",
    # a bare figure with no amount before it keeps no unit
    "Le groupe compte désormais plus de 40.",
    # a participle with no amount before it gives no unit to borrow
    "Le chantier a pris du retard : 400 prévus initialement.",
    # "en" + verb before a figure needs an amount before it
    "Le club en compte 20.",
]

# text, [(amount text, value, unit, object)] for the two bounds of one range
RANGES = [
    ("Entre 10 et 15 tonnes de mil ont été perdues.", [("10", 10, "t", "mil"), ("15 tonnes de mil", 15, "t", "mil")]),
    ("Une croissance de 10 à 15 % est prévue.", [("10", 10, "%", None), ("15 %", 15, "%", None)]),
    ("Les travaux dureront de 3 à 5 ans.", [("3", 3, "year", None), ("5 ans", 5, "year", None)]),
    ("Il faudra deux à trois semaines.", [("deux", 2, "week", None), ("trois semaines", 3, "week", None)]),
    ("Un coût de 3 à 5 millions de dollars.", [("3", 3e6, "USD", None), ("5 millions de dollars", 5e6, "USD", None)]),
    (
        "Entre 500 000 et 1 million de personnes.",
        [("500 000", 500_000, "count", "personnes"), ("1 million de personnes", 1e6, "count", "personnes")],
    ),
    ("Une hausse de 10-15 % des prix.", [("10", 10, "%", "prix"), ("15 % des prix", 15, "%", "prix")]),
    ("Les bénéfices oscillent entre 10 % et 12 %.", [("10 %", 10, "%", None), ("12 %", 12, "%", None)]),
    ("Le trajet prend de 3 à 5 heures.", [("3", 3, "hour", None), ("5 heures", 5, "hour", None)]),
    (
        "Il risque d'un à trois ans de prison.",
        [("un", 1, "year", "prison"), ("trois ans de prison", 3, "year", "prison")],
    ),
    ("Le candidat doit avoir de 18 à 25 ans.", [("18", 18, "year", None), ("25 ans", 25, "year", None)]),
    (
        "Entre 2 et 3 milliards de FCFA manquent.",
        [("2", 2e9, "XOF", None), ("3 milliards de FCFA", 3e9, "XOF", None)],
    ),
    ("Un montant de 3 à 5 millions d'euros.", [("3", 3e6, "EUR", None), ("5 millions d'euros", 5e6, "EUR", None)]),
]

# Full sentences with several amounts: (text, [(amount text, value, unit, object, qualifier, in range)])
SENTENCES = [
    (
        "Le Niger importera 25 000 tonnes de blé et 22 000 tonnes d'engrais d'ici à 2026.",
        [("25 000 tonnes de blé", 25_000, "t", "blé", None, False),
         ("22 000 tonnes d'engrais", 22_000, "t", "engrais", None, False)],
    ),
    (
        "Le 12 mai 2024, trois accords d'un montant total de 100 millions de dollars ont été signés.",
        [("trois accords", 3, "count", "accords", None, False),
         ("100 millions de dollars", 1e8, "USD", None, None, False)],
    ),
    (
        "En 2023, plus de 1 200 soldats et environ 300 véhicules ont été déployés pendant six mois.",
        [("1 200 soldats", 1_200, "count", "soldats", "min", False),
         ("300 véhicules", 300, "count", "véhicules", "approx", False),
         ("six mois", 6, "month", None, None, False)],
    ),
    (
        "Les deux pays ont signé quatre nouveaux accords, dont un prêt de 1,5 milliard de FCFA sur 10 ans.",
        [("quatre nouveaux accords", 4, "count", "accords", None, False),
         ("1,5 milliard de FCFA", 1.5e9, "XOF", None, None, False),
         ("10 ans", 10, "year", None, None, False)],
    ),
    (
        "Réunis à 9 h 30 au siège, les 15 délégués ont voté entre 2 et 3 milliards de dollars pour 2025.",
        [("15 délégués", 15, "count", "délégués", None, False),
         ("2", 2e9, "USD", None, None, True),
         ("3 milliards de dollars", 3e9, "USD", None, None, True)],
    ),
    (
        "La centrale de 200 MW, construite en 36 mois, alimentera 450 000 foyers à 60 km de Kayes.",
        [("200 MW", 200, "MW", None, None, False),
         ("36 mois", 36, "month", None, None, False),
         ("450 000 foyers", 450_000, "count", "foyers", None, False),
         ("60 km", 60, "km", None, None, False)],
    ),
    (
        "Selon le communiqué du 2 avril, 35 % des électeurs ont voté, contre 41 % il y a cinq ans.",
        [("35 % des électeurs", 35, "%", "électeurs", None, False),
         ("41 %", 41, "%", None, None, False),
         ("cinq ans", 5, "year", None, None, False)],
    ),
    (
        "Le taux est passé de 3 % à 5 % en deux ans, et l'inflation de 4 à 6 %.",
        [("3 %", 3, "%", None, None, False),
         ("5 %", 5, "%", None, None, False),
         ("deux ans", 2, "year", None, None, False),
         ("4", 4, "%", None, None, False),
         ("6 %", 6, "%", None, None, False)],
    ),
    (
        "Le litre d'essence est passé de 775 à 850 FCFA, et le sac de riz de 25 000 à 27 500 FCFA.",
        [("775", 775, "XOF", None, None, False),
         ("850 FCFA", 850, "XOF", None, None, False),
         ("25 000", 25_000, "XOF", None, None, False),
         ("27 500 FCFA", 27_500, "XOF", None, None, False)],
    ),
    (
        "Le 1er juillet à 10 heures, le ministre a annoncé 3 000 emplois et 12 000 hectares irrigués.",
        [("3 000 emplois", 3_000, "count", "emplois", None, False),
         ("12 000 hectares", 12_000, "ha", None, None, False)],
    ),
    # a figure whose unit the sentence leaves out takes the one of the amount just before
    (
        "La liste compte 4,8 millions d'inscrits, soit 310 000 de plus qu'en 2020.",
        [("4,8 millions d'inscrits", 4.8e6, "count", "inscrits", None, False),
         ("310 000", 310_000, "count", None, None, False)],
    ),
    (
        "Le texte a été adopté par 97 voix contre 64.",
        [("97 voix", 97, "count", "voix", None, False),
         ("64", 64, "count", None, None, False)],
    ),
    (
        "Les doses sont données à 6, 9 et 15 mois.",
        [("6", 6, "month", None, None, False), ("9", 9, "month", None, None, False),
         ("15 mois", 15, "month", None, None, False)],
    ),
    (
        "Le pays pompe du pétrole depuis deux décennies.",
        [("deux décennies", 2, "decade", None, None, False)],
    ),
    (
        "Le gouvernement veut prolonger la centrale de 20 ans au lieu de 10.",
        [("20 ans", 20, "year", None, None, False),
         ("10", 10, "year", None, None, False)],
    ),
    (
        "Le kilo de viande coûtait 3 500 FCFA en janvier. Il en faut désormais plus de 4 200 au marché.",
        [("3 500 FCFA", 3_500, "XOF", None, None, False),
         ("4 200", 4_200, "XOF", None, "min", False)],
    ),
    (
        "La candidate obtient 54,3 % des suffrages, contre 45,7 pour son adversaire.",
        [("54,3 % des suffrages", 54.3, "%", "suffrages", None, False),
         ("45,7", 45.7, "%", None, None, False)],
    ),
    (
        "Le budget atteint 2,4 milliards d'euros, contre 1,9 l'an dernier.",
        [("2,4 milliards d'euros", 2.4e9, "EUR", None, None, False),
         ("1,9", 1.9e9, "EUR", None, None, False)],
    ),
    (
        "Le coût atteint 640 milliards de FCFA, contre 280 milliards prévus au départ.",
        [("640 milliards de FCFA", 6.4e11, "XOF", None, None, False),
         ("280 milliards", 2.8e11, "XOF", None, None, False)],
    ),
    (
        "Le plan coûte 58 millions de dollars, dont seulement 19,5 millions sont mobilisés.",
        [("58 millions de dollars", 5.8e7, "USD", None, None, False),
         ("19,5 millions", 1.95e7, "USD", None, None, False)],
    ),
    (
        "Le parti remporte 31 des 120 sièges de l'Assemblée.",
        [("31", 31, "count", None, None, False),
         ("120 sièges", 120, "count", "sièges", None, False)],
    ),
    (
        "L'hôpital a fermé deux de ses neuf blocs opératoires.",
        [("deux", 2, "count", None, None, False),
         ("neuf blocs", 9, "count", "blocs", None, False)],
    ),
    (
        "La liste A obtient 12 sièges, contre 9 pour la liste B et 4 pour la liste C.",
        [("12 sièges", 12, "count", "sièges", None, False),
         ("9", 9, "count", None, None, False),
         ("4", 4, "count", None, None, False)],
    ),
    (
        "Le Nigeria a récolté 1,1 million de tonnes de sorgho, et le Niger 640 000.",
        [("1,1 million de tonnes de sorgho", 1.1e6, "t", "sorgho", None, False),
         ("640 000", 640_000, "t", None, None, False)],
    ),
    (
        "Le pagne wax se vend 12 000 FCFA, l'imitation 4 500.",
        [("12 000 FCFA", 12_000, "XOF", None, None, False),
         ("4 500", 4_500, "XOF", None, None, False)],
    ),
    (
        "Le parti A a 31 sièges, et son rival en obtient 18.",
        [("31 sièges", 31, "count", "sièges", None, False),
         ("18", 18, "count", None, None, False)],
    ),
    (
        "Le café a rapporté 120 millions d'euros, soit 15 % des recettes, contre 95 millions attendus.",
        [("120 millions d'euros", 1.2e8, "EUR", None, None, False),
         ("15 % des recettes", 15, "%", "recettes", None, False),
         ("95 millions", 9.5e7, "EUR", None, None, False)],
    ),
]

# text, value (None: not a number)
NUMBERS = [
    ("25 000", 25_000),
    (f"25{NBSP}000", 25_000),
    (f"25{NNBSP}000", 25_000),
    ("50.000", 50_000),
    ("1.200.000", 1_200_000),
    ("1,5", 1.5),
    ("2,75", 2.75),
    ("vingt-cinq", 25),
    ("soixante-cinq", 65),
    ("quatre-vingt-dix", 90),
    ("trois cents", 300),
    ("deux mille", 2_000),
    ("mille deux cents", 1_200),
    ("deux millions", 2e6),
    ("1,5 milliard", 1.5e9),
    ("25 mille", 25_000),
    ("1,2 Md", 1.2e9),
    ("deux billions", 2e12),
    ("millions", None),
    ("trois accords", None),
    ("25 000 tonnes", None),
    ("bonjour", None),
    ("", None),
]


# Odd inputs that once broke an invariant
ODD = ["deux cent € cent accords", "", "25 000\ntonnes de blé", "entre et 10 à à 15 %", "$ $ 5 M M€"]
FUZZ_PIECES = (
    "25 000", "1,5", "deux", "un", "millions", "de", "d'", "tonnes", "%", "$", "€", "FCFA", "entre", "et",
    "à", "-", "les", "soldats", "ans", "heures", "h", "2024", "juin", "(03)", "environ", "plus de", ",",
    "M", "Md", "US$", "pour cent", "cent", "mille", "G5", "+223", "76 12 34 56", "passé de", NBSP,
)


def _all_inputs() -> list[str]:
    return (
        [t for t, *_ in SINGLE + UNIT_CODES + SIGNED + COUNTED_AFRESH + DURATION_OBJECTS + DURATIONS_WITHOUT_OBJECT]
        + NONE + [t for t, _ in RANGES] + [t for t, _ in SENTENCES] + ODD
    )


@pytest.mark.parametrize("text, amount_text, value, unit, obj, qualifier", SINGLE)
def test_single_amount(text, amount_text, value, unit, obj, qualifier):
    matches = find_amounts(text)
    assert [m.text for m in matches] == [amount_text]
    m = matches[0]
    assert m.value == pytest.approx(value)
    assert (m.unit, m.object, m.qualifier, m.range_id) == (unit, obj, qualifier, None)


@pytest.mark.parametrize("text, amount_text, value, unit, obj", COUNTED_AFRESH)
def test_a_set_counted_in_digits_or_a_lone_multiplier_is_an_amount(text, amount_text, value, unit, obj):
    matches = find_amounts(text)
    assert [(m.text, m.unit, m.object) for m in matches] == [(amount_text, unit, obj)]
    assert matches[0].value == pytest.approx(value)


def test_a_year_between_two_amounts_of_a_change_is_no_bound():
    text = "Le trafic est passé de 19 316 624 tonnes en 2017 à 29 470 600 tonnes en 2021."
    assert [m.value for m in find_amounts(text)] == [19_316_624, 29_470_600]


@pytest.mark.parametrize("text, amount_text, value", SIGNED)
def test_a_sign_glued_to_the_figure_is_kept(text, amount_text, value):
    assert [(m.text, m.value) for m in find_amounts(text)] == [(amount_text, pytest.approx(value))]


@pytest.mark.parametrize("text", ["Le Mali a battu le Niger 3-0 samedi.", "Le vaccin contre le Covid-19 arrive.",
                                  "Le plan couvre la période 2020-2024."])
def test_a_dash_inside_a_score_a_name_or_a_period_is_no_sign(text):
    assert all(m.value >= 0 for m in find_amounts(text))


@pytest.mark.parametrize("text, amount_text, value, unit, obj", UNIT_CODES)
def test_unit_takes_its_table_code(text, amount_text, value, unit, obj):
    matches = find_amounts(text)
    assert [(m.text, m.unit, m.object) for m in matches] == [(amount_text, unit, obj)]
    assert matches[0].value == pytest.approx(value)


@pytest.mark.parametrize("text, amount_text, value, unit, obj", DURATION_OBJECTS)
def test_duration_takes_the_noun_after_de(text, amount_text, value, unit, obj):
    matches = find_amounts(text)
    assert [(m.text, m.unit, m.object) for m in matches] == [(amount_text, unit, obj)]
    assert matches[0].value == pytest.approx(value)


@pytest.mark.parametrize("text, amount_text, value, unit", DURATIONS_WITHOUT_OBJECT)
def test_duration_without_a_noun_after_de_has_no_object(text, amount_text, value, unit):
    matches = find_amounts(text)
    assert [(m.text, m.unit, m.object) for m in matches] == [(amount_text, unit, None)]
    assert matches[0].value == pytest.approx(value)


@pytest.mark.parametrize("text", NONE)
def test_not_an_amount(text):
    assert find_amounts(text) == []


@pytest.mark.parametrize("text, bounds", RANGES)
def test_range(text, bounds):
    matches = find_amounts(text)
    got = [(m.text, m.value, m.unit, m.object) for m in matches]
    assert got == [(t, pytest.approx(v), u, o) for t, v, u, o in bounds]
    assert [m.range_id for m in matches] == [0, 0]


@pytest.mark.parametrize("text, expected", SENTENCES)
def test_sentence(text, expected):
    matches = find_amounts(text)
    got = [(m.text, m.value, m.unit, m.object, m.qualifier, m.range_id is not None) for m in matches]
    assert got == [(t, pytest.approx(v), u, o, q, r) for t, v, u, o, q, r in expected]


@pytest.mark.parametrize("text, value", NUMBERS)
def test_parse_number(text, value):
    got = parse_number(text)
    assert got == (None if value is None else pytest.approx(value))


@pytest.mark.parametrize("text", _all_inputs())
def test_offsets_sorted_and_disjoint(text):
    matches = find_amounts(text)
    for m in matches:
        assert isinstance(m, AmountMatch)
        assert text[m.start : m.end] == m.text
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))


def test_invariants_hold_on_shuffled_fragments():
    rng = random.Random(7)
    for _ in range(2_000):
        text = " ".join(rng.choice(FUZZ_PIECES) for _ in range(rng.randint(1, 10)))
        matches = find_amounts(text)
        assert all(text[m.start : m.end] == m.text for m in matches), text
        assert all(a.end <= b.start for a, b in zip(matches, matches[1:])), text
        ids = [m.range_id for m in matches if m.range_id is not None]
        assert ids == sorted(ids) and all(ids.count(i) == 2 for i in ids), text
        assert set(ids) == set(range(len(set(ids)))), text


def test_range_ids_count_up_in_text_order():
    text = "De 2 à 4 ans pour l'un, entre 10 et 20 tonnes pour l'autre, et 5-8 % par an."
    matches = find_amounts(text)
    assert [(m.text, m.range_id) for m in matches] == [
        ("2", 0), ("4 ans", 0), ("10", 1), ("20 tonnes", 1), ("5", 2), ("8 %", 2)
    ]


def test_qualifier_applies_to_both_bounds_of_a_range():
    matches = find_amounts("Il faudra environ 3 à 4 semaines.")
    assert [(m.text, m.qualifier) for m in matches] == [("3", "approx"), ("4 semaines", "approx")]


def test_amount_match_is_frozen():
    m = find_amounts("Il a 40 ans.")[0]
    with pytest.raises(AttributeError):
        m.value = 41.0


@pytest.mark.parametrize(
    "text",
    [
        "La référence " + "7" * 320 + " FCFA figure sur le reçu.",
        "Le code " + "8" * 305 + " Mds € circule sur les réseaux.",
        "Entre 10 et " + "9" * 400 + " tonnes, selon le relevé.",
    ],
)
def test_digit_runs_beyond_a_double_are_no_amount(text):
    assert find_amounts(text) == []


def test_a_digit_run_beyond_a_double_leaves_the_amounts_around_it():
    text = "Il a reçu " + "5" * 330 + " tonnes et paie 12 000 FCFA."
    assert [(m.text, m.value) for m in find_amounts(text)] == [("12 000 FCFA", 12_000)]
