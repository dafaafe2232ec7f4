"""Readers of robots.txt (IETF RFC 9309) and of ai.txt, which borrows its grammar."""

from __future__ import annotations

import re

from ..fmt import french_typography
from .crawlers import AI_CRAWLERS
from .signal import Signal, text_arg

__all__ = ["read_ai_txt", "read_robots_txt"]


# --- robots.txt -------------------------------------------------------------------------------

_ROBOTS_LINE = re.compile(r"^\s*([A-Za-z-]+)\s*:\s*(.*?)\s*$")


def robots_groups(text: str):
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


def robots_status(groups, token: str) -> str:
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
    text = text_arg(text, "le contenu du fichier robots.txt")
    groups, problems = robots_groups(text)
    if not groups:
        problems.append("aucune ligne « User-agent » : ce fichier ne donne de consigne à aucun robot.")
    status = {c.token: robots_status(groups, c.token) for c in AI_CRAWLERS.values()}
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


# --- ai.txt -----------------------------------------------------------------------------------


def read_ai_txt(text) -> Signal:
    """Read an ``ai.txt`` file (format proposed by Spawning in 2023, close to robots.txt).

    It is machine-readable but honoured only by the tools that chose to read it; no law or
    standard body refers to it.
    """
    text = text_arg(text, "le contenu du fichier ai.txt")
    groups, problems = robots_groups(text)
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
