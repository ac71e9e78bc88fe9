"""The seed scored against its hand-made reference, read back through the query contract."""

from pipeline.evaluate import evaluate, table
from tests.conftest import GOLD

THRESHOLDS = {"entities": 12, "qids": 7, "events": 9, "quotes": 5}


def test_the_seed_reaches_the_reference_thresholds(ingested):
    [score] = evaluate([GOLD / "000_a338ea7d94fc7d37.json"], ingested)
    print(table([score]))
    for name, needed in THRESHOLDS.items():
        assert score.counts[name][0] >= needed, f"{name}: {score.counts[name]} misses {score.misses.get(name)}"
    hits, total = score.counts["must_not"]
    assert hits == total == 4, score.misses.get("must_not")
    hits, total = score.counts["dates_in_window"]
    assert total > 0 and hits == total, score.misses.get("dates_in_window")
    hits, total = score.counts["unguessed"]
    assert hits == total, f"identifiers guessed for {score.misses.get('unguessed')}"
