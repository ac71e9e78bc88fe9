"""The seed scored against its hand-made reference, read back through the query contract."""

from pipeline.evaluate import evaluate, table
from tests.conftest import GOLD

THRESHOLDS = {"entities": 12, "qids": 7, "event_recall": 9, "quotes": 5}


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


def test_every_reference_article_is_scored_through_the_command(ingested, tmp_path, capsys):
    from pipeline.cli import main
    report = tmp_path / "eval.json"
    golds = sorted(GOLD.glob("*.json"))
    assert len(golds) >= 6
    assert main(["eval", *map(str, golds), "--out", str(ingested), "--json", str(report)]) == 0
    printed = capsys.readouterr().out
    assert "all articles (micro)" in printed and "events by category" in printed
    import json
    data = json.loads(report.read_text())
    assert len(data["articles"]) == len(golds)
    assert 0 < data["total"]["metrics"]["entity_F1"] <= 1 and 0 < data["total"]["metrics"]["event_F1"] <= 1


def test_a_generic_actor_is_found_when_a_mention_holds_all_its_words_and_coded_by_its_actor_code(ingested, tmp_path):
    import json
    gold = json.loads((GOLD / "000_a338ea7d94fc7d37.json").read_text())
    gold["generic_actors"] = [
        {"id": "factions", "text": "rebel factions", "mentions": ["rebel factions"], "country": "SYR", "sector": "REB"},
        {"id": "pilots", "text": "Kenyan fighter pilots", "mentions": ["pilots"], "country": "KEN", "sector": "MIL"}]
    path = tmp_path / "000_a338ea7d94fc7d37.json"
    path.write_text(json.dumps(gold))
    [score] = evaluate([path], ingested)
    assert score.counts["generic_found"] == (1, 2) and score.misses["generic_found"] == ["pilots (Kenyan fighter pilots)"]
    assert score.counts["generic_coded"] == (1, 2)  # the rebels are SYRREB; the pilots are not there
    assert score.misses["generic_coded"] == ["pilots: not found, not KENMIL"]


def test_type_only_scores_match_each_emitted_event_to_one_reference_event_of_its_type_and_line(ingested, tmp_path):
    import json
    gold = json.loads((GOLD / "000_a338ea7d94fc7d37.json").read_text())
    call = next(e for e in gold["events"] if e["id"] == "ceasefire_call")
    twin = dict(call, id="twin", actors=["no_such_actor"])  # a second reference event of that line and type
    gold["events"] = [call, twin]
    path = tmp_path / "000_a338ea7d94fc7d37.json"
    path.write_text(json.dumps(gold))
    [score] = evaluate([path], ingested)
    assert score.counts["event_recall"] == (1, 2)  # the twin's actor is nowhere
    assert score.counts["type_recall"] == (1, 2)  # one event of the type on that line: it counts for one of them
    hits, emitted = score.counts["type_precision"]
    assert hits == 1 and emitted == score.counts["event_precision"][1]
