#!/usr/bin/env python3
"""Derive dated office-holders (heads of state, heads of government, foreign
ministers and a few other offices quoted in diplomatic news) for
lexicon/people_petrarch.ron.

Two sources, merged by name:

1. `tools/lexicon/office_holders.tsv`: hand-written general knowledge, 2005-2026
   (`CODE<TAB>Name<TAB>alias;alias<TAB>Title<TAB>from<TAB>to`, `to` empty =
   still in office; a date is `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a title
   `Title@Organization` is held in that organization, not the country; CODE
   `-` for an international official of no country). It is
   the reference wherever it knows a person.
2. PETRARCH2/Phoenix `Phoenix.Countries.actors.txt` (MIT License, Copyright (c)
   2014 Open Event Data Alliance, built from CountryInfo.140130). Its entries
   carry CAMEO codes with date spans (`[TURGOV 021118-030314]`), not the office
   held: GOV covers every cabinet member, and its titled synonyms
   (`+PRESIDENT_...`) are not reliable (Borut Pahor, Prime Minister 2008-2012,
   is listed as President). Two things are taken from it:
   - the spellings (synonyms) it knows of a person the TSV lists for the same
     country, as aliases, when every first or last word they bring is a close
     spelling of the person's own and no other known person's ("Amery Brown"
     for Amery Browne would make Gordon Brown's surname ambiguous);
   - its leaders: each country's block lists first, in order, the persons who
     led it (heads of state and government, governors-general, co-princes),
     each ending on an undated elite code (`[KENELI]`) that the cabinet
     members after them lack. A leader whose last government span reaches 2005
     and whom neither the TSV nor people.ron knows (same country, same surname
     or a close spelling) is written with the title "Leader" for that span; a
     span still open when the dictionary was built ends on that day, and one
     open since before 2008 is left out (governors-general, exiles, miscodes).

Persons already in lexicon/people.ron (by name or alias, accents and case
ignored) are left out, so nobody is listed twice; the lexicon loader adds the
files up and does not merge persons. Aliases that begin with a title or an
honorific (`Prince Albert II`) are dropped: the mention finder reads the title
apart, and the first word would become a surname.

Usage: python3 tools/lexicon/petrarch_people.py > lexicon/people_petrarch.ron
It notes on stderr each written person whose surname a person of people.ron
in office at the same time has: check that no famous surname is lost.
"""
import calendar
import difflib
import re
import sys
import unicodedata
from collections import OrderedDict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PHOENIX = Path("/work/shared/reference/petrarch2/Phoenix.Countries.actors.txt")
TSV = ROOT / "tools/lexicon/office_holders.tsv"
PEOPLE = ROOT / "lexicon/people.ron"
COUNTRIES = ROOT / "lexicon/countries.ron"
TITLES = ROOT / "lexicon/titles.ron"
CUES = ROOT / "lexicon/cues.ron"
# The day Phoenix's source (CountryInfo.140130) was built: a span still open
# then ends on it.
PHOENIX_BUILT = "2014-01-30"
# Court and honorific styles Phoenix writes before names, beyond the titles
# and honorifics of the lexicon.
STYLES = {"lyonpo", "samdech", "datuk", "dato", "tun", "tuanku", "ratu", "hojatolislam",
          "hojatoleslam", "mullah", "hereditary", "al-sultan", "sheikha", "shaikh", "sayyid",
          "his", "her", "general", "gen", "col", "colonel", "prof", "professor", "rev", "father"}
PARTICLES = {"al", "bin", "bint", "ibn", "el", "de", "da", "do", "dos", "van", "von", "der", "la", "le", "du", "di"}

PREFIXES = [
    ("PRESIDENT_", "President"),
    ("PRIME_MINISTER_", "Prime Minister"),
    ("FOREIGN_MINISTER_", "Foreign Minister"),
    ("CHANCELLOR_", "Chancellor"),
    ("KING_", "King"),
]
# Section comments (`# Presidents`) are not used: a section runs on into the
# cabinet lists without a closing mark, so it cannot say who held the office.
SECTIONS = []


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def phoenix_name(raw):
    """`RECEP_TAYYIP_ERDOĞAN_` -> `Recep Tayyip Erdoğan`."""
    words = [w for w in raw.strip("_").split("_") if w]
    out = []
    for w in words:
        lw = w.lower()
        if lw in ("al", "bin", "bint", "ibn", "el", "de", "da", "van", "von", "der"):
            out.append(lw)
        elif re.fullmatch(r"[IVX]+", w) or "." in w:
            out.append(w)  # a regnal number or initials: "Albert II", "P.J."
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def yymmdd(d):
    if len(d) == 8:
        y, m, dd = d[:4], d[4:6], d[6:]
    else:
        yy = int(d[:2])
        y = str(2000 + yy if yy < 30 else 1900 + yy)
        m, dd = d[2:4], d[4:6]
    return f"{y}-{m}-{dd}"


def parse_phoenix(path):
    """(country, name, aliases, title or None, spans) of each person entry
    with government or elite codes of one country."""
    section = None
    block = None
    out = []

    def flush():
        if not block:
            return
        spans = []
        for code, lo, hi in block["spans"]:
            if not re.fullmatch(r"[A-Z]{3}(GOV|ELI)[A-Z]*", code):
                continue
            fr = yymmdd(lo) if lo else ""
            to = yymmdd(hi) if hi else "2014"
            if (to[:4] if to else "9999") < "2005":
                continue
            spans.append((code[:3], fr, to))
        if not spans:
            return
        countries = {c for c, _, _ in spans}
        if len(countries) != 1:
            return
        out.append((countries.pop(), block["name"], block["aliases"], block["title"], [(f, t) for _, f, t in spans]))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            hit = None
            for rx, title in SECTIONS:
                if rx.search(line):
                    hit = title
            if hit or not line.strip("# "):
                section = hit if hit else section
            else:
                section = None
            continue
        if not line.strip():
            continue
        if line.startswith("\t") or line.startswith(" "):
            m = re.match(r"\s*\[([A-Z]{3,})\s*(.*?)\]", line)
            if m and block is not None:
                rng = m.group(2).strip()
                if not rng:
                    continue
                if rng.startswith(">"):
                    block["spans"].append((m.group(1), rng[1:], ""))
                elif rng.startswith("<"):
                    block["spans"].append((m.group(1), "", rng[1:]))
                elif "-" in rng:
                    lo, hi = rng.split("-", 1)
                    block["spans"].append((m.group(1), lo, hi))
            continue
        text = line.split("#")[0].strip()
        text = re.sub(r"\s*\[.*$", "", text)
        if line.startswith("+"):
            if block is None:
                continue
            syn = text[1:].strip()
            for pre, title in PREFIXES:
                if syn.startswith(pre):
                    block["title"] = block["title"] or title
                    syn = syn[len(pre):]
                    break
            if syn.strip("_") and "_" in syn.strip("_"):
                block["aliases"].append(phoenix_name(syn))
            continue
        flush()
        if re.search(r"\[[A-Z]{3}\]", line) or not text:
            block = None  # a country or institution, not a person
            continue
        name = text
        title = None
        for pre, t in PREFIXES:
            if name.startswith(pre):
                title, name = t, name[len(pre):]
        if "_" not in name.strip("_"):
            block = None  # a single word: a surname or an institution, too loose
            continue
        block = {"name": phoenix_name(name), "aliases": [], "title": title or section, "spans": []}
    flush()
    return out


def loose(d, end, n):
    """`YYYY-MM` -> first (or last) day of the month; `YYYY-MM-DD`, `YYYY`, "" kept."""
    if d == "" or re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", d):
        return d
    if re.fullmatch(r"\d{4}-\d{2}", d):
        if not end:
            return d + "-01"
        y, m = int(d[:4]), int(d[5:])
        last = calendar.monthrange(y, m)[1]
        return f"{d}-{last:02d}"
    sys.exit(f"{TSV}:{n}: bad date {d!r}")


def spellings(n):
    """The forms the press also writes an Arabic name in: `Bin` capitalised
    (Gulf agencies), `Al-Nahyan` hyphenated."""
    cands = [n]
    if " bin " in n:
        cands.append(n.replace(" bin ", " Bin "))
    for c in list(cands):
        if re.search(r" Al [A-Z]", c):
            cands.append(re.sub(r" Al ([A-Z])", r" Al-\1", c))
    return cands[1:]


def known_names(path):
    text = path.read_text(encoding="utf-8")
    names = set()
    for m in re.finditer(r'\(name: "([^"]*)", aliases: \[([^\]]*)\]', text):
        names.add(fold(m.group(1)))
        for a in re.findall(r'"([^"]*)"', m.group(2)):
            names.add(fold(a))
    return names


def known_exact(path):
    text = path.read_text(encoding="utf-8")
    return {s.lower() for s in re.findall(r'"([^"]*)"', text)}


def country_codes(path):
    return set(re.findall(r'code: "([A-Z]{3})"', path.read_text(encoding="utf-8")))


def esc(s):
    return s.replace("\\", "\\\\").replace('"', '\\"')


def style_words():
    """Lower-case words that begin a title or are an honorific: an alias
    starting with one is dropped, and a Phoenix name loses them."""
    words = set(STYLES)
    for m in re.finditer(r'name: "([^"]*)", aliases: \[([^\]]*)\]', TITLES.read_text(encoding="utf-8")):
        for t in [m.group(1)] + re.findall(r'"([^"]*)"', m.group(2)):
            words.add(t.split()[0].lower())
    h = re.search(r"honorifics: \[([^\]]*)\]", CUES.read_text(encoding="utf-8"))
    if h:
        words |= {w.lower().rstrip(".") for w in re.findall(r'"([^"]*)"', h.group(1))}
    return words


def surnames(name):
    """The words the gazetteer files a person under (first and last of a
    name of two words or more, no initials), folded."""
    parts = name.split()
    if len(parts) < 2:
        return set()
    out = set()
    for w in (parts[0], parts[-1]):
        letters = sum(c.isalpha() for c in w)
        if letters < 2 or "." in w or (letters <= 3 and not any(c.islower() for c in w)):
            continue
        out.add(fold(w))
    return out


def ron_people(path):
    """(country, [name, alias...]) of each person of a RON people file."""
    text = path.read_text(encoding="utf-8")
    return [
        (m.group(3), [m.group(1)] + re.findall(r'"([^"]*)"', m.group(2)))
        for m in re.finditer(r'\(name: "([^"]*)", aliases: \[([^\]]*)\], country: "([A-Z]*)"', text)
    ]


def phoenix_leaders(path, styles):
    """(country, name, aliases, from, to) of each leader of a country block
    whose last government span ends in 2005 or later."""
    entries = []
    cur = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line[0] in " \t":
            m = re.match(r"\s*\[([A-Z]{3,})\s*(.*?)\]", line)
            if m and cur is not None:
                cur["spans"].append((m.group(1), m.group(2).strip()))
            continue
        text = re.sub(r"\s*\[.*$", "", line.split("#")[0].strip())
        if line.startswith("+"):
            if cur is not None:
                cur["syn"].append(text[1:].strip())
            continue
        cur = {"raw": text, "spans": [], "syn": []}
        entries.append(cur)
    out = []
    for e in entries:
        spans = e["spans"]
        # a leader's spans end on an undated elite code of its country
        if not spans or spans[-1][1] or not re.fullmatch(r"[A-Z]{3}ELI", spans[-1][0]):
            continue
        code = spans[-1][0][:3]
        gov = [r for c, r in spans if c == code + "GOV" and r]
        if not gov:
            continue
        r = gov[-1]
        if r.startswith(">"):
            lo, hi = r[1:], ""
        elif r.startswith("<"):
            lo, hi = "", r[1:]
        elif "-" in r:
            lo, hi = r.split("-", 1)
        else:
            continue
        fr = yymmdd(lo) if lo else ""
        to = yymmdd(hi) if hi else PHOENIX_BUILT
        if to < "2005" or (fr and fr > to):
            continue
        # a span from before 2008 still open in 2014 is a governor-general's,
        # an exile's or a miscoded one more often than a leader's: left out
        if not hi and (not fr or fr < "2008"):
            continue

        def clean(raw):
            words = [w for w in phoenix_name(raw).split() if "`" not in w]
            while words and words[0].lower().rstrip(".") in styles:
                words = words[1:]
            return " ".join(words)

        name = clean(e["raw"])
        words = name.split()
        # "Qabus ibn" of "QABUS_IBN_SA`ID": a name begins with a capital and
        # ends on no particle
        if len(words) < 2 or not words[0][:1].isupper() or words[-1].lower() in PARTICLES:
            continue
        aliases = [a for a in (clean(x) for x in e["syn"] if "_" in x.strip("_")) if len(a.split()) >= 2]
        out.append((code, name, aliases, fr, to))
    return out


def similar(a, b):
    """Two folded names of one person written apart: same last word, or
    close spellings ("serzh sarkisyan", "serzh sargsyan")."""
    wa = [w for w in a.split() if w not in PARTICLES]
    wb = [w for w in b.split() if w not in PARTICLES]
    if not wa or not wb:
        return False
    if wa[-1] == wb[-1]:
        return True
    return difflib.SequenceMatcher(None, " ".join(wa), " ".join(wb)).ratio() >= 0.8


def spans_of(roles):
    """(from, to) of roles as comparable strings, open ends widened."""
    out = []
    for f, t in roles:
        f = (f or "0000") + "-00-00"[len(f or "0000") - 4 :] if len(f or "0000") < 10 else f
        t = (t + "-99-99"[len(t) - 4 :]) if t and len(t) < 10 else (t or "9999-99-99")
        out.append((f, t))
    return out


def surname_clashes(people, known):
    """Warnings for a generated person whose last name is that of a person of
    people.ron in office at the same time: a bare surname of either then
    resolves to nobody. Some are right (two Barzanis); a famous person's
    surname should not be lost to a minor one's (see the TSV's header)."""
    text = PEOPLE.read_text(encoding="utf-8")
    last = {}
    for m in re.finditer(r'\(name: "([^"]*)", aliases: \[([^\]]*)\], country: "[A-Z]*", roles: \[(.*?)\]\),\n', text):
        roles = re.findall(r'from: "([^"]*)", to: "([^"]*)"', m.group(3))
        # the surname they are known by: the last word of their name
        w = m.group(1).split()
        if len(w) >= 2 and fold(w[-1]) in surnames(m.group(1)) and " " not in fold(w[-1]):
            last.setdefault(fold(w[-1]), []).append((m.group(1), spans_of(roles)))
    out = []
    for key, p in sorted(people.items(), key=lambda kv: kv[1]["name"]):
        if key in known:
            continue
        mine = spans_of([(f, t) for _, _, f, t in p["roles"]])
        words = {
            fold(n.split()[-1])
            for n in [p["name"]] + p["tsv_aliases"]
            if fold(n.split()[-1]) in surnames(n) and " " not in fold(n.split()[-1])
        }
        for w in sorted(words):
            for other, theirs in last.get(w, []):
                if any(a[0] <= b[1] and b[0] <= a[1] and max(a[0], b[0]) >= "2005" for a in mine for b in theirs):
                    out.append(f"note: {p['name']} and {other} (people.ron) share the surname {w!r} in office")
    return sorted(set(out))


def main():
    codes = country_codes(COUNTRIES)
    known = known_names(PEOPLE)
    styles = style_words()
    people = OrderedDict()  # folded name -> dict

    # Hand-written roles first: they are the reference where both know a person.
    for n, line in enumerate(TSV.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 6:
            sys.exit(f"{TSV}:{n}: expected 6 tab-separated columns, got {len(cols)}")
        code, name, aliases, title, fr, to = (c.strip() for c in cols)
        code = "" if code == "-" else code  # an international official
        if code and code not in codes:
            sys.exit(f"{TSV}:{n}: unknown country code {code}")
        key = fold(name)
        p = people.setdefault(
            key, {"name": name, "country": code, "aliases": [], "tsv_aliases": [], "roles": []}
        )
        if p["country"] != code:
            sys.exit(f"{TSV}:{n}: {name} listed for {p['country']} and {code}")
        for a in filter(None, (a.strip() for a in aliases.split(";"))):
            if a not in p["aliases"]:
                p["aliases"].append(a)
                p["tsv_aliases"].append(a)
        title, _, org = title.partition("@")
        role = (title.strip(), org.strip(), loose(fr, False, n), loose(to, True, n))
        if role not in p["roles"]:
            p["roles"].append(role)

    # Who is known, by country, and who is filed under each surname.
    by_country = {}
    owners = {}
    for i, (code, names) in enumerate(
        ron_people(PEOPLE) + [(p["country"], [p["name"]] + p["aliases"]) for p in people.values()]
    ):
        by_country.setdefault(code, []).extend(fold(x) for x in names)
        for x in names:
            for s in surnames(x):
                owners.setdefault(s, set()).add(i)

    def foreign(surname, own):
        """Whether a surname would be new to a person of names `own`: not
        one of theirs, or another person's, or no close spelling of theirs
        ("Amery Brown" for Amery Browne: Gordon Brown's; "Portia Simpson
        Miller" for Portia Simpson-Miller: no spelling of hers)."""
        mine = {s for x in own for s in surnames(x)}
        if surname in mine:
            return False
        if surname in owners:
            return True
        return not any(difflib.SequenceMatcher(None, surname, m).ratio() >= 0.8 for m in mine)

    # Phoenix adds the spellings it knows to the same person in the same
    # country, when they bring no surname that another person has.
    index = {}
    for key, p in people.items():
        index[key] = p
        for a in p["aliases"]:
            index.setdefault(fold(a), p)
    for code, name, aliases, _title, _spans in parse_phoenix(PHOENIX):
        p = index.get(fold(name))
        if p is None or p["country"] != code:
            continue
        for a in [name] + aliases:
            if a.lower() == p["name"].lower() or any(a.lower() == b.lower() for b in p["aliases"]):
                continue
            if any(foreign(s, [p["name"]] + p["tsv_aliases"]) for s in surnames(a)):
                continue
            p["aliases"].append(a)

    # Phoenix's leaders that nobody lists yet, as leaders for their span.
    leaders = 0
    for code, name, aliases, fr, to in phoenix_leaders(PHOENIX, styles):
        if code not in codes:
            continue
        key = fold(name)
        if key in known or key in people:
            continue
        if any(similar(key, k) for k in by_country.get(code, [])):
            continue
        if any(owners.get(s) for s in surnames(name)):
            continue  # a surname someone else has: too loose alone
        keep = [a for a in aliases if not any(owners.get(s) for s in surnames(a) - surnames(name))]
        people[key] = {
            "name": name,
            "country": code,
            "aliases": keep,
            "tsv_aliases": [],
            "roles": [("Leader", "", fr, to)],
        }
        by_country.setdefault(code, []).append(key)
        leaders += 1

    out = [
        "// Generated by tools/lexicon/petrarch_people.py: do not edit, edit the sources.",
        "// Heads of state and government, foreign ministers and other quoted offices, 2005",
        "// onwards: roles from tools/lexicon/office_holders.tsv (general knowledge), name",
        "// spellings and the leaders up to 2014 it lacks (title Leader) from the Phoenix",
        "// dictionary. Persons already in people.ron are left out.",
        "// Includes data from PETRARCH2/Phoenix dictionaries, MIT License, Copyright (c) 2014 Open Event Data",
        "// Alliance (Phoenix.Countries.actors.txt).",
        "(",
        "  people: [",
    ]
    kept = skipped = 0
    # exact spellings (case aside) already taken: an alias that differs only in
    # accents is kept, the matcher does not fold them ("Gül", "Gul")
    seen = set(known_exact(PEOPLE))
    for key, p in sorted(people.items(), key=lambda kv: kv[1]["name"]):
        if key in known or any(fold(a) in known for a in p["tsv_aliases"]):
            skipped += 1
            continue
        # aliases must not collide with another entry's names
        aliases = []
        seen.add(p["name"].lower())
        forms = p["aliases"] + [v for n in [p["name"]] + p["aliases"] for v in spellings(n)]
        for a in forms:
            if a.lower() in seen or len(fold(a)) < 4:
                continue
            if a.split()[0].lower().rstrip(".") in styles:
                continue  # "Prince Albert II": the title is read apart
            seen.add(a.lower())
            aliases.append(a)
        # in order of start (undated first), so the latest one held wins
        # an empty `of` and empty aliases are the defaults and left out: the
        # file is parsed at every start
        roles = ", ".join(
            f'(title: "{esc(t)}", ' + (f'of: "{esc(o)}", ' if o else "") + f'from: "{f}", to: "{to}")'
            for t, o, f, to in sorted(p["roles"], key=lambda r: (r[2], r[3]))
        )
        al = ", ".join(f'"{esc(a)}"' for a in aliases)
        al = f"aliases: [{al}], " if al else ""
        out.append(f'    (name: "{esc(p["name"])}", {al}country: "{p["country"]}", roles: [{roles}]),')
        kept += 1
    out += ["  ],", ")", ""]
    sys.stdout.write("\n".join(out))
    for w in surname_clashes(people, known):
        print(w, file=sys.stderr)
    print(f"{kept} persons written ({leaders} Phoenix leaders), {skipped} already in people.ron", file=sys.stderr)


if __name__ == "__main__":
    main()
