"""The positioning quiz « Par où commencer ? » (``data/course/positionnement.yml``): its data and its engine.

It asks what a learner does and says they know, then knowledge questions
(``data/quiz/positionnement.yml``, shown in no module's quiz) that confirm or not what they
said: a module is skipped only on right answers. :func:`suggest` computes in Python what the
page's script computes in the browser (the tests compare them); :func:`positioning_data` is
the data that script reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from atelier_ia.course import Catalogue, Module
from atelier_ia.errors import AtelierError, describe
from atelier_ia.paths import repo_root
from atelier_ia.quiz.model import Question

from .. import durations
from .audiences import ORIGIN, SLUG, Audience, read_yaml, section_minutes, squash, text_field

__all__ = ["Check", "Followed", "Positioning", "Suggestion", "load_positioning", "parse_positioning",
           "positioning_data", "section_anchor", "section_href", "suggest"]

PORIGIN = "data/course/positionnement.yml"
MIN_QUESTIONS, MAX_QUESTIONS = 10, 15


# --------------------------------------------------------------------------- positioning quiz


@dataclass(frozen=True)
class Answer:
    text: str
    path: str | None
    skip: tuple[str, ...]
    priority: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class PQuestion:
    id: str
    text: str
    multiple: bool
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Check:
    """A knowledge question of the positioning quiz: a quiz question (options in display order)
    that checks what a learner says they know of ``module``; ``sections`` answer it."""
    question: Question
    module: str
    sections: tuple[durations.Section, ...]
    number: int                                      # its number in the form

    @property
    def name(self) -> str:
        """The name of its radio buttons in the form, and its key in ``suggest``'s answers."""
        return f"v-{self.question.id}"


@dataclass(frozen=True)
class Positioning:
    title: str
    default: str
    questions: tuple[PQuestion, ...]
    checks: tuple[Check, ...] = ()
    stated: str | None = None                        # id of the question whose priority leads

    def question(self, qid: str) -> PQuestion:
        for q in self.questions:
            if q.id == qid:
                return q
        raise AtelierError(f"{PORIGIN} : pas de question « {qid} » (questions : {', '.join(q.id for q in self.questions)}).")


def section_anchor(section: durations.Section) -> str:
    """The id the book gives a section's heading (docutils' rule, applied to its plain text)."""
    from docutils.nodes import make_id

    plain = re.sub(r"\{[a-z:-]+\}`([^`<]*?)(?:\s*<[^>]*>)?`", r"\1", section.title)  # {term}`x <y>` → x
    return make_id(re.sub(r"[`*_]", "", plain))


def section_href(module: Module, section: durations.Section) -> str:
    """The link to a section, relative to ``annexes/positionnement.html``."""
    return f"../modules/{module.id}.html#{section_anchor(section)}"


def _parse_checks(raw, cat: Catalogue, first_number: int, strict: bool) -> tuple[Check, ...]:
    from atelier_ia.quiz import load_quiz

    if raw is None:
        return ()
    where = f"{PORIGIN}, « verification »"
    if not isinstance(raw, dict) or not isinstance(raw.get("quiz"), str) or not isinstance(raw.get("questions"), list):
        raise AtelierError(f"{where} : donnez « quiz » (un fichier de data/quiz) et « questions » (une liste).")
    quiz = load_quiz(raw["quiz"])
    known = {m.id: m for m in cat.modules}
    checks, seen = [], set()
    for k, c in enumerate(raw["questions"], start=1):
        cwhere = f"{where}, question {k}"
        if not isinstance(c, dict) or set(c) - {"question", "module", "sections"}:
            raise AtelierError(f"{cwhere} : une vérification est un dictionnaire (question, module, sections).")
        qid, mid, wanted = c.get("question"), c.get("module"), c.get("sections")
        if qid in seen:
            raise AtelierError(f"{cwhere} : la question « {qid} » figure deux fois.")
        seen.add(qid)
        question = quiz.question(qid)
        if question.multiple:
            raise AtelierError(f"{cwhere} : « {qid} » doit être une question à une seule réponse.")
        module = known.get(mid)
        if module is None or not module.available:
            if strict:
                raise AtelierError(f"{cwhere} : le module « {mid} » n'est pas disponible dans le catalogue.")
            continue  # a fork removed the module: its questions go with it
        if not isinstance(wanted, list) or not wanted or not all(isinstance(x, str) for x in wanted):
            raise AtelierError(f"{cwhere} : « sections » doit être une liste non vide d'identifiants de cellules de titre.")
        secs = durations.sections(repo_root() / module.notebook)
        by_id = {s.id: s for s in secs}
        missing = [s for s in wanted if s not in by_id]
        if missing:
            raise AtelierError(f"{cwhere} : la section « {missing[0]} » n'existe pas dans {module.notebook}.")
        chosen = tuple(s for s in secs if s.id in wanted)
        checks.append(Check(question, module.id, chosen, first_number + len(checks)))
    return tuple(checks)


def parse_positioning(data, auds: tuple[Audience, ...], cat: Catalogue, strict: bool = False) -> Positioning:
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise AtelierError(f"{PORIGIN} doit contenir une liste « questions ».")
    paths = {a.id for a in auds}
    title = text_field(data, "titre", PORIGIN)
    default = data.get("par_defaut")
    if default not in paths:
        raise AtelierError(f"{PORIGIN} : « par_defaut » doit être l'un des parcours par métier ({', '.join(sorted(paths))}), pas {describe(default)}.")
    n = len(data["questions"])
    if not MIN_QUESTIONS <= n <= MAX_QUESTIONS:
        raise AtelierError(f"{PORIGIN} : le questionnaire doit avoir de {MIN_QUESTIONS} à {MAX_QUESTIONS} questions ; il en a {n}.")
    available = {m.id for m in cat.available}
    questions, seen = [], set()
    for k, raw in enumerate(data["questions"], start=1):
        where = f"{PORIGIN}, question {k}"
        if not isinstance(raw, dict):
            raise AtelierError(f"{where} : une question doit être un dictionnaire (id, question, multiple, reponses).")
        qid = raw.get("id")
        if not isinstance(qid, str) or not SLUG.match(qid) or qid in seen:
            raise AtelierError(f"{where} : « id » doit être un identifiant unique en minuscules et tirets, pas {describe(qid)}.")
        seen.add(qid)
        where = f"{PORIGIN}, question « {qid} »"
        text = text_field(raw, "question", where)
        multiple = raw.get("multiple", False)
        if not isinstance(multiple, bool):
            raise AtelierError(f"{where} : « multiple » vaut true ou false, pas {describe(multiple)}.")
        answers_raw = raw.get("reponses")
        if not isinstance(answers_raw, list) or len(answers_raw) < 2:
            raise AtelierError(f"{where} : « reponses » doit proposer au moins deux réponses.")
        answers = []
        for j, a in enumerate(answers_raw, start=1):
            awhere = f"{where}, réponse {j}"
            if not isinstance(a, dict):
                raise AtelierError(f"{awhere} : une réponse doit être un dictionnaire (texte, et au besoin parcours, a_sauter, prioritaire, raison).")
            unknown = set(a) - {"texte", "parcours", "a_sauter", "prioritaire", "raison"}
            if unknown:
                raise AtelierError(f"{awhere} : champ(s) inconnu(s) {sorted(unknown)}.")
            atext = text_field(a, "texte", awhere)
            path = a.get("parcours")
            if path is not None and path not in paths:
                raise AtelierError(f"{awhere} : le parcours « {path} » n'est pas dans {ORIGIN} ({', '.join(sorted(paths))}).")
            lists = {}
            for key in ("a_sauter", "prioritaire"):
                v = a.get(key, [])
                if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                    raise AtelierError(f"{awhere} : « {key} » doit être une liste d'identifiants de modules.")
                for mid in v:
                    if strict and mid not in available:  # a fork may remove a module: then it is ignored
                        raise AtelierError(f"{awhere} : le module « {mid} » de « {key} » n'est pas disponible dans le catalogue.")
                lists[key] = tuple(x for x in v if x in available)
            reason = a.get("raison")
            if (a.get("a_sauter") or a.get("prioritaire")) and not (isinstance(reason, str) and reason.strip()):
                raise AtelierError(f"{awhere} : une réponse qui fait sauter ou rend prioritaire un module doit dire pourquoi (« raison »).")
            reason = squash(reason or "")
            if reason and not (reason[0].isupper() and reason[-1] in ".!?"):
                raise AtelierError(f"{awhere} : « raison » doit être une phrase (majuscule au début, point à la fin), pas « {reason} ».")
            answers.append(Answer(atext, path, lists["a_sauter"], lists["prioritaire"], reason))
        questions.append(PQuestion(qid, text, multiple, tuple(answers)))
    stated = data.get("priorite_declaree")
    if stated is not None and stated not in seen:
        raise AtelierError(f"{PORIGIN} : « priorite_declaree » doit nommer une question ({', '.join(sorted(seen))}), pas {describe(stated)}.")
    checks = _parse_checks(data.get("verification"), cat, len(questions) + 1, strict)
    return Positioning(title, default, tuple(questions), checks, stated)


def load_positioning(auds: tuple[Audience, ...], cat: Catalogue, strict: bool = False) -> Positioning:
    return parse_positioning(read_yaml("positionnement.yml"), auds, cat, strict)


#: The sentences the placement writes (the page's script writes the same, from the same strings).
TXT = {
    "intro": "Cochez ce qui vous correspond, puis cliquez sur «\u00a0Voir mon parcours\u00a0». Toutes les questions sont facultatives.",
    "part1": "Vous et votre travail",
    "part2": "Vérifiez ce que vous savez",
    "part2_intro": ("Ces questions ne figurent pas dans les quiz des modules. Une réponse juste confirme qu'un module que "
                    "vous dites connaître peut être sauté\u00a0; une réponse fausse le garde dans votre parcours. Si vous ne "
                    "savez pas, ne répondez pas."),
    "heading": "Votre parcours",
    "path": "Parcours suggéré\u00a0: ",
    "fallback": "Vous n'avez pas indiqué de métier\u00a0; voici un parcours pour commencer\u00a0: ",
    "follow": "Modules à suivre, dans l'ordre",
    "prio": "prioritaire",
    "skip": "Modules que vous pouvez sauter",
    "sections": "Sections à suivre\u00a0: ",
    "total": "Temps total\u00a0: ",
    "solo": ("Les durées sont celles de la carte du cours pour une personne seule\u00a0: les activités de groupe "
             "des parcours n'y sont pas comptées."),
    "score": "Questions de connaissances\u00a0: {right} juste{s_right} sur {answered} répondue{s_answered}.",
    "no_check": "Vous n'avez répondu à aucune question de connaissances.",
    "confirmed": "Vous avez répondu juste à la question {n}.",
    "declared_wrong": "Vous pensiez pouvoir sauter ce module, mais votre réponse à la question {n} n'était pas juste.",
    "declared_open": "Vous pensiez pouvoir sauter ce module\u00a0: répondez à la question {n} pour le vérifier.",
    "wrong": "Votre réponse à la question {n} n'était pas juste.",
    "submit": "Voir mon parcours",
    "reset": "Tout effacer",
    "question": "Question {n} sur {total}",
    "several": "Plusieurs réponses possibles.",
    "noscript": "Ce questionnaire calcule votre parcours dans votre navigateur, avec JavaScript, qui est désactivé. "
                "Le tableau ci-dessous donne les mêmes règles, à appliquer à la main.",
}


def _sentence(text: str) -> str:
    """A feedback as a sentence of the result: « Non : c'est … » → « C'est … »."""
    text = re.sub(r"^(?:Non|Pas seulement|Pas tout à fait)\s*[:,]\s*", "", squash(text))
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Followed:
    module: str
    minutes: int
    priority: bool
    reasons: tuple[str, ...]
    sections: tuple[durations.Section, ...] = ()     # empty: the whole module


@dataclass(frozen=True)
class Suggestion:
    path: str                                        # audience id
    follow: tuple[Followed, ...]
    skip: tuple[tuple[str, tuple[str, ...]], ...]    # (module id, reasons)
    chosen: bool                                     # False when no answer named a path (default used)
    right: int = 0                                   # knowledge questions answered right
    answered: int = 0                                # knowledge questions answered

    @property
    def minutes(self) -> int:
        return sum(f.minutes for f in self.follow)


def suggest(pos: Positioning, auds: tuple[Audience, ...], cat: Catalogue, answers: dict[str, list[int]]) -> Suggestion:
    """What the page's script shows for ``answers`` (question id, or a check's ``name`` → indices
    of the chosen answers, the options of a check in display order). The rules are those of the
    comment at the top of ``data/course/positionnement.yml``; durations are a learner's alone
    (no group activity)."""
    path, declared, prio, stated = None, {}, {}, []
    for q in pos.questions:
        for i in sorted(set(answers.get(q.id, []))):
            a = q.answers[i]
            if a.path:
                path = a.path
            for mid in a.skip:
                declared.setdefault(mid, []).append(a.reason)
            for mid in a.priority:
                prio.setdefault(mid, []).append(a.reason)
                if q.id == pos.stated and mid not in stated:
                    stated.append(mid)
    notes: dict[str, list[str]] = {}
    confirmed: dict[str, list[str]] = {}
    wrong_sections: dict[str, list[durations.Section]] = {}
    state: dict[str, list[str]] = {}                 # module → "ok" | "wrong" | "open", per check
    right = answered = 0
    for c in pos.checks:
        chosen = answers.get(c.name, [])
        if not chosen:
            state.setdefault(c.module, []).append("open")
            continue
        answered += 1
        option = c.question.options[chosen[0]]
        if option.correct:
            right += 1
            state.setdefault(c.module, []).append("ok")
            confirmed.setdefault(c.module, []).append(TXT["confirmed"].format(n=c.number))
            continue
        state.setdefault(c.module, []).append("wrong")
        first = TXT["declared_wrong" if c.module in declared else "wrong"].format(n=c.number)
        notes.setdefault(c.module, []).extend([first, _sentence(option.feedback)])
        wrong_sections.setdefault(c.module, []).extend(s for s in c.sections if s not in wrong_sections.get(c.module, []))
    skip = {}
    for mid, reasons in declared.items():
        if mid in prio:
            continue
        checks = state.get(mid, [])
        if all(s == "ok" for s in checks):
            skip[mid] = reasons + confirmed.get(mid, [])
        elif "wrong" not in checks:
            n = next(c.number for c in pos.checks if c.module == mid and not answers.get(c.name))
            notes.setdefault(mid, []).append(TXT["declared_open"].format(n=n))
    aud = next(a for a in auds if a.id == (path or pos.default))
    steps = {s.module.id: s for s in aud.steps}
    order = [m.id for m in cat.modules]
    base = [m for m in aud.module_ids if m not in skip]
    base += [m for m in order if m in prio and m not in steps]
    base += [m for m in order if m in wrong_sections and m not in steps and m not in prio]
    emitted: list[str] = []

    def emit(mid: str) -> None:
        for p in cat.module(mid).prerequisites:
            if p in base and p not in emitted:
                emit(p)
        if mid not in emitted:
            emitted.append(mid)

    for mid in [m for m in stated if m in base] + base:
        emit(mid)
    follow = []
    for mid in emitted:
        if mid in steps:
            st = steps[mid]
            minutes, secs = st.module_minutes, st.sections
        elif mid in prio:
            minutes, secs = cat.module(mid).minutes, ()
        else:
            secs = tuple(wrong_sections[mid])
            minutes = sum(section_minutes(s) for s in secs)
        follow.append(Followed(mid, minutes, mid in prio, tuple(prio.get(mid, [])) + tuple(notes.get(mid, [])), secs))
    skipped = tuple((mid, tuple(skip[mid])) for mid in aud.module_ids if mid in skip)
    return Suggestion(aud.id, tuple(follow), skipped, path is not None, right, answered)



def _section_json(module: Module, s: durations.Section) -> dict:
    return {"title": s.title, "href": section_href(module, s), "minutes": section_minutes(s)}


def positioning_data(pos: Positioning, auds: tuple[Audience, ...], cat: Catalogue) -> dict:
    """The JSON the page's script reads (links are relative to ``annexes/positionnement.html``)."""
    mods = {m.id: {"label": f"{m.number} {m.title}", "href": f"../modules/{m.id}.html", "minutes": m.minutes,
                   "prereq": [p for p in m.prerequisites]}
            for m in cat.available}
    paths = {a.id: {"title": a.title, "href": f"metiers/{a.id}.html", "order": list(a.module_ids),
                    "steps": {s.module.id: {"minutes": s.module_minutes, "sections": [_section_json(s.module, x) for x in s.sections]}
                              for s in a.steps}}
             for a in auds}
    checks = [{"name": c.name, "module": c.module, "n": c.number,
               "correct": [i for i, o in enumerate(c.question.options) if o.correct],
               "feedback": [_sentence(o.feedback) for o in c.question.options],
               "sections": [_section_json(cat.module(c.module), s) for s in c.sections]}
              for c in pos.checks]
    return {
        "fallback": pos.default, "stated": pos.stated, "order": [m.id for m in cat.available], "modules": mods, "paths": paths,
        "questions": [{"id": q.id, "answers": [{"path": a.path, "skip": list(a.skip), "prio": list(a.priority), "reason": a.reason}
                                                for a in q.answers]} for q in pos.questions],
        "checks": checks,
        "text": {k: TXT[k] for k in ("heading", "path", "fallback", "follow", "prio", "skip", "sections", "total", "solo",
                                      "score", "no_check", "confirmed", "declared_wrong", "declared_open", "wrong")},
    }
