"""Read a website's reservation of rights against text and data mining (TDM) and AI training.

Everything here works offline, on texts or local files that the learner gives or edits: a
``robots.txt``, a TDMRep file ``/.well-known/tdmrep.json``, HTTP response headers, an HTML
page's ``<meta>`` tags, an ``ai.txt`` file and a plain-language licence page. No function ever
touches the network.

Each reader returns a :class:`Signal`: what the file says, whether a program can read it
(« lisible par machine »), and the problems found. :func:`read_site` gathers all signals of a
site into a :class:`SiteReservation` (a table and a French explanation of what each signal
achieves in law). :func:`check_reservation` checks a learner's own TDMRep file and robots.txt
for a fictional museum.

References (state on 1 December 2026):
* TDMRep: W3C TDM Reservation Protocol Community Group, final report (second version
  2 February 2024, current version in the group's repository); a community specification,
  not a W3C Recommendation.
* robots.txt: IETF RFC 9309 (September 2022).
* AI crawlers: each operator's own documentation, listed in :data:`AI_CRAWLERS`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd

from .errors import AtelierError, describe
from .fmt import french_typography
from .validation import check_bool, check_text, check_texts

__all__ = [
    "AI_CRAWLERS",
    "CHECKED_ON",
    "LEGAL_CONTEXT",
    "CrawlerInfo",
    "ReservationCheck",
    "Signal",
    "SiteReservation",
    "check_reservation",
    "crawler_table",
    "read_ai_txt",
    "read_html_meta",
    "read_http_headers",
    "read_licence_page",
    "read_robots_txt",
    "read_site",
    "read_tdmrep_json",
]

CHECKED_ON = "1er décembre 2026"
"""Date on which the crawler list and the legal context were last checked."""

_MAX_CHARS = 500_000  # a robots.txt or licence page longer than this is not a learner's file


# --------------------------------------------------------------------------------------------
# AI crawlers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CrawlerInfo:
    """One robots.txt token used by an AI company, with what its operator says it is for."""

    token: str
    operator: str
    purpose: str  # "entraînement", "recherche", "à la demande", "archive", "non documenté"
    note: str
    source: str

    def __post_init__(self):
        for name in ("token", "operator", "purpose", "source"):
            check_text(getattr(self, name), f"« {name} »")
        check_text(self.note, "« note »", allow_empty=True)


AI_CRAWLERS: dict[str, CrawlerInfo] = {
    c.token.lower(): c
    for c in [
        CrawlerInfo("GPTBot", "OpenAI", "entraînement",
                    "Collecte des pages pouvant servir à entraîner les modèles d'OpenAI ; le bloquer ne retire pas le site de la recherche de ChatGPT.",
                    "https://developers.openai.com/api/docs/bots"),
        CrawlerInfo("OAI-SearchBot", "OpenAI", "recherche",
                    "Indexe les sites pour les citer dans la recherche de ChatGPT ; l'éditeur dit ne pas s'en servir pour l'entraînement.",
                    "https://developers.openai.com/api/docs/bots"),
        CrawlerInfo("ChatGPT-User", "OpenAI", "à la demande",
                    "Visite une page quand une personne le demande dans ChatGPT ; l'éditeur prévient que robots.txt peut ne pas s'appliquer.",
                    "https://developers.openai.com/api/docs/bots"),
        CrawlerInfo("ClaudeBot", "Anthropic", "entraînement",
                    "Collecte des contenus web publics pouvant contribuer à l'entraînement des modèles d'Anthropic.",
                    "https://support.claude.com/en/articles/8896518-does-anthropic-crawl-data-from-the-web-and-how-can-site-owners-block-the-crawler"),
        CrawlerInfo("anthropic-ai", "Anthropic", "entraînement",
                    "Ancien nom de robot d'Anthropic, encore présent dans de nombreux robots.txt ; Anthropic documente aujourd'hui ClaudeBot.",
                    "https://support.claude.com/en/articles/8896518-does-anthropic-crawl-data-from-the-web-and-how-can-site-owners-block-the-crawler"),
        CrawlerInfo("Claude-SearchBot", "Anthropic", "recherche",
                    "Parcourt le web pour améliorer les résultats de recherche de Claude.",
                    "https://support.claude.com/en/articles/8896518-does-anthropic-crawl-data-from-the-web-and-how-can-site-owners-block-the-crawler"),
        CrawlerInfo("Google-Extended", "Google", "entraînement",
                    "Simple mot-clé de robots.txt, sans robot propre : il décide si les pages déjà explorées par Googlebot peuvent servir aux modèles Gemini ; il ne change rien au référencement.",
                    "https://developers.google.com/search/docs/crawling-indexing/google-common-crawlers"),
        CrawlerInfo("Applebot-Extended", "Apple", "entraînement",
                    "Mot-clé sans robot propre : il décide si les pages explorées par Applebot peuvent servir à entraîner les modèles d'Apple.",
                    "https://support.apple.com/en-us/119829"),
        CrawlerInfo("CCBot", "Common Crawl", "archive",
                    "Construit l'archive ouverte Common Crawl, réutilisée par de nombreux jeux d'entraînement : le bloquer agit en amont de beaucoup de modèles.",
                    "https://commoncrawl.org/ccbot"),
        CrawlerInfo("PerplexityBot", "Perplexity", "recherche",
                    "Indexe les sites pour les réponses de Perplexity ; l'éditeur dit ne pas s'en servir pour entraîner des modèles de fondation.",
                    "https://docs.perplexity.ai/guides/bots"),
        CrawlerInfo("Bytespider", "ByteDance", "non documenté",
                    "Robot de ByteDance ; son usage n'est pas documenté publiquement par l'éditeur (la presse le décrit comme un robot d'entraînement).",
                    "https://github.com/ai-robots-txt/ai.robots.txt"),
        CrawlerInfo("Amazonbot", "Amazon", "entraînement",
                    "Sert à améliorer les services d'Amazon et peut servir à entraîner ses modèles d'IA ; la recherche d'Alexa passe par un autre robot, Amzn-SearchBot.",
                    "https://developer.amazon.com/amazonbot"),
        CrawlerInfo("Meta-ExternalAgent", "Meta", "entraînement",
                    "Robot de Meta décrit comme servant notamment à entraîner ses modèles d'IA.",
                    "https://developers.facebook.com/docs/sharing/webmasters/web-crawlers"),
    ]
}
"""AI robots.txt tokens (keys in lower case), with the purpose each operator states on the
page given as ``source``. Checked on :data:`CHECKED_ON` through stored copies: the operators'
wording as quoted (with its date, 28 August 2026) in the MIT-licensed list
``krisdiallo/ecom-agent/crawlers.json``, cross-checked with the community list
``ai-robots-txt/ai.robots.txt``. Bytespider has no first-party documentation. These pages
change often: check them again before teaching."""


def crawler_table() -> pd.DataFrame:
    """The known AI crawlers as a French table (robot, éditeur, usage, remarque, source)."""
    rows = [
        {"robot": c.token, "éditeur": c.operator, "usage": c.purpose, "remarque": c.note, "source": c.source}
        for c in AI_CRAWLERS.values()
    ]
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------
# Signals
# --------------------------------------------------------------------------------------------


@dataclass
class Signal:
    """What one file or header says about TDM and AI training.

    ``reserves`` is ``True`` when the signal reserves rights (refuses mining or training, at
    least for some robots or paths), ``False`` when it explicitly allows, ``None`` when it
    says nothing on the matter or could not be read.
    """

    kind: str
    found: bool
    machine_readable: bool
    reserves: bool | None
    says: str
    problems: list[str] = field(default_factory=list)
    details: dict = field(default_factory=dict)

    def __post_init__(self):
        check_text(self.kind, "le nom du signal (kind)")
        check_bool(self.found, "found")
        check_bool(self.machine_readable, "machine_readable")
        if self.reserves is not None:
            check_bool(self.reserves, "reserves", hint=" (ou None quand le signal ne dit rien)")
        check_text(self.says, "ce que dit le signal (says)")
        self.problems = list(check_texts(self.problems, "problems"))
        if not isinstance(self.details, dict):
            raise AtelierError(f"« details » doit être un dictionnaire ; vous avez donné {describe(self.details)}.")

    def __str__(self) -> str:
        lines = [f"{self.kind} — {self.says}"]
        lines.append("Lisible par machine : " + ("oui" if self.machine_readable else "non"))
        lines += [f"  ⚠ {p}" for p in self.problems]
        return french_typography("\n".join(lines))


def _text_arg(value, name: str) -> str:
    text = check_text(value, name)
    if len(text) > _MAX_CHARS:
        raise AtelierError(
            f"{name[0].upper() + name[1:]} est trop long ({len(text)} caractères) : donnez le fichier lui-même, "
            f"pas plus de {_MAX_CHARS} caractères."
        )
    return text


# --- robots.txt -------------------------------------------------------------------------------

_ROBOTS_LINE = re.compile(r"^\s*([A-Za-z-]+)\s*:\s*(.*?)\s*$")


def _robots_groups(text: str):
    """Groups of (user agents, rules) and the problems found, following RFC 9309 loosely."""
    groups: list[dict] = []
    problems: list[str] = []
    current = None
    last_was_agent = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = _ROBOTS_LINE.match(line)
        if not match:
            problems.append(f"ligne {number} illisible (« {raw.strip()[:40]} ») : il manque « : » entre le champ et sa valeur.")
            continue
        key, value = match.group(1).lower(), match.group(2)
        if key == "user-agent":
            if not value:
                problems.append(f"ligne {number} : « User-agent » sans nom de robot.")
                continue
            if current is None or not last_was_agent:
                current = {"agents": [], "rules": []}
                groups.append(current)
            current["agents"].append(value)
            last_was_agent = True
        elif key in ("allow", "disallow"):
            last_was_agent = False
            if current is None:
                problems.append(f"ligne {number} : règle « {match.group(1)} » placée avant toute ligne « User-agent » ; elle ne s'applique à aucun robot.")
                continue
            current["rules"].append((key, value))
        elif key in ("sitemap", "crawl-delay", "host", "content-signal"):
            last_was_agent = False
        else:
            last_was_agent = False
            close = {"useragent": "User-agent", "user-agents": "User-agent", "dissallow": "Disallow", "disalow": "Disallow", "alow": "Allow"}
            hint = f" (vouliez-vous écrire « {close[key]} » ?)" if key in close else ""
            problems.append(f"ligne {number} : champ « {match.group(1)} » inconnu, ignoré par les robots{hint}.")
    return groups, problems


def _robots_status(groups, token: str) -> str:
    """« bloqué », « partiellement bloqué », « autorisé » for one robot token."""
    token_l = token.lower()
    chosen = [g for g in groups if any(a.lower() == token_l for a in g["agents"])]
    if not chosen:
        chosen = [g for g in groups if any(a.strip() == "*" for a in g["agents"])]
    rules = [r for g in chosen for r in g["rules"]]
    disallow = [v for k, v in rules if k == "disallow" and v]
    allow_root = any(k == "allow" and v in ("/", "/*") for k, v in rules)
    if any(v in ("/", "/*") for v in disallow) and not allow_root:
        return "bloqué"
    if disallow:
        return "partiellement bloqué"
    return "autorisé"


def read_robots_txt(text) -> Signal:
    """Read a robots.txt: which AI crawlers are blocked, partly blocked or allowed.

    A robot not named falls under the ``User-agent: *`` group, as RFC 9309 says.
    """
    text = _text_arg(text, "le contenu du fichier robots.txt")
    groups, problems = _robots_groups(text)
    if not groups:
        problems.append("aucune ligne « User-agent » : ce fichier ne donne de consigne à aucun robot.")
    status = {c.token: _robots_status(groups, c.token) for c in AI_CRAWLERS.values()}
    named = {a.lower() for g in groups for a in g["agents"]}
    blocked = [t for t, s in status.items() if s == "bloqué"]
    partial = [t for t, s in status.items() if s == "partiellement bloqué"]
    training_open = [
        t for t, s in status.items() if s == "autorisé" and AI_CRAWLERS[t.lower()].purpose in ("entraînement", "archive")
    ]
    if blocked or partial:
        says = f"{len(blocked)} robot(s) d'IA bloqué(s)"
        if blocked:
            says += " (" + ", ".join(blocked) + ")"
        if partial:
            says += f" ; {len(partial)} partiellement bloqué(s) (" + ", ".join(partial) + ")"
        says += "."
    else:
        says = "aucun robot d'IA n'est bloqué."
    if training_open:
        says += " Robots d'entraînement encore autorisés : " + ", ".join(training_open) + "."
    return Signal(
        kind="robots.txt",
        found=True,
        machine_readable=not (problems and not groups),
        reserves=bool(blocked or partial),
        says=french_typography(says),
        problems=[french_typography(p) for p in problems],
        details={"statut": status, "robots_nommés": sorted(named)},
    )


# --- TDMRep -----------------------------------------------------------------------------------


def _reservation_value(value, where: str, problems: list[str]):
    """TDMRep ``tdm-reservation``: 1 or 0; anything else is a protocol error (treated as unset)."""
    if isinstance(value, bool) or value not in (0, 1, "0", "1"):
        problems.append(
            f"{where} : « tdm-reservation » vaut {describe(value)} ; seules les valeurs 1 (droits réservés) "
            "et 0 (pas de réserve) sont valides. Un robot doit faire comme si rien n'était déclaré."
        )
        return None
    return int(value)


def _policy_value(value, reservation, where: str, problems: list[str]):
    if value is None:
        return None
    if not isinstance(value, str) or not re.match(r"^https?://\S+$", value.strip()):
        problems.append(f"{where} : « tdm-policy » doit être une adresse web complète (https://…) ; vous avez donné {describe(value)}.")
        return None
    if reservation == 0:
        problems.append(f"{where} : « tdm-policy » n'est pas lu quand « tdm-reservation » vaut 0.")
    return value.strip()


def read_tdmrep_json(text) -> Signal:
    """Read a TDMRep file ``/.well-known/tdmrep.json`` (W3C community group final report).

    The file is a JSON array of rules, each with a ``location`` pattern and a
    ``tdm-reservation`` (1 or 0), and optionally a ``tdm-policy`` URL. The first matching rule wins.
    """
    text = _text_arg(text, "le contenu du fichier tdmrep.json")
    problems: list[str] = []
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        problems.append(
            f"ce n'est pas du JSON valide (ligne {err.lineno}, colonne {err.colno} : {_json_reason(err.msg)}). "
            "Vérifiez les guillemets droits \" autour des noms et les virgules entre les règles."
        )
        return Signal("TDMRep (tdmrep.json)", True, False, None, "fichier illisible : aucun robot ne peut le comprendre.", [french_typography(p) for p in problems])
    if isinstance(data, dict):
        problems.append("le fichier doit être une liste de règles entre crochets [ … ], même pour une seule règle.")
        data = [data]
    if not isinstance(data, list) or not data:
        problems.append("le fichier ne contient aucune règle : écrivez une liste [ {\"location\": \"/\", \"tdm-reservation\": 1} ].")
        return Signal("TDMRep (tdmrep.json)", True, False, None, "aucune règle lisible.", [french_typography(p) for p in problems])
    rules = []
    for i, rule in enumerate(data, start=1):
        where = f"règle {i}"
        if not isinstance(rule, dict):
            problems.append(f"{where} : chaque règle doit être un objet {{ … }}, pas {describe(rule)}.")
            continue
        unknown = sorted(set(rule) - {"location", "tdm-reservation", "tdm-policy"})
        for key in unknown:
            hint = " (le nom exact est « tdm-reservation »)" if "reserv" in key.lower() else ""
            hint = hint or (" (le nom exact est « tdm-policy »)" if "polic" in key.lower() else "")
            problems.append(f"{where} : propriété « {key} » inconnue, ignorée{hint}.")
        location = rule.get("location")
        if not isinstance(location, str) or not location.startswith("/"):
            problems.append(f"{where} : « location » manque ou ne commence pas par « / » (exemple : \"/\" pour tout le site).")
            continue
        if "tdm-reservation" not in rule:
            problems.append(f"{where} : « tdm-reservation » est obligatoire.")
            continue
        reservation = _reservation_value(rule["tdm-reservation"], where, problems)
        policy = _policy_value(rule.get("tdm-policy"), reservation, where, problems)
        rules.append({"location": location, "tdm-reservation": reservation, "tdm-policy": policy})
    valid = [r for r in rules if r["tdm-reservation"] is not None]
    reserved = [r["location"] for r in valid if r["tdm-reservation"] == 1]
    if not valid:
        says = "aucune règle valide : rien n'est déclaré."
        reserves = None
    elif reserved:
        says = "droits de fouille réservés pour " + ", ".join(f"« {loc} »" for loc in reserved) + "."
        policies = [r["tdm-policy"] for r in valid if r["tdm-reservation"] == 1 and r["tdm-policy"]]
        says += " Politique de licence indiquée : " + (policies[0] if policies else "aucune") + "."
        reserves = True
    else:
        says = "aucune réserve : la fouille est explicitement permise."
        reserves = False
    return Signal(
        "TDMRep (tdmrep.json)", True, bool(valid), reserves, french_typography(says), [french_typography(p) for p in problems], {"règles": rules}
    )


def _json_reason(message: str) -> str:
    table = {
        "Expecting value": "valeur attendue",
        "Expecting ',' delimiter": "virgule attendue",
        "Expecting property name enclosed in double quotes": "nom entre guillemets droits attendu",
        "Expecting ':' delimiter": "« : » attendu",
        "Extra data": "texte en trop après la fin",
        "Unterminated string starting at": "texte entre guillemets non fermé",
    }
    for english, french in table.items():
        if message.startswith(english):
            return french
    return "structure incorrecte"


def read_http_headers(headers) -> Signal:
    """Read TDMRep HTTP response headers (``tdm-reservation``, ``tdm-policy``).

    ``headers`` is the header block as text (one ``Name: value`` per line, as shown by a
    browser's developer tools) or a dictionary.
    """
    problems: list[str] = []
    if isinstance(headers, dict):
        if not headers:
            raise AtelierError("Le dictionnaire d'en-têtes HTTP est vide : donnez au moins un en-tête.")
        pairs = []
        for k, v in headers.items():
            if not isinstance(k, str) or not isinstance(v, (str, int)) or isinstance(v, bool):
                raise AtelierError(f"Chaque en-tête HTTP doit être un nom (texte) et une valeur (texte) ; vous avez donné {describe(k)} : {describe(v)}.")
            pairs.append((k, str(v)))
    else:
        text = _text_arg(headers, "le bloc d'en-têtes HTTP")
        pairs = []
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.upper().startswith("HTTP/"):
                continue
            if ":" not in line:
                problems.append(f"ligne {number} illisible (« {line[:40]} ») : un en-tête s'écrit « nom: valeur ».")
                continue
            k, v = line.split(":", 1)
            pairs.append((k.strip(), v.strip()))
    found = {k.lower(): v for k, v in pairs}
    if "tdm-reservation" not in found:
        close = [k for k in found if "tdm" in k]
        for k in close:
            problems.append(f"en-tête « {k} » inconnu : le nom exact est « tdm-reservation ».")
        return Signal("TDMRep (en-tête HTTP)", False, False, None, "aucun en-tête « tdm-reservation ».", [french_typography(p) for p in problems])
    reservation = _reservation_value(found["tdm-reservation"].strip(), "en-tête", problems)
    policy = _policy_value(found.get("tdm-policy"), reservation, "en-tête", problems)
    says = {1: "droits de fouille réservés pour cette ressource.", 0: "aucune réserve pour cette ressource.", None: "valeur invalide : rien n'est déclaré."}[reservation]
    if policy:
        says += f" Politique : {policy}."
    return Signal("TDMRep (en-tête HTTP)", True, reservation is not None, {1: True, 0: False, None: None}[reservation],
                  french_typography(says), [french_typography(p) for p in problems], {"tdm-reservation": reservation, "tdm-policy": policy})


class _MetaParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.metas: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag.lower() == "meta":
            self.metas.append({k.lower(): (v or "") for k, v in attrs})


def read_html_meta(html) -> Signal:
    """Read the TDMRep ``<meta name="tdm-reservation">`` (and ``tdm-policy``) of an HTML page.

    Also reports ``<meta name="robots">`` values such as ``noai``/``noimageai``, which some
    sites use but which no standard defines.
    """
    html = _text_arg(html, "le code HTML de la page")
    parser = _MetaParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # any error: html.parser is lenient; anything left is reported, not raised
        return Signal("TDMRep (balise meta HTML)", False, False, None, "page HTML illisible.", [french_typography("le code HTML n'a pas pu être lu : donnez la page telle que l'enregistre le navigateur.")])
    problems: list[str] = []
    metas = {m.get("name", "").lower(): m.get("content", "") for m in parser.metas if m.get("name")}
    extra = {}
    robots = metas.get("robots", "")
    nonstandard = [v.strip() for v in robots.split(",") if v.strip().lower() in ("noai", "noimageai")]
    if nonstandard:
        extra["robots_meta"] = nonstandard
        problems.append("la balise robots contient " + ", ".join(f"« {v} »" for v in nonstandard) + " : valeurs non normalisées, que la plupart des robots ignorent.")
    for name in metas:
        if name.startswith("tdm") and name not in ("tdm-reservation", "tdm-policy"):
            problems.append(f"balise meta « {name} » inconnue : les noms exacts sont « tdm-reservation » et « tdm-policy ».")
    if "tdm-reservation" not in metas:
        return Signal("TDMRep (balise meta HTML)", False, False, None, "aucune balise « tdm-reservation » dans la page.", [french_typography(p) for p in problems], extra)
    reservation = _reservation_value(metas["tdm-reservation"].strip(), "balise meta", problems)
    policy = _policy_value(metas.get("tdm-policy"), reservation, "balise meta", problems)
    says = {1: "droits de fouille réservés pour cette page.", 0: "aucune réserve pour cette page.", None: "valeur invalide : rien n'est déclaré."}[reservation]
    if policy:
        says += f" Politique : {policy}."
    extra.update({"tdm-reservation": reservation, "tdm-policy": policy})
    return Signal("TDMRep (balise meta HTML)", True, reservation is not None, {1: True, 0: False, None: None}[reservation], french_typography(says), [french_typography(p) for p in problems], extra)


# --- ai.txt -----------------------------------------------------------------------------------


def read_ai_txt(text) -> Signal:
    """Read an ``ai.txt`` file (format proposed by Spawning in 2023, close to robots.txt).

    It is machine-readable but honoured only by the tools that chose to read it; no law or
    standard body refers to it.
    """
    text = _text_arg(text, "le contenu du fichier ai.txt")
    groups, problems = _robots_groups(text)
    rules = [r for g in groups for r in g["rules"]]
    if not rules:
        problems.append("aucune règle « Allow » ou « Disallow » : le fichier ne dit rien.")
        return Signal("ai.txt", True, False, None, "aucune règle lisible.", [french_typography(p) for p in problems])
    disallowed = [v for k, v in rules if k == "disallow" and v]
    allowed = [v for k, v in rules if k == "allow" and v]
    everything = any(v in ("/", "*", "/*") for v in disallowed)
    if everything:
        says = "tout usage pour l'IA est refusé."
    elif disallowed:
        says = "usage pour l'IA refusé pour : " + ", ".join(disallowed[:8]) + ("…" if len(disallowed) > 8 else "") + "."
    else:
        says = "usage pour l'IA autorisé."
    if allowed and disallowed:
        says += " Exceptions autorisées : " + ", ".join(allowed[:5]) + "."
    return Signal("ai.txt", True, True, bool(disallowed), french_typography(says), [french_typography(p) for p in problems], {"refusé": disallowed, "autorisé": allowed})


# --- licence page in plain language -----------------------------------------------------------

_RESERVATION_WORDS = [
    r"fouille de textes", r"text and data mining", r"\btdm\b", r"intelligence artificielle", r"\bia\b",
    r"entra[iî]nement", r"apprentissage automatique", r"machine learning", r"l\.\s?122-5-3", r"opt[- ]?out",
    r"moissonnage", r"aspiration", r"scraping", r"\bai\b", r"training",
]
_REFUSAL_WORDS = [r"interdit", r"réserv", r"s'oppose", r"oppos", r"refus", r"sans autorisation", r"prohibited", r"reserv", r"not permitted"]


def read_licence_page(text) -> Signal:
    """Read a licence or legal-notice page written in plain language.

    The reader spots a reservation about mining or AI in the wording, but such a page is
    **not** machine-readable: the Hamburg appeal court (10 December 2025, Kneschke v. LAION)
    held that a reservation in natural-language terms of use did not meet the machine-readable
    requirement for a download made in 2021, and left open what « machine-readable » requires today.
    """
    text = _text_arg(text, "le texte de la page de licence")
    low = text.lower()
    topic = [w for w in _RESERVATION_WORDS if re.search(w, low)]
    refusal = [w for w in _REFUSAL_WORDS if re.search(w, low)]
    reserves = bool(topic and refusal)
    if reserves:
        says = "la page exprime, en langage courant, une réserve sur la fouille de textes et de données ou l'entraînement d'IA."
    elif topic:
        says = "la page parle d'IA ou de fouille sans formuler clairement de refus."
    else:
        says = "la page ne parle ni de fouille de textes et de données ni d'IA."
    problems = ["texte en langage courant : un robot ne peut pas le lire de façon fiable ; doublez-le d'un fichier TDMRep et d'un robots.txt."]
    return Signal("page de licence (langage courant)", True, False, reserves if topic else None, french_typography(says), [french_typography(p) for p in problems],
                  {"mots_repérés": len(topic)})


# --------------------------------------------------------------------------------------------
# A whole site
# --------------------------------------------------------------------------------------------

LEGAL_CONTEXT: dict[str, str] = {
    "cpi": (
        "En France, l'article L. 122-5-3 du Code de la propriété intellectuelle (créé par l'ordonnance "
        "n° 2021-1518 du 24 novembre 2021) permet à chacun de faire de la fouille de textes et de données "
        "sur des œuvres consultées licitement, sauf si l'auteur s'y est opposé « de manière appropriée », "
        "notamment par des procédés lisibles par machine pour les contenus en ligne (III). La fouille à des "
        "fins de recherche scientifique par les organismes de recherche, bibliothèques, musées et archives "
        "ne peut pas être refusée (II)."
    ),
    "decret": (
        "Le décret n° 2022-928 du 23 juin 2022 précise que cette opposition peut passer par des procédés "
        "lisibles par machine, y compris des métadonnées, et par les conditions générales d'utilisation "
        "d'un site ou d'un service."
    ),
    "hambourg": (
        "Affaire Kneschke c. LAION : le 10 décembre 2025, la cour d'appel de Hambourg (5 U 104/24) a jugé "
        "qu'une réserve écrite en langage courant dans des conditions d'utilisation n'était pas une réserve "
        "lisible par machine au sens du droit allemand (qui transpose la même directive), pour un téléchargement "
        "fait en 2021 ; elle a laissé ouverte la question de ce qu'exige aujourd'hui une réserve lisible par "
        "machine. Un pourvoi devant la Cour fédérale de justice a été autorisé (son dépôt n'est pas vérifié). "
        "En première instance (27 septembre 2024), le tribunal "
        "avait suggéré le contraire, sans en faire le fondement de sa décision."
    ),
    "sacem": (
        "Le 12 octobre 2023, la Sacem a annoncé exercer ce droit d'opposition pour le compte de ses membres : "
        "la fouille de son répertoire par des développeurs d'IA demande son autorisation préalable."
    ),
    "ai_act": (
        "Le règlement (UE) 2024/1689 sur l'IA, art. 53, § 1, c), oblige tout fournisseur de modèle d'IA à "
        "usage général mis sur le marché européen à se doter d'une politique de respect du droit d'auteur, "
        "notamment pour repérer et respecter les réserves de droits exprimées au titre de l'article 4, § 3, de "
        "la directive (UE) 2019/790, y compris par des technologies de pointe. Le code de bonnes pratiques du "
        "10 juillet 2025 demande aux signataires de suivre robots.txt et d'autres protocoles lisibles par machine."
    ),
    "limites": (
        "Ce qu'aucun de ces signaux ne fait : effacer ce qui a déjà été collecté ; arrêter un robot qui ne "
        "respecte pas les consignes ; protéger une copie de vos contenus publiée ailleurs ; s'appliquer à "
        "la recherche scientifique des institutions patrimoniales (art. L. 122-5-3, II). Un robots.txt vise "
        "des robots nommés : un nouveau robot n'est bloqué que par la règle générale « User-agent: * »."
    ),
}
"""French explanation of what the signals achieve in law, state on :data:`CHECKED_ON`.
Sources: ordonnance n° 2021-1518 ; décret n° 2022-928 ; OLG Hamburg 5 U 104/24 (10/12/2025) ;
Sacem press release of 12/10/2023 ; Regulation (EU) 2024/1689, art. 53(1)(c) ; GPAI Code of
Practice, copyright chapter (10/07/2025)."""

LEGAL_CONTEXT = {k: french_typography(v) for k, v in LEGAL_CONTEXT.items()}

_ACHIEVES = {
    "robots.txt": "demande aux robots nommés de ne pas explorer ; respecté par les grands éditeurs d'IA qui s'y engagent (code de bonnes pratiques européen), mais pas une interdiction juridique à lui seul.",
    "TDMRep (tdmrep.json)": "réserve explicite de fouille, conçue pour l'article 4 de la directive et l'article L. 122-5-3 : c'est le signal le plus proche de ce que demande la loi.",
    "TDMRep (en-tête HTTP)": "même réserve que tdmrep.json, ressource par ressource ; elle l'emporte sur le fichier du site.",
    "TDMRep (balise meta HTML)": "même réserve, page par page ; elle l'emporte sur le fichier et l'en-tête.",
    "ai.txt": "lisible par machine, mais lu seulement par les outils qui ont choisi de le lire ; aucun texte de loi ni organisme de normalisation ne s'y réfère.",
    "page de licence (langage courant)": "exprime votre volonté et peut servir de preuve ; le décret français de 2022 mentionne les conditions d'utilisation, mais depuis l'arrêt de Hambourg on ne peut pas compter sur elle seule comme réserve lisible par machine.",
}


@dataclass
class SiteReservation:
    """All the signals read for one site, with a French explanation."""

    signals: list[Signal]

    def __post_init__(self):
        if isinstance(self.signals, (str, bytes)) or not isinstance(self.signals, (list, tuple)) or not all(
                isinstance(s, Signal) for s in self.signals):
            raise AtelierError(
                "« signals » doit être une liste de signaux lus par read_robots_txt, read_tdmrep_json… ; "
                f"vous avez donné {describe(self.signals)}."
            )
        self.signals = list(self.signals)

    def to_frame(self) -> pd.DataFrame:
        """One row per signal: signal, trouvé, lisible par machine, réserve, ce qu'il dit, problèmes."""
        rows = []
        for s in self.signals:
            rows.append({
                "signal": s.kind,
                "trouvé": "oui" if s.found else "non",
                "lisible par machine": "oui" if s.machine_readable else "non",
                "réserve": {True: "oui", False: "non", None: "—"}[s.reserves],
                "ce qu'il dit": s.says,
                "problèmes": len(s.problems),
            })
        return pd.DataFrame(rows)

    @property
    def machine_readable_reservation(self) -> bool:
        """True when at least one machine-readable signal reserves rights."""
        return any(s.machine_readable and s.reserves for s in self.signals)

    @property
    def verdict(self) -> str:
        """The conclusion alone, in French: are the rights reserved in a way machines can read?

        It is the paragraph of :meth:`explain` between the signals and the legal context; a demo
        shows it instead of cutting the explanation's text.
        """
        plain = any(s.reserves and not s.machine_readable for s in self.signals)
        if self.machine_readable_reservation:
            verdict = "Au moins un signal lisible par machine réserve vos droits."
        elif plain:
            verdict = (
                "Votre réserve n'existe qu'en langage courant. En France, le décret de 2022 cite les conditions "
                "d'utilisation parmi les moyens de s'opposer ; en Allemagne, la cour d'appel de Hambourg a jugé "
                f"qu'une telle clause ne suffisait pas. Aucun juge français n'a tranché (au {CHECKED_ON}) : "
                "ajoutez un signal lisible par machine (TDMRep, robots.txt)."
            )
        else:
            verdict = (
                "Aucun signal ne réserve vos droits : l'exception de l'article L. 122-5-3, III, permet alors la "
                "fouille de vos contenus accessibles licitement."
            )
        return french_typography(verdict)

    def explain(self) -> str:
        """A French explanation: each signal, what it achieves, and the legal context."""
        lines = []
        for s in self.signals:
            lines.append(f"• {s.kind} : {s.says}")
            lines.append(f"  Lisible par machine : {'oui' if s.machine_readable else 'non'}. Portée : {_ACHIEVES.get(s.kind, '')}")
            lines += [f"  ⚠ {p}" for p in s.problems]
        lines += ["", self.verdict, "", f"Ce que dit le droit (état au {CHECKED_ON}) :"]
        lines += [f"– {LEGAL_CONTEXT[k]}" for k in ("cpi", "decret", "hambourg", "sacem", "ai_act", "limites")]
        lines.append("Ces informations ne sont pas un conseil juridique : reportez-vous aux textes officiels.")
        return french_typography("\n".join(lines))

    def __str__(self) -> str:
        return self.explain()

    def _repr_html_(self) -> str:
        from .tables import table_html

        return table_html(self.to_frame())


_SITE_FILES = {
    "robots": ("robots.txt",),
    "tdmrep": (".well-known/tdmrep.json", "tdmrep.json"),
    "headers": ("headers.txt", "en-tetes.txt"),
    "html": ("index.html",),
    "ai_txt": ("ai.txt",),
    "licence": ("licence.txt", "mentions-legales.txt", "conditions.txt"),
}


def _read_folder(folder) -> dict:
    if isinstance(folder, bool) or not isinstance(folder, (str, Path)) or (isinstance(folder, str) and not folder.strip()):
        raise AtelierError(f"« dossier » doit être le chemin d'un dossier (texte) ; vous avez donné {describe(folder)}.")
    path = Path(folder)
    if not path.is_dir():
        raise AtelierError(f"Le dossier « {folder} » n'existe pas : vérifiez le chemin (il doit contenir robots.txt, .well-known/tdmrep.json…).")
    found = {}
    for key, names in _SITE_FILES.items():
        for name in names:
            candidate = path / name
            if candidate.is_file():
                try:
                    found[key] = candidate.read_text(encoding="utf-8")
                except UnicodeDecodeError:
                    found[key] = None
                    found.setdefault("_unreadable", []).append(name)
                break
    return found


def read_site(folder=None, *, robots=None, tdmrep=None, headers=None, html=None, ai_txt=None, licence=None) -> SiteReservation:
    """Read every reservation signal of a site, from a local folder or from texts.

    ``folder`` may hold ``robots.txt``, ``.well-known/tdmrep.json``, ``headers.txt`` (HTTP
    response headers), ``index.html``, ``ai.txt`` and ``licence.txt``. Texts given as keyword
    arguments replace the folder's files. Missing signals appear as « non trouvé ».
    """
    given = {"robots": robots, "tdmrep": tdmrep, "headers": headers, "html": html, "ai_txt": ai_txt, "licence": licence}
    texts = _read_folder(folder) if folder is not None else {}
    texts.pop("_unreadable", None)
    for key, value in given.items():
        if value is not None:
            texts[key] = value
    if folder is None and not any(v is not None for v in given.values()):
        raise AtelierError("Donnez un dossier ou au moins un texte (robots=…, tdmrep=…, html=…) à lire.")
    readers = [
        ("robots", "robots.txt", read_robots_txt),
        ("tdmrep", "TDMRep (tdmrep.json)", read_tdmrep_json),
        ("headers", "TDMRep (en-tête HTTP)", read_http_headers),
        ("html", "TDMRep (balise meta HTML)", read_html_meta),
        ("ai_txt", "ai.txt", read_ai_txt),
        ("licence", "page de licence (langage courant)", read_licence_page),
    ]
    signals = []
    for key, kind, reader in readers:
        value = texts.get(key)
        if key in texts and value is None:
            signals.append(Signal(kind, True, False, None, "fichier illisible.", [french_typography("le fichier n'est pas en UTF-8 : enregistrez-le en UTF-8 puis relancez.")]))
        elif value is None or (isinstance(value, str) and not value.strip()):
            signals.append(Signal(kind, False, False, None, "non trouvé." if value is None else "fichier vide."))
        else:
            signals.append(reader(value))
    return SiteReservation(signals)


# --------------------------------------------------------------------------------------------
# Checking a learner's own reservation
# --------------------------------------------------------------------------------------------

_TRAINING_TOKENS = [c.token for c in AI_CRAWLERS.values() if c.purpose in ("entraînement", "archive")]


@dataclass
class ReservationCheck:
    """What is right and what is missing in a learner's TDMRep file and robots.txt."""

    right: list[str]
    missing: list[str]

    def __post_init__(self):
        self.right = list(check_texts(self.right, "right"))
        self.missing = list(check_texts(self.missing, "missing"))

    @property
    def ok(self) -> bool:
        return not self.missing

    def __str__(self) -> str:
        lines = ["Ce qui est juste :"] + [f"  ✓ {r}" for r in self.right]
        lines += ["Ce qui manque ou est à corriger :"] + ([f"  ✗ {m}" for m in self.missing] or ["  (rien : bravo)"])
        return french_typography("\n".join(lines))

    def _repr_html_(self) -> str:
        import html as _html

        items = "".join(f"<li>✓ {_html.escape(r)}</li>" for r in self.right)
        items += "".join(f"<li>✗ {_html.escape(m)}</li>" for m in self.missing)
        return f"<ul>{items}</ul>"


def check_reservation(tdmrep_json, robots_txt, *, want_policy: bool = True, keep_search: bool = True) -> ReservationCheck:
    """Check a learner's ``tdmrep.json`` and ``robots.txt`` for a fictional museum site.

    The expected answer: a TDMRep rule reserving mining on the whole site (``"location": "/"``,
    ``"tdm-reservation": 1``), with a ``tdm-policy`` URL when ``want_policy``; a robots.txt that
    blocks every training crawler of :data:`AI_CRAWLERS` and, when ``keep_search``, still lets
    ordinary search engines (``User-agent: *``) visit the site.
    """
    tdm = read_tdmrep_json(tdmrep_json)
    robots = read_robots_txt(robots_txt)
    if not isinstance(want_policy, bool) or not isinstance(keep_search, bool):
        raise AtelierError("« want_policy » et « keep_search » valent True ou False.")
    right, missing = [], []
    rules = tdm.details.get("règles", [])
    root = next((r for r in rules if r["location"] in ("/", "/*")), None)
    if root and root["tdm-reservation"] == 1:
        right.append("tdmrep.json réserve la fouille sur tout le site (location \"/\", tdm-reservation 1).")
    elif root and root["tdm-reservation"] == 0:
        missing.append("tdmrep.json : la règle pour \"/\" vaut 0, ce qui autorise la fouille ; mettez 1 pour réserver vos droits.")
    else:
        missing.append("tdmrep.json : ajoutez une règle {\"location\": \"/\", \"tdm-reservation\": 1} pour couvrir tout le site.")
    if root and rules.index(root) != 0 and rules[0]["tdm-reservation"] == 0:
        missing.append("tdmrep.json : une règle plus haut autorise la fouille ; la première règle qui correspond l'emporte.")
    if want_policy:
        if root and root.get("tdm-policy"):
            right.append("tdmrep.json indique où demander une licence (tdm-policy).")
        else:
            missing.append("tdmrep.json : ajoutez « tdm-policy » avec l'adresse de votre page de licences, pour qu'un développeur sache comment vous demander l'autorisation.")
    missing += [f"tdmrep.json : {p}" for p in tdm.problems]
    status = robots.details["statut"]
    open_training = [t for t in _TRAINING_TOKENS if status[t] != "bloqué"]
    if not open_training:
        right.append("robots.txt bloque tous les robots d'entraînement connus (" + ", ".join(_TRAINING_TOKENS) + ").")
    else:
        missing.append("robots.txt : ces robots d'entraînement ne sont pas bloqués sur tout le site : " + ", ".join(open_training) + ".")
    if keep_search:
        groups, _ = _robots_groups(robots_txt)
        if _robots_status(groups, "Googlebot") == "bloqué":
            missing.append("robots.txt : la règle générale bloque aussi les moteurs de recherche (Googlebot…) : votre musée disparaîtrait des résultats de recherche.")
        else:
            right.append("robots.txt laisse les moteurs de recherche ordinaires explorer le site.")
    missing += [f"robots.txt : {p}" for p in robots.problems]
    return ReservationCheck([french_typography(r) for r in right], [french_typography(m) for m in missing])
