"""Web pages as crawlers save them: gzip-compressed pages and WARC files, each HTML
response an article with its URL and crawl date; what is not an article is reported."""

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.cli import main
from pipeline.sources import Article, Failure, Ignored, read_articles
from tests.conftest import ARTICLES


def body(path: Path) -> list[str]:
    return [p for p in path.read_text().split("---\n", 1)[1].split("\n\n") if p.strip()]


def page(title: str, paragraphs: list[str], published: str | None = None) -> bytes:
    meta = f"<meta property='article:published_time' content='{published}'>" if published else ""
    text = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f"<html><head><meta charset='utf-8'><title>{title} | Courier</title>{meta}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}</h1>{text}</article>"
            "<aside><h3>Most read</h3><ul><li>Floods hit the coast as storm moves north</li></ul></aside>"
            "<footer>Copyright 2009 The Courier. All rights reserved.</footer></body></html>").encode()


SUDAN, GEORGIA = sorted(ARTICLES.glob("008_*.txt"))[0], sorted(ARTICLES.glob("010_*.txt"))[0]


def warc(path: Path, records: list[tuple[str, str, bytes]], garbage: bytes = b"") -> None:
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for url, kind, payload in records:
            status = "404 Not Found" if "missing" in url else "200 OK"
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers,
                                                          warc_headers_dict={"WARC-Date": "2009-11-20T10:00:00Z"}))
        f.write(garbage)


def test_a_warc_file_gives_its_article_pages_and_reports_every_other_record(tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    warc(crawl, [
        ("https://courier.example/world/darfur-report", "text/html; charset=utf-8",
         page("UN report on Darfur attacks", body(SUDAN), "2008-03-20")),
        ("https://courier.example/world", "text/html", page("World", ["Latest news from around the world."])),
        ("https://courier.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("https://courier.example/missing", "text/html", b"<html><body>Not found</body></html>"),
        ("https://courier.example/world/georgia", "text/html", page("Russia and Georgia", body(GEORGIA))),
    ], garbage=b"this is not a WARC record\r\n" * 3)
    items = list(read_articles([crawl]))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in articles] == ["https://courier.example/world/darfur-report",
                                         "https://courier.example/world/georgia"]
    assert articles[0].published == "2008-03-20" and articles[0].crawled == "2009-11-20"
    assert articles[0].title == "UN report on Darfur attacks" and "Most read" not in articles[0].text
    reasons = {i.where.rsplit("#", 1)[-1] if "#" in i.where else "file": (type(i).__name__, i.reason)
               for i in items if not isinstance(i, Article)}
    assert reasons["2"][0] == "Ignored" and reasons["2"][1].startswith("not an article: ")
    assert reasons["3"] == ("Failure", "not an HTML page (image/png; https://courier.example/logo.png)")
    assert reasons["4"] == ("Failure", "HTTP 404, not a page (https://courier.example/missing)")
    assert reasons["file"][0] == "Failure" and reasons["file"][1].startswith("not a readable WARC file")


def test_ingesting_a_warc_file_writes_the_good_records_and_reports_the_rest(tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    warc(crawl, [("https://courier.example/a", "text/html", page("UN report on Darfur attacks", body(SUDAN))),
                 ("https://courier.example/b", "image/png", b"\x89PNG")])
    out = tmp_path / "out"
    assert main(["ingest", str(crawl), "--out", str(out), "--offline", "--cache", str(tmp_path / "c")]) == 1
    report = json.loads((out / "report.json").read_text())
    assert [i["outcome"] for i in report["inputs"]] == ["ingested", "failed"]
    text = next((out / "articles").glob("*.ttl")).read_text()
    assert 'schema:url "https://courier.example/a"^^xsd:anyURI' in text
    assert 'ckg:crawled "2009-11-20"^^xsd:date' in text


def test_a_gzip_compressed_page_is_read_like_the_page(tmp_path):
    plain, packed = tmp_path / "story.html", tmp_path / "story.html.gz"
    plain.write_bytes(page("Russia and Georgia", body(GEORGIA), "2008-08-30"))
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    [a], [b] = read_articles([plain]), read_articles([packed])
    assert isinstance(b, Article) and (a.text, a.published, a.id) == (b.text, b.published, b.id)
    broken = tmp_path / "cut.html.gz"
    broken.write_bytes(packed.read_bytes()[:40])
    [failed] = read_articles([broken])
    assert isinstance(failed, Failure) and failed.reason.startswith("not a readable gzip file")


def test_a_page_in_a_declared_legacy_charset_is_read_as_declared(tmp_path):
    path = tmp_path / "latin.html"
    text = page("Russia and Georgia", body(GEORGIA) + ["Reported from Tbilisi by José Núñez."]).decode()
    path.write_bytes(text.replace("charset='utf-8'", "charset='iso-8859-1'").encode("latin-1", "replace"))
    [article] = read_articles([path])
    assert isinstance(article, Article) and "José Núñez" in article.text
    assert not isinstance(article, Ignored)


def test_a_page_without_a_date_is_ingested_and_the_report_says_its_relative_dates_are_unresolved(tmp_path):
    path = tmp_path / "undated.html"
    path.write_bytes(page("Russia and Georgia", body(GEORGIA)))
    out = tmp_path / "out"
    assert main(["ingest", str(path), "--out", str(out), "--offline", "--cache", str(tmp_path / "c")]) == 0
    [entry] = json.loads((out / "report.json").read_text())["inputs"]
    assert entry["outcome"] == "ingested" and entry["reason"].startswith("no publication date in the source")
