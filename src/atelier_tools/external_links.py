"""External links of the built book, in one report (``make liens``).

:func:`collect` lists every ``http(s)`` link of every page (the page where it occurs, the
link's text). :func:`check_all` asks each distinct URL whether it still answers (``HEAD``,
then ``GET`` when a server refuses ``HEAD``; a timeout, a polite User-Agent, a few requests at
a time). :func:`write_report` writes ``liens-externes.md`` (French, for people) and
``liens-externes.json`` (for programs) beside the book. Without a network, the report lists
the links as « non vérifié (pas de réseau) » and the command still succeeds.
"""

from __future__ import annotations

import argparse
import html.parser
import json
import socket
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urlparse

__all__ = ["Link", "Status", "check_all", "check_url", "collect", "main", "network_available", "pages", "write_report"]

USER_AGENT = ("AtelierIA-verif-liens/1.0 (cours ouvert « Atelier IA & culture » ; "
              "vérification ponctuelle des liens, une requête par adresse)")
TIMEOUT = 15.0
CONCURRENCY = 4
NOT_CHECKED = "non vérifié (pas de réseau)"
REPORT_MD = "liens-externes.md"
REPORT_JSON = "liens-externes.json"


@dataclass(frozen=True)
class Link:
    url: str
    page: str  # relative to the book's html folder, with « / »
    text: str


@dataclass(frozen=True)
class Status:
    """What checking a URL gave. ``ok`` is None when it was not checked."""

    ok: bool | None
    code: int | None
    label: str  # in French, for the report


#: ``fetch(url, method, timeout) -> int`` returns the HTTP status code; raises on a network error.
Fetch = Callable[[str, str, float], int]


class _Anchors(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._open: list[tuple[str, list[str]]] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self._open.append((href, [dict(attrs).get("aria-label") or dict(attrs).get("title") or ""]))
        elif tag == "img" and self._open:
            self._open[-1][1].append(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag == "a" and self._open:
            href, parts = self._open.pop()
            label, text = parts[0], " ".join(" ".join(parts[1:]).split())
            self.found.append((href, text or label))

    def handle_data(self, data):
        if self._open and not self._skip:
            self._open[-1][1].append(data)


def pages(html_dir: Path) -> list[Path]:
    """The book's pages (not the theme's files, not the redirect Jupyter Book writes)."""
    return sorted(
        p for p in Path(html_dir).rglob("*.html")
        if "_static" not in p.parts and not p.read_text(encoding="utf-8").startswith('<meta http-equiv="Refresh"')
    )


def _external(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and (parsed.hostname or "") not in ("", "127.0.0.1", "localhost", "::1")


def collect(html_dir: Path) -> list[Link]:
    """Every external ``http(s)`` link of the built book: one entry per (URL, page, text)."""
    html_dir = Path(html_dir)
    seen: dict[tuple[str, str, str], Link] = {}
    for page in pages(html_dir):
        parser = _Anchors()
        parser.feed(page.read_text(encoding="utf-8"))
        rel = page.relative_to(html_dir).as_posix()
        for href, text in parser.found:
            href = href.strip()
            if _external(href):
                link = Link(href, rel, text)
                seen.setdefault((link.url, link.page, link.text), link)
    return sorted(seen.values(), key=lambda link: (link.url, link.page, link.text))


def _urllib_fetch(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def check_url(url: str, fetch: Fetch = _urllib_fetch, timeout: float = TIMEOUT) -> Status:
    """Whether ``url`` answers: ``HEAD`` first, ``GET`` when ``HEAD`` fails or is refused."""
    code: int | None = None
    error = ""
    for method in ("HEAD", "GET"):
        try:
            code = fetch(url, method, timeout)
        except Exception as err:  # network error, timeout, bad certificate…
            code, error = None, f"{type(err).__name__}\u00a0: {err}"
            continue
        if code < 400:
            return Status(True, code, f"valide ({code})")
        # many servers refuse HEAD (403, 405…): try GET before calling the link broken
    if code is None:
        return Status(False, None, f"injoignable ({error})")
    return Status(False, code, f"cassé ({code})")


def network_available(host: str = "example.org", port: int = 443, timeout: float = 3.0) -> bool:
    """True when a TCP connection to ``host`` succeeds (name resolution included)."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except Exception:  # OSError, or pytest-socket's block during the tests
        return False


def check_all(urls, fetch: Fetch = _urllib_fetch, concurrency: int = CONCURRENCY,
              timeout: float = TIMEOUT) -> dict[str, Status]:
    """The status of each distinct URL, a few requests at a time."""
    distinct = sorted(set(urls))
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        statuses = pool.map(lambda u: check_url(u, fetch, timeout), distinct)
        return dict(zip(distinct, statuses))


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def write_report(links: list[Link], statuses: dict[str, Status] | None, out_dir: Path) -> tuple[Path, Path]:
    """Write the French Markdown report and its JSON twin in ``out_dir``; return their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    by_url: dict[str, list[Link]] = {}
    for link in links:
        by_url.setdefault(link.url, []).append(link)

    def status(url: str) -> Status:
        if statuses is None or url not in statuses:
            return Status(None, None, NOT_CHECKED)
        return statuses[url]

    broken = [u for u in by_url if status(u).ok is False]
    nbsp = "\u00a0"
    lines = ["# Liens externes du livre", ""]
    if statuses is None:
        lines.append(f"{len(by_url)} adresses distinctes, {len(links)} liens{nbsp}; "
                     f"aucune n'a été vérifiée{nbsp}: pas de réseau au moment du rapport.")
    else:
        lines.append(f"{len(by_url)} adresses distinctes, {len(links)} liens{nbsp}; "
                     f"{len(broken)} adresse(s) en échec.")
    lines += ["", "Produit par `make liens` à partir du livre construit.", ""]
    if broken:
        lines += ["## Adresses en échec", ""]
        lines += [f"- <{u}>{nbsp}: {status(u).label}" for u in broken]
        lines.append("")
    lines += ["## Toutes les adresses", "", "| Adresse | État | Pages (texte du lien) |", "|---|---|---|"]
    for url, occurrences in by_url.items():
        where = f"{nbsp}; ".join(f"{link.page} (« {_md_cell(link.text) or 'sans texte'} »)".replace("« ", f"«{nbsp}").replace(" »", f"{nbsp}»")
                           for link in occurrences)
        lines.append(f"| <{_md_cell(url)}> | {status(url).label} | {where} |")
    md = out_dir / REPORT_MD
    md.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = [dict(asdict(link), ok=status(link.url).ok, code=status(link.url).code, etat=status(link.url).label) for link in links]
    js = out_dir / REPORT_JSON
    js.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return md, js


def main(argv: list[str] | None = None, fetch: Fetch | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atelier_tools.external_links",
                                     description="Liste et vérifie les liens externes du livre construit.")
    parser.add_argument("html", nargs="?", default="_build/html", help="dossier du livre construit (_build/html)")
    parser.add_argument("--sortie", default=None, help="dossier du rapport (par défaut\u00a0: le dossier parent du livre, _build)")
    parser.add_argument("--hors-ligne", action="store_true", help="ne pas vérifier les adresses, seulement les lister")
    args = parser.parse_args(argv)
    html_dir = Path(args.html)
    if not (html_dir / "index.html").is_file():
        print(f"Livre introuvable dans «\u00a0{html_dir}\u00a0»\u00a0: construisez-le d'abord (make book).", file=sys.stderr)
        return 2
    links = collect(html_dir)
    out_dir = Path(args.sortie) if args.sortie else html_dir.parent
    online = not args.hors_ligne and (fetch is not None or network_available())
    statuses = check_all([link.url for link in links], fetch or _urllib_fetch) if online else None
    md, _ = write_report(links, statuses, out_dir)
    distinct = len({link.url for link in links})
    if statuses is None:
        print(f"Pas de réseau\u00a0: {distinct} adresses listées sans vérification dans {md}.")
        return 0
    broken = sorted(u for u, s in statuses.items() if s.ok is False)
    print(f"{distinct} adresses vérifiées, {len(broken)} en échec\u00a0; rapport\u00a0: {md}")
    for url in broken:
        print(f"  {url}\u00a0: {statuses[url].label}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
