"""Time expressions resolved at their own granularity: a day, a month or a year.

The anchor is the article's publication date; when the source does not give it, the
dateline's date, else the latest explicit full date anywhere in the text (captions
included), else the day a crawler fetched the page (approximate anchors, both). Never the
day the pipeline runs: without an anchor, absolute expressions
("March 2011", "1967") still resolve and relative ones ("Thursday", "last year") stay
mentions without a value, never guessed.

Relative expressions read the tense of their clause: "Thursday" in a past clause is the
Thursday on or before the anchor, in a future one ("will meet Friday", "plans to vote
Sunday") the one on or after; a bare month likewise. Coarser than a month is the year
(seasons, quarters, "the end of the year"); decades, durations ("for two years"), ages
and times of day alone are not dates. A modifier ("early October") is kept as a note.
The words are data: pipeline/data/time_words.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from pipeline.extract.lexicon import DATA
from pipeline.facts import Article, Span, TimeExpr

WORDS = json.loads((DATA / "time_words.json").read_text(encoding="utf-8"))
MONTHS: dict[str, int] = WORDS["months"]
WEEKDAYS: dict[str, int] = WORDS["weekdays"]
DAYS: dict[str, int] = WORDS["days"]
NUMBERS: dict[str, int | None] = WORDS["numbers"]
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

_M = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_RE = rf"(?P<month>{_M})\.?"
FULL_DATE = [
    re.compile(r"\b" + MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_RE + r",?\s+(?P<year>\d{4}|'?\d{2})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
]
MONTH_DAY = re.compile(rf"^{MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?$"
                       rf"|^(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_M})\.?$")
MONTH_YEAR = re.compile(rf"^{MONTH_RE},?\s+(?:of\s+)?(?P<year>\d{{4}}|'\d{{2}})$")
YEAR = re.compile(r"^(?:the\s+year\s+|fiscal\s+(?:year\s+)?)?(?P<year>19\d\d|20\d\d|'\d\d)$")  # '1800' is a time
LEADING = re.compile(r"^(?:on|in|since|by|until|till|from|during|as of|before|after|at|throughout|through|"
                     r"around|about|sometime in|some time in|as early as|as late as|no later than|not until|"
                     r"earlier|later|the night of|the morning of|the evening of)\s+")
MODIFIER = re.compile(r"^(?P<mod>" + "|".join(re.escape(m) for m in sorted(WORDS["modifiers"], key=len, reverse=True))
                      + r")(?:\s+|-)")
UNIT = r"(?P<unit>day|week|month|year)s?"
NUMBER = r"(?P<n>\d+|" + "|".join(re.escape(w) for w in sorted(NUMBERS, key=len, reverse=True)) + ")"
AGO = re.compile(rf"^{NUMBER}\s+{UNIT}\s+(?:ago|earlier|before)$")
RELATIVE = re.compile(r"^(?P<which>last|next|this|the current|the coming|the previous|the following|"
                      r"earlier this|later this|the same|the)\s+(?:fiscal\s+|calendar\s+)?(?P<unit>year|month|week)$")
AGE = re.compile(r"\b(?:\d+|[a-z]+)[- ]years?[- ]old\b|^aged?\s+\d+|\bage of\b|^\d+ years? of age$")
DECADE = re.compile(r"^(?:the\s+)?(?:early\s+|mid-?|late\s+)?(?:\d{3}0|'\d0)'?s$|decade")
SEASON = re.compile(r"^(?:(?P<which>last|next|this)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
                    r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?$")
QUARTER = re.compile(r"^(?:the\s+)?(?:first|second|third|fourth|last|final)\s+(?:quarter|half)"
                     r"(?:\s+of\s+(?:(?P<year>\d{4})|(?:the|this)\s+year))?$")
RANGE = re.compile(r"^(?:from\s+|between\s+)?(?P<a>.+?)\s*(?:\bto\b|\buntil\b|\bthrough\b|\band\b|-|–|—)\s*(?P<b>.+)$",
                   re.I)
RANGE_WORDS = {"to", "through", "until", "till", "and", "-", "–", "—"}
DATE_WORDS = set(MONTHS) | {"of", "this", "last", "next", "year", "month", ","}
MONTH_OF_YEAR = re.compile(rf"^{MONTH_RE}\s+(?:of\s+)?(?P<which>this|last|next)\s+year$")
TIME_OF_DAY = re.compile(r"^(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight|\d{1,2}:\d{2}|dawn|dusk)"
                         r"(?:\s+\w+)?$")


@dataclass(frozen=True)
class Value:
    value: str  # "2016-12-01", "2016-12", "2016"
    granularity: str  # "date", "month", "year"
    modifier: str = ""  # "early", "the end of", ...


def _year(text: str) -> int:
    y = int(text.lstrip("'"))
    return y if y >= 100 else (1900 + y if y >= 30 else 2000 + y)


def _full_date(m: re.Match[str]) -> date | None:
    groups = m.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[m.group("month").lower().rstrip(".")]
    try:
        return date(_year(m.group("year")), month, int(m.group("day")))
    except ValueError:
        return None


def _wire_year(m: re.Match[str]) -> bool:
    """A two-digit year only after a month in capitals, as wire datelines write it
    ('26 SEP 89'): in '3 March 15 people' the 15 is no year."""
    groups = m.groupdict()
    return not (len(m.group("year").lstrip("'")) == 2 and groups.get("month") and not groups["month"].isupper())


def reference_date(article: Article) -> tuple[date | None, bool]:
    """(anchor, exact): exact when it is the publication date (or the dateline's)."""
    if article.published:
        return date.fromisoformat(article.published), True
    if article.dateline:
        return date.fromisoformat(article.dateline), True
    explicit = [d for rx in FULL_DATE for m in rx.finditer(article.text) if (d := _full_date(m))]
    if explicit:
        return max(explicit), False
    if article.crawled:  # a crawled page without a date: it was out by the day it was fetched
        return date.fromisoformat(article.crawled), False
    return None, False


def _day(d: date, modifier: str = "") -> Value:
    return Value(d.isoformat(), "date", modifier)


def _month(year: int, month: int, modifier: str = "") -> Value:
    return Value(f"{year:04d}-{month:02d}", "month", modifier)


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    n = year * 12 + month - 1 + by
    return n // 12, n % 12 + 1


def normalise(text: str) -> tuple[str, str]:
    """(the expression in lower case without leading prepositions, its modifier)."""
    t = " ".join(text.lower().replace("’", "'").split()).rstrip(".,;:")
    t = re.sub(r"'s$", "", t)
    for _ in range(3):
        t = LEADING.sub("", t)
    modifier = ""
    if m := MODIFIER.match(t):
        modifier, t = m.group("mod"), t[m.end():]
        t = LEADING.sub("", t)
    return t, modifier


def resolve(text: str, ref: date | None, exact: bool, tense: str | None = None) -> Value | None:
    """The expression's value at its own granularity, or None: not a date (a duration,
    an age, a decade, a time of day alone) or not pinned down without an anchor."""
    t, modifier = normalise(text)
    if not t or AGE.search(t) or DECADE.search(t) or TIME_OF_DAY.match(t):
        return None
    for rx in FULL_DATE:
        if (m := rx.fullmatch(text.strip().rstrip(".,;:")) or rx.fullmatch(t)) and _wire_year(m) and \
                (d := _full_date(m)):
            return _day(d, modifier)
    if m := MONTH_YEAR.match(t):
        return _month(_year(m.group("year")), MONTHS[m.group("month").rstrip(".")], modifier)
    if m := YEAR.match(t):
        return Value(str(_year(m.group("year"))), "year", modifier)
    if (m := SEASON.match(t)) and m.group("year"):
        return Value(m.group("year"), "year", m.group("season"))
    if (m := QUARTER.match(t)) and m.group("year"):
        return Value(m.group("year"), "year", t.split(" of ")[0])
    if ref is None:
        return None
    return _relative(t, modifier, ref, exact, tense)


def _relative(t: str, modifier: str, ref: date, exact: bool, tense: str | None) -> Value | None:
    if t in DAYS:
        return _day(ref + timedelta(days=DAYS[t]), modifier)
    words = t.split()
    if words[-1] in {"morning", "afternoon", "evening", "night"} and len(words) > 1 and words[-2] in WEEKDAYS:
        words = words[:-1]
    which = words[0] if len(words) == 2 and words[0] in {"last", "next", "this", "past"} else ""
    name = words[-1] if len(words) <= 2 and (len(words) == 1 or which) else ""
    if name in WEEKDAYS:
        return _day(_weekday(WEEKDAYS[name], ref, exact, "future" if which == "next" else
                             "past" if which in {"last", "past"} else tense), modifier)
    if m := MONTH_DAY.match(t):
        month = MONTHS[(m.group("month") or m.group("month2")).rstrip(".")]
        return _month_day(month, int(m.group("day") or m.group("day2")), ref, exact, tense, modifier)
    if name.rstrip(".") in MONTHS:
        return _bare_month(MONTHS[name.rstrip(".")], which, ref, tense, modifier)
    if t in {"the year", "the current year", "the fiscal year", "the current fiscal year", "the calendar year"}:
        return Value(str(ref.year), "year", modifier)
    if t == "the month":
        return _month(ref.year, ref.month, modifier)
    if m := MONTH_OF_YEAR.match(t):  # "August of this year", "March last year"
        by = {"last": -1, "next": 1}.get(m.group("which"), 0)
        return _month(ref.year + by, MONTHS[m.group("month").rstrip(".")], modifier)
    if m := RELATIVE.match(t):
        return _this_last_next(m.group("which"), m.group("unit"), ref, modifier)
    if m := AGO.match(t):
        return _ago(m.group("n"), m.group("unit"), ref)
    if m := SEASON.match(t):
        return _season(m.group("season"), m.group("which") or "", ref)
    if QUARTER.match(t):
        return Value(str(ref.year), "year", t)
    return None


def _weekday(weekday: int, ref: date, exact: bool, tense: str | None) -> date:
    """A past (or tenseless: news reports what happened) clause names the day on or
    before the anchor, a future one the day on or after it. With only an approximate
    anchor (a caption's date, some days before publication) the nearest such day on
    either side is the best guess, whatever the tense."""
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if tense == "future":
        return ref + timedelta(days=ahead)
    if exact:
        return ref - timedelta(days=back)
    return ref + timedelta(days=ahead) if ahead < back else ref - timedelta(days=back)


def _month_day(month: int, day: int, ref: date, exact: bool, tense: str | None, modifier: str) -> Value | None:
    try:
        d = date(ref.year, month, day)
    except ValueError:
        return None
    if tense == "past" and d > ref + timedelta(days=7):  # a day or two ahead: the parse or the anchor is off
        d = d.replace(year=d.year - 1)
    elif tense == "future" and d < ref - timedelta(days=31):  # weeks before: a past the parse misread as future
        d = d.replace(year=d.year + 1)
    elif tense is None and exact and d > ref + timedelta(days=31):
        d = d.replace(year=d.year - 1)
    return _day(d, modifier)


def _bare_month(month: int, which: str, ref: date, tense: str | None, modifier: str) -> Value:
    if which in {"last", "past"}:  # the most recent such month before the anchor's
        return _month(ref.year if month < ref.month else ref.year - 1, month, modifier)
    if which == "next":
        return _month(ref.year if month > ref.month else ref.year + 1, month, modifier)
    if tense == "past" and month > ref.month:
        return _month(ref.year - 1, month, modifier)
    if tense == "future" and month < ref.month:
        return _month(ref.year + 1, month, modifier)
    return _month(ref.year, month, modifier)


def _this_last_next(which: str, unit: str, ref: date, modifier: str) -> Value:
    by = {"last": -1, "the previous": -1, "next": 1, "the coming": 1, "the following": 1}.get(which, 0)
    if unit == "year":
        return Value(str(ref.year + by), "year", modifier)
    if unit == "month":
        return _month(*_shift_month(ref.year, ref.month, by), modifier)
    d = ref + timedelta(days=7 * by)  # a week: the month it falls in (no week granularity)
    return _month(d.year, d.month, modifier or "week")


def _ago(n: str, unit: str, ref: date) -> Value | None:
    count = int(n) if n.isdigit() else NUMBERS.get(n)
    if count is None:
        return None
    if unit == "day":
        return _day(ref - timedelta(days=count))
    if unit == "week":
        d = ref - timedelta(days=7 * count)
        return _month(d.year, d.month, "weeks ago")
    if unit == "month":
        return _month(*_shift_month(ref.year, ref.month, -count))
    return Value(str(ref.year - count), "year")


def _season(season: str, which: str, ref: date) -> Value:
    start = SEASON_START[season]
    if which == "last":
        year = ref.year if start + 2 < ref.month else ref.year - 1
    elif which == "next":
        year = ref.year if start > ref.month else ref.year + 1
    else:
        year = ref.year
    return Value(str(year), "year", season)


# --- over the parse ----------------------------------------------------------------
FUTURE_AUX = set(WORDS["future_aux"])
LOOKING_AHEAD = set(WORDS["looking_ahead"])


def clause_verb(token: Token) -> Token | None:
    """The verb whose clause the token modifies: its nearest verbal ancestor."""
    for t in (token, *token.ancestors):
        if t.pos_ in {"VERB", "AUX"}:
            return t
    return None


def governing_verb(root: Token) -> Token | None:
    """The verb whose tense the expression reads: its clause verb, unless the expression
    hangs from a noun first ("the imposition of a junta on May 22"), whose time the verb
    above ("seeking to protest") does not tell."""
    for t in root.ancestors:
        if t.pos_ in {"VERB", "AUX"}:
            return t
        if t.pos_ in {"NOUN", "PROPN"}:
            return None
    return None


def tense(verb: Token | None) -> str | None:
    """'past', 'future' or None for the clause of `verb`, from its morphology and its
    auxiliaries ("will", "plans to", "is meeting")."""
    if verb is None:
        return None
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in FUTURE_AUX for a in aux):
        return "future"
    if verb.tag_ == "VB" and verb.dep_ in {"xcomp", "advcl", "ccomp"} and verb.head.lemma_ in LOOKING_AHEAD:
        return "future"
    if verb.tag_ == "VB" and any(a.lower_ in {"would", "could", "might", "may"} for a in aux):
        return None
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in {"has", "have", "had"} for a in aux):
        return "past"
    if verb.tag_ == "VBN":
        if any(a.tag_ in {"VBZ", "VBP"} for a in aux):  # "the vote is planned for May"
            return "future" if verb.lemma_ in LOOKING_AHEAD else None
        return "past"  # "attacks carried out in January"
    if verb.tag_ == "VBG" and any(a.tag_ in {"VBZ", "VBP"} for a in aux):
        return "future"  # "is meeting Friday"
    return None  # the simple present: a headline's or caption's past as often as a future


def _pieces(ent: SpacySpan) -> list[tuple[int, int]]:
    """Character ranges of the expression: both ends of a range ("from 2003 to 2011",
    "between March and May 2008"), else the whole."""
    m = RANGE.match(ent.text)
    if m and not re.search(r"\d{1,2}\s*-\s*year|-old", ent.text):
        a, b = m.span("a"), m.span("b")
        if any(c.isdigit() for c in ent.text[a[0]:a[1]] + ent.text[b[0]:b[1]]) or \
                normalise(ent.text[a[0]:a[1]])[0].rstrip(".") in MONTHS:
            return [(ent.start_char + a[0], ent.start_char + a[1]), (ent.start_char + b[0], ent.start_char + b[1])]
    return [(ent.start_char, ent.end_char)]


def _range(ent: SpacySpan, ref: date | None, exact: bool, when: str | None) -> list[TimeExpr]:
    (a0, a1), (b0, b1) = _pieces(ent)
    text, offset = ent.text, ent.start_char
    first, second = text[a0 - offset:a1 - offset], text[b0 - offset:b1 - offset]
    end = resolve(second, ref, exact, when)
    start = resolve(first, ref, exact, when)
    if end is not None and start is None:  # "March to May 2008", "3 to 5 March": the other end completes it
        year = end.value[:4]
        start = resolve(f"{first} {year}", ref, exact, when) or \
            (resolve(f"{first} {end.value[:7].split('-')[-1]}", ref, exact, when) if first.strip().isdigit() else None)
        if start is None and first.strip().isdigit() and end.granularity == "date":
            try:
                start = _day(date.fromisoformat(end.value).replace(day=int(first)))
            except ValueError:
                start = None
    found = []
    for (s, e), v in (((a0, a1), start), ((b0, b1), end)):
        if v is not None:
            found.append(TimeExpr(Span(s, e, text[s - offset:e - offset]), v.value, v.granularity, v.modifier))
    return found


_FULL_MONTHS = "|".join(m for m in MONTHS if len(m) > 3 or m == "may")
_WEEKDAYS = "|".join(w for w in WEEKDAYS if len(w) > 5)
SUPPLEMENT = [
    re.compile(r"\b(?:today|tonight|yesterday|tomorrow|last night|this morning)\b", re.I),
    re.compile(rf"\b(?:{_WEEKDAYS})\b", re.I),
    re.compile(rf"\b\d+\s+{UNIT}\s+ago\b", re.I),
    re.compile(rf"\b(?:(?:{_FULL_MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_FULL_MONTHS}))\b(?!\s*,?\s*\d)", re.I),
    re.compile(r"\b(?:the end|the beginning|the start|the middle) of (?:the|this|next|last) (?:year|month)\b", re.I),
]


def _missed_by_the_model(doc: Doc, text: str, taken: list[tuple[int, int]]) -> list[SpacySpan]:
    """Time expressions the model did not tag, as wire copy in capitals hides them from it
    ('26 SEP 89', 'TODAY', '2 DAYS AGO', 'ON 22 OCTOBER'): full dates, day words,
    weekdays and month days written as names. A two-digit year only after a month in
    capitals, as wire datelines write it: '3 March 15 people' is no date; a weekday or a
    month must start with a capital ('may' is a verb)."""
    found = []
    for rx in FULL_DATE + SUPPLEMENT:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if rx in FULL_DATE and not _wire_year(m):
                continue
            if rx in SUPPLEMENT[1:] and rx is not SUPPLEMENT[2] and \
                    not next(c for c in m.group() if c.isalpha()).isupper():
                continue
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                found.append(span)
                taken.append((span.start_char, span.end_char))
    return found


def completed(ent: SpacySpan) -> SpacySpan:
    """The model's entity with what it sometimes leaves out: the 'ago' that makes '2 DAYS'
    a date, the other end of a range ('2000' + 'to 2005', 'December of 2008' + 'through
    January of this year')."""
    doc, end = ent.doc, ent.end
    if end < len(doc) and doc[end].lower_ in {"ago", "earlier"}:
        return doc[ent.start:end + 1]
    if end + 1 < len(doc) and doc[end].lower_ in RANGE_WORDS and \
            (doc[end + 1].shape_ == "dddd" or doc[end + 1].lower_.rstrip(".") in MONTHS):
        stop = end + 2
        while stop < len(doc) and stop < end + 6 and (doc[stop].lower_ in DATE_WORDS or doc[stop].like_num) \
                and doc[stop].text != ",":
            stop += 1
        return doc[ent.start:stop]
    return ent


def extract_times(doc: Doc, article: Article) -> list[TimeExpr]:
    ref, exact = reference_date(article)
    ents = [completed(e) for e in doc.ents if e.label_ in {"DATE", "TIME"}]
    ents += _missed_by_the_model(doc, article.nlp_text, [(e.start_char, e.end_char) for e in ents])  # the doc's
    # text (doc.text would rebuild it from the tokens)
    found = []
    covered = 0  # where the last expression ended: a range may have taken in the next entity
    for ent in sorted(ents, key=lambda e: e.start_char):
        if ent.start_char < covered:
            continue
        covered = ent.end_char
        when = tense(governing_verb(ent.root))
        if len(_pieces(ent)) == 2:
            found += _range(ent, ref, exact, when)
        elif (v := resolve(ent.text, ref, exact, when)) is not None:
            found.append(TimeExpr(Span(ent.start_char, ent.end_char, ent.text), v.value, v.granularity, v.modifier))
    return found
