from pipeline.extract.figures import parse_amount
from pipeline.extract.lexicon import load


def test_amounts_in_digits_words_and_vague_ranges():
    lex = load()
    assert parse_amount("600,000", lex) == (600000, None, None, False)
    assert parse_amount("tens of thousands", lex) == (None, 10000, 99999, True)
    assert parse_amount("about 2,000", lex) == (2000, None, None, True)
    assert parse_amount("at least 10", lex) == (None, 10, None, True)
    assert parse_amount("two", lex) == (2, None, None, False)
    assert parse_amount("several", lex) is None


def test_figures_say_what_they_count(read):
    facts = read("Rebels said they killed 626 Ethiopian troops. A UN report said 10,600 people were displaced.")
    kinds = {(f.value, f.what) for f in facts.figures}
    assert (626, "deaths") in kinds and (10600, "displaced") in kinds
