"""Saved web pages in: the article a news page holds, and what the page says about it.

A news page is mostly not its article: menus, teasers for other stories, "related"
lists, comments, cookie notices. Every word of that which reached the model would
become junk entities and events, so the article body is found by trafilatura (a
maintained extractor that scores 0.93-0.96 body F1 on public benchmarks, where all
visible text scores 0.67), with the page's metadata: headline, publication date
(htmldate: <meta>, JSON-LD `datePublished`, <time>, the URL), author, site name,
canonical URL, language. Our text is the headline and the body's paragraphs, so every
mention's offsets slice the text the graph keeps.

Pages come as .html/.htm files, gzip-compressed (.html.gz), or inside the WARC files
crawlers write (.warc, .warc.gz): each HTML response record is an article, named by its
URL. A page with too little text to be an article (a section front, an error page) is
reported as such, not ingested as noise.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import trafilatura
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

MIN_WORDS = 60  # a news story has more; a 404 page or a list of teasers has fewer in its body
LONG = 25  # words: a paragraph of a story, not a teaser or a label
MIN_LONG_SHARE = 0.2  # stories hold 0.4-1.0 of their words in long paragraphs, a section front none
TEASER = re.compile(r"^(?:read more|related(?: stories| articles| coverage)?|also read|see also|watch|listen|"
                    r"click here|sign up|subscribe)\s*[:|>»–-].{0,120}$", re.I)  # "Read more: ...", not "Watch groups said"


class NotAnArticle(Exception):
    """A page without an article's body: says what was found instead."""


@dataclass(frozen=True)
class Page:
    text: str  # the headline, then the body's paragraphs, separated by blank lines
    title: str | None
    published: str | None  # ISO date
    author: str | None
    site: str | None
    url: str | None
    language: str | None


def extract(html: str | bytes, url: str | None = None) -> Page:
    """The article of a page. Raises NotAnArticle for a page whose body is too short."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, deduplicate=False,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None or not (doc.text or "").strip():
        raise NotAnArticle("no article text on the page (an index, error or empty page?)")
    title = _clean(doc.title)
    paragraphs = [p for p in (" ".join(line.split()) for line in doc.text.split("\n")) if p and not TEASER.match(p)]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    words = sum(len(p.split()) for p in paragraphs)
    if words < MIN_WORDS:
        raise NotAnArticle(f"only {words} words of body text (under {MIN_WORDS}: an index, error or stub page?)")
    long = sum(len(p.split()) for p in paragraphs if len(p.split()) >= LONG)
    if long < MIN_LONG_SHARE * words:
        raise NotAnArticle(f"a list of {len(paragraphs)} short items, {long / words:.0%} of its words in paragraphs of "
                           f"{LONG} words or more (a section front or index page?)")
    text = "\n\n".join(([title] if title else []) + paragraphs)
    return Page(text, title, _date(doc.date), _clean(doc.author), _clean(doc.sitename), _clean(doc.url) or url,
                _clean(doc.language))


def _clean(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _date(value: str | None) -> str | None:
    return value[:10] if value and re.match(r"^\d{4}-\d{2}-\d{2}", value) else None


def read_gzip(path: Path, limit: int) -> bytes:
    """A gzip file's content, refusing to inflate past `limit` bytes (a zip bomb)."""
    with gzip.open(path, "rb") as f:
        data = f.read(limit + 1 if limit else -1)
    if limit and len(data) > limit:
        raise ValueError(f"uncompressed content over {limit:,} bytes")
    return data


@dataclass(frozen=True)
class Record:
    """One HTML response of a WARC file: where it is, its URL and crawl date, its bytes."""

    where: str
    url: str | None
    crawled: str | None
    html: bytes


def warc_records(path: Path) -> Iterator[Record | tuple[str, str]]:
    """The HTML responses of a WARC file, in order; a record that cannot be read is
    (where, reason), and reading goes on where the format allows."""
    with open(path, "rb") as f:
        try:
            for n, record in enumerate(ArchiveIterator(f), 1):
                if record.rec_type != "response":
                    continue
                where = f"{path}#{n}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                kind = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in kind.lower():
                    yield where, f"not an HTML page ({kind or 'no content type'}; {url})"
                    continue
                status = record.http_headers.get_statuscode() if record.http_headers else None
                if status and not status.startswith("2"):
                    yield where, f"HTTP {status}, not a page ({url})"
                    continue
                crawled = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                try:
                    yield Record(where, url, crawled, record.content_stream().read())
                except Exception as err:  # noqa: BLE001 - a truncated or corrupt record
                    yield where, f"cannot read the record ({type(err).__name__}: {str(err)[:120]})"
        except ArchiveLoadFailed as err:
            yield str(path), f"not a readable WARC file ({str(err)[:160]})"
