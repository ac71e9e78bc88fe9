"""Entities and all their mentions in one article, with within-article coreference.

What counts as one entity: a person's full name, its surname alone, the title
they were introduced with ("Turkish FM", "the Syrian leader"); a state by its
name, its demonym ("Turkish") or its capital when the capital acts ("Ankara and
Moscow have long been at odds"); named groups and the generic groups news write
about ("rebel factions", "the Syrian government"). The small model's labels are a
first guess: a surname tagged ORG still joins its person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as TokSpan, Token

from pipeline.casing import shouting
from pipeline.extract.lexicon import Lexicon, fold
from pipeline.facts import (ARMED_GROUP, CITY, GOVERNMENT, NEWS_AGENCY, ORGANIZATION, PERSON, PLACE,
                            STATE, Article, Entity, Span)

PARENTHESISED = re.compile(r"\s*\(([A-Z][A-Z0-9-]{1,9})\)")  # an acronym defined right after a name
GIVEN = "given:"  # key prefix for given names in the surname index
ACRONYM_SKIP = {"of", "and", "the", "for", "de", "del", "la", "el", "y", "in"}
QUANTIFIERS = {"the", "a", "an", "most", "many", "some", "other", "several", "all", "both", "various"}
POSSESSIVE = ("'s", "’s", "'", "’")
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
NAMED_GROUP_HEADS = {"group", "movement", "front", "army", "organization", "organisation"}


@dataclass
class EntityTable:
    """Entities of one document, and which tokens mention which entity."""

    doc: Doc
    entities: dict[str, Entity] = field(default_factory=dict)
    by_token: dict[int, list[str]] = field(default_factory=dict)
    tokens: list[Token] = field(default_factory=list)  # made once: spaCy builds a new Token per access
    sentences: list[TokSpan] = field(default_factory=list)
    sentence_of: list[int] = field(default_factory=list)  # token index -> index into sentences
    text: str = ""  # the document's text, made once: Doc.text joins every token anew
    titled: dict[int, str] = field(default_factory=dict)  # a definite title's token -> the person it names
    words: list[str] = field(default_factory=list)  # each token's text, made once (Token.text builds a new str)

    def __post_init__(self) -> None:
        self.tokens = list(self.doc)
        self.words = [t.text for t in self.tokens]
        self.text = "".join(t.text_with_ws for t in self.tokens)
        self.sentences = list(self.doc.sents)  # Token.sent recomputes the sentence on every call
        self.sentence_of = [0] * len(self.tokens)
        for n, sent in enumerate(self.sentences):
            self.sentence_of[sent.start:sent.end] = [n] * len(sent)

    def sentence(self, token: Token | int) -> TokSpan:
        return self.sentences[self.sentence_of[token if isinstance(token, int) else token.i]]

    def tokens_of(self, span: TokSpan) -> list[Token]:
        """The span's tokens, from the table's own (iterating a spaCy span makes new ones)."""
        return self.tokens[span.start:span.end]

    def text_of(self, span: TokSpan) -> str:
        """The span's text, cut from the document's (Span.text joins its tokens anew)."""
        return self.text[span.start_char:span.end_char]

    def get(self, name: str, typ: str, **attrs: object) -> Entity:
        key = f"{typ}|{fold(name)}"
        if key not in self.entities:
            self.entities[key] = Entity(key=key, name=name, type=typ, **attrs)  # type: ignore[arg-type]
        return self.entities[key]

    def mention(self, entity: Entity, toks: TokSpan) -> None:
        span = Span(toks.start_char, toks.end_char, self.text_of(toks))
        if span not in entity.mentions:
            entity.mentions.append(span)
        for i in range(toks.start, toks.end):
            keys = self.by_token.setdefault(i, [])
            if entity.key not in keys:
                keys.append(entity.key)

    def merge(self, source: Entity, into: Entity) -> None:
        """Two entities found to be one: the mentions of `source` become `into`'s."""
        for span in source.mentions:
            if span not in into.mentions:
                into.mentions.append(span)
        for keys in self.by_token.values():
            if source.key in keys:
                keys.remove(source.key)
                if into.key not in keys:
                    keys.append(into.key)
        del self.entities[source.key]

    def main_state(self) -> Entity | None:
        """The state the article names most often: whose 'the government' it usually means."""
        states = [e for e in self.entities.values() if e.type == STATE]
        return max(states, key=lambda e: (len(e.mentions), e.key), default=None)

    def unmention(self, entity: Entity, token: Token) -> None:
        """The token is not a mention of `entity` after all ('Palestinians' are people, not the state)."""
        self.entities[entity.key].mentions = [m for m in entity.mentions
                                              if not (m.start <= token.idx < m.end)]
        keys = self.by_token.get(token.i, [])
        if entity.key in keys:
            keys.remove(entity.key)
        if not keys:
            self.by_token.pop(token.i, None)

    def move(self, phrase: TokSpan, source: Entity, into: Entity) -> None:
        """The phrase mentions `into`, not `source`; an entity left with no mention is gone."""
        for t in phrase:
            self.unmention(source, t)
        if not source.mentions:
            del self.entities[source.key]
        self.mention(into, phrase)

    def keys_at(self, token: Token) -> list[str]:
        return self.by_token.get(token.i, [])

    def covered(self, token: Token) -> bool:
        return token.i in self.by_token

    def persons(self) -> list[Entity]:
        return [e for e in self.entities.values() if e.type == PERSON]


def in_subject(token: Token) -> bool:
    """The token is, or is a name word of, a clause's subject ('Barack Obama spoke', 'US President
    Obama said')."""
    while token.dep_ in {"compound", "appos", "flat"} and token.head.i != token.i:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"}


def titled_person(noun: Token, table: EntityTable) -> str | None:
    """The person a definite title with no name refers back to ('the government spokesman
    said'), found once per document by _titles_referring_back."""
    return table.titled.get(noun.i)


def _titles_referring_back(table: EntityTable, lex: Lexicon) -> dict[int, str]:
    """'Abdourahim Said Bakar, a government spokesman, ... the government spokesman said',
    'Gen. David Petraeus ... the general': a definite title or office with no name refers back to
    the person last named with it (in apposition, or as the name's title word) within 25
    sentences, whose title has the later one's modifiers ('the interior minister' is not the
    foreign minister named last). Not a title with its own 'of' or 'for' ('the spokesman for
    al-Shabaab', 'the director of the hospital'): that describes someone else."""
    found: dict[int, str] = {}
    for noun in table.tokens:
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or not (fold(noun.text) in lex.titles or lemma in lex.office_nouns) or \
                not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or \
                any(c.dep_ == "prep" and c.lower_ in {"of", "for"} for c in noun.children):
            continue
        wanted = {c.lower_ for c in noun.children if c.dep_ in {"amod", "compound", "nmod"}}
        first = table.sentences[max(0, table.sentence_of[noun.i] - TITLE_LOOKBACK)].start
        for t in reversed(table.tokens[first:noun.i]):
            if lemma not in {t.lemma_.lower(), lex.title_abbreviations.get(t.lower_)}:
                continue
            if t.i in found:  # "the general ... The general also noted": the same one
                found[noun.i] = found[t.i]
                break
            near = ([t.head] if t.dep_ in {"appos", "compound"} else []) + [c for c in t.children if c.dep_ == "appos"]
            people = [k for x in near for k in table.keys_at(x) if table.entities[k].type == PERSON]
            own = {c.lower_ for c in t.children if c.dep_ in {"amod", "compound", "nmod"}}
            if people and wanted <= own | set(fold(table.entities[people[0]].name).split()):
                found[noun.i] = people[0]
                break
    return found


def trim(span: TokSpan) -> TokSpan:
    """Drop a leading determiner, quotation marks and brackets, and a trailing possessive:
    'the Islamic State's' -> 'Islamic State', '"Red Shirts' -> 'Red Shirts'."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_ in QUANTIFIERS or span.doc[start].pos_ in {"DET", "ADV"}
                           or span.doc[start].is_quote or span.doc[start].is_left_punct):
        start += 1
    while end > start and (span.doc[end - 1].text in POSSESSIVE or span.doc[end - 1].is_quote
                           or span.doc[end - 1].is_right_punct):
        end -= 1
    return TokSpan(span.doc, start, end, label=span.label_)


def noun_phrase(token: Token, include_det: bool = True) -> TokSpan:
    """The token with its left modifiers (determiner, adjectives, compounds)."""
    deps = {"amod", "compound", "nmod", "nummod", "poss", "npadvmod"} | ({"det"} if include_det else set())
    start = token.i
    for child in token.lefts:
        if child.dep_ in deps:
            start = min(start, child.left_edge.i if child.dep_ != "poss" else child.i)
    return token.doc[start:token.i + 1]


def extract_entities(doc: Doc, article: Article, lex: Lexicon) -> EntityTable:
    table = EntityTable(doc)
    ents = [_country_label(trim(e), lex) for e in doc.ents if e.label_ in NAME_LABELS]
    ents = [e for e in ents if len(e) and e.text.strip()] + list(_untagged_speakers(table, lex))
    persons = _people(table, ents, lex)
    for ent in ents:
        person = _namesake(ent, _person_for(ent, persons), table)
        if person is not None:
            table.mention(person, ent)  # a surname the model tagged ORG or GPE
        elif ent.label_ != "PERSON":
            _named(table, ent, lex)
    _untagged_surnames(table, persons)
    _titles_before_names(table, ents, persons, lex)
    _appositive_titles(table, ents, persons, lex)
    _titles_after_names(table, lex)
    _bare_titles(table, lex)
    _groups(table, lex)
    merge_acronyms(table)  # after the groups: "the ... Liberation Front (FMLN)" may be one of them
    _untagged_acronyms(table, lex)
    _untagged_countries(table, lex)
    _places_taken_for_people(table, lex)
    _named_towns(table, lex)
    _named_outlets(table, lex)
    _spelling_variants(table)
    _person_variants(table)
    _short_names(table)
    _repeated_names(table)
    _possessive_countries(table, lex)
    _pairs(table, lex)
    for span, role in [(article.publisher, "publisher")] + [(c, "photo credit") for c in article.credits]:
        if span is not None:
            ent = table.get(span.text, NEWS_AGENCY, role=role)
            if span not in ent.mentions:
                ent.mentions.append(span)
    for e in table.entities.values():
        e.mentions.sort()
    table.titled = _titles_referring_back(table, lex)
    return table


def _untagged_speakers(table: EntityTable, lex: Lexicon) -> Iterator[TokSpan]:
    """'Irshad Matsoi, the bureau chief for the Online News Network, said': a name of two or three
    proper nouns the model left untagged, as the subject of a verb of saying, is a person's (a body
    that speaks has a name the model knows, or one word: 'Amnesty said', or words of kinds of actor:
    'Civil Defence said'). A name the model took for a work of art, a product or an event (after a
    quotation it often does: '"...," Abdourahim Said Bacar said') counts as untagged."""
    doc, tokens = table.doc, table.tokens
    ents = doc.ents  # Doc.ents walks every token: once
    tagged = {i for e in ents if e.label_ in NAME_LABELS for i in range(e.start, e.end)}
    others = {e.end - 1: e for e in ents if e.label_ not in NAME_LABELS}  # by last token
    for tok in tokens:
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or tok.head.lemma_.lower() not in lex.reporting_verbs:
            continue
        start = tok.i
        while start > 0 and tokens[start - 1].dep_ == "compound" and tokens[start - 1].head.i == tok.i \
                and tokens[start - 1].pos_ == "PROPN":
            start -= 1
        other = others.get(tok.i)
        if other is not None and all(t.pos_ == "PROPN" for t in other):
            start = min(start, other.start)  # the parse may split the name the model spanned as a work
        name = tokens[start:tok.i + 1]
        if 2 <= len(name) <= 3 and not any(t.i in tagged for t in name) and all(
                t.is_alpha and t.text[:1].isupper() and t.text[1:].islower() and fold(t.text) not in lex.titles
                and fold(t.text) not in lex.countries and fold(t.text) not in lex.demonyms
                and fold(t.text) not in lex.agent_words for t in name):  # not "Civil Defence said"
            yield TokSpan(doc, start, tok.i + 1, label="PERSON")


def _country_label(ent: TokSpan, lex: Lexicon) -> TokSpan:
    """'the President of Mali', 'in the north-west of Uganda, ... the Ugandan government': a
    country's name or demonym the model tagged as a person (or anything but a place or a people)
    is the country's, not a person whose one-letter variant 'Uganda' would then be; so is a
    country's name the model took for a people ('exports to Tajikistan')."""
    folded = fold(ent.text)
    if ent.label_ == "GPE" or ent.label_ == "NORP" and folded not in lex.countries:
        return ent
    if folded in lex.countries:
        return TokSpan(ent.doc, ent.start, ent.end, label="GPE")
    if folded in lex.demonyms:
        return TokSpan(ent.doc, ent.start, ent.end, label="NORP")
    if folded in lex.capitals and ent.label_ == "PERSON" and fold(lex.capitals[folded]) in fold(ent.doc.text):
        return TokSpan(ent.doc, ent.start, ent.end, label="GPE")  # "Kiev agreed to pay", in an article that
        # names Ukraine: the capital for its state (not Juba where South Sudan is never named)
    return ent


def _people(table: EntityTable, ents: list[TokSpan], lex: Lexicon) -> dict[str, Entity]:
    """Persons keyed by folded surname; multi-word names first so a lone surname joins them."""
    by_surname: dict[str, Entity] = {}
    for ent in sorted((e for e in ents if e.label_ == "PERSON" or _titled(e, lex)), key=lambda e: (-len(e), e.start)):
        match = _namesake(ent, _person_for(ent, by_surname), table)
        person = match or table.get(ent.text, PERSON)
        table.mention(person, ent)
        if match is None:
            by_surname.setdefault(fold(ent[-1].text), person)
            by_surname.setdefault(_without_article(fold(ent[-1].text)), person)  # "Obeidi" for "al-Obeidi"
            if len(ent) > 1:
                by_surname.setdefault(GIVEN + fold(ent[0].text), person)
    return by_surname


def _namesake(ent: TokSpan, person: Entity | None, table: EntityTable) -> Entity | None:
    """'Mohamed Bacar ... Bacar ... Abdourahim Said Bacar said', 'Morgan Tsvangirai ... his wife,
    Susan Tsvangirai ... Tsvangirai told mourners': a lone surname two named people share is the
    one named in full first (the story's own, not a relative or a spokesman named after), not
    whichever name is longer; neither when both were first named in one sentence ('William Ruto
    and Mary Ruto')."""
    if person is None or len(ent) != 1:
        return person
    surname = person.name.split()[-1]
    first: dict[str, int] = {}
    for p in table.persons():
        if p.name.split()[-1] == surname:
            starts = [m.start for m in p.mentions if len(m.text.split()) > 1]
            if starts:
                first[p.key] = min(starts)
    named = sorted((start, key) for key, start in first.items() if start < ent.start_char) or \
        sorted((start, key) for key, start in first.items())
    if not named:
        return person
    if len(named) > 1 and _sentence_at(table, named[0][0]) == _sentence_at(table, named[1][0]):
        return None
    return table.entities[named[0][1]]


def _sentence_at(table: EntityTable, char: int) -> int:
    span = table.doc.char_span(char, char + 1, alignment_mode="expand")
    return table.sentence_of[span.start] if span is not None else -1


def _without_article(surname: str) -> str:
    """'al-obeidi' -> 'obeidi': the wire writes Arabic surnames with and without their article."""
    return re.sub(r"^(al|el)-", "", surname)


def _titled(ent: TokSpan, lex: Lexicon) -> bool:
    """'President Thabo Mbeki', 'Minister Ignazio La Russa': a name the model took for a place
    or a body, right after a title, is a person's (not 'Foreign Minister of Libya')."""
    if ent.start == 0 or len(ent) > 4 or any(t.pos_ != "PROPN" for t in ent):
        return False
    if any(fold(t.text) in lex.demonyms or fold(t.text) in lex.countries for t in ent):
        return False
    return fold(ent.doc[ent.start - 1].text) in lex.titles


def _person_for(ent: TokSpan, by_surname: dict[str, Entity]) -> Entity | None:
    """A known person this name refers to: the same full name, or its surname alone."""
    person = by_surname.get(fold(ent[-1].text))
    if person is None and len(ent) == 1:
        person = by_surname.get(GIVEN + fold(ent[0].text))  # "Shimelis" for "Shimelis Kemal"
        if person is None and len(ent[0].text) >= 6:  # "Petraus" for "Petraeus": a letter dropped or added
            word = fold(ent[0].text)
            typo = [p for k, p in by_surname.items() if abs(len(k) - len(word)) == 1 and _one_letter_apart(k, word)
                    and not k.startswith(GIVEN)]
            return typo[0] if len(typo) == 1 else None
        return person
    if person is None:
        return None
    words = fold(ent.text).split()
    full = fold(person.name).split()
    if words == full[-len(words):] or words == full or words == [_without_article(full[-1])]:
        return person
    return None


def _untagged_surnames(table: EntityTable, by_surname: dict[str, Entity]) -> None:
    """'"...," said Ruto': a proper noun the model left untagged that is the surname of a person
    named in the article is that person (of two, the one named last before it)."""
    for tok in table.tokens:
        if tok.pos_ == "PROPN" and not table.covered(tok) and tok.text[:1].isupper() and (
                not tok.text.isupper() or len(tok.text) > 3 and shouting(tok.sent.text) and tok.dep_ != "compound"):
            # "ESPINOZA SAID:" in wire copy (not "THE SMITH AND WESSON RIFLES")
            word = table.doc[tok.i:tok.i + 1]  # in capitals (but not an acronym in mixed case)
            person = _namesake(word, by_surname.get(fold(tok.text)), table)  # of two Bacars, the last named
            if person is not None:
                table.mention(person, word)


def _one_letter_apart(a: str, b: str) -> bool:
    """'petraeus' and 'petraus': one letter more or less."""
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _named(table: EntityTable, ent: TokSpan, lex: Lexicon) -> None:
    name, folded = ent.text, fold(ent.text)
    if ent.label_ == "NORP":
        country = lex.demonyms.get(folded)
        if country:
            table.mention(table.get(country, STATE), ent)
            return
        if folded.endswith("s") and folded[:-1] in lex.demonyms:
            return  # "Somalians": the people, a kind of actor (pipeline.extract.actors)
        nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if nxt is not None and nxt.text[:1].isupper() and fold(nxt.text) in lex.admin_units:
            unit = ent.doc[ent.start:ent.end + 1]  # "Aleppo Governorate"
            table.mention(table.get(unit.text, PLACE), unit)
        elif ent.root.pos_ == "PROPN" and ent.root.dep_ not in {"amod", "compound"}:
            table.mention(table.get(name, PLACE), ent)  # a place name the model took for a people
        return
    if ent.label_ in {"GPE", "LOC"}:
        if folded in lex.countries:
            table.mention(table.get(lex.countries[folded], STATE), ent)
        elif folded in lex.capitals and not _is_located_in(ent.root, lex):
            table.mention(table.get(lex.capitals[folded], STATE), ent)  # "Ankara and Moscow ... at odds"
        elif folded in lex.capitals or folded.endswith(" city") or folded in lex.cities or \
                folded + " city" in lex.cities:  # "Gaza City", "Mosul", "New York" (GeoNames: New York City)
            table.mention(table.get(name, CITY), ent)
        else:
            table.mention(table.get(name, PLACE), ent)
        return
    if ent.label_ == "ORG":
        if fold(ent[-1].text) in lex.titles:  # "Turkish FM": a title, resolved to a person later
            return
        typ = next((t for kw, t in lex.org_keywords if f" {kw} " in f" {folded} "), ORGANIZATION)
        table.mention(table.get(name, typ), ent)


def merge_acronyms(table: EntityTable) -> None:
    """'Ogaden National Liberation Front (ONLF)', or an acronym that spells a name's
    initials: both names are one entity, typed by the long name. (Run again once the actor
    lists have named more bodies: 'Reporters Without Borders (RWB)'.)"""
    doc = table.doc
    named = [e for e in table.entities.values() if e.type not in {PERSON, STATE} and len(e.name.split()) > 1]
    aliases: dict[str, Entity] = {}
    for e in named:
        initials = "".join(w[0] for w in e.name.replace("-", " ").split() if w.lower() not in ACRONYM_SKIP)
        if len(initials) > 1:
            aliases.setdefault(initials.upper(), e)
    text = table.text
    for e in named:  # "the Farabundo Marti National Liberation Front (FMLN)", however the name was found
        for m in e.mentions:
            defined = PARENTHESISED.match(text, m.end)
            if defined:
                aliases.setdefault(defined.group(1), e)
    for short in [e for e in table.entities.values() if e.name in aliases and len(e.name.split()) == 1]:
        long = aliases[short.name]
        if long is not short and short.type in {ORGANIZATION, ARMED_GROUP, PLACE, GOVERNMENT, NEWS_AGENCY}:
            table.merge(short, long)
    for token in table.tokens:  # acronyms the model did not tag at all
        if token.text in aliases and not table.covered(token) and token.text.isupper():
            table.mention(aliases[token.text], doc[token.i:token.i + 1])


def _untagged_acronyms(table: EntityTable, lex: Lexicon) -> None:
    """'The ONLF accused the troops': a word of three to six capitals the model left untagged
    in a sentence that is not all capitals is an organisation's acronym, unless it is one of
    the capitalised words that name no body ('DNA', 'GMT') or part of a code ('DEV-MUC3')."""
    loud = [table.text_of(s).isupper() for s in table.sentences]
    for i, word in enumerate(table.words):
        if not (3 <= len(word) <= 6 and word.isalpha() and word.isupper()):
            continue
        tok = table.tokens[i]
        if table.covered(tok) or tok.pos_ not in {"NOUN", "PROPN"} or loud[table.sentence_of[i]] \
                or tok.lower_ in lex.not_acronyms or tok.lower_ in lex.titles or tok.lower_ in lex.demonyms \
                or tok.lower_ in lex.countries or tok.lower_ in lex.capitals:  # "SOMALI forces" in a headline
            continue
        if any(0 <= j < len(table.words) and table.words[j] in {"-", "/"} for j in (i - 1, i + 1)):
            continue
        table.mention(table.get(word, ORGANIZATION), table.doc[i:i + 1])


def _untagged_countries(table: EntityTable, lex: Lexicon) -> None:
    """'Bahrain voiced strong backing for ...': a country's name in capitals the model left
    untagged is the country's (not 'the Jordan Valley', a name of its own)."""
    tokens, text = table.tokens, fold(table.text)
    free = [t.pos_ in {"PROPN", "NOUN"} and t.text[:1].isupper() and not table.covered(t) for t in tokens]
    i = 0
    while i < len(tokens):
        for size in (3, 2, 1) if free[i] else ():
            if not all(free[i:i + size]) or i + size > len(tokens):
                continue
            name = fold(" ".join(t.text for t in tokens[i:i + size]))
            last = tokens[i + size - 1]
            state = lex.countries.get(name) or (lex.capitals[name] if name in lex.capitals and tokens[i].dep_ in
                                                {"nsubj", "nsubjpass"} and fold(lex.capitals[name]) in text else None)
            if state and not (last.dep_ == "compound" and last.head.pos_ == "PROPN" and last.head.i > last.i):
                table.mention(table.get(state, STATE), table.doc[i:i + size])  # "Kyiv blamed ...": a capital
                # as a subject, in an article that names its state
                i += size - 1
                break
        i += 1


def _is_located_in(token: Token, lex: Lexicon) -> bool:
    """'in Ankara', 'in New York or Madrid', 'the Juba region', 'the city of Tripoli', 'outside
    of Manama', 'southwest of Paris', 'Manama's old market area', 'the capital, Kinshasa': a
    place, not the state its capital may stand for."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        governor = token.head.head
        return governor.lemma_.lower() in PLACE_NOUNS or governor.lower_ in lex.around_words
    place = token.head.lemma_.lower() in PLACE_NOUNS or token.head.lower_ in lex.place_words
    return token.dep_ == "pobj" and token.head.lower_ in lex.locative_preps or \
        token.dep_ in {"compound", "poss"} and place or _called_a_town(token, lex)  # "Addis Ababa, capital of"


def _title_of(tokens: list[Token], lex: Lexicon) -> str | None:
    """The title class named by the end of a run of tokens ('Turkish Foreign Minister'); a
    one-word title a common noun qualifies is that phrase, not the class: a 'rebel leader' is
    no head of state, a 'bureau chief' no commander, a 'police chief' the police's."""
    for size in range(min(3, len(tokens)), 0, -1):
        cls = lex.titles.get(fold(" ".join(t.text for t in tokens[-size:])))
        kind = tokens[-2] if len(tokens) > 1 else None  # a noun, or a name that is a kind of actor ("Militia leader")
        if cls and size == 1 and kind is not None and kind.dep_ == "compound" and fold(kind.text) not in lex.titles \
                and (kind.pos_ == "NOUN" or fold(kind.text) in lex.agent_words):  # ("army chief General Said")
            return f"{fold(tokens[-2].text)} {fold(tokens[-1].text)}"
        if cls:
            return cls
    return None


def _demonym_state(tokens: list[Token] | TokSpan, table: EntityTable, lex: Lexicon) -> str | None:
    for t in tokens:
        country = lex.demonyms.get(fold(t.text)) or lex.countries.get(fold(t.text))
        if country:
            return table.get(country, STATE).key
    return None


def _add_title(person: Entity, cls: str | None, affiliation: str | None) -> None:
    if cls and cls not in person.titles:
        person.titles = person.titles + (cls,)
    if affiliation and person.affiliation is None:
        person.affiliation = affiliation


def _titles_before_names(table: EntityTable, ents: list[TokSpan], persons: dict[str, Entity],
                         lex: Lexicon) -> None:
    """'Turkish Foreign Minister Mevlut Cavusoglu': the title and the state go to the person."""
    doc = table.doc
    for ent in ents:
        person = _person_for(ent, persons) if ent.label_ in {"PERSON", "ORG"} else None
        if person is None:
            continue
        left: list[Token] = []
        i = ent.start - 1
        while i >= table.sentence(ent.start).start and len(left) < 5 and doc[i].pos_ in {"PROPN", "NOUN", "ADJ"}:
            left.insert(0, doc[i])
            i -= 1
        cls = _title_of(left, lex)
        if cls:
            _add_title(person, cls, _demonym_state(left, table, lex))


def _appositive_titles(table: EntityTable, ents: list[TokSpan], persons: dict[str, Entity],
                       lex: Lexicon) -> None:
    """'his Russian counterpart in a Turkish resort town, Sergey Lavrov,': the title
    phrase before a comma-enclosed name is a mention of that person."""
    doc = table.doc
    for ent in ents:
        if ent.label_ != "PERSON" or ent.start == 0 or doc[ent.start - 1].text != ",":
            continue
        person = _person_for(ent, persons)
        for i in range(ent.start - 2, max(table.sentence(ent.start).start, ent.start - 15) - 1, -1):
            tok = doc[i]
            if tok.pos_ in {"VERB", "AUX"} or tok.text in {";", "“", "\""}:
                break
            cls = lex.titles.get(fold(tok.text))
            if cls and tok.pos_ == "NOUN" and person is not None:
                phrase = noun_phrase(tok)
                _add_title(person, cls, _demonym_state(list(phrase), table, lex) or _served(tok, table))
                table.mention(person, phrase)
                break


def _titles_after_names(table: EntityTable, lex: Lexicon) -> None:
    """'Susan Rice, the US ambassador to the UN,', 'Hugo Chávez, the president of Venezuela,',
    'Rice, who is US ambassador': a title in apposition to a name, or in a 'who is' clause on it,
    is that person's, with the state it serves (whom the person's 'we' means)."""
    for name in table.tokens:
        person = next((table.entities[k] for k in table.keys_at(name) if table.entities[k].type == PERSON), None)
        if person is None:
            continue
        heads = [c for c in name.children if c.dep_ == "appos"]
        heads += [a for c in name.children if c.dep_ == "relcl" and c.lemma_ == "be"
                  for a in c.children if a.dep_ == "attr"]
        for tok in (t for head in heads for t in (head, *head.conjuncts)):
            if tok.pos_ not in {"NOUN", "PROPN"} or tok.ent_type_ == "PERSON":
                continue
            phrase = noun_phrase(tok)
            cls = _title_of(list(table.doc[phrase.start:tok.i + 1]), lex)
            if cls and cls != "counterpart":
                _add_title(person, cls, _demonym_state(list(phrase), table, lex) or _served(tok, table))


def _served(title: Token, table: EntityTable) -> str | None:
    """'the president of Venezuela': the state named in the title's 'of' phrase (an affiliation
    is a state, ckg:affiliation's range; not 'the UN envoy for Syria', whom Syria did not send)."""
    for prep in (c for c in title.children if c.dep_ == "prep" and c.lower_ == "of"):
        for tok in (t for p in prep.children if p.dep_ == "pobj" for t in p.subtree):
            state = next((k for k in table.keys_at(tok) if table.entities[k].type == STATE), None)
            if state is not None:
                return state
    return None


def _bare_titles(table: EntityTable, lex: Lexicon) -> None:
    """'Turkish FM', 'the Syrian leader': a title with no name, resolved to the one person
    of the article who holds that title for that state."""
    doc = table.doc
    heads = {surface.rsplit(" ", 1)[-1] for surface in lex.titles}
    for tok in table.tokens:
        if fold(tok.text) not in heads or tok.pos_ not in {"NOUN", "PROPN"} or \
                table.covered(tok) and PERSON in _types(table, tok):
            continue
        phrase = noun_phrase(tok)
        cls = _title_of(list(doc[phrase.start:tok.i + 1]), lex)
        if not cls or cls == "counterpart" or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_type_ == "PERSON"):
            continue
        if tok.head.ent_type_ == "PERSON" and tok.dep_ == "compound":
            continue
        state = _demonym_state(list(phrase), table, lex)
        if state is None:
            continue
        holders = [p for p in table.persons() if cls in p.titles]
        exact = [p for p in holders if p.affiliation == state]
        open_ = [p for p in holders if p.affiliation is None]
        person = exact[0] if len(exact) == 1 else open_[0] if not exact and len(open_) == 1 else None
        if person is not None:
            person.affiliation = person.affiliation or state
            table.mention(person, phrase)


TITLE_LOOKBACK = 25  # sentences a definite title looks back over for the person it names (a story's own figure)
PLACE_NOUNS = {"town", "city", "village", "region", "province", "district", "area", "capital", "port", "state"}
PEOPLE_PREPS = {"to", "from"}  # locative, but also "said to X", "a letter from X": no sign of a place


def _types(table: EntityTable, tok: Token) -> set[str]:
    return {table.entities[k].type for k in table.keys_at(tok)}


def _groups(table: EntityTable, lex: Lexicon) -> None:
    """Groups named by a proper name and a group noun: 'the Islamic State group', 'the
    Sadrist movement'. Kinds of actor ('rebel factions', 'Russian troops', 'the Syrian
    government') are generic actors (pipeline.extract.actors), not named groups."""
    for tok in table.tokens:
        if fold(tok.text) not in NAMED_GROUP_HEADS or tok.pos_ not in {"NOUN", "PROPN"} or table.covered(tok):
            continue
        phrase = trim(noun_phrase(tok, include_det=False))
        mods = [t for t in phrase if t.i != tok.i]
        if _demonym_state(mods, table, lex) is None and any(
                t.pos_ == "PROPN" and t.ent_type_ not in {"NORP", "GPE", "LOC"} or t.ent_type_ == "PERSON"
                for t in mods):
            table.mention(table.get(phrase.text, ARMED_GROUP, affiliation=_demonym_state(mods, table, lex)), phrase)


def _places_taken_for_people(table: EntityTable, lex: Lexicon) -> None:
    """A 'person' with no title that is a place by its name ('Freedom Square', 'Jebel
    Moon', 'Juba River') or is only ever where things happen ('in Telasqaf', 'near Abu
    Suruj') is a place the model took for a person."""
    for e in [e for e in table.entities.values() if e.type == PERSON and not e.titles and not e.affiliation]:
        words = fold(e.name).split()
        spans = [table.doc.char_span(m.start, m.end, alignment_mode="expand") for m in e.mentions]
        located = bool(spans) and all(s is not None and _located(s.root, lex) for s in spans)
        listed = fold(e.name) in lex.place_countries  # "Marja": a place of the country lists
        if words and (words[0] in lex.place_prefixes or words[-1] in lex.place_words or located or listed):
            table.merge(e, table.get(e.name, PLACE))


def _named_towns(table: EntityTable, lex: Lexicon) -> None:
    """'the town of Marja', 'the city of Misrata', 'the capital, Kinshasa': a name the text
    calls a town, a city, a village or a capital is one, whatever the model took it for."""
    for e in [e for e in table.entities.values() if e.type in {PLACE, PERSON, ORGANIZATION} and not e.titles]:
        spans = [table.doc.char_span(m.start, m.end, alignment_mode="expand") for m in e.mentions]
        if any(s is not None and (s.root.dep_ == "pobj" and s.root.head.lower_ == "of" and
                                  s.root.head.head.lower_ in lex.town_nouns or _called_a_town(s.root, lex))
               for s in spans):
            table.merge(e, table.get(e.name, CITY))


def _called_a_town(token: Token, lex: Lexicon) -> bool:
    """'the capital, Kinshasa', 'Lashkar Gah, the capital of Helmand province', 'the town,
    Jilib': a name in apposition with a town or a capital is the town (the capital 'of' a region
    is the region's: the region is no town)."""
    towns = lex.town_nouns | {"capital"}
    return token.dep_ == "appos" and token.head.lower_ in towns or \
        any(c.dep_ == "appos" and c.lower_ in towns for c in token.children)


def _named_outlets(table: EntityTable, lex: Lexicon) -> None:
    """'Danish newspaper Jyllands-Posten', 'U.S. television network NBC', 'Jordan's state news
    agency, Petra', 'Der Spiegel magazine', 'The Telegraph reports': a name the text calls a
    news outlet, or a newspaper's name the model took for a person, is a news outlet."""
    for e in [e for e in table.entities.values() if e.type in {PERSON, ORGANIZATION, PLACE, GOVERNMENT}
              and not e.titles and not e.affiliation]:
        spans = [s for m in e.mentions if (s := table.doc.char_span(m.start, m.end, alignment_mode="expand"))]
        paper = e.type == PERSON and fold(e.name).split()[-1:] in ([w] for w in lex.outlet_name_words)
        if paper or any(_outlet(t, lex) for s in spans for t in _around(s)):
            table.merge(e, table.get(e.name, NEWS_AGENCY))


def _around(span: TokSpan) -> list[Token]:
    """The words a name is called by: its compound and appositive modifiers, and the noun it
    modifies or stands in apposition to."""
    root = span.root
    near = [c for c in root.children if c.dep_ in {"compound", "appos", "nmod"} and not span.start <= c.i < span.end]
    return near + ([root.head] if root.dep_ in {"compound", "appos"} and root.head.i != root.i else [])


def _outlet(tok: Token, lex: Lexicon) -> bool:
    """'newspaper', 'magazine'; 'network', 'agency', 'station' only as news, television or radio
    ones ('television network NBC', not 'an al-Shabaab network', 'the UN agency', 'a police station')."""
    if tok.lower_ in lex.outlet_nouns:
        return True
    return tok.lower_ in lex.media_nouns and any(c.lower_ in lex.outlet_nouns | {"news", "press", "radio", "cable"}
                                                for c in tok.children)


def skeleton(name: str) -> str:
    """'al-Shabaab', 'al-Shabab', 'Shabab group' -> 'shabab': a group's name without its
    article, its group noun, its spaces and hyphens, and with doubled letters single."""
    words = fold(name).replace("-", " ").split()
    while words and words[0] in {"al", "el", "the"}:
        words = words[1:]
    if len(words) > 1 and words[-1] in {"group", "militia", "militants"}:
        words = words[:-1]
    return re.sub(r"(.)\1+", r"\1", "".join(re.sub(r"\W", "", w) for w in words))


def _spelling_variants(table: EntityTable) -> None:
    """One group spelled several ways in one article is one entity: the most mentioned
    spelling keeps the others' mentions."""
    by_skeleton: dict[str, list[Entity]] = {}
    for e in table.entities.values():
        if e.type in {ORGANIZATION, ARMED_GROUP, GOVERNMENT} and len(skeleton(e.name)) > 3:
            by_skeleton.setdefault(skeleton(e.name), []).append(e)
    for variants in by_skeleton.values():
        if len(variants) < 2:
            continue
        keep = max(variants, key=lambda e: (len(e.mentions), e.type == ARMED_GROUP, e.key))
        if any(e.type == ARMED_GROUP for e in variants):
            keep.type = ARMED_GROUP
        for e in variants:
            if e is not keep:
                table.merge(e, keep)


def _person_variants(table: EntityTable) -> None:
    """'Abdourahim Said Bakar' and, three paragraphs on, 'Abdourahim Said Bacar': a person's
    full name spelled again with one letter of the surname changed, added or dropped (the given
    names the same) is the same person; the first spelling keeps the other's mentions. So is a
    person known by the surname alone whose full name (one only) the article gives."""
    people = sorted(table.persons(), key=lambda p: min((m.start for m in p.mentions), default=0))
    for n, person in enumerate(people):
        words = fold(person.name).split()
        for other in people[n + 1:]:
            more = fold(other.name).split()
            if len(words) >= 2 and len(more) == len(words) and more[:-1] == words[:-1] and more != words and \
                    min(len(words[-1]), len(more[-1])) >= 5 and _one_letter_off(words[-1], more[-1]) and \
                    {person.key, other.key} <= table.entities.keys():  # not "Wang Yu" and "Wang Yi"
                table.merge(other, person)
    for single in [p for p in table.persons() if len(p.name.split()) == 1]:
        surname = _without_article(fold(single.name))
        full = [p for p in table.persons() if len(p.name.split()) > 1 and
                _without_article(fold(p.name.split()[-1])) == surname]
        if len(full) == 1:  # 'President Nicolas Sarkozy' found by his title, 'Sarkozy' by the model
            table.merge(single, full[0])


def _one_letter_off(a: str, b: str) -> bool:
    """'bakar' and 'bacar', 'petraeus' and 'petraus': one letter changed, added or dropped."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    return _one_letter_apart(a, b)


def _short_names(table: EntityTable) -> None:
    """'the Security Council' after 'the UN Security Council': a body named by the last
    words (two or more) of exactly one longer name in the article is that body; a name
    that ends two longer ones ('Foreign Ministry') stays apart."""
    bodies = [e for e in table.entities.values() if e.type in {ORGANIZATION, ARMED_GROUP, GOVERNMENT}]
    words = {e.key: fold(e.name).split() for e in bodies}
    for short in sorted(bodies, key=lambda e: e.key):
        n = len(words[short.key])
        longer = [e for e in bodies if len(words[e.key]) > n >= 2 and words[e.key][-n:] == words[short.key]]
        if len(longer) == 1 and short.key in table.entities:
            table.merge(short, longer[0])


def _located(token: Token, lex: Lexicon) -> bool:
    """'in Sirba and Abu Suruj': the object (or one of the objects) of a preposition of place."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of":  # "the southern town of Marja"
        return token.head.head.lemma_.lower() in PLACE_NOUNS
    return token.dep_ == "pobj" and token.head.lower_ in lex.locative_preps - PEOPLE_PREPS


def _proper_name(name: str) -> bool:
    return all(w[:1].isupper() for w in name.split() if w.lower() not in ACRONYM_SKIP)


def _repeated_names(table: EntityTable) -> None:
    """A name seen once as an entity is the same entity wherever it recurs, whatever the
    model tagged it there ('Aleppo' tagged GPE once and NORP twice)."""
    doc = table.doc
    by_first: dict[str, list[tuple[tuple[str, ...], Entity]]] = {}
    for e in table.entities.values():
        if e.type in {PERSON, NEWS_AGENCY}:
            continue
        for m in e.mentions:
            words = m.text.split()
            if words and all(w[:1].isupper() for w in words):
                key = tuple(fold(w) for w in words)
                by_first.setdefault(key[0], []).append((key, e))
    if not by_first:
        return
    folded = [fold(w) for w in table.words]
    for i, t in enumerate(table.tokens):
        if folded[i] not in by_first or t.pos_ != "PROPN" or i in table.by_token:
            continue
        for words, entity in by_first[folded[i]]:
            if tuple(folded[i:i + len(words)]) == words:
                table.mention(entity, doc[i:i + len(words)])
                break


def _pairs(table: EntityTable, lex: Lexicon) -> None:
    """'the two nations': the last two states named together ('X and Y') before it, else
    the last two states named."""

    def states(t: Token) -> list[str]:
        return [k for k in table.keys_at(t) if table.entities[k].type == STATE]

    for tok in table.tokens:
        if fold(tok.text) not in lex.pair_nouns or not any(c.lower_ == "two" for c in tok.children):
            continue
        seen: list[str] = []
        pair: list[str] = []
        for i in sorted((i for i in table.by_token if i < tok.i), reverse=True):
            here = states(table.tokens[i])
            for key in here:
                if key not in seen:
                    seen.append(key)
            conj = [k for c in table.tokens[i].conjuncts for k in states(c)]
            if not pair and conj and here and conj[0] not in here:
                pair = [here[0], conj[0]]
                break
        seen = pair or seen[:2]
        if len(seen) == 2:
            phrase = noun_phrase(tok)
            for key in sorted(seen):
                table.mention(table.entities[key], phrase)


def _possessive_countries(table: EntityTable, lex: Lexicon) -> None:
    """'his country' is the state of the person the sentence is about."""
    for tok in table.tokens:
        if fold(tok.text) not in lex.country_nouns or table.covered(tok):
            continue
        if not any(c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in tok.children):
            continue
        person = None
        for i in range(tok.i - 1, table.sentence(tok).start - 1, -1):
            person = next((table.entities[k] for k in table.by_token.get(i, ())
                           if table.entities[k].type == PERSON and table.entities[k].affiliation), None)
            if person:
                break
        if person is not None:
            table.mention(table.entities[person.affiliation], noun_phrase(tok))
