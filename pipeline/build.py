"""Facts (linked) in, one RDF graph per article out. Knows rdflib, not spaCy.

Identifiers are deterministic (DESIGN.md section 3): the article from its URL or
text, a mention from its character offsets, an event / quote / figure from the
article and its anchor, an unlinked entity from its folded name and type. No blank
nodes, no timestamps: the same facts give the same triples.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache

from rdflib import Graph, Literal, URIRef

from pipeline import SOFTWARE_NAME, __version__
from pipeline.extract.lexicon import broader_classes, fold
from pipeline.facts import PLACE_TYPES, Article, ArticleFacts, Entity, Event, Figure, Span, TimeExpr
from pipeline.vocab import CKG, DEFAULT_BASE, ITSRDF, NIF, PREFIXES, PROV, RDF, RDFS, SDO, SEM, TIME, WD, XSD

Triples = set[tuple[URIRef, URIRef, URIRef | Literal]]
PLACE_ONLY = {"Place", "City"}
TIME_PROPERTY = {"date": (TIME.inXSDDate, XSD.date), "month": (TIME.inXSDgYearMonth, XSD.gYearMonth),
                 "year": (TIME.inXSDgYear, XSD.gYear)}


def digest(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=None)
def score(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 2))), datatype=XSD.decimal)


@lru_cache(maxsize=65536)
def index(n: int) -> Literal:
    """Character offsets repeat from article to article: build each literal once."""
    return Literal(n, datatype=XSD.nonNegativeInteger)


def slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in fold(text)).split())[:48] or "x"


def descriptions_graph(base: str) -> URIRef:
    """The named graph of the descriptions every article shares (see Builder.descriptions)."""
    return URIRef(f"{base if base.endswith(('/', '#')) else base + '/'}graph/descriptions")


class Builder:
    def __init__(self, base: str = DEFAULT_BASE, model: str = ""):
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.model = model

    # --- identifiers ----------------------------------------------------------
    def article_iri(self, article: Article) -> URIRef:
        return URIRef(f"{self.base}article/{digest(article.url or article.text)}")

    def entity_iri(self, entity: Entity) -> URIRef:
        if entity.qid:
            return WD[entity.qid]
        if entity.generic and entity.code:  # one actor per country and sector, in every article
            return URIRef(f"{self.base}actor/{entity.code}")
        return self.local_iri(entity.name, entity.type)

    def local_iri(self, name: str, entity_type: str) -> URIRef:
        """An unlinked entity: the same name and type give the same IRI in every article."""
        return URIRef(f"{self.base}entity/{slug(name)}-{digest(fold(name), entity_type)[:8]}")

    def site_iri(self, site: str) -> URIRef:
        return self.local_iri(site, "NewsAgency")

    def span_iri(self, article: URIRef, span: Span) -> URIRef:
        return URIRef(f"{article}#char={span.start},{span.end}")

    def run_iri(self) -> URIRef:
        return URIRef(f"{self.base}run/{digest(SOFTWARE_NAME, __version__, self.model)}")

    def software_iri(self) -> URIRef:
        return URIRef(f"{self.base}software/{SOFTWARE_NAME}/{__version__}")

    # --- graph ----------------------------------------------------------------
    def build(self, facts: ArticleFacts) -> Graph:
        """Everything the article says, its own triples and its descriptions, as one rdflib
        Graph, for use from Python."""
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        for triple in self.triples(facts) | self.descriptions(facts):
            g.add(triple)
        return g

    def triples(self, facts: ArticleFacts) -> Triples:
        """The article's own triples as a plain set: what the writer serializes (an rdflib
        Graph indexes every triple, which costs more than all the extractors together)."""
        g = self.whole(facts)
        self.spans(g, facts, facts)
        return g

    def parts(self, facts: ArticleFacts, views: Iterable[ArticleFacts]) -> Iterator[Triples]:
        """A huge article's own triples in parts that do not overlap: what concerns the whole
        article, then what each window of its text holds (`views`, one per window), so that
        only one window's triples are in memory at a time."""
        yield self.whole(facts)
        for view in views:
            g: Triples = set()
            self.spans(g, facts, view)
            yield g

    def whole(self, facts: ArticleFacts) -> Triples:
        """The article, its text, its publisher and credits."""
        g: Triples = set()
        a = facts.article
        art = self.article_iri(a)
        ctx = self.span_iri(art, Span(0, len(a.text), ""))
        self._article(g, a, art, ctx)
        iris = self.entity_iris(facts)
        if a.publisher is not None:
            g.add((art, SDO.publisher, iris[next(e.key for e in facts.entities if e.role == "publisher")]))
        elif a.site:  # a web page whose text names no publisher: its site is
            g.add((art, SDO.publisher, self.site_iri(a.site)))
        for e in facts.entities:
            if e.role == "photo credit":
                g.add((art, CKG.photoCredit, iris[e.key]))
        return g

    def descriptions(self, facts: ArticleFacts) -> Triples:
        """What the article says about things other articles name too: its entities (type,
        label, titles, affiliation), its time instants, the run and the software. Kept out of
        the article's graph so that each such triple is stored once, in the descriptions
        graph, however many articles repeat it: a union of the graphs is then a set on every
        store, and a query's answers do not multiply with the corpus."""
        g: Triples = set()
        iris = self.entity_iris(facts)
        for e in facts.entities:
            self._entity(g, e, iris)
        if facts.article.publisher is None and facts.article.site:
            g.add((self.site_iri(facts.article.site), RDF.type, CKG.NewsAgency))
            g.add((self.site_iri(facts.article.site), RDFS.label, Literal(facts.article.site)))
        for t in facts.times:
            prop, dtype = TIME_PROPERTY[t.granularity]
            g.add((self.time_iri(t), RDF.type, TIME.Instant))
            g.add((self.time_iri(t), prop, Literal(t.value, datatype=dtype)))
        types = {e.key: e.type for e in facts.entities}
        speakers = [ev.attributed_to for ev in facts.events] + [q.speaker for q in facts.quotes]
        for key in [k for ev in facts.events for k in (*ev.sources, *ev.targets)] + speakers:
            if key and types[key] in PLACE_ONLY:
                g.add((iris[key], RDF.type, CKG.Actor))  # a region that acts or speaks is an actor too
        run, software = self.run_iri(), self.software_iri()
        g.add((run, RDF.type, PROV.Activity))
        g.add((run, RDF.type, CKG.Run))
        g.add((run, PROV.wasAssociatedWith, software))
        g.add((run, CKG.model, Literal(self.model)))
        g.add((software, RDF.type, PROV.SoftwareAgent))
        g.add((software, RDFS.label, Literal(SOFTWARE_NAME)))
        g.add((software, SDO.softwareVersion, Literal(__version__)))
        return g

    def spans(self, g: Triples, facts: ArticleFacts, view: ArticleFacts) -> None:
        """What the text holds: mentions, times, figures, events and quotes (of `view`, the
        whole article or one window of it; `facts` gives the entities' identifiers)."""
        art = self.article_iri(facts.article)
        ctx = self.span_iri(art, Span(0, len(facts.article.text), ""))
        iris = self.entity_iris(facts)
        types = {e.key: e.type for e in facts.entities}
        codes = {e.key: e.code_then or e.code for e in facts.entities if e.code}
        for e in view.entities:
            self._mentions(g, e, iris[e.key], art, ctx)
        for t in view.times:
            m = self._mention(g, t.span, self.time_iri(t), art, ctx)
            if t.modifier:
                g.add((m, CKG.timeModifier, Literal(t.modifier)))
        for f in view.figures:
            self._figure(g, f, iris, art, ctx)
        published = facts.article.published or facts.article.dateline
        for ev in view.events:
            self._event(g, ev, iris, art, ctx, types, published, codes)
        for q in view.quotes:
            self._quote(g, q, iris, art, ctx)

    def entity_iris(self, facts: ArticleFacts) -> dict[str, URIRef]:
        return {e.key: self.entity_iri(e) for e in facts.entities}

    def time_iri(self, t: TimeExpr) -> URIRef:
        return URIRef(f"{self.base}time/{t.value}")

    def figure_iri(self, art: URIRef, span: Span) -> URIRef:
        return URIRef(f"{self.base}quantity/{digest(art, span.start, span.end)}")

    def _article(self, g: Triples, a: Article, art: URIRef, ctx: URIRef) -> None:
        g.add((art, RDF.type, SDO.NewsArticle))
        g.add((art, SDO.headline, Literal(a.title or a.text.strip().split("\n", 1)[0][:160])))
        g.add((art, SDO.identifier, Literal(a.id)))
        if a.published:
            g.add((art, SDO.datePublished, Literal(a.published, datatype=XSD.date)))
        if a.url:
            g.add((art, SDO.url, Literal(a.url, datatype=XSD.anyURI)))
        if a.licence:
            g.add((art, SDO.license, Literal(a.licence)))
        if a.author:
            g.add((art, SDO.author, Literal(a.author)))
        if a.language:
            g.add((art, SDO.inLanguage, Literal(a.language)))
        if a.crawled:
            g.add((art, CKG.crawled, Literal(a.crawled, datatype=XSD.date)))
        g.add((art, CKG.sha256, Literal(a.sha256)))
        g.add((art, CKG.context, ctx))
        g.add((art, PROV.wasGeneratedBy, self.run_iri()))
        g.add((ctx, RDF.type, NIF.Context))
        g.add((ctx, NIF.isString, Literal(a.text)))
        g.add((ctx, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
        g.add((ctx, NIF.endIndex, Literal(len(a.text), datatype=XSD.nonNegativeInteger)))
        g.add((ctx, SDO.isPartOf, art))

    def _mention(self, g: Triples, span: Span, target: URIRef, art: URIRef, ctx: URIRef,
                 confidence: float | None = None) -> URIRef:
        m = self.span_iri(art, span)
        g.add((m, RDF.type, NIF.Phrase))
        g.add((m, NIF.anchorOf, Literal(span.text)))
        g.add((m, NIF.beginIndex, index(span.start)))
        g.add((m, NIF.endIndex, index(span.end)))
        g.add((m, NIF.referenceContext, ctx))
        g.add((m, ITSRDF.taIdentRef, target))
        if confidence is not None:
            g.add((m, ITSRDF.taConfidence, score(confidence)))
        return m

    def _entity(self, g: Triples, e: Entity, iris: dict[str, URIRef]) -> None:
        x = iris[e.key]
        g.add((x, RDF.type, CKG[e.type]))
        g.add((x, RDFS.label, Literal(e.name)))
        if e.qid:
            g.add((x, CKG.wikidataId, Literal(e.qid)))
        if e.located_in:
            g.add((x, CKG.locatedIn, WD[e.located_in]))
        if e.affiliation and e.affiliation in iris:
            g.add((x, CKG.affiliation, iris[e.affiliation]))
        for title in e.titles:
            g.add((x, CKG.title, Literal(title)))
        if e.code:
            g.add((x, CKG.actorCode, Literal(e.code)))
            g.add((x, CKG.codeBasis, Literal(e.code_basis or "text")))
        if e.sector:
            g.add((x, CKG.sector, Literal(e.sector)))
        if e.country and e.country in iris and iris[e.country] != x:
            g.add((x, CKG.country, iris[e.country]))
        also = broader_classes().get(e.type)
        if also:  # the broader class too, for stores that do not infer it
            g.add((x, RDF.type, CKG[also]))
        if e.link_note:  # linking provenance: once per entity and reason, not once per mention
            g.add((x, CKG.linkNote, Literal(e.link_note)))
        if not e.qid:
            for q in e.candidates:
                g.add((x, CKG.candidate, WD[q]))

    def _mentions(self, g: Triples, e: Entity, x: URIRef, art: URIRef, ctx: URIRef) -> None:
        for span in e.mentions:
            self._mention(g, span, x, art, ctx, e.link_confidence if e.qid else None)

    def _figure(self, g: Triples, f: Figure, iris: dict[str, URIRef], art: URIRef, ctx: URIRef) -> None:
        v = self.figure_iri(art, f.span)
        g.add((v, RDF.type, SDO.QuantitativeValue))
        for prop, value in ((SDO.value, f.value), (SDO.minValue, f.minimum), (SDO.maxValue, f.maximum)):
            if value is not None:
                g.add((v, prop, Literal(value, datatype=XSD.integer)))
        g.add((v, CKG.approximate, Literal(f.approximate)))
        g.add((v, CKG.figureOf, Literal(f.what)))
        g.add((v, SDO.unitText, Literal("people")))
        g.add((v, PROV.wasDerivedFrom, art))
        if f.claimed_by:
            g.add((v, PROV.wasAttributedTo, iris[f.claimed_by]))
        g.add((v, CKG.mention, self._mention(g, f.span, v, art, ctx)))

    def _event(self, g: Triples, ev: Event, iris: dict[str, URIRef], art: URIRef, ctx: URIRef,
               types: dict[str, str], facts_date: str | None, codes: dict[str, str]) -> None:
        e = URIRef(f"{self.base}event/{digest(art, ev.event_class, ev.trigger.start, ev.trigger.end)}")
        g.add((e, RDF.type, CKG[ev.event_class]))
        g.add((e, RDFS.label, Literal(f"{ev.event_class}: {ev.trigger.text}")))
        g.add((e, CKG.sentence, Literal(" ".join(ev.sentence.text.split()))))
        if ev.plover:
            g.add((e, CKG.ploverCode, Literal(ev.plover)))
        if ev.cameo:  # coded by the CAMEO verb dictionary: its code, and the crosswalk's mode and context
            g.add((e, CKG.cameoCode, Literal(ev.cameo)))
        if ev.mode:
            g.add((e, CKG.ploverMode, Literal(ev.mode)))
        for context in filter(None, (c.strip() for c in ev.context.split(";"))):
            g.add((e, CKG.ploverContext, Literal(context)))
        for role, coded, keys in ((CKG.source, CKG.sourceCode, ev.sources), (CKG.target, CKG.targetCode, ev.targets)):
            for key in keys:
                g.add((e, role, iris[key]))
                g.add((e, SEM.hasActor, iris[key]))
                code = codes.get(key)
                if code:  # the actor's code at the event's time, as event data sets give it
                    g.add((e, coded, Literal(code)))
        for key in ev.places:
            if types[key] in PLACE_TYPES:  # linking may have found that a "place" is a group
                g.add((e, SEM.hasPlace, iris[key]))
        stated = ev.time is not None
        when, granularity = (ev.time.value, ev.time.granularity) if stated else (facts_date, "date")
        if when:  # an event the text does not date takes its article's date, and says so
            g.add((e, SEM.hasTimeStamp, Literal(when, datatype=TIME_PROPERTY[granularity][1])))
            g.add((e, CKG.dateBasis, Literal("text" if stated else "publication")))
        if ev.attributed_to:
            g.add((e, RDF.type, CKG.ReportedClaim))
            g.add((e, PROV.wasAttributedTo, iris[ev.attributed_to]))
        if ev.figure is not None:
            g.add((e, CKG.quantity, self.figure_iri(art, ev.figure.span)))
        g.add((e, CKG.confidence, score(ev.confidence)))
        g.add((e, PROV.wasDerivedFrom, art))
        g.add((e, CKG.mention, self._mention(g, ev.trigger, e, art, ctx, ev.confidence)))

    def _quote(self, g: Triples, q, iris: dict[str, URIRef], art: URIRef, ctx: URIRef) -> None:
        x = URIRef(f"{self.base}quote/{digest(art, q.span.start, q.span.end)}")
        g.add((x, RDF.type, SDO.Quotation))
        g.add((x, SDO.text, Literal(q.span.text)))
        g.add((x, SDO.isPartOf, art))
        if q.speaker:
            g.add((x, PROV.wasAttributedTo, iris[q.speaker]))
        g.add((x, CKG.confidence, score(q.confidence)))
        g.add((x, CKG.mention, self._mention(g, q.span, x, art, ctx, q.confidence)))
