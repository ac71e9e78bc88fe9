"""The date suite: time expressions from real articles (tests/extract/dates_suite.jsonl),
each in its sentence with its article's publication date as anchor and the value a
careful reader gives it (or none: durations, ages, times of day). The pipeline reads each
sentence as an article of its own and is scored on the expression's value.

`python -m tests.extract.test_dates_suite` prints the accuracy by form.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from pipeline import casing
from pipeline.extract.dates import extract_times
from pipeline.sources import make_article

SUITE = Path(__file__).resolve().parent / "dates_suite.jsonl"


def items() -> list[dict]:
    return [json.loads(line) for line in SUITE.read_text(encoding="utf-8").splitlines() if line.strip()]


def found(item: dict, nlp) -> str | None:
    """The value the pipeline gives the expression: the values of the time expressions
    it found over those characters, in order, joined by '/' (a range); None for none."""
    article = make_article("suite", item["sentence"], item["sentence"].encode(), published=item["anchor"])
    start = item["sentence"].find(item["text"])
    end = start + len(item["text"])
    values = [t.value for t in extract_times(casing.parse(nlp, article.nlp_text), article)
              if t.span.start < end and start < t.span.end]
    return "/".join(values) or None


def score(nlp) -> tuple[Counter, Counter, list[tuple[dict, str | None]]]:
    right, total, wrong = Counter(), Counter(), []
    for item in items():
        got = found(item, nlp)
        total[item["form"]] += 1
        if got == item["expected"]:
            right[item["form"]] += 1
        else:
            wrong.append((item, got))
    return right, total, wrong


def test_the_suite_is_large_and_covers_every_form():
    suite = items()
    forms = Counter(i["form"] for i in suite)
    assert len(suite) >= 150 and len({i["article"] for i in suite}) >= 20
    for form in ("full_date", "month_day", "weekday", "relative_day", "month_year", "month", "year",
                 "relative_year", "duration", "age", "time_of_day", "count"):
        assert forms[form] >= 5, form
    for form in ("relative_month", "ago", "range", "last_next_month", "decade"):  # rare in the articles;
        assert forms[form] >= 1, form  # tests/extract/test_dates.py has more, and seasons and quarters
    for item in suite:
        assert item["text"] in item["sentence"], item


@pytest.fixture(scope="module")
def scored(nlp):
    return score(nlp)


def test_nine_in_ten_date_expressions_get_the_value_a_reader_gives_them(scored):
    right, total, wrong = scored
    accuracy = sum(right.values()) / sum(total.values())
    assert accuracy >= 0.90, "\n".join(f"{i['form']}: {i['text']!r} -> {got} (expected {i['expected']})"
                                       for i, got in wrong[:40])


def test_no_expression_that_is_not_a_date_gets_a_value(scored):
    _, _, wrong = scored
    assert not [(i["text"], got) for i, got in wrong if i["expected"] is None and i["form"] in {"age", "time_of_day"}]


def main() -> None:
    from pipeline import nlp as nlp_stage
    right, total, wrong = score(nlp_stage.load())
    print(f"{'form':16s} {'right':>5s} {'total':>5s} {'accuracy':>8s}")
    for form in sorted(total):
        print(f"{form:16s} {right[form]:5d} {total[form]:5d} {right[form] / total[form]:8.2f}")
    print(f"{'all':16s} {sum(right.values()):5d} {sum(total.values()):5d} "
          f"{sum(right.values()) / sum(total.values()):8.2f}")
    for item, got in wrong:
        print(f"  miss {item['form']}: {item['text']!r} -> {got} (expected {item['expected']}; "
              f"anchor {item['anchor']}): {item['sentence'][:120]}")


if __name__ == "__main__":
    main()
