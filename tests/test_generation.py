"""One source: everything that shows module metadata is generated from the catalogue."""

from __future__ import annotations

import copy
import re

import pytest
import yaml
from notebook_tools import notebooks, read

from atelier_ia import AtelierError
from atelier_ia.course import load_catalogue, parse_catalogue
from atelier_ia.paths import data_dir, repo_root
from atelier_tools import durations, render, sync

CAT = load_catalogue()
ROOT = repo_root()


def raw():
    base = data_dir() / "course"
    return (yaml.safe_load((base / "modules.yml").read_text(encoding="utf-8")),
            yaml.safe_load((base / "parcours.yml").read_text(encoding="utf-8")))


def test_generated_files_are_up_to_date():
    late = sync.stale()
    assert not late, "fichiers en retard sur le catalogue : " + ", ".join(late) + " (lancez « make sync »)"


def test_marking_a_module_available_is_one_line():
    modules, pathways = copy.deepcopy(raw())
    target = modules["modules"][-1]
    target["statut"] = "en préparation"
    hidden = parse_catalogue(modules, pathways)
    assert f"modules/{target['id']}" not in sync.toc(hidden)
    target["statut"] = "disponible"  # the one line
    cat = parse_catalogue(modules, pathways)
    assert f"modules/{target['id']}" in sync.toc(cat)
    assert f"exercises/{target['id']}-exercices" in sync.toc(cat)
    row = next(line for line in render.modules_table(cat, "readme").splitlines() if f"| {target['id'][:2]} |" in line)
    assert "disponible" in row and f"(modules/{target['id']}.ipynb)" in row


def test_a_region_fills_and_an_unknown_region_fails():
    text = "avant\n" + sync.region("depot", "ancien") + "\naprès"
    new = sync.fill_regions(text, {"depot": "<https://exemple.org>"}, "essai")
    assert "<https://exemple.org>" in new and "ancien" not in new and new.startswith("avant\n") and new.endswith("après")
    with pytest.raises(AtelierError, match="région générée inconnue"):
        sync.fill_regions(sync.region("inconnue", "x"), {}, "essai")


def test_notebook_heading_duration_and_prerequisites_follow_the_catalogue():
    for m in CAT.available:
        nb = read(ROOT / m.notebook)
        cells = {c.get("id"): c.source for c in nb.cells}
        assert cells["titre"].splitlines()[0] == f"# {m.title}"
        assert f"{m.teaching_minutes}\u00a0minutes de cours" in cells["duree"]
        assert f"{m.exercise_minutes}\u00a0minutes d'exercices" in cells["duree"]
        for p in m.prerequisites:
            assert CAT.module(p).title in cells["prerequis"]
        assert read(ROOT / m.exercises).cells[0].source.splitlines()[0] == f"# Exercices — {m.title}"


# Words that state a module's status. Outside generated text, no sentence may pair one of
# them with a module's number or title: that sentence would go stale the day the status changes.
_STATUS = re.compile(r"en préparation|à paraître|pas encore disponible|seuls? les? modules?[^.]{0,40}disponibles?|seul le module", re.I)


def _hand_written_texts():
    for path in sorted(ROOT.glob("*.md")) + sorted((ROOT / "annexes").glob("*.md")):
        if path.name != "CONTRIBUTING.md":
            yield path.relative_to(ROOT).as_posix(), sync.strip_regions(path.read_text(encoding="utf-8"))
    for path in notebooks("modules") + notebooks("exercises"):
        for cell in read(path).cells:
            yield f"{path.relative_to(ROOT).as_posix()} ({cell.get('id')})", sync.strip_regions(cell.source)
    for path in sorted((data_dir() / "quiz").glob("*.yml")):
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def test_no_hand_written_status_of_a_module():
    names = [re.escape(m.title) for m in CAT.modules] + [r"module\s+0\d", r"modules?\s+0\d"]
    module_ref = re.compile("|".join(names), re.I)
    offenders = []
    for where, text in _hand_written_texts():
        for m in _STATUS.finditer(text):
            window = text[max(0, m.start() - 200): m.end() + 200]
            if module_ref.search(window):
                offenders.append(f"{where} : « …{' '.join(window.split())[:160]}… »")
    assert not offenders, "statut de module écrit à la main (à générer depuis le catalogue) :\n" + "\n".join(offenders)


def test_durations_follow_the_documented_estimate():
    gaps = []
    for m in CAT.available:
        t = durations.teaching_minutes(ROOT / m.notebook)
        e = durations.exercise_minutes(ROOT / m.exercises)
        if not (durations.within_tolerance(m.teaching_minutes, t) and durations.within_tolerance(m.exercise_minutes, e)):
            gaps.append(f"{m.id} : catalogue {m.teaching_minutes}+{m.exercise_minutes} min, estimation {t}+{e} min")
    assert not gaps, "durées à corriger dans data/course/modules.yml (python -m atelier_tools.durations) :\n" + "\n".join(gaps)


def test_trainer_notes_point_at_existing_sections():
    text = render.trainer_notes(CAT)  # raises when a note names a section that no longer exists
    for m in CAT.available:
        assert m.title in text


def test_binder_and_repository_urls_come_from_one_setting():
    url = render.repository_url()
    assert url.startswith("https://github.com/")
    assert render.binder_url().startswith("https://mybinder.org/v2/gh/" + url.removeprefix("https://github.com/"))
    hand = [p for p in [ROOT / "README.md", ROOT / "LICENSE-CONTENU.md", *(ROOT / "annexes").glob("*.md")]
            if url in sync.strip_regions(p.read_text(encoding="utf-8"))]
    assert not hand, f"adresse du dépôt écrite à la main : {hand}"


def test_the_map_flags_a_module_not_reviewed_for_six_months():
    import datetime as dt

    m = next(x for x in CAT.available)
    fresh = render.modules_table(CAT, today=m.reviewed + dt.timedelta(days=30))
    stale_map = render.modules_table(CAT, today=m.reviewed + dt.timedelta(days=200))
    assert "à revoir" not in fresh and "à revoir" in stale_map
    assert render.french_date(m.reviewed) in fresh


def test_an_available_module_without_review_date_is_flagged():
    modules, pathways = copy.deepcopy(raw())
    entry = next(m for m in modules["modules"] if m["statut"] == "disponible")
    del entry["revu_le"]
    table = render.modules_table(parse_catalogue(modules, pathways))
    row = next(line for line in table.splitlines() if f"| {entry['id'][:2]} |" in line)
    assert "à revoir" in row and "revu_le" in row


# --- session plans in several parts (data/course/seances.yml) ------------------------------

def _minutes(text: str) -> int:
    """« 45 min », « 1 h », « 1 h 05 » back to minutes."""
    m = re.fullmatch(r"(?:(\d+)\u00a0h)?(?:\u00a0?(\d+)(?:\u00a0min)?)?", text.strip())
    assert m and text.strip(), text
    return int(m[1] or 0) * 60 + int(m[2] or 0)


def _table_minutes(text: str) -> list[int]:
    """Sum of the « Durée » column of each timed table of a plan."""
    sums, current = [], None
    for line in text.splitlines():
        if line.startswith("| Horaire |"):
            current = 0
        elif current is not None and line.startswith("| ") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            if cells[1] == "Fin":
                sums.append(current)
                current = None
            else:
                current += _minutes(cells[2])
    return sums


def test_multi_part_session_plans_fit_their_slots():
    from atelier_tools import seances

    plans = seances.load_plans(CAT)
    assert {"trois-demi-journees", "cafe-ia-mediatheque"} <= {p.id for p in plans}
    for plan in plans:
        text, used = seances.plan_markdown(plan, CAT)
        assert len(used) == len(plan.parts)
        assert _table_minutes(text) == used, plan.id
        for part, minutes in zip(plan.parts, used):
            assert minutes <= part.length, f"{plan.id}, « {part.title} » : {minutes} min pour un créneau de {part.length}"
        for item in (i for part in plan.parts for i in part.items):
            if item.module is not None:
                assert item.module.title in text
                # the names `make fiches` gives its PDFs (atelier_tools.fiches.print_jobs)
                assert f"`{item.module.number}-fiche.pdf`" in text and f"`{item.module.number}-corrige.pdf`" in text
            if item.real_activity:
                assert f"`{item.module.number}-activite.pdf`" in text
        assert "À préparer et à imprimer" in text
        assert "`make fiches`" in text and "`make bundle`" in text and "`_build/fiches/`" in text


def test_cafe_ia_needs_no_computer_and_votes_on_no_code_quizzes():
    from atelier_ia.quiz import load_quiz
    from atelier_tools import seances

    raw_plans = yaml.safe_load((data_dir() / "course" / "seances.yml").read_text(encoding="utf-8"))
    vote = next(p for p in raw_plans["seances"] if p["id"] == "cafe-ia-mediatheque")["vote_par_question"]
    cafe = next(p for p in seances.load_plans(CAT) if p.id == "cafe-ia-mediatheque")
    assert not cafe.computers
    items = [i for part in cafe.parts for i in part.items]
    assert not any(i.kind == "module" for i in items), "un café IA projette des sections, pas des modules entiers"
    quizzes = [i for i in items if i.kind == "quiz"]
    assert quizzes
    for q in quizzes:
        assert q.teaching == vote * len(load_quiz(f"{q.module.id}-sans-code").questions)
    text, used = seances.plan_markdown(cafe, CAT)
    assert 90 <= sum(used) <= 150, f"un café IA dure environ deux heures, pas {sum(used)} min"
    assert "Aucun ordinateur pour le public" in text


