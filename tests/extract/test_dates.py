from datetime import date

import pytest

from pipeline.extract.dates import extract_times, reference_date, resolve
from pipeline.sources import make_article

THU = date(2016, 12, 1)  # a Thursday
MARCH = date(2015, 3, 12)


def value(text, ref=None, exact=True, tense=None):
    v = resolve(text, ref, exact, tense)
    return None if v is None else (v.value, v.granularity)


def test_weekdays_are_the_days_just_past_when_the_publication_date_is_known():
    assert value("Thursday", THU) == ("2016-12-01", "date")
    assert value("since Saturday", THU) == ("2016-11-26", "date")


def test_a_weekday_in_a_future_clause_is_the_day_ahead():
    assert value("Saturday", THU, tense="future") == ("2016-12-03", "date")
    assert value("next Monday", THU) == ("2016-12-05", "date")


def test_weekdays_are_the_nearest_such_day_to_an_approximate_reference():
    ref = date(2016, 11, 29)  # a caption's date; the article came out around it
    assert value("Thursday", ref, False) == ("2016-12-01", "date")
    assert value("Saturday", ref, False) == ("2016-11-26", "date")


def test_explicit_dates_resolve_to_their_granularity():
    assert value("November 29, 2016") == ("2016-11-29", "date")
    assert value("26 SEP 89") == ("1989-09-26", "date")
    assert value("March 2008") == ("2008-03", "month")
    assert value("1974") == ("1974", "year")
    assert value("in '68") == ("1968", "year")


@pytest.mark.parametrize("text, tense, expected", [
    ("April", "past", ("2014-04", "month")),
    ("April", "future", ("2015-04", "month")),
    ("April", None, ("2015-04", "month")),
    ("last April", None, ("2014-04", "month")),
    ("next March", None, ("2016-03", "month")),
    ("early October", "past", ("2014-10", "month")),
    ("late last April", None, ("2014-04", "month")),
    ("last year", None, ("2014", "year")),
    ("next year", None, ("2016", "year")),
    ("by the end of the year", None, ("2015", "year")),
    ("the current fiscal year", None, ("2015", "year")),
    ("next month", None, ("2015-04", "month")),
    ("earlier this month", None, ("2015-03", "month")),
    ("three weeks ago", None, ("2015-02", "month")),
    ("two years ago", None, ("2013", "year")),
    ("four days ago", None, ("2015-03-08", "date")),
    ("last summer", None, ("2014", "year")),
    ("the first quarter of 2010", None, ("2010", "year")),
    ("Dec. 1", "past", ("2014-12-01", "date")),
    ("Dec. 1", "future", ("2015-12-01", "date")),
])
def test_relative_expressions_resolve_against_the_anchor_with_the_clauses_tense(text, tense, expected):
    assert value(text, MARCH, tense=tense) == expected


@pytest.mark.parametrize("text", ["for two years", "six months", "45-year-old", "aged 30", "the 1990s",
                                  "10 a.m.", "recent weeks", "since 1800"])
def test_durations_ages_decades_and_times_of_day_are_not_dates(text):
    assert value(text, MARCH) is None


def test_a_modifier_the_value_leaves_out_is_kept_as_a_note():
    assert resolve("early October", MARCH, True, "past").modifier == "early"
    assert resolve("the end of the year", MARCH, True).modifier == "the end of"


def test_without_any_reference_relative_dates_stay_unresolved_never_today():
    assert value("Thursday", None, False) is None
    assert value("yesterday", None, False) is None
    assert value("last year", None, False) is None
    assert value("March 2011", None, False) == ("2011-03", "month")  # absolute ones still resolve


def test_reference_falls_back_to_the_latest_explicit_date_in_the_text():
    article = make_article("a", "Families flee Aleppo on November 29, 2016 AFP\nHe said Thursday.", b"x")
    assert reference_date(article) == (date(2016, 11, 29), False)
    dated = make_article("b", "He said Thursday.", b"x", published="2016-12-01")
    assert reference_date(dated) == (date(2016, 12, 1), True)


def times(nlp, text, published="2015-03-12"):
    article = make_article("t", text, text.encode(), published=published)
    return [(t.span.text, t.value) for t in extract_times(nlp(article.nlp_text), article)]


def test_the_tense_comes_from_the_clause_in_the_parse(nlp):
    assert times(nlp, "The president will travel to Doha on Friday.") == [("Friday", "2015-03-13")]
    assert times(nlp, "Rebels seized the town on Monday.") == [("Monday", "2015-03-09")]
    assert times(nlp, "Attacks were carried out in January and the vote is planned for May.") == \
        [("January", "2015-01"), ("May", "2015-05")]


def test_a_range_gives_both_ends(nlp):
    assert times(nlp, "The army held the town from 2003 to 2011.") == [("2003", "2003"), ("2011", "2011")]


def test_a_wire_dateline_in_capitals_is_read_and_a_count_after_a_date_is_no_year(nlp):
    assert ("26 SEP 89", "1989-09-26") in times(nlp, "BOGOTA, 26 SEP 89 (REUTER) -- THE ARMY ATTACKED.", None)
    assert ("3 March 15", "2015-03-03") not in times(nlp, "On 3 March 15 people died.")


def test_a_crawled_page_without_a_date_is_anchored_near_the_day_it_was_fetched():
    page = make_article("p", "Rebels attacked the town on Thursday.", b"x", crawled="2016-11-29")
    assert reference_date(page) == (date(2016, 11, 29), False)
    assert value("Thursday", *reference_date(page)) == ("2016-12-01", "date")  # the nearest Thursday
