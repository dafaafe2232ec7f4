"""Readers of the TDMRep protocol: the site's file ``tdmrep.json``, HTTP headers and HTML ``<meta>`` tags.

TDMRep: W3C TDM Reservation Protocol Community Group, final report (second version 2 February
2024, current version in the group's repository); a community specification, not a W3C
Recommendation.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from ..errors import AtelierError, describe
from ..fmt import french_typography
from .signal import Signal, text_arg

__all__ = ["read_html_meta", "read_http_headers", "read_tdmrep_json"]


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
    text = text_arg(text, "le contenu du fichier tdmrep.json")
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
        text = text_arg(headers, "le bloc d'en-têtes HTTP")
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
    html = text_arg(html, "le code HTML de la page")
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
