"""The seam between NLP and RDF: plain dataclasses, no spaCy and no rdflib inside.

Extractors produce these from a spaCy Doc; the linker fills in Wikidata links; the
builder turns them into triples. Offsets are character offsets into Article.text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Entity types, the local names of the ontology's classes.
PERSON, STATE, CITY, PLACE = "Person", "State", "City", "Place"
ARMED_GROUP, GOVERNMENT, ORGANIZATION, NEWS_AGENCY = "ArmedGroup", "Government", "Organization", "NewsAgency"
PLACE_TYPES = frozenset({STATE, CITY, PLACE})


@dataclass(frozen=True, order=True)
class Span:
    """A slice of the article text: text == article.text[start:end], always."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Boilerplate:
    span: Span
    kind: str  # "caption", "teaser", "byline"


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date, when the source says it
    dateline: str | None = None  # ISO date from a wire dateline ("BOGOTA, 26 SEP 89")
    url: str | None = None
    source_path: str | None = None
    publisher: Span | None = None  # the byline's publisher name, located in text
    credits: tuple[Span, ...] = ()  # photo credits, e.g. "AFP" at the end of a caption
    boilerplate: tuple[Boilerplate, ...] = ()
    sha256: str = ""
    licence: str | None = None
    author: str | None = None  # a web page's byline (metadata, not in the text)
    site: str | None = None  # a web page's site name: its publisher
    language: str | None = None  # a web page's declared language
    crawled: str | None = None  # ISO date a crawler fetched the page (WARC-Date), not its publication

    @property
    def nlp_text(self) -> str:
        """The text with boilerplate blanked out (same length, so offsets still hold)."""
        pieces, pos = [], 0
        for b in self.boilerplate:
            pieces += [self.text[pos:b.span.start], "".join(c if c == "\n" else " " for c in b.span.text)]
            pos = b.span.end
        return "".join(pieces) + self.text[pos:] if pieces else self.text


@dataclass
class Entity:
    """One real-world thing within an article, with every mention of it.

    `key` is stable for the same (normalised name, type) so that unlinked entities
    merge across articles; the linker later sets `qid` and may correct `type`.
    """

    key: str
    name: str
    type: str
    mentions: list[Span] = field(default_factory=list)
    affiliation: str | None = None  # key of the State a person or group belongs to
    titles: tuple[str, ...] = ()
    role: str | None = None  # "publisher", "photo credit": why a non-actor is here
    qid: str | None = None
    link_confidence: float | None = None
    link_note: str | None = None  # why it is (or is not) linked
    candidates: tuple[str, ...] = ()  # QIDs considered but not chosen
    located_in: str | None = None  # QID of the country a linked place lies in (Wikidata P17)
    code: str | None = None  # event-data actor code, country + sector: "SYRMIL", "TURGOV", "IGOUNO"
    sector: str | None = None  # its sector: "MIL", "GOV"
    country: str | None = None  # key of the State entity the code's country is
    code_basis: str | None = None  # what decided the code: "text", "country list", "actor list"
    code_then: str | None = None  # the actor lists' code at the article's date, where it differs ("TURELI" in 2001)
    generic: bool = False  # a kind of actor ("Kenyan police"), not a named thing: never linked


@dataclass(frozen=True)
class TimeExpr:
    span: Span
    value: str  # "2016-12-01", "2016-12", "2016"
    granularity: str  # "date", "month", "year"
    modifier: str = ""  # what the value leaves out: "early" (October), "the end of" (the year), "summer"


@dataclass(frozen=True)
class Figure:
    """A number of people: '600,000 people' (exact) or 'tens of thousands' (approximate)."""

    span: Span
    what: str  # "deaths", "displaced", "fighters", "people"
    value: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    approximate: bool = False
    claimed_by: str | None = None  # entity key of the speaker when the figure is quoted


@dataclass(frozen=True)
class Event:
    event_class: str  # ontology class local name, e.g. "Support", "Displacement"
    plover: str | None  # PLOVER category, where one fits
    trigger: Span
    sentence: Span
    sources: tuple[str, ...] = ()  # entity keys
    targets: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    time: TimeExpr | None = None
    attributed_to: str | None = None  # entity key: a claim by this speaker, not a fact
    figure: Figure | None = None
    confidence: float = 0.5
    cameo: str | None = None  # CAMEO code, when the CAMEO verb dictionary coded the event
    mode: str = ""  # PLOVER mode and context (CAMEO -> PLOVER crosswalk)
    context: str = ""


@dataclass(frozen=True)
class Quote:
    span: Span  # the quoted words, without the quotation marks
    speaker: str | None  # entity key
    confidence: float = 0.5


@dataclass
class ArticleFacts:
    article: Article
    entities: list[Entity]
    events: list[Event]
    quotes: list[Quote]
    figures: list[Figure]
    times: list[TimeExpr]
    model: str = ""

    def entity(self, key: str) -> Entity:
        return next(e for e in self.entities if e.key == key)
