"""The page set (tests/fixtures/pages/): news pages built from openly licensed articles in
the layouts of real news sites, each with its hand-checked body, headline and date.
Scored the way the article-extraction benchmark scores bodies: word 4-gram shingles,
precision and recall per page, averaged over pages, F1 of the two means.

`python -m tests.test_pages` prints the figures page by page, and those of keeping all
visible text, for comparison.
"""

from __future__ import annotations

import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.sources import Article, Ignored, read_articles

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"


def pages() -> list[dict]:
    return json.loads((PAGES / "pages.json").read_text(encoding="utf-8"))


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))} if words else set()


def precision_recall(got: str, want: str) -> tuple[float, float]:
    g, w = shingles(got), shingles(want)
    common = len(g & w)
    return (common / len(g) if g else 0.0), (common / len(w) if w else 0.0)


def body_of(article: Article) -> str:
    """The article's text without its headline (the reference bodies have none)."""
    head, _, rest = article.text.partition("\n\n")
    return rest if article.title and head == article.title else article.text


class _Visible(HTMLParser):
    """All visible text of a page: the baseline an extractor must beat."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in {"script", "style", "head"}

    def handle_endtag(self, tag):
        self._hidden -= tag in {"script", "style", "head"} and self._hidden > 0

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(path: Path) -> str:
    parser = _Visible()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(parser.parts)


def score() -> dict:
    rows = []
    for page in pages():
        path = PAGES / page["file"]
        t = time.perf_counter()
        [item] = read_articles([path])
        seconds = time.perf_counter() - t
        if not page["is_article"]:
            rows.append({"file": page["file"], "ignored": isinstance(item, Ignored), "seconds": seconds})
            continue
        got = body_of(item) if isinstance(item, Article) else ""
        p, r = precision_recall(got, page["body"])
        vp, vr = precision_recall(visible_text(path), page["body"])
        rows.append({"file": page["file"], "layout": page["layout"], "precision": p, "recall": r,
                     "visible_precision": vp, "visible_recall": vr, "seconds": seconds,
                     "headline": isinstance(item, Article) and " ".join((item.title or "").split()) ==
                     " ".join((page["headline"] or "").split()),
                     "date": isinstance(item, Article) and item.published == page["published"],
                     "states_date": page["published"] is not None})
    articles = [r for r in rows if "precision" in r]

    def f1(p_key: str, r_key: str) -> tuple[float, float, float]:
        p = sum(r[p_key] for r in articles) / len(articles)
        rec = sum(r[r_key] for r in articles) / len(articles)
        return p, rec, 2 * p * rec / (p + rec) if p + rec else 0.0

    dated = [r for r in articles if r["states_date"]]
    return {"rows": rows, "body": f1("precision", "recall"), "visible": f1("visible_precision", "visible_recall"),
            "headline": sum(r["headline"] for r in articles) / len(articles),
            "date": sum(r["date"] for r in dated) / len(dated),
            "undated_left_undated": sum(r["date"] for r in articles if not r["states_date"]),
            "undated": sum(1 for r in articles if not r["states_date"]),
            "ms_per_page": 1000 * sum(r["seconds"] for r in rows) / len(rows)}


@pytest.fixture(scope="module")
def scored() -> dict:
    return score()


def test_the_page_set_has_twenty_articles_in_several_layouts_and_pages_that_are_not_articles():
    listed = pages()
    assert sum(p["is_article"] for p in listed) >= 20 and len({p["layout"] for p in listed if p["is_article"]}) >= 6
    assert sorted(p["file"] for p in listed) == sorted(p.name for p in PAGES.glob("*.html"))


def test_the_article_body_is_found_with_body_f1_of_at_least_092(scored):
    precision, recall, f1 = scored["body"]
    assert f1 >= 0.92, (precision, recall, [(r["file"], round(r["precision"], 2), round(r["recall"], 2))
                                            for r in scored["rows"] if "precision" in r])
    assert f1 > scored["visible"][2] + 0.1  # far better than keeping all visible text


def test_headline_and_date_are_right_on_nine_pages_in_ten_and_no_date_is_invented(scored):
    assert scored["headline"] >= 0.90 and scored["date"] >= 0.90, scored
    assert scored["undated_left_undated"] == scored["undated"]


def test_pages_that_are_not_articles_are_ignored_with_the_reason(scored):
    assert all(r["ignored"] for r in scored["rows"] if "ignored" in r)


def main() -> None:
    s = score()
    print(f"{'page':40s} {'P':>5s} {'R':>5s}   {'visible P':>9s} {'visible R':>9s}  headline date")
    for r in s["rows"]:
        if "precision" in r:
            print(f"{r['file']:40s} {r['precision']:5.2f} {r['recall']:5.2f}   {r['visible_precision']:9.2f} "
                  f"{r['visible_recall']:9.2f}  {'ok' if r['headline'] else 'MISS':8s} "
                  f"{'ok' if r['date'] else 'MISS'}{'' if r['states_date'] else ' (none stated)'}")
        else:
            print(f"{r['file']:40s} {'ignored' if r['ignored'] else 'INGESTED (not an article)'}")
    for name in ("body", "visible"):
        p, rec, f1 = s[name]
        print(f"{name:8s} precision {p:.3f} recall {rec:.3f} F1 {f1:.3f}")
    print(f"headline right {s['headline']:.2f}, date right {s['date']:.2f} of pages that state one, "
          f"{s['undated_left_undated']}/{s['undated']} undated pages left undated; {s['ms_per_page']:.1f} ms a page")


if __name__ == "__main__":
    main()
