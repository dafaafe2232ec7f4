"""The catalogue's durations against the estimate: tolerance, times measured in a room, the report and the trainers' text."""

from __future__ import annotations

from dataclasses import dataclass

from atelier_ia.errors import AtelierError, describe

from .exercises import exercise_minutes
from .reading import EXERCISE_KINDS, notebook_lix, params, teaching_minutes

__all__ = ["Measure", "estimate_text", "main", "measures", "report", "within_tolerance"]


# --------------------------------------------------------------------------- catalogue


def within_tolerance(announced: int, estimated: int) -> bool:
    return abs(announced - estimated) <= max(params().rounding, params().tolerance * estimated)


@dataclass(frozen=True)
class Measure:
    minutes: int
    date: str
    place: str


def measures(data: dict | None = None) -> dict[str, Measure]:
    """Times measured in a room, cours and exercises together: ``minutes_mesurees`` of
    ``data/course/modules.yml`` ({minutes, date, lieu}), by module id (``data``: the catalogue
    already read)."""
    import yaml

    from atelier_ia.paths import repo_root

    if data is None:
        data = yaml.safe_load((repo_root() / "data/course/modules.yml").read_text(encoding="utf-8"))
    out = {}
    for raw in data.get("modules", []):
        m = raw.get("minutes_mesurees")
        if m is None:
            continue
        where = f"data/course/modules.yml, module « {raw.get('id')} »"
        if not isinstance(m, dict) or not all(isinstance(m.get(k), (str, int)) and m.get(k) != "" for k in ("minutes", "date", "lieu")):
            raise AtelierError(f"{where} : « minutes_mesurees » doit donner minutes, date et lieu, pas {describe(m)}.")
        if isinstance(m["minutes"], bool) or not isinstance(m["minutes"], int) or m["minutes"] <= 0:
            raise AtelierError(f"{where} : « minutes_mesurees.minutes » doit être un nombre entier de minutes, pas {describe(m['minutes'])}.")
        out[raw["id"]] = Measure(m["minutes"], str(m["date"]), str(m["lieu"]))
    return out


def report(cat=None, measured: dict[str, Measure] | None = None) -> tuple[list[str], int]:
    """Markdown table: per available module, catalogue / estimate (teaching, exercises), the
    LIX of its text and, where measured, the measured time and its gap. Returns the lines and
    the number of modules outside the tolerance."""
    from atelier_ia.course import load_catalogue
    from atelier_ia.paths import repo_root

    cat = cat or load_catalogue()
    root = repo_root()
    meas = measures() if measured is None else measured
    lines = ["| module | LIX | cours (catalogue / estimé) | exercices (catalogue / estimé) | mesuré en salle |",
             "|---|---|---|---|---|"]
    bad = 0
    for m in cat.available:
        t, e = teaching_minutes(root / m.notebook), exercise_minutes(root / m.exercises)
        ok = within_tolerance(m.teaching_minutes, t) and within_tolerance(m.exercise_minutes, e)
        bad += not ok
        x = meas.get(m.id)
        seen = "—" if x is None else f"{x.minutes} min ({x.date}, {x.place}), écart {x.minutes - t - e:+d} min à l'estimation"
        lines.append(f"| {m.id} | {notebook_lix(root / m.notebook):.0f} | {m.teaching_minutes} / {t} | {m.exercise_minutes} / {e} | {seen} |"
                     + ("" if ok else " ← à corriger dans data/course/modules.yml"))
    return lines, bad


def estimate_text() -> str:
    """The estimate's rules in French, for the trainers' guide (read from ``data/course/durees.yml``)."""
    from atelier_ia.fmt import french_number

    p = params()
    nb = "\u00a0"
    (x0, y0), (x1, y1) = p.reading_points[0], p.reading_points[-1]
    def n(v):
        return french_number(v, 0 if float(v).is_integer() else 1)

    kinds = {"sans-code": "sans code (choisir une lettre, donner un nombre)", "code": "avec du code à compléter",
             "redaction": "de rédaction (écrire un texte, composer)"}
    lines = [
        f"- lecture du texte explicatif, à une vitesse qui dépend de sa difficulté{nb}: l'indice LIX du notebook "
        f"(mots par phrase, plus la part des mots de plus de six lettres) donne {n(y0)}{nb}mots par minute jusqu'à "
        f"LIX{nb}{n(x0)} (texte facile lu pour apprendre), {n(y1)}{nb}mots par minute à partir de LIX{nb}{n(x1)} "
        f"(texte juridique ou technique dense, lu pour le retenir), en ligne droite entre les deux{nb};",
        f"- chaque cellule de code{nb}: {n(p.code_cell)}{nb}min (la lire, l'exécuter, regarder le résultat), "
        f"{n(p.hidden_cell)}{nb}min si son code est replié dans le livre{nb};",
        f"- chaque démonstration interactive{nb}: {n(p.demo_base)}{nb}min, plus {n(p.demo_control)}{nb}min par curseur "
        f"ou par choix à essayer{nb}; chaque mélodie à écouter{nb}: {n(p.listening)}{nb}min{nb};",
        f"- chaque question de quiz affichée{nb}: {n(p.quiz_question)}{nb}min (un quiz partiel ne compte que ses questions){nb};",
        "- chaque exercice, selon son genre, plus la lecture de son énoncé{nb}: ".replace("{nb}", nb)
        + ", ".join(f"{n(p.exercise[k])}{nb}min pour un exercice {kinds[k]}" for k in EXERCISE_KINDS) + ".",
        "",
        f"Les totaux sont arrondis à {p.rounding}{nb}minutes. Les deux vitesses de lecture viennent de mesures publiées "
        f"(Carver, 1992, pour la lecture «{nb}pour apprendre{nb}» et «{nb}pour mémoriser{nb}»{nb}; Brysbaert, 2019, "
        f"pour la lecture courante){nb}; les bornes de LIX (Björnsson, 1968{nb}; Anderson, 1983), la droite entre elles "
        f"et les autres temps sont des conventions du cours, écrites avec leurs sources dans `data/course/durees.yml`. "
        f"Un test vérifie que le catalogue reste à {n(100 * p.tolerance)}{nb}% près de cette estimation quand le contenu "
        f"d'un module change. Quand une séance a chronométré un module en salle, le catalogue le note "
        f"(`minutes_mesurees`) et `python -m atelier_tools.durations` donne l'écart à l'estimation.",
        "",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    lines, bad = report()
    print("\n".join(lines))
    return 1 if bad else 0
