"""The event sentence suite: sentences from real articles (tests/extract/events_suite.jsonl),
each coded by hand with its PLOVER type, source and target (and 16 with no event). The
pipeline reads each sentence as an article of its own; a sentence's type is right when an
event of that type is emitted (for a negative: when none is), its source right when such
an event has a source whose mention holds the head word of the reference source (or no
source where the reference has none).

`python -m tests.extract.test_events_suite` prints type accuracy and source accuracy per type.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from pipeline import casing
from pipeline.extract import extract
from pipeline.sources import make_article

SUITE = Path(__file__).resolve().parent / "events_suite.jsonl"
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# measured 0.70, 0.57 at stop 16 (0.69, 0.56 at stop 15; 0.67, 0.54 at stop 14; 0.65, 0.50 at stop 13;
# 0.49, 0.43 at stop 12; 0.46, 0.41 at stop 11; 0.23, 0.20 before the coder)
FLOOR_TYPE, FLOOR_SOURCE = 0.66, 0.54


def items() -> list[dict]:
    return [json.loads(line) for line in SUITE.read_text(encoding="utf-8").splitlines() if line.strip()]


def head(words: str) -> str:
    return words.replace("’", "'").split(" and ")[0].split()[-1].casefold().strip(".,'\"")


def judge(item: dict, nlp) -> tuple[bool, bool, list[str]]:
    """(type right, source right, the PLOVER codes emitted)."""
    article = make_article("suite", item["sentence"], item["sentence"].encode())
    facts = extract(casing.parse(nlp, article.nlp_text), article)
    codes = [ev.plover or ev.event_class for ev in facts.events]
    if item["plover"] is None:
        return not facts.events, not facts.events, codes
    typed = [ev for ev in facts.events if ev.plover == item["plover"]]
    if not typed:
        return False, False, codes
    if not item["source"]:
        return True, any(not ev.sources for ev in typed), codes
    want = head(item["source"])
    mentions = {w.casefold().strip(".,'\"") for ev in typed for k in ev.sources
                for m in facts.entity(k).mentions for w in m.text.replace("’", "'").split()}
    return True, want in mentions, codes


def score(nlp) -> tuple[Counter, Counter, Counter, list[tuple[dict, list[str]]]]:
    typed, sourced, total, wrong = Counter(), Counter(), Counter(), []
    for item in items():
        kind = item["plover"] or "none"
        ok_type, ok_source, codes = judge(item, nlp)
        total[kind] += 1
        typed[kind] += ok_type
        sourced[kind] += ok_source
        if not ok_type:
            wrong.append((item, codes))
    return typed, sourced, total, wrong


def test_the_suite_has_ten_sentences_of_most_types_from_many_articles():
    suite = items()
    kinds = Counter(i["plover"] for i in suite)
    assert len(suite) >= 160 and len({i["article"] for i in suite}) >= 30
    assert all(kinds[t] >= 10 for t in TYPES if t != "RETREAT") and kinds["RETREAT"] >= 8 and kinds[None] >= 15
    for item in suite:
        for key in ("source", "target", "trigger"):
            assert not item[key] or item[key] in item["sentence"], (item["id"], key)


@pytest.fixture(scope="module")
def scored(nlp):
    return score(nlp)


def test_event_sentences_keep_at_least_todays_type_and_source_accuracy(scored):
    """A floor under today's figures (issue 12 aims at 0.80 and 0.70): a change that
    loses events on real sentences fails here."""
    typed, sourced, total, _ = scored
    events = sum(total[t] for t in TYPES)
    assert sum(typed[t] for t in TYPES) / events >= FLOOR_TYPE
    assert sum(sourced[t] for t in TYPES) / events >= FLOOR_SOURCE
    assert typed["none"] / total["none"] >= 0.75  # sentences with no event mostly stay without one


def main() -> None:
    from pipeline import nlp as nlp_stage
    typed, sourced, total, wrong = score(nlp_stage.load(nlp_stage.default_model()))
    print(f"{'type':10} {'n':>3} {'type ok':>8} {'source ok':>10}")
    for kind in (*TYPES, "none"):
        print(f"{kind:10} {total[kind]:3} {typed[kind] / total[kind]:8.2f} {sourced[kind] / total[kind]:10.2f}")
    events = sum(total[t] for t in TYPES)
    print(f"{'events':10} {events:3} {sum(typed[t] for t in TYPES) / events:8.2f} "
          f"{sum(sourced[t] for t in TYPES) / events:10.2f}")
    for item, codes in wrong[:400]:
        print(f"  {item['id']}: {codes or '-'} | {item['sentence'][:110]}")


if __name__ == "__main__":
    main()
