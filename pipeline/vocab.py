"""The vocabularies the graph speaks, in one place: no IRI strings elsewhere in code."""

from functools import lru_cache

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace, PROV, RDF, RDFS, SDO, TIME, XSD, OWL, SKOS  # noqa: F401


class CKG(DefinedNamespace):
    """The conflict-kg ontology (ontology/conflict.ttl)."""

    _NS = Namespace("https://w3id.org/conflict-kg/ontology#")
    _fail = True

    # actors and places
    Actor: URIRef
    Person: URIRef
    State: URIRef
    Government: URIRef
    ArmedGroup: URIRef
    Organization: URIRef
    NewsAgency: URIRef
    Place: URIRef
    City: URIRef
    # kinds of actor (generic actors, one per country and sector: pipeline/data/sectors.csv)
    ArmedForces: URIRef
    Police: URIRef
    Legislature: URIRef
    Judiciary: URIRef
    Rebels: URIRef
    Militia: URIRef
    Criminals: URIRef
    Opposition: URIRef
    Civilians: URIRef
    NonGovernmentalOrganization: URIRef
    IntergovernmentalOrganization: URIRef
    ReligiousGroup: URIRef
    Business: URIRef
    Media: URIRef
    PoliticalParty: URIRef
    Elites: URIRef
    # events (PLOVER categories and conflict types PLOVER lacks)
    ConflictEvent: URIRef
    Agree: URIRef
    Consult: URIRef
    Support: URIRef
    Concede: URIRef
    Cooperate: URIRef
    ProvideAid: URIRef
    Retreat: URIRef
    Request: URIRef
    Accuse: URIRef
    Reject: URIRef
    Threaten: URIRef
    Protest: URIRef
    Sanction: URIRef
    Mobilize: URIRef
    Coerce: URIRef
    Assault: URIRef
    Displacement: URIRef
    CeasefireCollapse: URIRef
    Casualties: URIRef
    ReportedClaim: URIRef
    Run: URIRef
    # properties
    ploverCode: URIRef
    cameoRoot: URIRef
    source: URIRef
    target: URIRef
    quantity: URIRef
    approximate: URIRef
    figureOf: URIRef
    confidence: URIRef
    mention: URIRef
    context: URIRef
    affiliation: URIRef
    title: URIRef
    photoCredit: URIRef
    wikidataId: URIRef
    linkNote: URIRef
    candidate: URIRef
    sha256: URIRef
    model: URIRef
    sentence: URIRef
    locatedIn: URIRef
    dateBasis: URIRef
    crawled: URIRef
    timeModifier: URIRef
    actorCode: URIRef
    sector: URIRef
    country: URIRef
    codeBasis: URIRef
    sourceCode: URIRef
    cameoCode: URIRef
    ploverMode: URIRef
    ploverContext: URIRef
    targetCode: URIRef


class Vocabulary(Namespace):
    """A namespace whose terms are made once: rdflib builds and validates a new URIRef at every
    attribute access, and an article's mentions ask for nif:beginIndex thousands of times."""

    @lru_cache(maxsize=1024)
    def term(self, name: str) -> URIRef:
        return super().term(name)


SEM = Vocabulary("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Vocabulary("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Vocabulary("http://www.w3.org/2005/11/its/rdf#")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
DEFAULT_BASE = "https://w3id.org/conflict-kg/id/"

PREFIXES = {"ckg": CKG._NS, "sem": SEM, "nif": NIF, "itsrdf": ITSRDF, "wd": WD, "schema": SDO,
            "prov": PROV, "time": TIME, "xsd": XSD, "rdfs": RDFS, "owl": OWL, "skos": SKOS}
