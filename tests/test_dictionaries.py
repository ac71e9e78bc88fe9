"""The converter reads the field's dictionary formats and writes the project's data."""

import csv
from pathlib import Path

import pytest

from pipeline.dictionaries import convert, read_actors, read_agents, read_verbs, restriction
from pipeline.extract import actors

EXCERPTS = Path(__file__).parent / "fixtures" / "cameo"


def rows(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def test_agents_get_their_regular_irregular_and_substituted_forms():
    agents = read_agents(EXCERPTS / "Phoenix.agents.txt")
    assert agents["soldiers"] == "MIL" and agents["authorities"] == "GOV"  # S and Y -> IES plurals
    assert agents["children"] == "CVL" and "childs" not in agents  # {CHILDREN}: the irregular plural only
    assert agents["police"] == "COP" and "polices" not in agents  # {}: no plural
    assert agents["militiamen"] == "UAF" and "militiamans" not in agents  # -MAN -> -MEN
    assert agents["policewomen"] == "COP" and agents["policeman"] == "COP"  # !PERSON! substitution
    assert agents["official news agency"] == "GOVMED"
    assert "roots" not in agents  # a garbled code is skipped, not guessed


def test_dated_roles_are_read_with_both_date_forms_and_garbled_dates_dropped():
    assert restriction("TURGOV >030314") == ("TURGOV", "2003-03-14", "")
    assert restriction("TURELI 720101-021118") == ("TURELI", "1972-01-01", "2002-11-18")
    assert restriction("IRQOCC 20030320-20060520") == ("IRQOCC", "2003-03-20", "2006-05-20")
    assert restriction("ARMUNR 9008-22-3") is None and restriction("---") is None
    erdogan = next(a for a in read_actors(EXCERPTS / "Phoenix.Countries.actors.txt") if a.name == "recep tayyip erdogan")
    assert erdogan.variants == ["recep erdogan", "erdogan"]
    assert ("TURGOV", "2003-03-14", "") in erdogan.codes and ("TURELI", "", "") in erdogan.codes


def test_conversion_writes_countries_actors_agents_and_the_crosswalk(tmp_path):
    counts = convert(EXCERPTS, tmp_path)
    words = {r["word"]: r["code"] for r in rows(tmp_path / "country_words.csv")}
    assert words["kenyan"] == "KEN" and words["nairobi"] == "KEN"
    assert words["ukrainian"] == "UKR"  # the code open towards today, not the Soviet one
    named = {r["name"]: r["codes"] for r in rows(tmp_path / "actors.tsv", "\t")}
    assert named["al-shabaab"] == "SOMREB::" and named["united nations"] == "IGOUNO::"
    assert named["ann veneman"] == "USAGOV:2001-01-20:2005-01-20;IGOUNOKID:2005-05-01:"  # two codes on one line
    crosswalk = {r["cameo"]: (r["plover"], r["mode"], r["context"]) for r in rows(tmp_path / "plover.csv")}
    assert crosswalk["1453"] == ("PROTEST", "riot", "rights_freedoms") and "01" not in crosswalk
    assert "MIT" in (tmp_path / "NOTICE").read_text() and counts["crosswalk"] == 4


def test_conversion_is_deterministic(tmp_path):
    convert(EXCERPTS, tmp_path / "a")
    convert(EXCERPTS, tmp_path / "b")
    for f in sorted((tmp_path / "a").iterdir()):
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes()


def test_a_missing_dictionary_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="Phoenix.agents.txt"):
        convert(tmp_path, tmp_path / "out")


def test_the_committed_data_covers_every_country_of_the_lexicon():
    d = actors.load()
    countries = {r["country"] for r in rows(Path(actors.DATA) / "countries.csv")}
    assert countries <= set(d.code_of) and d.code_of["Syria"] == "SYR" and d.country_words["kenyan"] == "KEN"
    assert d.agents["troops"] == "MIL" and d.agents["security forces"] == "MIL"  # the project's correction wins


def test_verb_blocks_keep_sets_synonyms_phrasal_forms_and_patterns():
    verbs = read_verbs(EXCERPTS / "CAMEO.2.0.txt")
    assert "plane" in verbs["sets"]["AIRCRAFT"]
    kill = verbs["blocks"][0]
    assert kill["head"] == "kill" and kill["code"] == "190"
    synonyms = {" ".join(s["words"]): s for s in kill["synonyms"]}
    assert synonyms["strangle"]["code"] == "180" and synonyms["slay"]["code"] == "190"  # own code, else the block's
    assert synonyms["shoot down"]["forms"] == ["shooting down", "shoots down", "shot down"]
    patterns = {(str(p["subject"]), str(p["object"])): p["code"] for p in kill["patterns"]}
    assert patterns[("[]", "[{'prep': 'in', 'words': [['training', 'accident']]}]")] is None  # [---]: no event
    assert patterns[("[]", "[{'prep': 'in', 'words': ['gunbattle']}]")] == "193"  # [193:193]: the first code
    assert patterns[("[['air', 'strike']]", "[]")] == "195"
    assert patterns[("[]", "['when', 'a', 'small', '&AIRCRAFT', 'crashed']")] is None


def test_discards_keep_phrases_and_their_scope_but_not_bare_years(tmp_path):
    from pipeline.dictionaries import read_discards
    path = tmp_path / "Phoenix.discards.txt"
    path.write_text("# discards\n1989\nWORLD CUP\n+SCORED A GOAL\nBATSMEN  # MleH 12 Jul 2009\n", encoding="utf-8")
    assert read_discards(path) == [("batsmen", "sentence", "stem"), ("scored a goal", "story", "stem"),
                                   ("world cup", "sentence", "stem")]


def test_cities_of_100000_people_are_read_from_either_geonames_form_the_larger_of_a_shared_name_kept(tmp_path):
    from pipeline.dictionaries import convert_cities, read_cities
    folder = Path(__file__).parent / "fixtures" / "geonames"
    rows = read_cities(folder / "cities15000.json")
    assert rows == read_cities(folder / "cities15000.txt")
    assert rows == [("Geneva", "CH", "201741"), ("Mosul", "IQ", "1683000"), ("Tampa", "US", "414547")]  # no Florida
    assert convert_cities(folder / "cities15000.txt", tmp_path) == 3
    assert (tmp_path / "cities.csv").read_text().splitlines()[0] == "name,country,population"
    assert "CC BY 4.0" in (tmp_path / "cities.NOTICE").read_text()
