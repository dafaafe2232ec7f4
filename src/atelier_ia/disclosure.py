"""Saying what was made with AI: draft French labels and a first reading of art. 50.

Two things, kept apart on purpose:

* :func:`assess` reads a situation against art. 50, paragraph 4, of the AI Act (regulation
  (EU) 2024/1689) and says whether a disclosure is required, required in a light form, or
  only recommended, with the reasons. It is a teaching aid, not legal advice: the official
  text and its guidelines prevail.
* :func:`draft_label` writes a short label for an exhibition panel (cartel), a festival
  programme or a poster: what was generated, with which tool, what a person did. Given a
  signed manifest (:mod:`atelier_ia.provenance`), it checks that the label says the same
  thing as the manifest.

What the law says, in short (read in the regulation's text, art. 3(60) and art. 50):

* the *provider* of a generative system marks its outputs in a machine-readable way
  (art. 50(2)) — a watermark or a signed manifest, the tool maker's duty;
* the *deployer* (the theatre, museum or festival that uses the tool in its professional
  activity) discloses a deep fake: image, sound or video that resembles real persons,
  objects, places, entities or events and would falsely appear authentic (art. 50(4));
* for an evidently artistic, creative, satirical or fictional work, that disclosure is
  limited to saying that such content exists, in a way that does not hamper the work;
* AI-generated text published to inform the public on matters of public interest is
  disclosed, unless a person reviewed it and someone holds editorial responsibility.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from . import datedfacts as _datedfacts
from .errors import AtelierError, describe
from .fmt import NBSP
from .paths import data_file
from .provenance import AI_ROLES
from .validation import check_bool, check_choice, check_text, check_texts

__all__ = [
    "CASES_FILE",
    "JUDGEMENTS",
    "KINDS",
    "LEGAL_NOTICE",
    "SUPPORTS",
    "Assessment",
    "Label",
    "assess",
    "draft_label",
    "label_from_manifest",
    "load_cases",
]

CASES_FILE = "ouverture/cas-mentions.yml"

#: Where the label is shown.
SUPPORTS = {
    "panel": "cartel d'exposition",
    "programme": "programme de festival",
    "poster": "affiche",
}

#: What kind of content was generated.
KINDS = {
    "image": "image",
    "video": "vidéo",
    "audio": "son",
    "text": "texte",
}

#: The judgements :func:`assess` can give, with their French meaning.
JUDGEMENTS = {
    "required": "mention obligatoire (art. 50, § 4, du règlement sur l'IA)",
    "required_light": (
        "mention obligatoire mais allégée : signaler l'existence du contenu généré, d'une manière qui ne gêne "
        "pas la présentation de l'œuvre (art. 50, § 4, œuvre manifestement artistique, créative, satirique ou fictionnelle)"
    ),
    "required_text": (
        "mention obligatoire : texte généré publié pour informer le public sur une question d'intérêt public, "
        "sans relecture humaine sous responsabilité éditoriale (art. 50, § 4)"
    ),
    "recommended": "pas d'obligation de mention au titre de l'art. 50, § 4 ; une mention reste recommandée",
}

LEGAL_NOTICE = (
    "Information, pas conseil juridique : ce classement aide à réfléchir ; seul le texte officiel du règlement "
    "(UE) 2024/1689 (art. 3, point 60, et art. 50) et ses lignes directrices font foi. Calendrier, à la date de ce livre : " + _datedfacts.wording("art50-2") + " ; les paragraphes 1, 3 et 4 : "
    + _datedfacts.status_text("aiact-art50-1-3-4") + "."
)

_AI_PHRASES = {
    "generated": {"image": "Image générée par IA", "video": "Vidéo générée par IA", "audio": "Son généré par IA", "text": "Texte généré par IA"},
    "edited": {"image": "Image modifiée avec une IA", "video": "Vidéo modifiée avec une IA", "audio": "Son modifié avec une IA", "text": "Texte remanié avec une IA"},
    "assisted": {"image": "Image retouchée avec l'aide d'une IA", "video": "Vidéo retouchée avec l'aide d'une IA", "audio": "Son retouché avec l'aide d'une IA", "text": "Texte relu avec l'aide d'une IA"},
}


# --------------------------------------------------------------------------- the legal reading


@dataclass(frozen=True)
class Assessment:
    """A first reading of art. 50(4) for one situation."""

    judgement: str               # a key of JUDGEMENTS
    deep_fake: bool              # does the content meet art. 3(60)'s definition?
    reasons: tuple[str, ...]

    def __post_init__(self):
        check_choice(self.judgement, "judgement", JUDGEMENTS)
        check_bool(self.deep_fake, "deep_fake")
        object.__setattr__(self, "reasons", check_texts(self.reasons, "reasons"))

    @property
    def meaning(self) -> str:
        """The judgement in French."""
        return JUDGEMENTS[self.judgement]

    @property
    def required(self) -> bool:
        """Whether art. 50(4) requires some disclosure."""
        return self.judgement != "recommended"

    def explain(self) -> str:
        """The judgement, its reasons and the legal notice, in French."""
        lines = [f"Conclusion{NBSP}: {self.meaning}."]
        lines += [f"– {r}" for r in self.reasons]
        lines.append(LEGAL_NOTICE)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()


def _check_bool(value, name: str, meaning: str) -> bool:
    if not isinstance(value, bool):
        raise AtelierError(f"« {name} » ({meaning}) doit valoir True ou False ; vous avez donné {describe(value)}.")
    return value


def assess(
    kind: str,
    resembles_real: bool = False,
    looks_authentic: bool = False,
    artistic: bool = False,
    public_interest_text: bool = False,
    human_editorial_review: bool = False,
) -> Assessment:
    """Whether art. 50(4) requires a disclosure for this content.

    ``kind``: ``"image"``, ``"video"``, ``"audio"`` or ``"text"``. For image, video and sound:
    ``resembles_real`` (it resembles real persons, objects, places, entities or events) and
    ``looks_authentic`` (someone could take it for a real recording) make a deep fake
    (art. 3(60)); ``artistic`` (an evidently artistic, creative, satirical or fictional work)
    lightens the duty. For text: ``public_interest_text`` (published to inform the public on
    matters of public interest) and ``human_editorial_review`` (a person reviewed it and
    someone holds editorial responsibility).
    """
    kind = check_choice(kind, "kind", KINDS)
    resembles_real = _check_bool(resembles_real, "resembles_real", "ressemble à des personnes, lieux, objets ou événements réels")
    looks_authentic = _check_bool(looks_authentic, "looks_authentic", "pourrait passer pour authentique")
    artistic = _check_bool(artistic, "artistic", "œuvre manifestement artistique, créative, satirique ou fictionnelle")
    public_interest_text = _check_bool(public_interest_text, "public_interest_text", "texte publié pour informer le public sur une question d'intérêt public")
    human_editorial_review = _check_bool(human_editorial_review, "human_editorial_review", "relu par une personne sous responsabilité éditoriale")
    reasons: list[str] = []
    if kind == "text":
        if public_interest_text and not human_editorial_review:
            reasons.append("Texte généré publié pour informer le public sur une question d'intérêt public.")
            reasons.append("Personne ne l'a relu sous sa responsabilité éditoriale : l'exemption ne joue pas.")
            return Assessment("required_text", False, tuple(reasons))
        if public_interest_text:
            reasons.append(
                "Texte d'intérêt public, mais relu par une personne et publié sous une responsabilité éditoriale : "
                "l'art. 50, § 4 n'impose pas de mention."
            )
        else:
            reasons.append("Ce texte n'est pas publié pour informer le public sur une question d'intérêt public.")
        reasons.append("Une mention reste honnête envers le public, et les règles de votre institution peuvent l'exiger.")
        return Assessment("recommended", False, tuple(reasons))
    deep_fake = resembles_real and looks_authentic
    if not deep_fake:
        if not resembles_real:
            reasons.append("Le contenu ne ressemble à aucune personne, aucun lieu, objet ou événement réel : ce n'est pas un hypertrucage (art. 3, point 60).")
        else:
            reasons.append("Le contenu évoque le réel mais personne ne le prendrait pour authentique : ce n'est pas un hypertrucage (art. 3, point 60).")
        reasons.append(
            "Le fournisseur de l'outil doit tout de même marquer ses productions de façon lisible par machine (art. 50, § 2) ; "
            "une mention visible reste recommandée."
        )
        return Assessment("recommended", False, tuple(reasons))
    reasons.append(
        "Le contenu ressemble à du réel (personnes, lieux, objets ou événements) et pourrait passer pour authentique : "
        "c'est un hypertrucage au sens de l'art. 3, point 60."
    )
    if artistic:
        reasons.append(
            "L'œuvre est manifestement artistique, créative, satirique ou fictionnelle : il suffit de signaler l'existence "
            "du contenu généré, de façon appropriée et sans gêner la présentation ni la jouissance de l'œuvre."
        )
        return Assessment("required_light", True, tuple(reasons))
    reasons.append("Aucune exception ne s'applique : la mention doit être claire et visible dès le premier contact (art. 50, § 5).")
    return Assessment("required", True, tuple(reasons))


# --------------------------------------------------------------------------- labels


@dataclass(frozen=True)
class Label:
    """A draft label for one support, with notes for the person who will proofread it."""

    support: str
    text: str
    notes: tuple[str, ...] = field(default=())
    consistent: bool = True   # False when the label contradicts the signed manifest

    def __post_init__(self):
        check_choice(self.support, "support", SUPPORTS)
        check_text(self.text, "le texte de la mention (text)")
        object.__setattr__(self, "notes", check_texts(self.notes, "notes"))
        check_bool(self.consistent, "consistent")

    def __str__(self) -> str:
        head = f"Projet de mention – {SUPPORTS[self.support]}{NBSP}:\n{self.text}"
        if self.notes:
            head += "\n\nÀ vérifier avant impression{0}:\n".format(NBSP) + "\n".join(f"– {n}" for n in self.notes)
        return head


def _clean(value, name: str, max_chars: int = 300) -> str:
    text = check_text(value, name).strip()
    if len(text) > max_chars:
        raise AtelierError(f"{name[0].upper() + name[1:]} est trop long ({len(text)} caractères) : {max_chars} au plus, soyez bref.")
    return " ".join(text.split())


def draft_label(
    what: str,
    tool: str,
    human: str,
    support: str = "panel",
    ai_role: str = "generated",
    kind: str = "image",
    assessment: Assessment | None = None,
    manifest: dict | None = None,
) -> Label:
    """Draft a French label saying what was generated, with which tool, and what a person did.

    ``what`` names the content (« le portrait de l'affiche »), ``tool`` the tool and its version,
    ``human`` what a person did (« choix parmi 40 propositions, retouche des couleurs »).
    ``support``: ``"panel"`` (exhibition cartel), ``"programme"`` or ``"poster"``.
    ``ai_role``: a key of :data:`atelier_ia.provenance.AI_ROLES` except ``"none"``.
    With ``assessment`` (from :func:`assess`), the notes recall what art. 50(4) asks; with a
    signed ``manifest`` (from :func:`atelier_ia.provenance.sign`), the label is compared with it.
    """
    what = _clean(what, "la description de ce qui a été généré (what)")
    tool = _clean(tool, "le nom de l'outil (tool)", 120)
    human = _clean(human, "ce qu'une personne a fait (human)")
    support = check_choice(support, "support", SUPPORTS)
    ai_role = check_choice(ai_role, "ai_role", [r for r in AI_ROLES if r != "none"])
    kind = check_choice(kind, "kind", KINDS)
    if assessment is not None and not isinstance(assessment, Assessment):
        raise AtelierError(f"« assessment » doit être le résultat de assess(…), ou None ; vous avez donné {describe(assessment)}.")
    phrase = _AI_PHRASES[ai_role][kind]
    human_text = human[0].lower() + human[1:]
    what_text = what[0].upper() + what[1:]
    if support == "panel":
        text = (
            f"{what_text}\n{phrase} ({tool}).\n"
            f"Intervention humaine{NBSP}: {human_text}."
        )
    elif support == "programme":
        text = f"{what_text}{NBSP}: {phrase[0].lower() + phrase[1:]} avec {tool}{NBSP}; {human_text}."
    else:
        text = f"{phrase} ({tool}) – {human_text}"
    notes: list[str] = []
    if support == "poster" and len(text) > 140:
        notes.append(f"La mention compte {len(text)} caractères : sur une affiche, visez moins de 140 caractères lisibles de loin.")
    if assessment is not None:
        if assessment.judgement == "required":
            notes.append("Hypertrucage sans exception artistique : la mention doit être visible dès le premier regard, pas en petits caractères.")
        elif assessment.judgement == "required_light":
            notes.append("Œuvre artistique : une mention discrète suffit (cartel, générique, programme), tant qu'elle signale le contenu généré.")
        elif assessment.judgement == "required_text":
            notes.append("Texte d'intérêt public sans relecture éditoriale : mention obligatoire, ou faites-le relire et assumez-le éditorialement.")
        else:
            notes.append("Pas d'obligation au titre de l'art. 50, § 4 : cette mention est un choix d'honnêteté envers le public.")
    consistent = True
    if manifest is not None:
        consistent, found = _compare(manifest, tool, ai_role, human)
        notes.extend(found)
    return Label(support, text, tuple(notes), consistent)


def _compare(manifest, tool: str, ai_role: str, human: str) -> tuple[bool, list[str]]:
    if not isinstance(manifest, dict) or not isinstance(manifest.get("manifest"), dict):
        raise AtelierError(
            f"« manifest » doit être le manifeste signé rendu par provenance.sign(…), ou None ; vous avez donné {describe(manifest)}."
        )
    data = manifest["manifest"]
    notes, ok = [], True
    if str(data.get("tool", "")).strip().lower() != tool.lower():
        ok = False
        notes.append(f"Incohérence : la mention cite l'outil « {tool} », le manifeste signé « {data.get('tool')} ».")
    if data.get("ai_role") != ai_role:
        ok = False
        notes.append(
            f"Incohérence : la mention dit « {AI_ROLES[ai_role]} », le manifeste signé « {AI_ROLES.get(data.get('ai_role'), data.get('ai_role'))} »."
        )
    if str(data.get("human_action", "")).strip().lower() != human.lower():
        notes.append(
            f"L'intervention humaine est formulée autrement que dans le manifeste (« {data.get('human_action')} ») : "
            "vérifiez que les deux disent la même chose."
        )
    if ok:
        notes.append("La mention est cohérente avec le manifeste signé (outil et rôle de l'IA).")
    return ok, notes


def label_from_manifest(signed_manifest: dict, what: str, support: str = "panel", kind: str = "image") -> Label:
    """Draft a label from a signed manifest's tool, AI role and human action (not verified here)."""
    if not isinstance(signed_manifest, dict) or not isinstance(signed_manifest.get("manifest"), dict):
        raise AtelierError(
            f"Donnez le manifeste signé rendu par provenance.sign(…) ; vous avez donné {describe(signed_manifest)}."
        )
    data = signed_manifest["manifest"]
    if data.get("ai_role") not in AI_ROLES or data.get("ai_role") == "none":
        raise AtelierError("Le manifeste dit qu'aucune IA n'a été utilisée : il n'y a rien à mentionner.")
    return draft_label(
        what, data.get("tool"), data.get("human_action"), support, data["ai_role"], kind, manifest=signed_manifest
    )


# --------------------------------------------------------------------------- exercise cases

_CASE_KEYS = {"id", "situation", "kind", "resembles_real", "looks_authentic", "artistic",
              "public_interest_text", "human_editorial_review", "expected", "why"}


def load_cases() -> list[dict]:
    """The exercise's cases (``data/ouverture/cas-mentions.yml``), each checked."""
    path = data_file(CASES_FILE)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = data.get("cas") if isinstance(data, dict) else None
    if not isinstance(cases, list) or not cases:
        raise AtelierError(f"{CASES_FILE} doit contenir une liste « cas » non vide.")
    for case in cases:
        if not isinstance(case, dict) or set(case) - _CASE_KEYS or not {"id", "situation", "kind", "expected", "why"} <= set(case):
            raise AtelierError(f"Cas mal formé dans {CASES_FILE} : {describe(case)}.")
        check_choice(case["expected"], "expected", JUDGEMENTS)
    return cases
