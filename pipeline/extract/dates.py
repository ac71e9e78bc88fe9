"""Time expressions resolved to calendar dates.

The reference is the article's publication date; when the source does not give it,
the dateline's date, else the latest explicit full date anywhere in the text
(captions included). Never the day the pipeline runs: without a reference, relative
expressions ("Thursday") stay unresolved.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc

from pipeline.facts import Article, Span, TimeExpr

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
MONTH_RE = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
FULL_DATE = [
    re.compile(MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + MONTH_RE + r",?\s+(?P<year>\d{4}|\d{2})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
]
MONTH_DAY = re.compile(r"^" + MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?$", re.I)
MONTH_YEAR = re.compile(r"^" + MONTH_RE + r",?\s+(?P<year>\d{4})$", re.I)
YEAR = re.compile(r"^(?:in\s+)?(?P<year>1[89]\d\d|20\d\d)$")


def _year(text: str) -> int:
    y = int(text)
    return y if y >= 100 else (1900 + y if y >= 30 else 2000 + y)


def _full_date(m: re.Match[str]) -> date | None:
    month = int(m.group("mnum")) if "mnum" in m.groupdict() and m.group("mnum") else MONTHS[m.group("month").lower().rstrip(".")]
    try:
        return date(_year(m.group("year")), month, int(m.group("day")))
    except ValueError:
        return None


def reference_date(article: Article) -> tuple[date | None, bool]:
    """(reference, exact): exact when it is the publication date itself."""
    if article.published:
        return date.fromisoformat(article.published), True
    if article.dateline:
        return date.fromisoformat(article.dateline), True
    explicit = [d for rx in FULL_DATE for m in rx.finditer(article.text) if (d := _full_date(m))]
    return (max(explicit), False) if explicit else (None, False)


def resolve(text: str, ref: date | None, exact: bool) -> tuple[str, str] | None:
    """('2016-12-01', 'date') for a time expression, or None when it cannot be pinned."""
    t = " ".join(text.lower().split())
    t = re.sub(r"^(on|since|by|until|from|last|this|early|late)\s+", "", t)
    for rx in FULL_DATE:
        m = rx.fullmatch(t)
        if m and (d := _full_date(m)):
            return d.isoformat(), "date"
    m = MONTH_YEAR.match(t)
    if m:
        return f"{int(m.group('year')):04d}-{MONTHS[m.group('month').lower().rstrip('.')]:02d}", "month"
    m = YEAR.match(t)
    if m:
        return m.group("year"), "year"
    if ref is None:
        return None
    if t in RELATIVE_DAYS:
        return (ref + timedelta(days=RELATIVE_DAYS[t])).isoformat(), "date"
    if t in WEEKDAYS:
        return _weekday(WEEKDAYS[t], ref, exact).isoformat(), "date"
    m = MONTH_DAY.match(t)
    if m:
        try:
            d = date(ref.year, MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day")))
        except ValueError:
            return None
        if exact and d > ref + timedelta(days=31):
            d = d.replace(year=d.year - 1)
        return d.isoformat(), "date"
    return None


def _weekday(weekday: int, ref: date, exact: bool) -> date:
    """News name days of the week just past; with only an approximate reference
    (a caption's date) the nearest such day on either side is the best guess."""
    back = (ref.weekday() - weekday) % 7
    if exact:
        return ref - timedelta(days=back)
    ahead = (weekday - ref.weekday()) % 7
    return ref + timedelta(days=ahead) if ahead < back else ref - timedelta(days=back)


def extract_times(doc: Doc, article: Article) -> list[TimeExpr]:
    ref, exact = reference_date(article)
    found = []
    for ent in doc.ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        resolved = resolve(ent.text, ref, exact)
        if resolved:
            found.append(TimeExpr(Span(ent.start_char, ent.end_char, ent.text), *resolved))
    return found
