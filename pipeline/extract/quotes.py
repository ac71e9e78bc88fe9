"""Direct quotations and who said them.

A quotation runs from an opening mark to its closing mark, or to the end of the
paragraph when the writer leaves it open (a quote that continues in the next
paragraph). Its speaker is the subject of the reporting verb ("said", "told")
that governs it or stands beside it; a quotation with no reporting verb in its
paragraph continues the previous speaker's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.extract.entities import EntityTable, in_subject, titled_person
from pipeline.extract.lexicon import RELATIVES, Lexicon, fold
from pipeline.facts import NEWS_AGENCY, PERSON, PLACE_TYPES, Quote, Span

DASHES = {"—", "–", "-", "--", ":"}  # what ends a dateline
OPENERS = ("``", "“", "«", "„", "‹")  # curly, guillemets, low-9 (German style), TeX/LDC double backquotes
CLOSERS = ("''", "”", "»", "›")
MARK = re.compile("|".join(re.escape(m) for m in (*OPENERS, *CLOSERS, '"')))  # where a mark may be


@dataclass(frozen=True)
class Quoted:
    span: Span
    continued: bool  # opens a paragraph after one whose quotation was left open: the same speaker's words


def _mark(line: str, i: int) -> tuple[str, int]:
    """('open' | 'close' | 'straight', length) for the quotation mark at line[i]."""
    for marks, kind in ((OPENERS, "open"), (CLOSERS, "close")):
        for m in marks:
            if line.startswith(m, i):
                if m == "“" and line.count("„") > line.count("“") - 1 and "„" in line[:i]:
                    return "close", 1  # „…“: the German pair closes with the English opener
                return kind, len(m)
    return "straight", 1


def quote_spans(text: str) -> list[Quoted]:
    """Quotations, paragraph by paragraph (a line is a paragraph), in every convention the
    wire uses: curly and straight double quotes, ``TeX/LDC'' backquotes, «guillemets»,
    „low-9“ (single quotes inside a quotation are part of it), and 'single' marks in a
    paragraph with no double ones. A straight mark opens when it
    follows a space or the line start and closes when it follows a character; an opening
    left unclosed runs to the end of its paragraph (the wire repeats the opening mark on
    each paragraph of a long quotation and closes only at the end), and a closing with no
    opening starts at the beginning of it."""
    spans: list[Quoted] = []
    pos = 0
    left_open = False
    for line in text.split("\n"):
        opened: int | None = None
        first = True
        i = 0
        while (found := MARK.search(line, i)) is not None:
            i = found.start()
            kind, size = _mark(line, i)
            before = line[i - 1] if i else " "
            after = line[i + size] if i + size < len(line) else " "
            opening = kind == "open" or (kind == "straight" and (before.isspace() or before in "([{—-")
                                         and not after.isspace())
            if opening and opened is None:
                opened = i + size
                continues = left_open and first and not line[:i].strip()
            elif not opening:
                span = _span(text, pos, opened if opened is not None else 0, i)
                if span is not None:
                    spans.append(Quoted(span, opened is not None and continues))
                opened = None
            first = False
            i += size
        if first:  # no double mark in the paragraph: British style may quote with single marks
            for start, end in _single_quoted(line):
                span = _span(text, pos, start, end)
                if span is not None:
                    spans.append(Quoted(span, False))
        left_open = opened is not None
        if opened is not None:
            span = _span(text, pos, opened, len(line))
            if span is not None:
                spans.append(Quoted(span, continues))
        elif line.strip():
            left_open = False
        pos += len(line) + 1
    return spans


def _single_quoted(line: str) -> list[tuple[int, int]]:
    """'The operation is going to plan,' the spokesman said: quotations in single marks, straight
    or curly, in a paragraph with no double ones (inside double marks they are part of the
    quotation). An apostrophe is no mark: one between letters ('don't', 'Israel’s'), before a
    figure ('the '90s'), eliding ('rounded 'em up') or ending a plural's possessive ('the rebels'
    demands'); only a pair quotes (a paragraph left open is not taken, unlike double marks: an
    apostrophe would open too many). Double marks inside single ones hide the single pair."""
    found: list[tuple[int, int]] = []
    opened: int | None = None
    for i, ch in enumerate(line):
        if ch not in "'‘’":
            continue
        before = line[i - 1] if i else " "
        after = line[i + 1] if i + 1 < len(line) else " "
        if opened is None:
            elided = re.match(r"(em|n|til|cause|tis|twas|bout)\b", line[i + 1:i + 6], re.IGNORECASE)  # "rounded 'em up"
            if ch != "’" and (before.isspace() or before in "([{—–-") and not after.isspace() and not after.isdigit() \
                    and not elided:
                opened = i + 1
        elif ch != "‘" and not before.isspace() and (after.isspace() or after in ".,;:!?)]—–-”\""):
            plural = before == "s" and after == " " and line[i + 2:i + 3].isalpha()  # "the rebels' Kurdish allies"
            if not plural and i - opened >= 2:
                found.append((opened, i))
                opened = None
    return found


def _span(text: str, offset: int, start: int, end: int) -> Span | None:
    inner = text[offset + start:offset + end]
    stripped = inner.strip()
    if not stripped:
        return None
    s = offset + start + inner.index(stripped)
    return Span(s, s + len(stripped), stripped)


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _speaker(verb: Token, table: EntityTable, first: int, lex: Lexicon,
             said: tuple[int, str] | None = None) -> str | None:
    """The subject of the reporting verb, a person before anything else it names; a
    participle's ('..., stating "..."') is its clause's. 'He' or 'she' is the person named last
    before both it and the quotation (`first`: its first token): in 'He described Tsvangirai as
    "traitors"', not Tsvangirai."""
    quoter = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else None
    if quoter is not None and quoter.lemma_.lower() == "quote":  # "Geo TV quoted the police chief, Ahmed Raza, as
        subjects = [c for c in quoter.children if c.dep_ == "dobj"]  # saying": the one quoted speaks, not the channel
    else:
        subjects = sorted((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}),
                          key=lambda c: abs(c.i - verb.i))
    named = [k for subj in subjects if subj.lower_ not in {"he", "she"} for k in _named_by(subj, table)]
    named += [k for subj in subjects if (k := titled_person(subj, table))]  # "the spokesman said"
    named += [k for subj in subjects if fold(subj.text) in lex.titles for t in subj.subtree if t.dep_ == "appos"
              for k in table.keys_at(t)]  # "said spokesperson for the UN High Commissioner ..., Rupert Colville";
    # not "a cousin of the murdered journalist, Daniel Pearl"
    named += [k for subj in subjects for c in subj.children if c.dep_ == "appos" for k in table.keys_at(c)
              if table.entities[k].type == PERSON]  # "said one resident, Fatima Ali, 42"
    person = next((k for k in named if table.entities[k].type == PERSON), None)
    if person is not None:  # "Nurta Hussein, another resident said": the parser gave the verb both as subjects
        return person
    for subj in subjects:
        if subj.lower_ in {"he", "she"}:
            other = lex.female_nouns if subj.lower_ == "he" else lex.male_nouns  # "A gunman opened fire ... '...,'
            return _last_person(verb.doc, table, min(first, subj.i), said, lex.speaking_nouns - other)  # she said"
        keys = _named_by(subj, table)
        if keys:
            return keys[0]
    if not subjects and verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.i != verb.i:
        return _speaker(verb.head, table, first, lex, said)  # "Weerachon expressed ..., stating ..."
    noun = verb.head
    if not subjects and verb.dep_ == "acl" and noun.dep_ == "dobj" and (noun.lemma_.lower(), "NOUN") in lex.triggers:
        return _speaker(noun.head, table, first, lex, said)  # "criticized the attack saying ...": an act says nothing,
        # the parser hung "saying" on it (but "denied a report saying" is the report's)
    return None


def extract_quotes(doc: Doc, table: EntityTable, lex: Lexicon) -> list[Quote]:
    text = table.text
    quotes: list[Quote] = []
    previous: tuple[int, str | None] | None = None  # (paragraph start, speaker)
    said: tuple[int, str] | None = None  # the last quotation a person said: its last token, its speaker
    reporting = saying_verbs(table, lex)
    for quoted in quote_spans(text):
        span = quoted.span
        inside = _inside(doc, span)
        first = min(inside) if inside else None
        if first is None:
            continue
        verbs = _reporting_verbs(doc, table, inside, reporting)
        speaker = None
        if not any(v in doc[first].ancestors for v in verbs):  # no verb of saying governs the words, but an
            speaker = _according_to(doc, table, inside, True, lex.naming_verbs)  # 'according to' their clause does
        for verb in verbs if speaker is None else ():
            speaker = _speaker(verb, table, first, lex, said)
            if speaker:
                break
        para_start = text.rfind("\n", 0, span.start) + 1
        confidence = 0.9 if speaker else 0.0
        if speaker is None and not verbs and (speaker := _according_to(doc, table, inside)):
            confidence = 0.8
        if speaker is None and previous and previous[1] and (previous[0] == para_start or quoted.continued):
            speaker, confidence = previous[1], 0.7  # the same paragraph, or a quotation carried over into this one
        if speaker is None and not verbs:
            speaker = _after_colon(table, first, span.start) or _governed_by(table, inside, lex) or \
                _introduced_by(table, inside, para_start, lex) or _words_of(table, first, max(inside), lex)
            confidence = 0.6 if speaker else 0.0
        quotes.append(Quote(span, speaker, confidence))
        previous = (para_start, speaker)
        if speaker is not None and table.entities[speaker].type == PERSON:
            said = (max(inside), speaker)
    return quotes


def _reporting_verbs(doc: Doc, table: EntityTable, inside: set[int], reporting: list[Token]) -> list[Token]:
    """The verbs of saying outside a quotation, in its sentences, that may introduce it: those it
    hangs from, nearest first, else all of them, nearest first."""
    first, last = min(inside), max(inside)
    sents = {table.sentence_of[first], table.sentence_of[last]}
    verbs = [t for t in reporting if table.sentence_of[t.i] in sents and t.i not in inside]
    governing = [a for a in doc[first].ancestors if a in verbs]
    return governing or sorted(verbs, key=lambda v: min(abs(v.i - first), abs(v.i - last)))


def reporting_verbs(doc: Doc, table: EntityTable, quote: Quote, saying: list[Token]) -> list[Token]:
    """The verbs that may introduce a quotation, for a reader that resolves their subjects further
    ('It says', 'The report says', 'the country said': see events.attribute_quotes)."""
    inside = _inside(doc, quote.span)
    return _reporting_verbs(doc, table, inside, saying) if inside else []


def governing_verbs(doc: Doc, quote: Quote) -> list[Token]:
    """The verbs outside a quotation that its words hang from, nearest first; not a participle
    that only describes a noun ('people involved in "settlement activity"': whoever wrote it)."""
    inside = _inside(doc, quote.span)
    root = next((doc[i] for i in sorted(inside) if doc[i].head.i not in inside), None)
    return [a for a in root.ancestors if a.pos_ == "VERB" and a.i not in inside and
            not (a.dep_ in {"acl", "amod"} and a.tag_ in {"VBN", "VBG"})] if root is not None else []


def _inside(doc: Doc, span: Span) -> set[int]:
    return {t.i for t in _tokens_in(doc, span.start, span.end)}


def saying_verbs(table: EntityTable, lex: Lexicon) -> list[Token]:
    """The verbs that can introduce words quoted: of saying, and of chanting or shouting them."""
    words = lex.reporting_verbs | lex.voicing_verbs
    return [t for t in table.tokens if t.pos_ == "VERB" and t.lemma_.lower() in words]


def _according_to(doc: Doc, table: EntityTable, inside: set[int], own_clause: bool = False,
                  naming: frozenset[str] = frozenset()) -> str | None:
    """'"There is no military solution," according to the UN envoy, Staffan Lind': whom an
    'according to' outside the quotation, in its sentences, names (a person before a body).
    `own_clause`: only one that hangs on the clause the quotation is part of ('According to one
    senior civil servant, the Treasury was 'in complete meltdown'', words without a verb too)."""
    root = next((doc[i] for i in sorted(inside) if doc[i].head.i not in inside), None)
    verb = next((a for a in root.ancestors if a.pos_ in {"VERB", "AUX"}), None) if root is not None else None
    clause = {verb.i} if verb is not None else set()  # the quotation's own verb ('in what residents called
    # "a massacre"' is the residents' clause, not the one 'according to the ministry' hangs on)
    if own_clause and verb is not None and verb.lemma_.lower() in naming and \
            any(c.dep_ == "nsubj" for c in verb.children):
        return None  # "According to the UN, Netanyahu called the report "biased"": Netanyahu's word
    verbless = not any(doc[i].pos_ in {"VERB", "AUX"} for i in inside)
    if verbless and not own_clause:
        return None  # "in what residents called "a massacre"": a phrase, not words said
    sents = {table.sentence_of[min(inside)], table.sentence_of[max(inside)]}
    named = [k for s in sorted(sents) for t in table.sentences[s] if t.lower_ == "according" and t.i not in inside
             and (not own_clause or t.head.i in clause) for to in t.children if to.lower_ == "to"
             for p in to.children if p.dep_ == "pobj"
             for noun in (*(c for c in p.children if c.dep_ == "appos"), p) for k in table.keys_at(noun)]
    if verbless:  # words without a verb: a paper's scare quotes
        named = [k for k in named if table.entities[k].type != NEWS_AGENCY and table.entities[k].sector != "MED"]
    return next((k for k in named if table.entities[k].type == PERSON), named[0] if named else None)


def _introduced_by(table: EntityTable, inside: set[int], para_start: int, lex: Lexicon) -> str | None:
    """'Sombat offered his own interpretation on Facebook. "Raising three fingers ..."', 'Petraeus
    was asked if ... "They will be tough."': a quotation after a sentence of the same paragraph
    whose subject is a person is that person's; one standing alone in its sentence after a body
    says something or issues a statement, the body's ('The Taliban released a statement. "Our
    fighters ..."'; not '"We ran," one villager recalled' after 'The army said ...')."""
    first = min(inside)
    n = table.sentence_of[first]
    alone = all(t.i in inside or t.is_punct for t in table.sentences[n])
    if n == 0 or table.sentences[n - 1].start_char < para_start:
        return None
    before = table.sentences[n - 1]
    subject = next((t for t in before if t.head.dep_ == "ROOT" and (  # the one asked answers, not a victim
        t.dep_ == "nsubj" or t.dep_ == "nsubjpass" and t.head.lemma_.lower() in lex.asking_verbs)), None)
    keys = _named_by(subject, table) if subject is not None else []
    stated = subject is not None and alone and (subject.head.lemma_.lower() in lex.reporting_verbs or any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.statement_nouns for c in subject.head.children))
    return next((k for k in keys if table.entities[k].type == PERSON or stated), None)


def _after_colon(table: EntityTable, first: int, start: int) -> str | None:
    """'China's foreign ministry released a statement that urged a return to talks: "We believe
    ..."': a quotation a colon introduces is said by the subject of the clause before the colon,
    a body as well as a person."""
    before = table.text[:start].rstrip(" \"“'‘")
    if not before.endswith(":"):
        return None
    colon = next((t for t in reversed(table.tokens[:first]) if t.text == ":"), None)
    if colon is None or table.sentence_of[colon.i] != table.sentence_of[first]:
        return None
    verb = colon.head if colon.head.pos_ in {"VERB", "AUX"} else next(
        (a for a in colon.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    subject = None
    for _ in range(3):  # "a statement that urged ...:": whoever issued the statement
        if verb is None:
            break
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in RELATIVES or verb.dep_ not in {"relcl", "acl"}:
            break
        verb, subject = verb.head.head, None
    sender = [p for o in (verb.children if verb is not None else ()) if o.dep_ == "dobj"
              for c in o.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
    if sender:  # "Kerry received a letter from Iranian President Hassan Rouhani:": the sender writes it
        subject = sender[0]
    return _body_or_person(subject, table)


def _body_or_person(subject: Token | None, table: EntityTable) -> str | None:
    """The person or body a subject names (a pronoun names none here; places do not speak)."""
    keys = _named_by(subject, table) if subject is not None and subject.pos_ != "PRON" else []
    return next((k for k in keys if table.entities[k].type not in PLACE_TYPES), None)


def _governed_by(table: EntityTable, inside: set[int], lex: Lexicon) -> str | None:
    """'Brown called for "free and fair elections"', 'the DoS advised "U.S. citizens reconsider
    ..."': words quoted as what a verb of asking asks for are its subject's (not those of 'had
    received criticism for his "inadequate vision"')."""
    root = next((table.tokens[i] for i in sorted(inside) if table.tokens[i].head.i not in inside), None)
    verb = next((a for a in root.ancestors if a.pos_ == "VERB"), None) if root is not None else None
    if verb is None or verb.lemma_.lower() not in lex.asking_verbs:
        return None
    for _ in range(2):  # "criticized the government, demanding an end to ...": who criticized
        if verb is None:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return _body_or_person(subject, table)
        verb = verb.head if verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.pos_ == "VERB" else None
    return None


def _words_of(table: EntityTable, first: int, last: int, lex: Lexicon) -> str | None:
    """A quotation standing alone, its speaker named in the next sentence: 'Those were the words of
    Tom Pritchard', 'That was the message from a senior official', 'So said the chairman, X'."""
    n = table.sentence_of[last] + 1
    if n >= len(table.sentences):
        return None
    sentence = table.sentences[n]
    if "\n\n" in table.text[table.tokens[last].idx:sentence.start_char]:
        return None  # a new paragraph speaks of something else
    own = table.sentences[n - 1]  # the quotation is its whole sentence, but for a dateline ('LONDON — "..."';
    before = [t for t in own if t.i < first]  # not 'bore the slogan "Freedom now."')
    if any(not t.is_punct for t in own if t.i > last) or before and not any(t.text in DASHES for t in before):
        return None
    for t in sentence:
        linked = t.head.lemma_.lower() == "be" and any(  # "Those were the words of", "That was the message from"
            c.dep_ == "nsubj" and c.lower_ in {"that", "those", "this", "these", "such"} for c in t.head.children)
        if t.lemma_.lower() in lex.utterance_nouns and linked:
            speaker = next((k for p in t.children if p.dep_ == "prep" and p.lower_ in {"of", "from", "by"}
                            for o in p.children if o.dep_ == "pobj" if (k := _body_or_person(o, table))), None)
            if speaker:
                return speaker
        if t.lemma_.lower() in lex.reporting_verbs and any(c.dep_ == "advmod" and c.lower_ == "so" for c in t.children):
            return next((k for c in t.children if c.dep_ == "nsubj" if (k := _body_or_person(c, table))), None)
    return None


def _named_by(subject: Token, table: EntityTable) -> list[str]:
    """The entities a subject names: its own, else those of its appositive or compound words
    ('Human Rights Watch's director, Brad Adams,'; 'Sombat Boonngam-anong')."""
    return table.keys_at(subject) or [k for c in subject.children if c.dep_ in {"appos", "compound"}
                                      for k in table.keys_at(c)]


def _last_person(doc: Doc, table: EntityTable, before: int, said: tuple[int, str] | None = None,
                 speaking: frozenset[str] = frozenset()) -> str | None:
    """The person 'he' or 'she' is: of those named in this sentence or the one before, the last one
    who was a subject ('Abbas met Netanyahu on Monday. "We will not accept ...," he said': Abbas), else
    the last one named; but with no one named since the last quotation a person said (`said`: its
    last token, its speaker), that person ('"I owe everything to you," she said, thanking France.
    She added, "..."')."""
    if before <= 0:
        return None
    first = table.sentences[max(0, table.sentence_of[before - 1] - 2)].start
    nearest = None
    for i in range(before - 1, -1, -1):
        if said is not None and i <= said[0] and nearest is None:
            return said[1]
        people = [k for k in table.by_token.get(i, ()) if table.entities[k].type == PERSON]
        if people and (i < first or in_subject(table.tokens[i])):
            return nearest if i < first and nearest else people[0]
        nearest = nearest or (people[0] if people else None)
    if nearest is None:  # no one named: "A White House spokeswoman pushed back. '...,' she said" (a kind of
        nearest = next((k for i in range(before - 1, first - 1, -1) if table.tokens[i].lemma_.lower() in speaking
                        and table.tokens[i].tag_ == "NN" and table.tokens[i].dep_ == "nsubj"  # person who speaks
                        for k in table.by_token.get(i, ()) if table.entities[k].generic), None)  # for others, not
        # "A gunman opened fire ... 'He just kept shooting,' she said" or a victim)
    return nearest
