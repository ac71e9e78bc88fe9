"""A blind probe of quotation attribution: 150 short news passages written by a helper session
that never saw the code, the rules or the references (stop 18), each with one quotation and the
span naming who said it (a name, or the name a pronoun, a title or a document refers back to; a
body; a kind of actor). Quotation marks of every wire convention: straight, curly, ``old wire'',
«guillemets», British single, ALL CAPS.

Never write a rule from these passages: their figure is the honest one for text the rules did not
see. (Shares per quotation-mark convention and speaker kind were looked at once, never a passage.)
A passage is right when a quotation found there overlaps the one coded and its speaker is the
entity the coded span names (its last word among the speaker's mention or name words).

A second set (ids q2-, 150 passages, stop 19) was written the same way by another helper at the
start of stop 19 (split quotations, quotations over two paragraphs, inverted and colon
attributions, scare quotes) and first scored on stop 18's code: 0.73 (the first set: 0.81). No
passage of it was read (ten characters of the first set's first passage were printed once).

A third blind set (ids q3-, 150 passages, stop 20, helper-48: every convention evenly, surnames, pronouns,
armed groups, unnamed officials and witnesses; no documents) was scored first on stop 19's code (9e72690): 0.67;
at the end of stop 20: 0.74. No passage of it was read.

quotes_dev.jsonl (ids qd-, 200 passages, stop 20) is a development set, readable: written by a helper
for every convention, placement and kind of speaker (documents, channels quoting someone, speakers named in
the next sentence, back-references to a body), first scored 0.65 on stop 19's rules; rules were written
from its misses.

`python -m tests.extract.test_quotes_probe` prints the share right per set.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline import casing
from pipeline.extract import extract
from pipeline.sources import make_article

PROBE = Path(__file__).resolve().parent / "quotes_probe_heldout.jsonl"
DEV = Path(__file__).resolve().parent / "quotes_dev.jsonl"
# measured at stop 18: 0.57 on stop 17's code (958e276); 0.71 after the stop's quotation work, done before the
# probe existed; 0.81 after single marks and offices ('the chairman', 'Gen.'), gaps its per-kind shares showed
# (single marks 0.00, titles 0.43: no passage was read); 0.80 after the review narrowed titles and scare quotes
FLOOR, FLOOR_DEV = 0.75, 0.66  # stop 20: blind 0.79, development 0.69


def items(path: Path = PROBE) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def words(text: str) -> set[str]:
    return {w.casefold().strip(".,;:'\"’“”()") for w in text.replace("’", "'").split()}


def judge(item: dict, nlp) -> bool:
    article = make_article("probe", item["passage"], item["passage"].encode())
    facts = extract(casing.parse(nlp, article.nlp_text), article)
    wanted = words(item["quote"])
    head = item["speaker"].replace("’", "'").split()[-1].casefold().strip(".,;:'\"")
    for quote in facts.quotes:
        if quote.speaker is None or not wanted & words(quote.span.text):
            continue
        speaker = facts.entity(quote.speaker)
        known = words(speaker.name).union(*(words(m.text) for m in speaker.mentions))
        if head in known:
            return True
    return False


def accuracy(nlp, prefix: str = "", path: Path = PROBE) -> float:
    """Share right of the passages whose id starts with `prefix` (qb-: stop 18's set, q2-: stop 19's)."""
    probe = [item for item in items(path) if item["id"].startswith(prefix)]
    return sum(judge(item, nlp) for item in probe) / len(probe)


def test_every_passage_quotes_and_names_its_speaker_verbatim():
    for item in items() + items(DEV):
        assert item["quote"] in item["passage"] and item["speaker"] in item["passage"], item["id"]


def test_blind_quotations_are_attributed_to_their_speakers(nlp):
    assert accuracy(nlp) >= FLOOR


def test_development_quotations_are_attributed_to_their_speakers(nlp):
    assert accuracy(nlp, path=DEV) >= FLOOR_DEV


if __name__ == "__main__":
    from pipeline import nlp as nlp_stage

    model = nlp_stage.load(nlp_stage.default_model())
    for prefix in ("qb-", "q2-", "q3-", ""):
        n = sum(item["id"].startswith(prefix) for item in items())
        print(f"quotations attributed right: {accuracy(model, prefix):.2f} of {n} blind passages {prefix or '(all)'}")
    print(f"quotations attributed right: {accuracy(model, path=DEV):.2f} of {len(items(DEV))} development passages qd-")
