"""Real servers on 127.0.0.1 for the linker tests: Oxigraph (SPARQL 1.1), a counting
proxy in front of it that can also misbehave (429 + Retry-After, 500, silence), and a
MediaWiki-style wbsearchentities API over the same fixture data."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDFS, SKOS

from pipeline.extract.lexicon import fold


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Quiet(BaseHTTPRequestHandler):
    """A request handler that keeps the test output clean and answers in one call."""

    def log_message(self, *args) -> None:
        pass

    def reply(self, status: int, payload: bytes = b"", content_type: str | None = None,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in {**({"Content-Type": content_type} if content_type else {}), **(headers or {})}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def serve(handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    """Start a loopback server on a free port in a background thread."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def shut(server: ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()


class Oxigraph:
    """`oxigraph serve` on a free loopback port, loaded with a Turtle file (or empty)."""

    def __init__(self, data: Path | None, workdir: Path, union: bool = False):
        self.location = workdir / "store"
        workdir.mkdir(parents=True, exist_ok=True)
        exe = str(Path(sys.executable).parent / "oxigraph")
        if data is not None:
            subprocess.run([exe, "load", "--location", str(self.location), "--file", str(data)], check=True,
                           capture_output=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/query"
        self.store = f"http://127.0.0.1:{self.port}/store"
        self.proc = subprocess.Popen([exe, "serve", "--location", str(self.location), "--bind",
                                      f"127.0.0.1:{self.port}"] + (["--union-default-graph"] if union else []),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/query?query=ASK%7B%7D", timeout=1)
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("oxigraph did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


class Proxy:
    """Forwards SPARQL requests to `upstream`, counting them; `faults` is a list of what
    to do instead of forwarding, one entry per request: '429', '500', 'silence', 'html'
    (an error page sent as 200) or 'truncated' (SPARQL JSON cut off halfway)."""

    def __init__(self, upstream: str, retry_after: str = "1"):
        self.upstream, self.retry_after = upstream, retry_after
        self.faults: list[str] = []
        self.requests: list[str] = []  # the query text of each request
        self.agents: list[str] = []  # the User-Agent of each request
        self.silence = threading.Event()
        proxy = self

        class Handler(Quiet):
            def do_GET(self) -> None:
                self._handle(urllib.parse.urlsplit(self.path).query.encode())

            def do_POST(self) -> None:
                self._handle(self.rfile.read(int(self.headers.get("Content-Length", 0))))

            def _handle(self, body: bytes) -> None:
                form = urllib.parse.parse_qs(body.decode())
                proxy.requests.append((form.get("query") or [""])[0])
                proxy.agents.append(self.headers.get("User-Agent", ""))
                fault = proxy.faults.pop(0) if proxy.faults else None
                if fault == "silence":
                    proxy.silence.wait(30)
                    return
                if fault in {"429", "500"}:
                    self.reply(int(fault), headers={"Retry-After": proxy.retry_after} if fault == "429" else None)
                    return
                if fault == "html":
                    self.reply(200, b"<html><body>Service temporarily unavailable</body></html>", "text/html")
                    return
                if fault == "truncated":
                    self.reply(200, b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "ur',
                               "application/sparql-results+json")
                    return
                req = urllib.request.Request(proxy.upstream, data=body, method="POST", headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": self.headers.get("Accept") or "application/sparql-results+json"})
                try:
                    with urllib.request.urlopen(req, timeout=30) as answer:
                        status, payload = answer.status, answer.read()
                        ctype = answer.headers.get("Content-Type", "application/json")
                except urllib.error.HTTPError as err:
                    status, payload, ctype = err.code, err.read(), "text/plain"
                self.reply(status, payload, ctype)

        self.server = serve(Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"

    def queries(self) -> list[str]:
        return [q for q in self.requests if not q.strip().upper().startswith("ASK")]

    def stop(self) -> None:
        self.silence.set()
        shut(self.server)


class SearchAPI:
    """wbsearchentities over the fixture's labels: case- and diacritic-insensitive prefix search."""

    def __init__(self, data: Path):
        g = Graph().parse(data)
        index: dict[str, set[str]] = {}
        for prop in (RDFS.label, SKOS.altLabel):
            for item, label in g.subject_objects(prop):
                index.setdefault(fold(str(label)), set()).add(str(item).rsplit("/", 1)[-1])
        self.requests: list[str] = []
        api = self

        class Handler(Quiet):
            def do_GET(self) -> None:
                params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
                text = fold(params.get("search", [""])[0])
                api.requests.append(text)
                ids = sorted({q for label, qs in index.items() if label.startswith(text) for q in qs})
                self.reply(200, json.dumps({"search": [{"id": q} for q in ids]}).encode(), "application/json")

        self.server = serve(Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/w/api.php"

    def stop(self) -> None:
        shut(self.server)


class GraphStore:
    """A Graph Store endpoint that answers every PUT with `status` unless the request
    carries the `accept` Authorization header (and every POST alike); records what it received. With
    `crash_after`, it dies after that many PUTs: the connection drops with no answer."""

    def __init__(self, status: int = 401, accept: str | None = None, crash_after: int | None = None):
        self.puts: list[tuple[str, str]] = []  # (graph IRI, Authorization header)
        self.posts: list[tuple[str, int]] = []  # (query string, bytes received)
        store = self

        class Handler(Quiet):
            def do_PUT(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                graph = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("graph", [""])[0]
                auth = self.headers.get("Authorization", "")
                if crash_after is not None and len(store.puts) >= crash_after:
                    self.close_connection = True
                    return
                store.puts.append((graph, auth))
                self.reply(204 if accept is not None and auth == accept else status)

            def do_POST(self) -> None:
                size = len(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                store.posts.append((urllib.parse.urlsplit(self.path).query, size))
                self.reply(204 if accept is not None and self.headers.get("Authorization", "") == accept else status)

        self.server = serve(Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/store"

    def stop(self) -> None:
        shut(self.server)
