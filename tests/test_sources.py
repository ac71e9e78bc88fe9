import json

import pytest

from pipeline.sources import Failure, Ignored, SourceError, read_articles, read_file
from tests.conftest import SEEDS

SEED_TEXT = """Turkey, Russia wants Syrian cease-fire, says Turkish FM

Syrian families flee various eastern districts of Aleppo on November 29, 2016 AFP

 Syrian families flee various eastern districts of Aleppo on November 29, 2016 AFP
Syrian families flee various eastern districts of Aleppo on November 29, 2016
Turkish Foreign Minister Mevlut Cavusoglu said Thursday his country and Russia want a cease-fire in Syria.

[NEWS OF THE DAY: After the Peace Agreement, Colombia Turns to Demining]

Ankara and Moscow have long been at odds over the conflict in Syria.

The Associated Press."""


def test_plain_text_takes_its_first_line_as_headline(tmp_path):
    (tmp_path / "a.txt").write_text(SEED_TEXT)
    [article] = read_file(tmp_path / "a.txt")
    assert article.title == "Turkey, Russia wants Syrian cease-fire, says Turkish FM"
    assert article.text == SEED_TEXT and article.published is None


def test_repeated_captions_teasers_and_byline_are_boilerplate_with_offsets_into_the_text(tmp_path):
    (tmp_path / "a.txt").write_text(SEED_TEXT)
    [article] = read_file(tmp_path / "a.txt")
    kinds = [b.kind for b in article.boilerplate]
    assert kinds.count("caption") == 3 and kinds.count("teaser") == 1 and kinds.count("byline") == 1
    for b in article.boilerplate:
        assert article.text[b.span.start:b.span.end] == b.span.text
    assert article.publisher.text == "The Associated Press"
    assert [c.text for c in article.credits] == ["AFP", "AFP"]
    blanked = article.nlp_text
    assert len(blanked) == len(article.text)
    assert "Colombia" not in blanked and "AFP" not in blanked and "Cavusoglu" in blanked


def test_header_gives_title_date_source_and_licence_and_offsets_start_after_it(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("title: Rebels say 626 troops killed\ndate: 2009-11-17\nsource: https://en.wikinews.org/wiki/X\n"
                    "licence: CC BY 2.5\n---\nRebels said on Tuesday they killed 626 troops.\n")
    [article] = read_file(path)
    assert (article.title, article.published, article.url, article.licence) == (
        "Rebels say 626 troops killed", "2009-11-17", "https://en.wikinews.org/wiki/X", "CC BY 2.5")
    assert article.text.startswith("Rebels said")


def test_wire_dateline_gives_a_date_when_the_source_has_none(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("BOGOTA, 26 SEP 89 (REUTER) -- THE M-19 GUERRILLA GROUP TODAY PROPOSED A DIALOGUE.\n")
    [article] = read_file(path)
    assert article.dateline == "1989-09-26"


def test_json_lines_give_one_article_per_record_and_name_the_bad_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = {"id": "x1", "url": "https://example.org/x1", "headline": "H", "published": "2016-12-01T10:00:00Z",
            "text": "Russia backs President Bashar Assad."}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps(dict(good, id="x3")) + "\n")
    items = list(read_articles([path]))
    assert items[0].id == "x1" and items[0].published == "2016-12-01" and items[0].title == "H"
    assert isinstance(items[1], Failure) and items[1].where.endswith("feed.jsonl:2")
    assert "invalid JSON" in items[1].reason
    assert items[2].id == "x3"  # the lines after a bad one are still read


SEED_PARAGRAPHS = [p for p in next(SEEDS.glob("*.txt")).read_text().split("\n\n")[1:] if len(p) > 120][:3]


def test_html_keeps_headline_paragraphs_and_publication_date(tmp_path):
    path = tmp_path / "p.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in SEED_PARAGRAPHS)
    path.write_text("<html><head><title>Site</title><meta property='article:published_time' content='2016-12-01'>"
                    "<script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav>"
                    f"<article><h1>Turkey and Russia talk</h1>{paragraphs}</article></body></html>")
    [article] = read_file(path)
    assert article.title == "Turkey and Russia talk" and article.published == "2016-12-01"
    assert all(" ".join(p.split()) in article.text for p in SEED_PARAGRAPHS) and "var x" not in article.text
    assert "Home" not in article.text


def test_a_page_without_an_article_body_is_ignored_with_the_reason(tmp_path):
    path = tmp_path / "404.html"
    path.write_text("<html><head><title>Page not found</title></head><body><nav><a href='/'>Home</a></nav>"
                    "<h1>404</h1><p>Sorry, the page you asked for does not exist.</p></body></html>")
    [outcome] = read_articles([path])
    assert isinstance(outcome, Ignored) and outcome.reason.startswith("not an article: ")


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    (b"Turkey \xff\xfe supports", "not valid UTF-8"),
])
def test_bad_files_raise_an_error_naming_the_file_and_the_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError) as err:
        list(read_file(path))
    assert str(path) in str(err.value) and reason in str(err.value)


def test_folders_are_read_in_sorted_order_and_other_files_are_reported_as_ignored(tmp_path):
    for name in ["b.txt", "a.txt", "SOURCES.md", ".hidden.txt"]:
        (tmp_path / name).write_text("Russia backs President Bashar Assad.\n")
    items = list(read_articles([tmp_path]))
    assert [getattr(a, "id", None) for a in items] == [None, "a", "b"]
    assert isinstance(items[0], Ignored) and items[0].where.endswith("SOURCES.md")
