"""Read articles from files and folders, and tell the article from its boilerplate.

Formats: plain text (first line the headline), text with a `key: value` header closed
by `---`, JSON Lines (id, url, headline, published, text) and HTML. Boilerplate
(repeated photo captions, teasers for other stories, bylines) is located, not
deleted: offsets keep pointing into the text as published, and the extractors read
`Article.nlp_text`, where boilerplate is blanked.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from pipeline.facts import Article, Boilerplate, Span

SUFFIXES = {".txt", ".text", ".jsonl", ".html", ".htm"}  # read from folders; a named file is always read
HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_ -]{0,30}):\s*(.*)$")
TEASER = re.compile(r"^\[[A-Z][A-Z0-9 ,'&-]{2,}:[^\]]*\]$|^(READ MORE|RELATED|ALSO READ|SEE ALSO|WATCH):")
CREDIT = re.compile(r"\s(?P<credit>[A-Z]{2,6}(?:/[A-Z][A-Za-z]+)*)\s*$")
BYLINE = re.compile(r"^(?:By\s+)?(?P<name>(?:The\s+)?[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w&'.-]*|of|and|for|the))*?)\.?$")
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,\s+(?P<day>\d{1,2})\s+(?P<mon>[A-Z]{3})\s+(?P<year>\d{2,4})\b")
MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}


class SourceError(Exception):
    """An input that cannot be read as an article; the message names it and says why."""

    def __init__(self, where: str, reason: str):
        super().__init__(f"{where}: {reason}")
        self.where, self.reason = where, reason


@dataclass(frozen=True)
class Failure:
    where: str
    reason: str


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and readable-looking files inside folders named, in sorted order."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")
                              and f.suffix.lower() in SUFFIXES)
        else:
            yield p


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | Failure]:
    """Every article under `paths`; a bad input yields a Failure and reading goes on."""
    for path in iter_inputs(paths):
        try:
            yield from read_file(path)
        except SourceError as err:
            yield Failure(err.where, err.reason)


def read_file(path: Path) -> Iterator[Article | Failure]:
    if not path.exists():
        raise SourceError(str(path), "no such file or folder")
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from parse_jsonl(path)
        return
    raw = path.read_bytes()
    text = decode(raw, str(path))
    if suffix in {".html", ".htm"}:
        yield parse_html(text, path, raw)
    else:
        yield parse_text(text, path, raw)


def decode(raw: bytes, where: str) -> str:
    if not raw.strip():
        raise SourceError(where, "empty file")
    if b"\x00" in raw[:8192]:
        raise SourceError(where, "binary file (NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourceError(where, f"not valid UTF-8 (byte {err.start}: {raw[err.start:err.start + 1]!r})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def safe_id(value: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", value).strip("._")
    return cleaned[:120] or hashlib.sha256(value.encode()).hexdigest()[:16]


def parse_text(text: str, path: Path, raw: bytes) -> Article:
    header, body = split_header(text)
    if header is not None:
        title = header.get("title")
        if title and title.startswith("("):  # "(no headline in source; ...)"
            title = None
        return make_article(path.stem, body, raw, title=title, published=iso_date(header.get("date")),
                            url=first_url(header.get("source")), source_path=str(path),
                            licence=header.get("licence") or header.get("license"))
    first = text.lstrip("\n").split("\n", 1)[0].strip()
    return make_article(path.stem, text, raw, title=first or None, source_path=str(path))


def split_header(text: str) -> tuple[dict[str, str] | None, str]:
    """A leading block of `key: value` lines closed by `---`, or (None, text)."""
    lines = text.split("\n")
    header: dict[str, str] = {}
    for i, line in enumerate(lines[:40]):
        if line.strip() == "---":
            if header:
                return header, "\n".join(lines[i + 1:])
            break
        m = HEADER_LINE.match(line)
        if not m:
            break
        header[m.group(1).strip().lower()] = m.group(2).strip()
    return None, text


def parse_jsonl(path: Path) -> Iterator[Article | Failure]:
    """One article per line, streamed: a large feed is never held in memory, and a bad
    line is reported with its number while the others are still read."""
    with open(path, "rb") as f:
        head = f.read(8192)
        if not head.strip():
            raise SourceError(str(path), "empty file")
        if b"\x00" in head:
            raise SourceError(str(path), "binary file (NUL bytes), not text")
        f.seek(0)
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            where = f"{path}:{n}"
            try:
                yield _record(json.loads(decode(raw, where)), raw, path, n, where)
            except SourceError as err:
                yield Failure(err.where, err.reason)
            except json.JSONDecodeError as err:
                yield Failure(where, f"invalid JSON ({err.msg})")


def _record(rec: object, raw: bytes, path: Path, n: int, where: str) -> Article:
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
        raise SourceError(where, "record has no 'text' string")
    return make_article(safe_id(str(rec.get("id") or f"{path.stem}-{n}")), rec["text"].replace("\r\n", "\n"),
                        raw.rstrip(b"\r\n"), title=rec.get("headline"), published=iso_date(rec.get("published")),
                        url=rec.get("url"), source_path=where)


class _HTMLText(HTMLParser):
    """Headline, publication date and paragraph text of a news page."""

    SKIP = {"script", "style", "nav", "header", "footer", "aside", "figure", "noscript"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: str | None = None
        self.published: str | None = None
        self.paragraphs: list[str] = []
        self._stack: list[str] = []
        self._buf: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in self.SKIP:
            self._skip += 1
        if tag == "meta" and a.get("property") in {"article:published_time", "og:published_time"}:
            self.published = self.published or iso_date(a.get("content"))
        if tag == "time" and a.get("datetime"):
            self.published = self.published or iso_date(a.get("datetime"))
        if tag in {"p", "h1", "title", "li"} and not self._skip:
            self._stack.append(tag)
            self._buf = []

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        if self._stack and tag == self._stack[-1] and self._buf is not None:
            content = " ".join("".join(self._buf).split())
            self._stack.pop()
            self._buf = None
            if not content:
                return
            if tag in {"h1", "title"}:
                if tag == "h1" or self.title is None:
                    self.title = content
            else:
                self.paragraphs.append(content)

    def handle_data(self, data: str) -> None:
        if self._buf is not None and not self._skip:
            self._buf.append(data)


def parse_html(text: str, path: Path, raw: bytes) -> Article:
    parser = _HTMLText()
    parser.feed(text)
    if not parser.paragraphs:
        raise SourceError(str(path), "HTML page has no paragraph text (<p>)")
    body = "\n\n".join(([parser.title] if parser.title else []) + parser.paragraphs)
    return make_article(path.stem, body, raw, title=parser.title, published=parser.published,
                        source_path=str(path))


def make_article(article_id: str, text: str, raw: bytes, **fields: str | None) -> Article:
    if not text.strip():
        raise SourceError(fields.get("source_path") or article_id, "no article text")
    boilerplate, publisher, credits = find_boilerplate(text, fields.get("title"))
    return Article(id=safe_id(article_id), text=text, boilerplate=tuple(boilerplate), publisher=publisher,
                   credits=tuple(credits), dateline=find_dateline(text),
                   sha256=hashlib.sha256(raw).hexdigest(), **fields)


def lines_with_offsets(text: str) -> list[Span]:
    spans, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            spans.append(Span(start, start + len(stripped), stripped))
        pos += len(line) + 1
    return spans


def find_boilerplate(text: str, title: str | None) -> tuple[list[Boilerplate], Span | None, list[Span]]:
    """Captions (lines repeated, or near-repeated, in the text), teasers and a closing byline."""
    lines = lines_with_offsets(text)
    found: list[Boilerplate] = []
    credits: list[Span] = []
    norm = [" ".join(s.text.split()) for s in lines]
    for i, span in enumerate(lines):
        if len(norm[i].split()) >= 4 and any(
                j != i and (norm[j].startswith(norm[i]) or norm[i].startswith(norm[j])) for j in range(len(lines))):
            if span.text == title:
                continue
            found.append(Boilerplate(span, "caption"))
            m = CREDIT.search(span.text)
            if m:
                credits.append(Span(span.start + m.start("credit"), span.start + m.end("credit"), m.group("credit")))
        elif TEASER.match(span.text):
            found.append(Boilerplate(span, "teaser"))
    publisher = None
    if len(lines) > 1:
        last = lines[-1]
        m = BYLINE.match(last.text)
        if m and len(last.text.split()) <= 8 and not last.text.isupper():
            found.append(Boilerplate(last, "byline"))
            name = m.group("name").rstrip(".")
            publisher = Span(last.start + m.start("name"), last.start + m.start("name") + len(name), name)
    return sorted(found, key=lambda b: b.span), publisher, credits


def find_dateline(text: str) -> str | None:
    m = DATELINE.match(text.lstrip())
    if not m or m.group("mon") not in MONTHS:
        return None
    year = int(m.group("year"))
    year += 1900 if year >= 30 and year < 100 else 2000 if year < 30 else 0
    try:
        return date(year, MONTHS[m.group("mon")], int(m.group("day"))).isoformat()
    except ValueError:
        return None


def iso_date(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def first_url(value: str | None) -> str | None:
    m = re.search(r"https?://\S+", value or "")
    return m.group(0).rstrip(";,)") if m else None
