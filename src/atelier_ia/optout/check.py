"""Checking a learner's own reservation: the TDMRep file and robots.txt of a fictional museum."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import AtelierError
from ..fmt import french_typography
from ..validation import check_texts
from .crawlers import AI_CRAWLERS
from .robots import read_robots_txt, robots_groups, robots_status
from .tdmrep import read_tdmrep_json

__all__ = ["ReservationCheck", "check_reservation"]

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
        groups, _ = robots_groups(robots_txt)
        if robots_status(groups, "Googlebot") == "bloqué":
            missing.append("robots.txt : la règle générale bloque aussi les moteurs de recherche (Googlebot…) : votre musée disparaîtrait des résultats de recherche.")
        else:
            right.append("robots.txt laisse les moteurs de recherche ordinaires explorer le site.")
    missing += [f"robots.txt : {p}" for p in robots.problems]
    return ReservationCheck([french_typography(r) for r in right], [french_typography(m) for m in missing])
