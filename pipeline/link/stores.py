"""Where Wikidata answers come from: the embedded slice, a SPARQL endpoint, the cache.

Every store answers the same SPARQL text with the same rows (a list of dicts of
strings), so the linker never knows which one it talks to. The endpoint client is a
good Wikimedia citizen: it names itself in the User-Agent, sends one request at a
time, honours 429 + Retry-After, backs off with jitter on 5xx and time-outs, and
stops at a per-run request budget.
"""

from __future__ import annotations

import email.utils
import http.client
import hashlib
import json
import random
import re
import socket
import sqlite3
import time
import urllib.error
import warnings
from pathlib import Path
from typing import Protocol

import requests
from rdflib import Graph
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, SPARQLWrapperException

from pipeline import SOFTWARE_NAME, __version__

WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"
CONTACT = "https://w3id.org/conflict-kg"
QID = re.compile(r"^Q[1-9][0-9]*$")
Rows = list[dict[str, str]]


def user_agent(contact: str = CONTACT) -> str:
    """Wikimedia's User-Agent policy: tool name/version (contact) library/version."""
    return f"{SOFTWARE_NAME}/{__version__} ({contact}) SPARQLWrapper/2 requests/{requests.__version__}"


def literal(text: str, lang: str | None = None) -> str:
    """A SPARQL string literal that text from an article cannot break out of."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
               .replace("\t", "\\t").replace("\b", "\\b").replace("\f", "\\f"))
    escaped = "".join(c if c >= " " else f"\\u{ord(c):04X}" for c in escaped)
    return f'"{escaped}"' + (f"@{lang}" if lang else "")


def qid_of(iri: object) -> str:
    return str(iri).rsplit("/", 1)[-1]


def iri_values(qids: list[str]) -> str:
    bad = [q for q in qids if not QID.match(q)]
    if bad:
        raise ValueError(f"not a QID: {bad[:3]}")
    return " ".join(f"<http://www.wikidata.org/entity/{q}>" for q in qids)


class EndpointError(Exception):
    """The endpoint could not answer; the message says which and why."""


class NotCached(EndpointError):
    """Offline (by choice or because the endpoint is down) and the cache has no answer."""


class Store(Protocol):
    name: str

    def select(self, sparql: str) -> Rows: ...


def _value(term: object) -> str:
    return str(term) if term is not None else ""


class LocalStore:
    """A Turtle file of Wikidata-shaped triples queried in-process (the embedded slice)."""

    def __init__(self, path: Path, name: str = "embedded-slice"):
        self.graph = Graph().parse(path, format="turtle")
        self.name = name

    def select(self, sparql: str) -> Rows:
        result = self.graph.query(sparql)
        return [{str(v): _value(row[v]) for v in result.vars if row[v] is not None} for row in result]


class Endpoint:
    """A SPARQL 1.1 endpoint over HTTP (the Wikidata Query Service by default)."""

    def __init__(self, url: str = WIKIDATA_SPARQL, contact: str = CONTACT, timeout: float = 30.0,
                 retries: int = 4, backoff: float = 1.0, max_wait: float = 120.0, budget: int = 500):
        self.name = self.url = url
        self.agent = user_agent(contact)
        self.timeout, self.retries, self.backoff, self.max_wait = timeout, retries, backoff, max_wait
        self.budget = budget
        self.requests = 0
        self.waited = 0.0

    def _request(self, sparql: str, timeout: float) -> dict:
        client = SPARQLWrapper(self.url, agent=self.agent)
        client.setMethod(POST)
        client.setQuery(sparql)
        client.setReturnFormat(JSON)
        client.setTimeout(timeout)
        self.requests += 1
        try:
            with warnings.catch_warnings():  # "unknown response content type": bindings() says it better
                warnings.simplefilter("ignore", RuntimeWarning)
                return client.queryAndConvert()  # type: ignore[return-value]
        except ValueError as err:  # JSON that does not parse, bytes that are not UTF-8
            raise MalformedAnswer(f"not JSON: {str(err)[:80]}") from None

    def reachable(self, timeout: float = 3.0) -> bool:
        """One quick try, no retries: decides whether this run goes online at all."""
        if self.requests >= self.budget:
            return False
        try:
            self._request("ASK { }", timeout)
        except (urllib.error.HTTPError, EndPointInternalError, SPARQLWrapperException, MalformedAnswer):
            pass  # it answers, if only to say "later" or with garbage: the retry logic deals with that
        except Exception:  # refused, unresolvable, silent: not reachable in this run
            return False
        return True

    def select(self, sparql: str) -> Rows:
        last = ""
        for attempt in range(self.retries + 1):
            if self.requests >= self.budget:
                raise EndpointError(f"{self.url}: request budget of {self.budget} used up")
            try:
                return bindings(self._request(sparql, self.timeout))
            except MalformedAnswer as err:  # a proxy's error page, a cut-off body: may pass, retry
                wait, last = self._backoff(attempt), f"malformed answer ({err})"
            except urllib.error.HTTPError as err:
                if err.code == 429:
                    wait, last = retry_after(err.headers.get("Retry-After"), self.backoff), "429 Too Many Requests"
                elif err.code >= 500:
                    wait, last = self._backoff(attempt), f"HTTP {err.code}"
                else:
                    raise EndpointError(f"{self.url}: HTTP {err.code} {err.reason}") from None
            except EndPointInternalError:
                wait, last = self._backoff(attempt), "HTTP 500"
            except (socket.timeout, TimeoutError):
                wait, last = self._backoff(attempt), f"no answer within {self.timeout:g} s"
            except urllib.error.URLError as err:
                if isinstance(err.reason, (socket.timeout, TimeoutError)):
                    wait, last = self._backoff(attempt), f"no answer within {self.timeout:g} s"
                else:
                    wait, last = self._backoff(attempt), f"cannot connect ({err.reason})"
            except SPARQLWrapperException as err:
                raise EndpointError(f"{self.url}: {err}") from None
            except (OSError, http.client.HTTPException) as err:  # reset, closed without answer
                wait, last = self._backoff(attempt), f"connection failed ({type(err).__name__})"
            if attempt < self.retries:
                wait = min(wait, self.max_wait)
                self.waited += wait
                time.sleep(wait)
        raise EndpointError(f"{self.url}: gave up after {self.retries + 1} attempts ({last})")

    def construct(self, sparql: str) -> bytes:
        """A CONSTRUCT answer as N-Triples (no retries: slice building is interactive)."""
        self.requests += 1
        answer = requests.post(self.url, data={"query": sparql}, timeout=self.timeout,
                               headers={"User-Agent": self.agent, "Accept": "application/n-triples"})
        if answer.status_code != 200:
            raise EndpointError(f"{self.url}: HTTP {answer.status_code} {answer.reason}")
        return answer.content

    def _backoff(self, attempt: int) -> float:
        return self.backoff * (2 ** attempt) * (1 + random.random() / 2)


class MalformedAnswer(Exception):
    """An answer that is not SPARQL JSON results."""


def bindings(answer: object) -> Rows:
    """Rows of a SPARQL JSON answer, checked: a malformed answer must not pass as 'no rows'."""
    try:
        return [{k: str(v["value"]) for k, v in b.items()} for b in answer["results"]["bindings"]]  # type: ignore
    except (KeyError, TypeError, AttributeError) as err:
        raise MalformedAnswer(f"no results.bindings: {type(err).__name__} {err}") from None


def retry_after(header: str | None, default: float) -> float:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date)."""
    if not header:
        return default
    if header.strip().isdigit():
        return float(header.strip())
    try:
        when = email.utils.parsedate_to_datetime(header)
        return max(0.0, when.timestamp() - time.time())
    except (TypeError, ValueError):
        return default


class Cache:
    """Every answer on disk, keyed by endpoint and exact query text (SQLite)."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS answers (endpoint TEXT, key TEXT, query TEXT, rows TEXT, "
                        "PRIMARY KEY (endpoint, key))")

    @staticmethod
    def key(query: str) -> str:
        return hashlib.sha256(query.encode("utf-8")).hexdigest()

    def get(self, endpoint: str, query: str) -> Rows | None:
        row = self.db.execute("SELECT rows FROM answers WHERE endpoint = ? AND key = ?",
                              (endpoint, self.key(query))).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, endpoint: str, query: str, rows: Rows) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)",
                            (endpoint, self.key(query), query, json.dumps(rows, sort_keys=True)))


class CachedStore:
    """A remote store behind the cache. With `online=False` only the cache answers; with
    `probe=True` the first cache miss checks, once and quickly, that the endpoint is up,
    so a warm run sends nothing and a dead endpoint costs one short try."""

    def __init__(self, remote: Endpoint, cache: Cache | None, online: bool = True, probe: bool = False):
        self.remote, self.cache, self.online, self.probe = remote, cache, online, probe
        self.name = remote.name
        self.hits = 0
        self.status = "online" if online else "offline"

    def select(self, sparql: str) -> Rows:
        if self.cache is not None:
            rows = self.cache.get(self.name, sparql)
            if rows is not None:
                self.hits += 1
                return rows
        if self.online and self.probe:
            self.probe = False
            if not self.remote.reachable():
                self.online, self.status = False, "unreachable, used the cache and the embedded slice"
        if not self.online:
            raise NotCached(f"{self.name}: {self.status}, answer not in the cache")
        rows = self.remote.select(sparql)
        if self.cache is not None:
            self.cache.put(self.name, sparql, rows)
        return rows


class SearchAPI:
    """MediaWiki `wbsearchentities` for fuzzy candidates (transliterations, missing
    diacritics), cached like SPARQL answers."""

    def __init__(self, url: str, cache: Cache | None, online: bool = True, contact: str = CONTACT,
                 timeout: float = 10.0):
        self.url, self.cache, self.online, self.timeout = url, cache, online, timeout
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent(contact)
        self.requests = 0

    def search(self, text: str, limit: int = 5) -> list[str]:
        key = json.dumps({"search": text, "limit": limit}, sort_keys=True)
        if self.cache is not None and (hit := self.cache.get(self.url, key)) is not None:
            return [r["id"] for r in hit]
        if not self.online:
            return []
        params = {"action": "wbsearchentities", "search": text, "language": "en", "uselang": "en",
                  "type": "item", "limit": limit, "format": "json"}
        self.requests += 1
        try:
            answer = self.session.get(self.url, params=params, timeout=self.timeout)
            answer.raise_for_status()
            rows = [{"id": r["id"]} for r in answer.json().get("search", []) if QID.match(r.get("id", ""))]
        except (requests.RequestException, ValueError, AttributeError, TypeError) as err:
            raise EndpointError(f"{self.url}: search failed ({err})") from None
        if self.cache is not None:
            self.cache.put(self.url, key, rows)
        return [r["id"] for r in rows]
