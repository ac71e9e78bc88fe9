"""Read articles from files and folders, and tell the article from its boilerplate.

Formats: plain text (first line the headline), text with a `key: value` header closed
by `---`, JSON Lines (id, url, headline, published, text), and web pages: HTML (also
gzip-compressed) and WARC files, read by pipeline/web.py. Boilerplate
(repeated photo captions, teasers for other stories, bylines) is located, not
deleted: offsets keep pointing into the text as published, and the extractors read
`Article.nlp_text`, where boilerplate is blanked.
"""

from __future__ import annotations

import errno
import hashlib
import json
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline import web
from pipeline.facts import Article, Boilerplate, Span

SUFFIXES = (".txt", ".text", ".jsonl", ".html", ".htm", ".html.gz", ".htm.gz", ".warc", ".warc.gz")  # read from
# folders; a named file is always read
HTML_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.I)
HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_ -]{0,30}):\s*(.*)$")
TEASER = re.compile(r"^\[[A-Z][A-Z0-9 ,'&-]{2,}:[^\]]*\]$|^(READ MORE|RELATED|ALSO READ|SEE ALSO|WATCH):")
CREDIT = re.compile(r"\s(?P<credit>[A-Z]{2,6}(?:/[A-Z][A-Za-z]+)*)\s*$")
BYLINE = re.compile(r"^(?:By\s+)?(?P<name>(?:The\s+)?[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w&'.-]*|of|and|for|the))*?)\.?$")
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,\s+(?P<day>\d{1,2})\s+(?P<mon>[A-Z]{3})\s+(?P<year>\d{2,4})\b")
MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}
MAGIC = {b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image", b"%PDF": "PDF document",
         b"PK\x03\x04": "ZIP archive (or .docx/.xlsx)", b"\x1f\x8b": "gzip archive", b"\x7fELF": "executable",
         b"BZh": "bzip2 archive", b"\xfd7zXZ": "xz archive", b"RIFF": "RIFF media file"}
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
WORD = re.compile(r"[^\W\d_]+")
URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
MAX_TITLE = 400
MAX_CHARS = 1_000_000  # spaCy's own default max_length; a news article is under 100,000


class SourceError(Exception):
    """An input that cannot be read as an article; the message names it and says why."""

    def __init__(self, where: str, reason: str):
        super().__init__(f"{where}: {reason}")
        self.where, self.reason = where, reason


@dataclass(frozen=True)
class Failure:
    """An input that gave no article: unreadable, not text, not English, over a limit."""

    where: str
    reason: str


@dataclass(frozen=True)
class Ignored:
    """A file inside a named folder that is not an article type (an image beside the text)."""

    where: str
    reason: str


@dataclass(frozen=True)
class ReadLimits:
    max_chars: int = MAX_CHARS  # 0: no limit
    english_only: bool = True


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Path | Failure | Ignored]:
    """Files named, and files inside folders named, in sorted order. Symbolic links are
    followed, but a folder is never entered twice (a link loop would walk forever), and
    what cannot be read is reported, never dropped in silence."""
    seen: set[tuple[int, int]] = set()
    for p in map(Path, paths):
        yield from _input(p, seen, named=True)


def _input(p: Path, seen: set[tuple[int, int]], named: bool) -> Iterator[Path | Failure | Ignored]:
    """A file named is always read; inside a folder, only the article types."""
    problem = _not_readable(p)
    if problem:
        yield Failure(str(p), problem)
    elif p.is_dir():
        yield from _walk(p, seen)
    elif not p.is_file():
        yield Failure(str(p), f"not a regular file ({_kind(p)})")
    elif not named and kind_of(p) is None:
        yield Ignored(str(p), f"not an article file ({p.suffix or 'no suffix'}; read are {', '.join(SUFFIXES)})")
    else:
        yield p


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path | Failure | Ignored]:
    st = folder.stat()
    if (st.st_dev, st.st_ino) in seen:
        if folder.is_symlink():
            yield Failure(str(folder), "symbolic link back to a folder already read (a link loop); not followed")
        return
    seen.add((st.st_dev, st.st_ino))
    try:
        entries = sorted(folder.iterdir())
    except OSError as err:
        yield Failure(str(folder), f"cannot list folder ({err.strerror or err})")
        return
    for entry in entries:
        if not entry.name.startswith("."):
            yield from _input(entry, seen, named=False)


def _not_readable(p: Path) -> str | None:
    try:
        p.stat()
    except FileNotFoundError:
        return "broken symbolic link (its target does not exist)" if p.is_symlink() else "no such file or folder"
    except OSError as err:
        return "symbolic link loop" if err.errno == errno.ELOOP else f"cannot read ({err.strerror or err})"
    return None


def _kind(p: Path) -> str:
    mode = p.stat().st_mode
    return "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"


def read_articles(paths: Iterable[str | Path], limits: ReadLimits = ReadLimits()
                  ) -> Iterator[Article | Failure | Ignored]:
    """Every article under `paths`; a bad input yields a Failure and reading goes on."""
    for item in iter_inputs(paths):
        if not isinstance(item, Path):
            yield item
            continue
        try:
            for article in read_file(item, limits):
                yield check(article, limits) if isinstance(article, Article) else article
        except SourceError as err:
            yield Failure(err.where, err.reason)
        except NotAPage as ignored:
            yield ignored.outcome
        except OSError as err:
            yield Failure(str(item), f"cannot read ({err.strerror or err})")


def check(article: Article, limits: ReadLimits) -> Article | Failure:
    """The checks that need the text: its length, and that it is English (the model's)."""
    where = article.source_path or article.id
    if limits.max_chars and len(article.text) > limits.max_chars:
        return Failure(where, f"article has {len(article.text):,} characters, over the limit of "
                              f"{limits.max_chars:,} (--max-chars; 0 lifts it)")
    share = english_share(article.text) if limits.english_only else None
    if share is not None and share < 0.15:
        return Failure(where, f"not English: {share:.0%} English function words in its first 2,000 words "
                              "(the model reads English; --any-language processes it anyway)")
    return article


def english_share(text: str) -> float | None:
    """The share of English function words ("the", "of", "and" ...) among the first 2,000
    words: about 0.4 in English news, under 0.07 in French, German, Spanish and Italian,
    0 in other scripts. None when there are too few words to tell."""
    words = [m.group().lower() for m in islice(WORD.finditer(text[:40_000]), 2000)]
    if len(words) < 20:
        return None
    return sum(w in STOP_WORDS for w in words) / len(words)


def kind_of(path: Path) -> str | None:
    """'jsonl', 'html', 'html.gz', 'warc' or 'text' from the file's name; None for others."""
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return {".jsonl": "jsonl", ".html": "html", ".htm": "html", ".html.gz": "html.gz", ".htm.gz": "html.gz",
                    ".warc": "warc", ".warc.gz": "warc"}.get(suffix, "text")
    return None


def read_file(path: Path, limits: ReadLimits = ReadLimits()) -> Iterator[Article | Failure | Ignored]:
    if not path.exists():
        raise SourceError(str(path), "no such file or folder")
    kind = kind_of(path) or "text"
    if kind == "jsonl":
        yield from parse_jsonl(path)
        return
    if kind == "warc":
        yield from parse_warc(path)
        return
    size = path.stat().st_size
    if limits.max_chars and size > 4 * limits.max_chars + 4 and kind != "html.gz":  # UTF-8: at most 4 bytes a character
        raise SourceError(str(path), f"file is {size:,} bytes, over the limit of {limits.max_chars:,} characters "
                                     "(--max-chars; 0 lifts it)")
    if kind == "html.gz":
        try:
            raw = web.read_gzip(path, 4 * limits.max_chars + 4 if limits.max_chars else 0)
        except (OSError, EOFError, ValueError) as err:
            raise SourceError(str(path), f"not a readable gzip file ({err})") from None
    else:
        raw = path.read_bytes()
    if kind in {"html", "html.gz"}:
        yield parse_html(decode_html(raw, str(path)), raw, str(path), re.sub(r"\.html?(\.gz)?$", "", path.name, flags=re.I))
    else:
        yield parse_text(decode(raw, str(path)), path, raw)


def decode_html(raw: bytes, where: str) -> str:
    """A page's text: UTF-8 (or a byte-order mark), else the charset its <meta> declares;
    never a guess."""
    try:
        return decode(raw, where)
    except SourceError:
        declared = HTML_CHARSET.search(raw[:4096])
        if not declared:
            raise
        try:
            return raw.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError) as err:
            raise SourceError(where, f"not valid {declared.group(1).decode('ascii', 'replace')} as its <meta> declares "
                                     f"({type(err).__name__})") from None


def parse_warc(path: Path) -> Iterator[Article | Failure | Ignored]:
    """One article per HTML response of a crawl, named by its URL."""
    for record in web.warc_records(path):
        if isinstance(record, tuple):
            yield Failure(*record)
            continue
        try:
            text = decode_html(record.html, record.where)
            yield parse_html(text, record.html, record.where, record.url or record.where, record.url, record.crawled)
        except SourceError as err:
            yield Failure(err.where, err.reason)
        except NotAPage as ignored:
            yield ignored.outcome


def decode(raw: bytes, where: str) -> str:
    """Text from bytes: UTF-8, or UTF-16/32 with a byte-order mark; never a guess at a
    legacy code page (a wrong guess would put misread names into the graph)."""
    for bom, codec in BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as err:
                raise SourceError(where, f"not valid {codec.upper()} after its byte-order mark "
                                         f"(byte {err.start})") from None
            break
    else:
        kind = next((name for magic, name in MAGIC.items() if raw.startswith(magic)), None)
        if kind:
            raise SourceError(where, f"binary file ({kind}), not text")
        if b"\x00" in raw[:8192]:
            raise SourceError(where, "binary file (NUL bytes), not text")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise SourceError(where, f"not valid UTF-8 (byte {err.start}: {raw[err.start:err.start + 1]!r}); "
                                     "convert it first, e.g. iconv -f latin1 -t utf-8") from None
    if not text.strip():
        raise SourceError(where, "empty file" if not text else "only white space")
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
    title = first if 0 < len(first) <= MAX_TITLE else None  # a first line that long is no headline
    return make_article(path.stem, text, raw, title=title, source_path=str(path))


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
                yield Failure(where, f"invalid JSON ({err.msg} at column {err.colno})")
            except RecursionError:
                yield Failure(where, "invalid JSON (nested too deeply)")


def _record(rec: object, raw: bytes, path: Path, n: int, where: str) -> Article:
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
        raise SourceError(where, "record has no 'text' string")
    title, url = _string(rec.get("headline")), _string(rec.get("url"))
    return make_article(safe_id(str(rec.get("id") or f"{path.stem}-{n}")),
                        _string(rec["text"]).replace("\r\n", "\n").replace("\r", "\n"), raw.rstrip(b"\r\n"),
                        title=title if title and len(title) <= MAX_TITLE else None,
                        published=iso_date(rec.get("published")),
                        url=url if url and URL.match(url) else None, source_path=where)


def _string(value: object) -> str | None:
    """A JSON string as text that can be written: JSON may carry a lone surrogate
    ("\\ud800"), which no UTF-8 file can hold; it becomes U+FFFD."""
    if not isinstance(value, str):
        return None
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


class NotAPage(Exception):
    """A web page that holds no article: ignored with the reason, not failed."""

    def __init__(self, where: str, reason: str):
        super().__init__(f"{where}: {reason}")
        self.outcome = Ignored(where, reason)


def parse_html(text: str, raw: bytes, where: str, article_id: str, url: str | None = None,
               crawled: str | None = None) -> Article:
    try:
        page = web.extract(text, url)
    except web.NotAnArticle as err:
        raise NotAPage(where, f"not an article: {err}") from None
    page_url = page.url if page.url and URL.match(page.url) else url if url and URL.match(url) else None
    return make_article(article_id, page.text, raw, title=page.title, published=page.published, url=page_url,
                        source_path=where, author=page.author, site=page.site, language=page.language,
                        crawled=crawled)


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
    repeated = repeated_lines([" ".join(s.text.split()) for s in lines])
    for i, span in enumerate(lines):
        if i in repeated:
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
        m = BYLINE.match(last.text) if len(last.text.split()) <= 8 and not last.text.isupper() else None
        if m:
            found.append(Boilerplate(last, "byline"))
            name = m.group("name").rstrip(".")
            publisher = Span(last.start + m.start("name"), last.start + m.start("name") + len(name), name)
    return sorted(found, key=lambda b: b.span), publisher, credits


def repeated_lines(norm: list[str]) -> set[int]:
    """Indexes of the lines of four words or more that another such line repeats, or
    starts with, or is the start of ("caption" and "caption AFP"). Sorted, every line
    that starts with a line X follows X directly, so one pass finds them: a long
    archive file costs n log n, not n squared."""
    groups: dict[str, list[int]] = {}
    for i, line in enumerate(norm):
        if len(line.split()) >= 4:
            groups.setdefault(line, []).append(i)
    unique = sorted(groups)
    found: set[int] = {i for same in groups.values() if len(same) > 1 for i in same}
    for k, line in enumerate(unique):
        for longer in (unique[m] for m in range(k + 1, len(unique))):
            if not longer.startswith(line):
                break
            found.update(groups[line] + groups[longer])
    return found


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
    url = m.group(0).rstrip(";,)") if m else None
    return url if url and URL.match(url) else None
