"""The blind probe: news sentences written by helper sessions that never saw the rules or the
references (stop 16), each coded with its PLOVER type, source and target, scored as the sentence
suite is (pipeline reads each as an article; type right when an event of that type is emitted).

- events_probe.jsonl: five development sets (dev1 130 short varied sentences, dev2 244 chosen
  for lexical variety, dev3 221 long wire-style first sentences, dev4 226 of the hardest types:
  ACCUSE, REQUEST, SUPPORT, AID, CONCEDE, COOPERATE; dev5 210 of the six types weakest on the
  held-out sets at stop 19, CONCEDE, COOPERATE, AID, RETREAT, SUPPORT, MOBILIZE, 35 each, first scored
  0.49 on 1b438a3; dev6 240 written at stop 20, 30 each of CONCEDE, COOPERATE, SUPPORT, REJECT,
  PROTEST, SANCTION, 4 of each other type, 20 without an event, first scored 0.67 on stop 19's code).
  Rules were written from their misses after each set was first scored: they are development figures.
- events_probe_heldout.jsonl: never read, score only; never write a rule from its sentences (its
  figure is the honest one for sentences the rules did not see). held: 132 sentences written with
  dev1; held2: 212 written late in stop 16 by a fourth helper, blind to everything; held3: 200
  written at the start of stop 17 by a fifth helper (with quoted "we" and pronouns), blind to
  everything, first scored on stop 16's code; held4: 200 written at the start of stop 18 by a sixth
  helper (many eras and wire styles), blind to everything, first scored on stop 17's code; held5:
  200 written at the start of stop 19 by an eighth helper (light verbs, rare synonyms, headlines),
  blind to everything, first scored on stop 18's code; held6: 200 written at the start of stop 20
  (helper-42, every type, eras and shapes), blind to everything, first scored on stop 19's code; held7: 200
  written late in stop 20 (helper-47, other newsrooms: local papers, NGO releases, UN briefings, live blogs),
  blind to everything, first scored on stop 19's code (9e72690) from a worktree.

`python -m tests.extract.test_events_probe` prints type and source accuracy per set and type.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.extract.test_events_suite import judge

HERE = Path(__file__).resolve().parent
PROBE, HELD_OUT = HERE / "events_probe.jsonl", HERE / "events_probe_heldout.jsonl"
# measured at stop 16 (events only; at the stop's start): dev1 0.89 (0.68), dev2 0.76 (0.52), dev3 0.84 (0.61),
# dev4 0.80 (first scored 0.64, late in the stop),
# held 0.65 (0.52), held2 0.72 (0.51); stop 17: held 0.66, held2 0.73, held3 0.76 (0.75 on stop 16's code);
# stop 18: held4 0.72 (0.67) on stop 17's code; at the stop's end dev 0.84, held-out (four sets) 0.74
# stop 19: held5 0.68 (0.63) on stop 18's code (2ef053a); at the stop's end held-out (five sets) 0.745, dev1-4
# 0.845, dev5 0.68
# stop 20: held6 0.71 (0.66), held7 0.74 (0.68) and dev6 0.67 (0.62) on stop 19's code (9e72690); at the stop's
# end held-out (seven sets) 0.778, the first five 0.783, held6 0.76, held7 0.77; dev1-4 0.874, dev5 0.78, dev6 0.78
FLOOR_DEV, FLOOR_HELD_OUT = 0.81, 0.75  # dev all six sets 0.840, held-out all seven sets 0.778


def items(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(path: Path, nlp) -> tuple[Counter, Counter, Counter]:
    """Per set and type: (type right, source right, sentences)."""
    typed, sourced, total = Counter(), Counter(), Counter()
    for item in items(path):
        ok_type, ok_source, _ = judge(item, nlp)
        kinds = (item["plover"], "events") if item["plover"] else ("none",)
        for key in ((item["set"], kind) for kind in kinds):
            total[key] += 1
            typed[key] += ok_type
            sourced[key] += ok_source
    return typed, sourced, total


def events_accuracy(typed: Counter, total: Counter) -> float:
    keys = [k for k in total if k[1] == "events"]
    return sum(typed[k] for k in keys) / sum(total[k] for k in keys)


def test_every_probe_sentence_names_its_parties_verbatim():
    for item in items(PROBE) + items(HELD_OUT):
        for key in ("source", "target"):
            assert not item[key] or item[key] in item["sentence"], (item["id"], key)


@pytest.mark.parametrize("path, floor", [(PROBE, FLOOR_DEV), (HELD_OUT, FLOOR_HELD_OUT)])
def test_blind_probe_sentences_keep_at_least_todays_type_accuracy(nlp, path, floor):
    typed, _, total = score(path, nlp)
    assert events_accuracy(typed, total) >= floor


def main() -> None:
    from pipeline import nlp as nlp_stage
    nlp = nlp_stage.load(nlp_stage.default_model())
    for path in (PROBE, HELD_OUT):
        typed, sourced, total = score(path, nlp)
        print(f"{path.name}: type right / source right")
        for key in sorted(total):
            print(f"  {key[0]:5} {key[1]:10} {total[key]:4} {typed[key] / total[key]:6.2f} {sourced[key] / total[key]:6.2f}")


if __name__ == "__main__":
    main()
