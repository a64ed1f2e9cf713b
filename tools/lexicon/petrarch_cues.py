#!/usr/bin/env python3
"""Derive cues from PETRARCH2's CAMEO verb dictionary: lexicon/cues_petrarch.ron.

    python3 tools/lexicon/petrarch_cues.py [--dict PATH] [--out PATH] [--check]

Reads ../shared/reference/petrarch2/CAMEO.2.0.txt (MIT License, Copyright (c)
2014 Open Event Data), keeps the verbs and patterns whose CAMEO code ties models
(see KINDS), and writes each one it can express in ties' pattern language
(`a|b`, `word?`, `*` = one to four words) as a cue with the frame it implies:

- a bare verb of a block (its own code, or the block's) gives a cue of its
  inflected forms;
- `- * OBJ (PREP NOUN) ...` gives "VERB OBJ PREP NOUN", a noun phrase's head
  allowed one to four words before it ("recalled its ambassador");
- `$` before the verb is the agent (frame Subject); `+` after it, the partner
  (as in every Subject cue). Patterns with words, `+` or `%` before the verb,
  with `^`, or with `$` after the verb cannot be said in ties' language and are
  skipped; `(BY $)` would be a passive frame, which the schema does not have
  yet: those are listed by --passive.

A pattern applies to the verb(s) its comment names (where the dictionary's
coders found it), else to every verb of its block. Forms are the dictionary's
`{...}` list, else the regular ones (-s, -ed, -ing; -e, -y, doubled final
consonant handled). `tools/lexicon/petrarch_cues_stop.txt` is the reviewed
stoplist: verbs, verb forms and patterns that are too general or mean
something else in news, each with its reason. Forms or patterns a hand-written
cue of cues.ron already covers are left out.

Each cue gets a synthetic `matches` sentence built from a template of its
frame; --check runs the built binary (target/quick/ties extract) on them and
keeps only cues whose sentence gives the edge and in which no hand-written cue
of the kind matches (else the cue adds nothing), so `cargo test` holds every
kept cue to its example.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DICT = os.path.join(ROOT, "..", "shared", "reference", "petrarch2", "CAMEO.2.0.txt")
OUT = os.path.join(ROOT, "lexicon", "cues_petrarch.ron")
STOP = os.path.join(ROOT, "tools", "lexicon", "petrarch_cues_stop.txt")
HAND = os.path.join(ROOT, "lexicon", "cues.ron")
BIN = os.path.join(ROOT, "target", "quick", "ties")

KIND_ORDER = ["Meeting", "Visit", "Commitment", "Support", "Praise", "Agreement", "Criticism"]


def kind_of(code):
    """The ties edge kind of a CAMEO code (see shared/spec/EXTRACTION.md), or None."""
    c = code
    if re.fullmatch(r"03[0-3]\d?", c):
        return "Commitment"  # intent to cooperate, to cooperate materially or diplomatically, to give aid
    if c in ("040", "041", "043", "044", "046"):
        return "Meeting"  # consult, phone, host, meet elsewhere, negotiate
    if c == "042":
        return "Visit"
    if c in ("051",):
        return "Praise"
    if c in ("050", "052", "053", "054"):
        return "Support"  # diplomatic cooperation, defend verbally, rally support, recognize
    if c == "057":
        return "Agreement"
    if re.fullmatch(r"11[0-5]\d?", c):
        return "Criticism"  # disapprove, criticize, accuse, rally opposition, complain, sue
    if re.fullmatch(r"12\d\d?", c):
        return "Criticism"  # reject
    if re.fullmatch(r"16\d\d?", c):
        return "Criticism"  # reduce relations, cut aid, sanctions, halt talks, expel
    if c in ("172", "174"):
        return "Criticism"  # administrative sanctions (bans), expel or deport
    return None


# ---- the dictionary

PLURAL_NOT = set()


def plural(w):
    if w.endswith("S") or w.endswith("_"):
        return None
    if w.endswith("Y") and len(w) > 1 and w[-2] not in "AEIOU":
        return w[:-1] + "IES"
    if w.endswith(("SH", "CH", "X", "Z")):
        return w + "ES"
    return w + "S"


def parse(path):
    sets = {}
    blocks = []  # (name, code, verbs [(forms list(lower, words joined by space), code)], patterns)
    lines = open(path, encoding="latin-1").read().split("\n")
    in_verbs = False
    cur_set = None
    cur = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        comment = raw.split("#", 1)[1].strip() if "#" in raw else ""
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            cur_set = None
            continue
        if not line.strip():
            cur_set = None if not in_verbs else cur_set
            continue
        s = line.strip()
        if not in_verbs:
            if s.startswith("&"):
                cur_set = s
                sets[cur_set] = []
            elif s.startswith("+") and cur_set:
                w = s[1:].strip()
                sets[cur_set].append(w)
            continue
        if s.startswith("---"):
            m = re.match(r"---\s*(\S+)\s*\[([^\]]*)\]", s)
            cur = {"name": m.group(1), "code": m.group(2), "verbs": [], "patterns": []}
            blocks.append(cur)
            continue
        if cur is None or s.startswith("~"):
            continue
        if s.startswith("-"):
            m = re.match(r"-\s*(.*?)\s*\[([^\]]*)\]\s*$", s)
            if not m:
                continue
            cur["patterns"].append((m.group(1), m.group(2), comment, raw.strip()))
            continue
        # a verb line: VERB {FORMS} [CODE]
        m = re.match(r"([^\s{\[]+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", s)
        if not m:
            continue
        verb, forms, code = m.group(1), m.group(2), m.group(3)
        code = code[1:-1].strip() if code else ""
        cur["verbs"].append((verb, verb_forms(verb, forms), code))
    # plurals of synonym sets
    out = {}
    for name, words in sets.items():
        ws = []
        for w in words:
            ws.append(w.rstrip("_"))
            if not name.endswith("_") and not w.endswith("_"):
                p = plural(w)
                if p:
                    ws.append(p)
        out[name.rstrip("_")] = ws
        out[name] = ws
    return out, blocks


DOUBLE = {"REGRET", "COMMIT", "ADMIT", "SUBMIT", "PERMIT", "OMIT", "REBUT", "ABET", "COMPEL",
          "PROPEL", "EXPEL", "REPEL", "PATROL", "CONTROL", "REFER", "PREFER", "CONFER", "DEFER",
          "TRANSFER", "DETER", "INCUR", "OCCUR", "EQUIP", "ACQUIT", "FORBID", "ALLOT", "UNDERPIN",
          "BEFIT", "OUTSTRIP", "EMBED", "LABEL", "SIGNAL", "TRAVEL", "CANCEL", "COUNSEL", "MODEL"}


def regular(v):
    """Base, -s, -ed, -ing of a regular verb (upper case)."""
    vowels = "AEIOU"
    if v.endswith("E"):
        ing = v + "ING" if v.endswith(("EE", "YE", "OE")) else v[:-1] + "ING"
        return [v, v + "S", v + "D", ing]
    if v.endswith("Y") and len(v) > 1 and v[-2] not in vowels:
        return [v, v[:-1] + "IES", v[:-1] + "IED", v + "ING"]
    s = v + "ES" if v.endswith(("S", "SH", "CH", "X", "Z", "O")) else v + "S"
    one_syllable = len(re.findall(r"[AEIOU]+", v)) == 1
    cvc = (len(v) >= 3 and v[-1] not in vowels + "WXY" and v[-2] in vowels
           and v[-3] not in vowels)
    if (cvc and one_syllable) or v in DOUBLE:
        return [v, s, v + v[-1] + "ED", v + v[-1] + "ING"]
    return [v, s, v + "ED", v + "ING"]


def verb_forms(verb, braced):
    """The forms of a (possibly multi-word) verb: lists of lower-case words."""
    words = verb.split("_")
    head = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+") for w in words]
    forms = []
    if braced is not None:
        inner = braced[1:-1].replace(",", " ").split()
        forms.append(words)
        for f in inner:
            forms.append([w.lstrip("+") for w in f.split("_")])
    else:
        for f in regular(words[head]):
            forms.append(words[:head] + [f] + words[head + 1:])
    seen = []
    for f in forms:
        f = [w.lower() for w in f if w]
        if f and f not in seen:
            seen.append(f)
    return seen


# ---- patterns

PARTICLES = {"OFF", "UP", "OUT", "DOWN", "FORWARD", "BACK", "AWAY", "ASIDE", "OVER", "IN", "ON",
             "FOR", "WITH", "TO", "AGAINST", "FROM", "AT", "ABOUT", "INTO", "BEHIND", "AS"}


class Skip(Exception):
    pass


def tokens(text):
    """Tokens of a pattern side: words, {phrase}, (group), $ + % ^ &SET."""
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "{(":
            close = "}" if c == "{" else ")"
            j = text.find(close, i)
            if j < 0:
                raise Skip("unbalanced")
            out.append((c, text[i + 1:j]))
            i = j + 1
        elif c in "})":
            i += 1
        else:
            j = i
            while j < len(text) and not text[j].isspace() and text[j] not in "{(":
                j += 1
            out.append(("w", text[i:j]))
            i = j
    return out


ADJECTIVE_ENDINGS = ("LY", "ED", "ING", "IVE", "AL", "OUS", "FUL", "IC", "ENT", "ANT", "ABLE", "IBLE")


def alts_of(word, sets, noun):
    """The alternatives of one dictionary word, upper case ('&SET' expanded)."""
    if word.startswith("&"):
        if word not in sets:
            raise Skip("undefined set " + word)
        ws = sets[word]
        if any("_" in w or " " in w for w in ws):
            ws = [w for w in ws if "_" not in w and " " not in w]
        if not ws:
            raise Skip("multi-word set")
        if len(ws) > MAX_SET:
            raise Skip(f"set of more than {MAX_SET} words " + word)
        return ws
    if not re.fullmatch(r"[A-Z][A-Z'-]*", word):
        raise Skip("odd word " + word)
    out = [word]
    if noun and not word.endswith(ADJECTIVE_ENDINGS):
        p = plural(word)
        if p:
            out.append(p)
    return out


MAX_SET = 10


def phrase(text, sets):
    """A noun phrase's words as alternatives, its head last; a synonym set
    before the head is left to the gap before it ("offered * support" for
    {&MILITARY SUPPORT}): the head says the kind, and long alternations
    cost compile time at every start."""
    ws = text.split()
    out = []
    for i, w in enumerate(ws):
        head = i == len(ws) - 1
        if w.startswith("&") and not head:
            out = []
            continue
        out.append(alts_of(w, sets, head))
    return out


def translate(pat, sets):
    """A pattern's post-verb part as a list of slots: ('gap',) or ('alts', [...]).

    Returns (slots, partner_inside, passive)."""
    if "*" not in pat.split():
        raise Skip("no verb")
    pre, post = pat.split("*", 1) if " * " in f" {pat} " else (pat, "")
    pre_t = tokens(pre)
    if pre_t and pre_t != [("w", "$")]:
        raise Skip("words before the verb")
    slots = []
    partner_inside = False
    passive = False
    toks = tokens(post)
    for n, (t, v) in enumerate(toks):
        last = n == len(toks) - 1
        if t == "w":
            if v == "+":
                if not last:
                    slots.append(("gap",))
                    partner_inside = True
                continue
            if v in ("$", "%", "^"):
                raise Skip("source after the verb" if v == "$" else "token " + v)
            if v in PARTICLES:
                slots.append(("alts", [v]))
                continue
            # an object noun: its phrase may begin before its head
            slots.append(("opt_gap",))
            slots.append(("alts", alts_of(v, sets, True)))
        elif t == "{":
            slots.append(("opt_gap",))
            for a in phrase(v, sets):
                slots.append(("alts", a))
        elif t == "(":
            inner = tokens(v)
            if not inner or inner[0][0] != "w":
                raise Skip("odd group")
            prep = inner[0][1]
            slots.append(("alts", [prep]))
            rest = inner[1:]
            if not rest:
                continue
            if len(rest) != 1:
                raise Skip("long group")
            rt, rv = rest[0]
            if rt == "w" and rv == "$":
                if prep == "BY":
                    passive = True
                    continue
                raise Skip("source after the verb")
            if rt == "w" and rv == "+":
                if not last:
                    raise Skip("partner inside a group")
                continue
            if rt == "w" and rv in ("%", "^"):
                raise Skip("token " + rv)
            slots.append(("opt_gap",))
            if rt == "w":
                slots.append(("alts", alts_of(rv, sets, True)))
            else:
                for a in phrase(rv, sets):
                    slots.append(("alts", a))
    # trailing gaps mean nothing; a gap right after the verb is the object's determiner
    while slots and slots[-1][0] in ("gap", "opt_gap"):
        slots.pop()
    return slots, partner_inside, passive


def realize(slots):
    """The ties patterns of a slot list: each optional gap with and without `*`."""
    out = [[]]
    for s in slots:
        if s[0] == "alts":
            w = "|".join(a.lower() for a in s[1])
            out = [p + [w] for p in out]
        elif s[0] == "gap":
            out = [p + ["*"] for p in out]
        else:
            out = [p + ["*"] for p in out] + [p for p in out]
    res = []
    for p in out:
        # two wildcards in a row are one
        q = []
        for w in p:
            if w == "*" and q and q[-1] == "*":
                continue
            q.append(w)
        if q not in res:
            res.append(q)
    return res


# ---- hand-written cues, the stoplist

def hand_matches(kind, sentence, hand):
    """Whether a hand-written pattern of `kind` matches somewhere in `sentence`
    (as relation.rs matches: `*` one to four words, `w?` optional)."""
    toks = re.findall(r"[\w'-]+|[^\w\s]", sentence.lower())

    def at(ws, k):
        if not ws:
            return True
        w, rest = ws[0], ws[1:]
        if w == "*":
            return any(at(rest, j) for j in range(k + 1, min(k + 4, len(toks)) + 1)
                       if all(re.match(r"[\w'-]", t) for t in toks[k:j]))
        alts = [a.rstrip("?") for a in w]
        if k < len(toks) and toks[k] in alts and at(rest, k + 1):
            return True
        return any(a.endswith("?") for a in w) and at(rest, k)

    markers = noun_markers(HAND)
    for k_, h, verb_only in hand:
        if k_ != kind:
            continue
        for i in range(len(toks)):
            if verb_only and i > 0 and toks[i - 1] in markers:
                continue
            if at(h, i):
                return True
    return False


def noun_markers(path):
    m = re.search(r"noun_markers:\s*\[(.*?)\]", open(path, encoding="utf-8").read(), re.S)
    return set(re.findall(r'"([^"]*)"', m.group(1))) if m else set()


def hand_patterns(path, any_frame=False):
    """(kind, [word alternatives...]) of every plain pattern of cues.ron
    (of Subject cues, unless `any_frame`)."""
    text = open(path, encoding="utf-8").read()
    out = []
    for m in re.finditer(r"\(kind:\s*(\w+)(.*?)patterns:\s*\[(.*?)\]", text, re.S):
        kind, mid = m.group(1), m.group(2) + text[m.end():m.end() + 400]
        frame = re.search(r"frame:\s*(\w+)", text[m.start() + 1:].split("(kind:")[0])
        if frame and frame.group(1) != "Subject" and not any_frame:
            continue
        entry = text[m.start() + 1:].split("(kind:")[0]
        verb_only = bool(re.search(r"verb_only:\s*true", entry))
        for p in re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(3)):
            out.append((kind, [(w[:-1].split("|") if not w.endswith("?") else [a + "?" for a in w[:-1].split("|")])
                               if w.endswith("?") else (w.split("|") if w != "*" else "*") for w in p.split()])
                       + ((verb_only,) if any_frame else ()))
    return out


def covered(kind, words, hand):
    """Whether a hand-written pattern of `kind` matches everything `words` does."""
    for k, h in hand:
        if k != kind or len(h) > len(words):
            continue
        ok = True
        for hw, w in zip(h, words):
            if hw == "*" or w == "*" or any(x.endswith("?") for x in hw):
                ok = False
                break
            if not set(w.split("|")) <= set(hw):
                ok = False
                break
        if ok:
            return True
    return False


def read_stop(path):
    """Stoplist entries -> reason: `verb V` (the verb and all its patterns), `bare V`
    (the verb alone), `form F` (one form), `pattern V WORDS` (a pattern: the verb's
    base, then the first word of each slot, no `*`), `code C` (a CAMEO code); `keep V WORDS`: a pattern kept though its verb is stopped."""
    stop = {"verb": {}, "bare": {}, "form": {}, "pattern": {}, "code": {}, "keep": {}}
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        what, _, rest = line.partition(" ")
        entry, _, reason = rest.partition("#")
        entry = " ".join(entry.split()).lower()
        if what not in stop or not reason.strip():
            sys.exit(f"stoplist: bad line (want `verb|bare|form|pattern|code|keep TEXT # reason`): {line}")
        stop[what][entry] = reason.strip()
    return stop


# ---- the cues

def past(forms):
    """The form a template uses: the past tense where there is one."""
    for f in forms:
        if f[0].endswith("ed") or f[0] in IRREGULAR_PAST:
            return f
    return forms[0]


IRREGULAR_PAST = {"met", "took", "gave", "sent", "made", "held", "sought", "brought", "struck",
                  "threw", "put", "set", "cut", "hit", "broke", "spoke", "went", "came", "saw",
                  "told", "said", "paid", "won", "got", "led", "left", "kept", "built", "froze",
                  "withdrew", "undertook", "forbade", "forgave", "spurned", "shut", "quit",
                  "stood", "rang", "laid", "slid", "sped", "meant", "bid"}


def derive(blocks, sets, stop, hand, log):
    cues = {}  # (kind, cameo, patterns tuple) -> entry
    passive = []
    skipped = 0
    stopped = []

    keeping = False

    def verb_ok(forms, kind):
        base = " ".join(forms[0])
        if (base in stop["verb"] or base.split()[0] in stop["verb"]) and not keeping:
            stopped.append(("verb", base))
            return None
        kept = [f for f in forms if " ".join(f) not in stop["form"]]
        for f in forms:
            if " ".join(f) in stop["form"]:
                stopped.append(("form", " ".join(f)))
        return kept

    def add(kind, cameo, forms, slots, source):
        nonlocal keeping
        base = " ".join(forms[0])
        keeping = base in stop["verb"] and any(k.startswith(base + " ") for k in stop["keep"])
        forms = verb_ok(forms, kind)
        all_forms = forms
        if not forms:
            return
        # a verb that is a cue of this kind by itself needs no patterns
        if slots and any(covered(kind, [" ".join(f)], hand) for f in forms if len(f) == 1):
            log.append(f"verb alone is a cue: {kind} {source}")
            return
        # nor one that is a cue of another kind by itself: both would fire
        other = [k for k in KIND_ORDER if k != kind
                 and any(covered(k, [" ".join(f)], hand) for f in forms if len(f) == 1)]
        if slots and other:
            log.append(f"verb alone is a {other[0]} cue: {kind} {source}")
            return
        # multi-word verbs: group the forms by their other words
        groups = {}
        for f in forms:
            groups.setdefault(len(f), []).append(f)
        for n, fs in sorted(groups.items()):
            # slot per word position of the verb phrase
            verb_slots = []
            for i in range(n):
                verb_slots.append(sorted({f[i] for f in fs}, key=lambda w: [g[i] for g in fs].index(w)))
            # forms differing in more than one word position cannot share a pattern
            diff = [i for i in range(n) if len(verb_slots[i]) > 1]
            if len(diff) > 1:
                parts = [[[w] for w in f] for f in fs]
            else:
                parts = [[list(s) for s in verb_slots]]
            for vp in parts:
                for tail in realize(slots):
                    words = ["|".join(a) for a in vp] + tail
                    text = " ".join(words)
                    key = " ".join([base] + [w.split("|")[0] for w in tail if w != "*"])
                    if keeping and key not in stop["keep"]:
                        if ("verb", base) not in stopped:
                            stopped.append(("verb", base))
                        continue
                    if key in stop["pattern"] or (not slots and key in stop["bare"]):
                        if ("pattern", key) not in stopped:
                            stopped.append(("pattern" if slots else "bare", key))
                        continue
                    # forms a hand-written cue already has
                    first = words[0].split("|")
                    keep = [w for w in first if not covered(kind, [w] + words[1:], hand)]
                    if not keep:
                        log.append(f"covered by cues.ron: {kind} {text}")
                        continue
                    words[0] = "|".join(keep)
                    tmpl_forms = [f for f in fs if f[0] in keep] if len(diff) <= 1 else None
                    text = " ".join(words)
                    if any(text in c["patterns"] for c in cues.values() if c["kind"] == kind):
                        continue
                    key = (kind, cameo, source, tuple(vp[0]))
                    if key not in cues:
                        cues[key] = {"kind": kind, "cameo": cameo, "patterns": [],
                                     "forms": tmpl_forms or [f for f in fs if f[0] in keep] or fs,
                                     "slots": slots, "source": source}
                    cues[key]["patterns"].append(text)

    for b in blocks:
        block_code = b["code"].split(":")[0].strip()
        for verb, forms, code in b["verbs"]:
            c = (code or block_code).split(":")[0].strip()
            if c in ("---", "") or c in stop["code"]:
                continue
            kind = kind_of(c)
            if not kind:
                continue
            other = [k for k in KIND_ORDER if k != kind
                     and any(covered(k, [" ".join(f)], hand) for f in forms if len(f) == 1)]
            if other:
                log.append(f"verb alone is a {other[0]} cue: {kind} {verb}")
                continue
            add(kind, c, forms, [], f"{verb} [{c}]")
    # a pattern of a verb whose forms alone are a cue of its kind adds nothing
    for c in list(cues.values()):
        for p in c["patterns"]:
            hand.append((c["kind"], [w.split("|") for w in p.split()]))
    for b in blocks:
        verbs = b["verbs"]
        names = {}
        for verb, forms, code in verbs:
            names[verb.replace("+", "").replace("_", " ").upper()] = forms
        for pat, code, comment, raw in b["patterns"]:
            c = code.split(":")[0].strip().rstrip("!")
            if not c or c == "---" or c in stop["code"]:
                continue
            kind = kind_of(c)
            if not kind:
                continue
            try:
                slots, inside, by = translate(pat, sets)
            except Skip as e:
                skipped += 1
                log.append(f"skipped ({e}): {raw}")
                continue
            if not slots:
                skipped += 1
                log.append(f"skipped (nothing after the verb): {raw}")
                continue
            # the verbs the coders found it for, else the block's
            named = [n.strip().replace("_", " ") for n in comment.split(",")]
            vs = [names[n] for n in named if n in names]
            if not vs:
                skipped += 1
                log.append(f"skipped (its comment names no verb of the block): {raw}")
                continue
            if by:
                for forms in vs:
                    passive.append((kind, c, " ".join(forms[0]), pat))
                continue
            for forms in vs:
                add(kind, c, forms, slots, raw)
    return cues, passive, skipped, stopped


# ---- example sentences

AGENT = "France"
PARTNER = "Germany"
TAILS = {
    "Meeting": ["{v} {p}", "{v} with {p}", "{v} {p} in Paris"],
    "Visit": ["{v} {p}", "{v} to {p}", "{v} in {p}"],
    "Commitment": ["{v} {p}", "{v} to {p}", "{v} with {p}", "{v} for {p}"],
    "Support": ["{v} {p}", "{v} for {p}", "{v} of {p}", "{v} with {p}"],
    "Praise": ["{v} {p}", "{v} to {p}", "{v} for {p}", "{v} of {p}"],
    "Agreement": ["{v} with {p}", "{v} {p}"],
    "Criticism": ["{v} {p}", "{v} against {p}", "{v} of {p}", "{v} with {p}", "{v} on {p}",
                  "{v} from {p}", "{v} to {p}"],
}
FILLER = "the"


def phrase_text(cue, form):
    """The cue's words as a sentence would say them, with `form` for the verb."""
    words = cue["patterns"][0].split()
    out = list(form)
    n = len(form)
    for w in words[n:]:
        if w == "*":
            out.append(FILLER)
        else:
            out.append(w.split("|")[0])
    # "the" right before a preposition or particle reads badly; keep it simple
    return " ".join(out)


def candidates(cue):
    forms = cue["forms"]
    form = past(forms)
    v = phrase_text(cue, form)
    # a cue whose partner stands inside ("* as partner") gets it in the gap
    if cue["patterns"][0].split()[len(form):len(form) + 1] == ["*"] and "+" in cue["source"].split("*", 1)[-1].split("(")[0]:
        v2 = v.replace(f" {FILLER} ", f" {PARTNER} ", 1)
        yield f"{AGENT} {v2} on Monday."
    for t in TAILS[cue["kind"]]:
        yield f"{AGENT} " + t.format(v=v, p=PARTNER) + " on Monday."


def run_extract(sentences, lexicon):
    with tempfile.TemporaryDirectory() as d:
        corpus = os.path.join(d, "c.jsonl")
        with open(corpus, "w", encoding="utf-8") as f:
            for i, s in enumerate(sentences):
                f.write(json.dumps({"id": f"s{i}", "text": s}) + "\n")
        args = [BIN]
        if lexicon:
            args += ["--lexicon", lexicon]
        args += ["extract", corpus]
        out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    got = {}
    for line in out.splitlines():
        a = json.loads(line)
        names = {e["id"]: e["name"] for e in a["entities"]}
        got[a["article"]] = {(e["kind"], names.get(e["source"]), names.get(e["target"])) for e in a["edges"]}
    return [got.get(f"s{i}", set()) for i in range(len(sentences))]


def wanted(kind, edges):
    if kind in ("Meeting", "Agreement"):
        return (kind, "France", "Germany") in edges or (kind, "Germany", "France") in edges
    return (kind, "France", "Germany") in edges


# ---- output

def ron_str(s):
    return json.dumps(s, ensure_ascii=False)


def write(cues, path, dict_path):
    lic = "Copyright (c) 2014 Open Event Data"
    try:
        for line in open(os.path.join(os.path.dirname(dict_path), "LICENSE"), encoding="utf-8"):
            if line.startswith("Copyright"):
                lic = line.strip()
                break
    except OSError:
        pass
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    # one entry per kind and code, each pattern's example among its matches
    merged = {}
    for c in sorted(cues, key=lambda c: (order[c["kind"]], c["cameo"], c["patterns"])):
        m = merged.setdefault((order[c["kind"]], c["cameo"]),
                              {"kind": c["kind"], "cameo": c["cameo"], "patterns": [], "examples": []})
        m["patterns"] += [p for p in c["patterns"] if p not in m["patterns"]]
        if c["example"] not in m["examples"]:
            m["examples"].append(c["example"])
    items = [merged[k] for k in sorted(merged)]
    with open(path, "w", encoding="utf-8") as f:
        f.write("// Cues derived from PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt): its verbs\n")
        f.write("// and verb patterns whose CAMEO code ties models, rewritten as word patterns.\n")
        f.write("// GENERATED by tools/lexicon/petrarch_cues.py; do not edit. To change it, edit the\n")
        f.write("// stoplist tools/lexicon/petrarch_cues_stop.txt (or the script), build, and run\n")
        f.write("//   python3 tools/lexicon/petrarch_cues.py --check\n")
        f.write("// The example sentences are synthetic (ours), one per cue, from a template.\n")
        f.write(f"// PETRARCH2/Phoenix dictionaries, MIT License, {lic}\n")
        f.write("// (https://github.com/openeventdata/petrarch2); see\n")
        f.write("// ../shared/reference/petrarch2/LICENSE for the full notice.\n")
        f.write("// One entry per kind and CAMEO code; its matches hold one example per derived cue.\n")
        f.write("(cues:[\n")
        for c in items:
            f.write(f"(kind:{c['kind']},cameo:{ron_str(c['cameo'])},verb_only:true,\n")
            f.write("patterns:[\n" + ",\n".join(ron_str(p) for p in c["patterns"]) + "],\n")
            f.write("matches:[\n" + ",\n".join(ron_str(e) for e in c["examples"]) + "]),\n")
        f.write("])\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dict", default=DICT)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--check", action="store_true",
                    help="keep only cues whose example gives the edge (runs target/quick/ties)")
    ap.add_argument("--log", help="write what was skipped, stopped, covered and dropped here")
    ap.add_argument("--passive", action="store_true", help="list the (BY $) patterns and exit")
    args = ap.parse_args()
    sets, blocks = parse(args.dict)
    stop = read_stop(STOP)
    hand = hand_patterns(HAND)
    log = []
    cues, passive, skipped, stopped = derive(blocks, sets, stop, hand, log)
    if args.passive:
        for p in passive:
            print("\t".join(p))
        return
    cues = list(cues.values())
    for c in cues:
        c["cands"] = list(candidates(c))
        c["example"] = c["cands"][0]
    dropped = 0
    if args.check:
        # with the generated cues: the first candidate that gives the edge;
        # without: it must not give the edge already (else the cue adds nothing)
        tmp = args.out + ".tmp"
        write(cues, tmp, args.dict)
        flat = [s for c in cues for s in c["cands"]]
        # the generated file may be built in: run with the candidates on top
        with_g = run_extract(flat, tmp)
        os.remove(tmp)
        hand_all = hand_patterns(HAND, any_frame=True)
        without = [{(kind, "France", "Germany") for kind in KIND_ORDER
                    if hand_matches(kind, s, hand_all)} for s in flat]
        k = 0
        kept = []
        for c in cues:
            n = len(c["cands"])
            ok = None
            for j in range(n):
                if wanted(c["kind"], with_g[k + j]) and not wanted(c["kind"], without[k + j]):
                    ok = c["cands"][j]
                    break
            if ok is None:
                redundant = any(wanted(c["kind"], without[k + j]) for j in range(n))
                log.append(f"dropped ({'the hand cues already give it' if redundant else 'example gives no edge'}): "
                           f"{c['kind']} {c['patterns']} -- {c['cands'][0]}")
                dropped += 1
            else:
                c["example"] = ok
                kept.append(c)
            k += n
        cues = kept
    write(cues, args.out, args.dict)
    by_kind = {}
    for c in cues:
        by_kind[c["kind"]] = by_kind.get(c["kind"], 0) + 1
    print(f"{len(cues)} cues: " + ", ".join(f"{k} {by_kind.get(k, 0)}" for k in KIND_ORDER), file=sys.stderr)
    print(f"stoplisted: {len(stopped)} (verbs {sum(1 for s in stopped if s[0] == 'verb')}, "
          f"forms {sum(1 for s in stopped if s[0] == 'form')}, patterns {sum(1 for s in stopped if s[0] == 'pattern')}); "
          f"untranslatable: {skipped}; passive (BY $, dropped): {len(passive)}; "
          f"dropped by --check: {dropped}", file=sys.stderr)
    if args.log:
        with open(args.log, "w", encoding="utf-8") as f:
            f.write("\n".join(log) + "\n")
            f.write("\n".join(f"stopped {a}: {b}" for a, b in stopped) + "\n")


if __name__ == "__main__":
    main()
