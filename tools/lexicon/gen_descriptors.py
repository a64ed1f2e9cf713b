#!/usr/bin/env python3
"""Generate lexicon/descriptors.ron for ties.

How to run (from the repository root):

    python3 tools/lexicon/gen_descriptors.py            # writes lexicon/descriptors.ron
    python3 tools/lexicon/gen_descriptors.py --out DIR  # writes DIR/descriptors.ron

Python 3 standard library only.  Reads the alpha-3 codes from lexicon/countries.ron.

News often names a state by a descriptor instead of its name ("the Gulf kingdom",
"the west African country", "the landlocked Himalayan nation").  The extractor
resolves such a phrase to a state named earlier whose descriptor words include
every *known* modifier word of the phrase (a word is known if any state has it).
So a state missing a word news correctly uses for it is wrongly excluded, and a
state holding a wrong word is wrongly included: keep the tables accurate, and
generous only within correct geography.

The knowledge is in the tables below: TABLE rows are (words, codes); every code of
a row gets every word of the row.  Regions follow UN M49 subregions, adjusted to
how news names them (e.g. Zambia/Zimbabwe/Malawi are "southern African" in news
though M49 puts them in Eastern Africa; Iran is "Middle Eastern", not "south Asian").

Codes in countries.ron that no row names are printed to stderr (left uncovered on
purpose: uninhabited territories and Antarctica).  A row naming a code not in
countries.ron is an error (exit 1).  Output is sorted and deterministic.
"""

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

# The closed vocabulary: any other word in a table is an error.
VOCAB = set(
    """
    african asian european american latin arab eurasian oceanian
    north northern south southern east eastern west western central
    northeast northeastern northwest northwestern southeast southeastern
    southwest southwestern middle mideast
    gulf persian baltic balkan nordic scandinavian caribbean pacific mediterranean
    himalayan caucasus sahel sahelian andean iberian alpine levant levantine maghreb
    horn subcontinent
    landlocked island archipelago kingdom emirate sultanate principality monarchy
    communist city-state desert oil-rich nuclear-armed
    """.split()
)

TABLE = [
    # ------------------------------------------------------------------ Africa
    ("african", """
        DZA EGY LBY MAR SDN TUN ESH
        BDI COM DJI ERI ETH KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD TZA UGA ZMB ZWE
        AGO CMR CAF TCD COG COD GNQ GAB STP
        BWA SWZ LSO NAM ZAF
        BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SHN SEN SLE TGO
    """),
    # Northern Africa (Sudan also northeast / east; Egypt also northeast)
    ("north northern", "DZA EGY LBY MAR SDN TUN ESH"),
    ("northeast northeastern", "EGY SDN ERI DJI ETH SOM"),
    ("northwest northwestern", "MAR ESH MRT"),
    ("maghreb", "DZA LBY MAR TUN MRT ESH"),
    # Eastern Africa as news uses it (Great Lakes + Horn + Indian Ocean islands)
    ("east eastern", "BDI KEN RWA TZA UGA SOM ETH ERI DJI SSD SDN COM MDG MUS SYC MYT REU"),
    ("horn", "SOM ETH ERI DJI SDN"),
    # Middle Africa = "central African" (Rwanda and Burundi are called both)
    ("central", "CMR CAF TCD COG COD GNQ GAB STP RWA BDI"),
    # Southern Africa, plus the SADC states M49 puts in Eastern/Middle Africa.
    # No "south" here: "South African" is South Africa's name.
    ("southern", "BWA SWZ LSO NAM ZAF ZMB ZWE MWI MOZ AGO MDG"),
    ("southeast southeastern", "MOZ MWI MDG"),
    ("southwest southwestern", "NAM AGO"),
    # Western Africa
    ("west western", "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SHN SEN SLE TGO"),
    ("sahel sahelian", "MLI BFA NER TCD MRT"),

    # ------------------------------------------------------------------ Asia
    ("asian", """
        CHN HKG MAC PRK JPN MNG KOR TWN
        BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM
        AFG BGD BTN IND IRN MDV NPL PAK LKA
        KAZ KGZ TJK TKM UZB
        BHR IRQ ISR JOR KWT LBN OMN QAT SAU PSE SYR ARE YEM TUR RUS
    """),
    # Eastern Asia
    ("east eastern", "CHN HKG MAC PRK JPN MNG KOR TWN"),
    ("northeast northeastern", "CHN PRK JPN MNG KOR TWN"),
    # South-eastern Asia
    ("southeast southeastern", "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM"),
    # Southern Asia (Iran goes with the Middle East instead)
    ("south southern", "AFG BGD BTN IND MDV NPL PAK LKA"),
    ("subcontinent", "IND PAK BGD NPL BTN LKA"),
    ("himalayan", "NPL BTN"),
    # Central Asia (Afghanistan is called both central and south Asian)
    ("central", "KAZ KGZ TJK TKM UZB AFG"),
    # Middle East / Western Asia (Egypt and Turkey: middle eastern, not west Asian)
    ("middle eastern mideast", "BHR IRQ ISR JOR KWT LBN OMN QAT SAU PSE SYR ARE YEM IRN EGY TUR"),
    ("west western", "BHR IRQ ISR JOR KWT LBN OMN QAT SAU PSE SYR ARE YEM IRN"),
    ("gulf persian", "SAU ARE QAT KWT OMN BHR IRQ IRN"),
    ("levant levantine", "ISR LBN SYR JOR PSE"),
    # South Caucasus ("the South Caucasus nation"); not called "Asian" in news
    ("caucasus south southern eurasian", "ARM AZE GEO"),
    ("eurasian", "RUS TUR KAZ"),

    # ------------------------------------------------------------------ Europe
    ("european", """
        DNK EST FIN ISL IRL LVA LTU NOR SWE GBR ALA FRO IMN JEY GGY SJM
        AUT BEL FRA DEU LIE LUX MCO NLD CHE
        BLR BGR CZE HUN POL MDA ROU RUS SVK UKR
        ALB AND BIH HRV GIB GRC VAT ITA MLT MNE MKD PRT SMR SRB SVN ESP XKX
        CYP TUR
    """),
    # Northern Europe
    ("north northern", "DNK EST FIN ISL IRL LVA LTU NOR SWE GBR ALA FRO SJM"),
    ("nordic", "DNK FIN ISL NOR SWE FRO ALA SJM GRL"),
    ("scandinavian", "DNK NOR SWE FIN"),
    ("baltic", "EST LVA LTU ALA"),
    ("northeast northeastern", "EST LVA LTU"),
    ("northwest northwestern", "NLD BEL GBR IRL"),
    # Western Europe (plus the British Isles and Iberia, which news calls western)
    ("west western", "AUT BEL FRA DEU LIE LUX MCO NLD CHE GBR IRL ESP PRT"),
    ("central", "POL CZE SVK HUN AUT DEU CHE LIE SVN"),
    ("alpine", "CHE AUT LIE"),
    # Eastern Europe (Baltic states also get "eastern")
    ("east eastern", "BLR BGR CZE HUN POL MDA ROU SVK UKR"),
    ("eastern", "RUS EST LVA LTU"),
    # Southern Europe
    ("south southern", "ALB AND BIH HRV GIB GRC VAT ITA MLT MNE MKD PRT SMR SRB SVN ESP XKX CYP"),
    ("southeastern", "ALB BIH HRV MNE MKD SRB XKX GRC BGR ROU"),
    ("balkan", "ALB BIH HRV MNE MKD SRB XKX GRC BGR ROU"),
    ("iberian", "ESP PRT GIB"),
    # Cyprus: "the east(ern) Mediterranean island"
    ("east eastern", "CYP"),

    # ------------------------------------------------------------------ Americas
    # Greenland, the Falklands and Bermuda are left out of "american" on purpose
    # ("the North American country" beside the US / Argentina).
    ("american", """
        USA CAN MEX
        BLZ CRI SLV GTM HND NIC PAN
        AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI
        BLM KNA LCA MAF VCT SXM TTO TCA VIR
        ARG BOL BRA CHL COL ECU GUF GUY PRY PER SUR URY VEN
    """),
    ("north", "USA CAN MEX"),
    ("central", "BLZ CRI SLV GTM HND NIC PAN"),
    ("south", "ARG BOL BRA CHL COL ECU GUF GUY PRY PER SUR URY VEN"),
    ("latin", """
        MEX BLZ CRI SLV GTM HND NIC PAN CUB DOM PRI HTI
        ARG BOL BRA CHL COL ECU PRY PER URY VEN
    """),
    ("caribbean", """
        AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI
        BLM KNA LCA MAF VCT SXM TTO TCA VIR BLZ GUY SUR
    """),
    ("andean", "BOL PER ECU COL CHL VEN"),

    # ------------------------------------------------------------------ Oceania
    ("pacific oceanian", """
        AUS NZL NFK
        FJI NCL PNG SLB VUT
        GUM KIR MHL FSM NRU MNP PLW
        ASM COK PYF NIU PCN WSM TKL TON TUV WLF
    """),
    # "South Pacific" (Melanesia, Polynesia, New Zealand) / "western Pacific"
    # (Micronesia) / "central Pacific" (Kiribati)
    ("south", "NZL NFK FJI NCL PNG SLB VUT ASM COK PYF NIU PCN WSM TKL TON TUV WLF KIR NRU"),
    ("southwest", "FJI NCL PNG SLB VUT"),
    ("west western north", "GUM MHL FSM MNP PLW"),
    ("central", "KIR"),

    # ------------------------------------------------------------------ traits
    ("landlocked", """
        AFG AND ARM AUT AZE BLR BTN BOL BWA BFA BDI CAF TCD CZE SWZ ETH HUN KAZ XKX
        KGZ LAO LSO LIE LUX MWI MLI MDA MNG NPL NER MKD PRY RWA SMR SRB SVK SSD CHE
        TJK TKM UGA UZB VAT ZMB ZWE
    """),
    ("island", """
        ATG BHS BRB BHR CPV COM CUB CYP DMA DOM FJI GRD HTI ISL IDN IRL JAM JPN KIR
        MDG MDV MLT MHL MUS FSM NRU NZL PLW PNG PHL KNA LCA VCT WSM STP SYC SGP SLB
        LKA TLS TON TTO TUV VUT GBR TWN
        ALA FRO IMN JEY GGY SJM GRL BMU SPM FLK AIA ABW BES VGB CYM CUW GLP MTQ MSR
        PRI BLM MAF SXM TCA VIR REU MYT NCL PYF WLF ASM COK NIU PCN TKL GUM MNP NFK
        CXR CCK IOT
    """),
    ("archipelago", """
        IDN PHL JPN BHS CPV COM FJI KIR MDV MLT MHL FSM PLW SLB SYC STP TON TUV VUT
        BHR TCA VGB FRO ALA SJM PYF FLK SPM MNP COK IOT
    """),
    ("kingdom", "SAU JOR MAR BHR GBR ESP NLD BEL SWE NOR DNK THA KHM BTN LSO SWZ TON"),
    ("emirate", "QAT KWT ARE"),
    ("sultanate", "OMN BRN"),
    ("principality", "MCO LIE AND"),
    ("monarchy", """
        SAU JOR MAR BHR GBR ESP NLD BEL SWE NOR DNK THA KHM BTN LSO SWZ TON
        QAT KWT ARE OMN BRN MCO LIE AND JPN LUX MYS VAT
    """),
    ("communist", "CHN VNM LAO CUB PRK"),
    ("city-state", "SGP MCO VAT"),
    ("desert", "SAU ARE QAT KWT OMN BHR JOR LBY ESH"),
    ("oil-rich", "SAU ARE QAT KWT OMN BHR IRQ IRN LBY VEN NGA AGO KAZ AZE BRN RUS NOR GNQ GUY"),
    ("nuclear-armed", "USA RUS CHN GBR FRA IND PAK PRK ISR"),
    ("arab", """
        DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR
        TUN ARE YEM
    """),
    ("mediterranean", """
        ESP FRA MCO ITA MLT SVN HRV BIH MNE ALB GRC TUR CYP SYR LBN ISR PSE EGY LBY
        TUN DZA MAR GIB
    """),
]


def read_codes(path):
    with open(path, encoding="utf-8") as f:
        return re.findall(r'\bcode:\s*"([A-Z]{3})"', f.read())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "lexicon"))
    ap.add_argument("--countries", default=os.path.join(ROOT, "lexicon", "countries.ron"))
    args = ap.parse_args()

    codes = read_codes(args.countries)
    known = set(codes)
    if not known:
        sys.exit(f"no codes found in {args.countries}")

    words = {}
    bad = False
    for row_words, row_codes in TABLE:
        ws = row_words.split()
        for w in ws:
            if w not in VOCAB or w != w.lower() or not w:
                print(f"error: word {w!r} not in the vocabulary", file=sys.stderr)
                bad = True
        for c in row_codes.split():
            if c not in known:
                print(f"error: code {c} (row {row_words!r}) not in countries.ron", file=sys.stderr)
                bad = True
                continue
            words.setdefault(c, set()).update(ws)
    if bad:
        sys.exit(1)

    uncovered = sorted(c for c in known if c not in words)
    if uncovered:
        print("uncovered codes: " + " ".join(uncovered), file=sys.stderr)

    lines = [
        "// Generated by tools/lexicon/gen_descriptors.py -- edit the script, not this file.",
        "// What news calls a state in place of its name (\"the Gulf kingdom\", \"the west",
        "// African country\"): each state's descriptor words, by alpha-3 code.",
        "(",
        "    descriptors: [",
    ]
    for c in sorted(words):
        ws = ", ".join(f'"{w}"' for w in sorted(words[c]))
        lines.append(f'        (country: "{c}", words: [{ws}]),')
    lines += ["    ],", ")", ""]
    out = os.path.join(args.out, "descriptors.ron")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"wrote {out}: {len(words)} entries", file=sys.stderr)


if __name__ == "__main__":
    main()
