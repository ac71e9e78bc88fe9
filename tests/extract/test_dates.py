from datetime import date

from pipeline.extract.dates import reference_date, resolve
from pipeline.sources import make_article


def test_weekdays_are_the_days_just_past_when_the_publication_date_is_known():
    assert resolve("Thursday", date(2016, 12, 1), True) == ("2016-12-01", "date")
    assert resolve("since Saturday", date(2016, 12, 1), True) == ("2016-11-26", "date")


def test_weekdays_are_the_nearest_such_day_to_an_approximate_reference():
    ref = date(2016, 11, 29)  # a caption's date; the article came out around it
    assert resolve("Thursday", ref, False) == ("2016-12-01", "date")
    assert resolve("Saturday", ref, False) == ("2016-11-26", "date")


def test_explicit_dates_resolve_to_their_granularity():
    assert resolve("November 29, 2016", None, False) == ("2016-11-29", "date")
    assert resolve("26 SEP 89", None, False) == ("1989-09-26", "date")
    assert resolve("March 2008", None, False) == ("2008-03", "month")
    assert resolve("1974", None, False) == ("1974", "year")


def test_without_any_reference_relative_dates_stay_unresolved_never_today():
    assert resolve("Thursday", None, False) is None
    assert resolve("yesterday", None, False) is None


def test_reference_falls_back_to_the_latest_explicit_date_in_the_text():
    article = make_article("a", "Families flee Aleppo on November 29, 2016 AFP\nHe said Thursday.", b"x")
    assert reference_date(article) == (date(2016, 11, 29), False)
    dated = make_article("b", "He said Thursday.", b"x", published="2016-12-01")
    assert reference_date(dated) == (date(2016, 12, 1), True)
