"""Energy (and water where sourced) of generative AI, as ranges, never as single figures.

Every figure is a :class:`Range` (low, central, high) with its sources and caveats:

* per image: Luccioni, Jernite and Strubell, « Power Hungry Processing » (FAccT 2024,
  arXiv 2311.16863), 1,000 inferences per model on an NVIDIA A100: 1.35 kWh per 1,000 images
  (an aggregate figure of the preprint, as the press reported it, *not* the study's most efficient
  model, which uses less), 2.9 kWh (mean of the published version), 11.49 kWh for the least
  efficient model. The study's spread between models is therefore at least 8.5 times; Bertazzini
  et al. (2025) find up to 46 times across 17 image models. ``low`` is thus the preprint's aggregate,
  not a floor. The preprint's « one image = one phone charge » was revised in the
  published paper: we do not convert to phone charges;
* per text answer: 0.047 Wh (mean of the same study, small 2023 open models), 0.24 Wh (Google's
  median Gemini text prompt, Aug 2025) to 0.34 Wh (median estimated by Microsoft researchers,
  Sept 2025), 4.32 Wh (long « reasoning » queries, same estimate);
* water per text answer: 0.26 mL (Google, cooling water on site only) to 45 mL (Mistral AI's
  lifecycle analysis, 400-token answer, including the water used to produce the electricity);
  no sourced figure for images;
* training: Mistral Large 2 (training plus 18 months of use, Jan 2025): 20.4 kt CO2e and
  281,000 m³ of water; data centres worldwide: about 415 TWh in 2024 and about 945 TWh
  projected for 2030 (IEA, *Energy and AI*, April 2025).

Method follows the AFNOR Spec 2314 (June 2024) spirit: state the boundary, give ranges, beware
the rebound effect. These are orders of magnitude for a decision, not measurements of a tool.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .errors import AtelierError
from .fmt import NBSP, french_number, french_typography
from .validation import check_choice, check_int, check_real, check_text

__all__ = [
    "ENERGY_WH",
    "TRAINING_AND_SECTOR",
    "WATER_ML",
    "Range",
    "festival_images",
    "footprint_figure",
    "usage_footprint",
]


@dataclass(frozen=True)
class Range:
    """A sourced range: ``low`` ≤ ``central`` ≤ ``high``, in ``unit``."""

    low: float
    central: float
    high: float
    unit: str
    source: str
    caveat: str

    def __post_init__(self):
        for name in ("low", "central", "high"):
            check_real(getattr(self, name), f"la borne « {name} »", minimum=0)
        if not self.low <= self.central <= self.high:
            raise AtelierError(
                f"Une fourchette doit vérifier bas ≤ central ≤ haut ; vous avez donné {self.low}, {self.central}, {self.high}."
            )
        for name in ("unit", "source", "caveat"):
            check_text(getattr(self, name), f"le champ « {name} »", allow_empty=True)

    def scaled(self, factor: float, unit: str | None = None) -> "Range":
        """The same range multiplied by ``factor`` (a new object)."""
        factor = check_real(factor, "le facteur", minimum=0)
        if unit is not None:
            unit = check_text(unit, "l'unité", min_chars=1)
        return Range(self.low * factor, self.central * factor, self.high * factor, unit or self.unit,
                     self.source, self.caveat)

    def text(self, decimals: int | None = None) -> str:
        """« de 1,35 à 11,5 Wh (valeur centrale 2,9 Wh) »."""
        if decimals is not None:
            decimals = check_int(decimals, "le nombre de décimales", minimum=0, maximum=6)

        def f(v):
            return french_number(v, decimals)

        return (f"de {f(self.low)} à {f(self.high)}{NBSP}{self.unit} "
                f"(valeur centrale {f(self.central)}{NBSP}{self.unit})")


#: Energy of one use, in watt-hours.
ENERGY_WH = {
    "image": Range(
        1.35, 2.9, 11.49, "Wh",
        "Luccioni, Jernite et Strubell, FAccT 2024 (1,35 kWh pour 1 000 images : chiffre agrégé de la "
        "prépublication, pas celui du modèle le plus sobre ; 2,9 kWh en moyenne dans la version publiée ; "
        "11,49 kWh pour le modèle le moins efficace)",
        "Modèles ouverts de 2023 sur une carte A100, en lots ; un service en ligne récent peut faire mieux ou pire. "
        "Le bas de la fourchette n'est pas un plancher : le modèle le plus sobre de l'étude consomme moins. "
        "Une autre étude (Bertazzini et al., 2025) trouve jusqu'à 46 fois d'écart entre 17 modèles d'images.",
    ),
    "texte": Range(
        0.047, 0.3, 4.32, "Wh",
        "Luccioni et al., 2024 (0,047 Wh, petits modèles) ; Google, août 2025 (0,24 Wh, réponse médiane) et "
        "Oviedo et al., 2025 (0,34 Wh médian, 4,32 Wh pour un long raisonnement)",
        "La valeur centrale (0,3 Wh) est un arrondi entre les deux médianes publiées en 2025. Les réponses longues "
        "ou « raisonnées » peuvent coûter bien plus (plus de 30 Wh mesurés dans une étude).",
    ),
}

#: Water of one use, in millilitres (None: no sourced figure).
WATER_ML = {
    "texte": Range(
        0.26, 0.26, 45.0, "mL",
        "Google, août 2025 (0,26 mL, eau de refroidissement sur site) ; Mistral AI, juillet 2025 (45 mL pour une "
        "réponse de 400 jetons, eau de production de l'électricité comprise)",
        "L'écart tient surtout au périmètre : avec ou sans l'eau des centrales électriques.",
    ),
    "image": None,
}

#: Training and sector-wide orders of magnitude (for the chart's context, not per use).
TRAINING_AND_SECTOR = {
    "mistral-large-2": (
        "Mistral Large 2 (123 milliards de paramètres), entraînement et 18 mois d'usage : 20 400 t CO2e et "
        "281 000 m³ d'eau (analyse de cycle de vie publiée le 22 juillet 2025 avec Carbone 4 et l'ADEME)"
    ),
    "centres-de-donnees": (
        "Centres de données du monde entier : environ 415 TWh en 2024 (1,5 % de l'électricité mondiale), "
        "environ 945 TWh projetés en 2030 (AIE, Energy and AI, avril 2025)"
    ),
}



ENERGY_WH = {k: replace(r, source=french_typography(r.source), caveat=french_typography(r.caveat)) for k, r in ENERGY_WH.items()}
WATER_ML = {k: (replace(r, source=french_typography(r.source), caveat=french_typography(r.caveat)) if r else None) for k, r in WATER_ML.items()}
TRAINING_AND_SECTOR = {k: french_typography(v) for k, v in TRAINING_AND_SECTOR.items()}

_KINDS = tuple(ENERGY_WH)
_LED_WATTS = 10  # a 10 W LED bulb, to make watt-hours concrete


def usage_footprint(kind: str, count: int) -> dict:
    """Energy (Wh, kWh) and water (mL, when sourced) of ``count`` uses of one ``kind``.

    Returns a new dict: ``{"energie_wh": Range, "energie_kwh": Range, "eau_ml": Range | None,
    "heures_ampoule": Range}`` where ``heures_ampoule`` is the same energy as hours of a 10 W
    LED bulb.
    """
    kind = check_choice(kind, "le type d'usage", list(_KINDS))
    count = check_int(count, "le nombre d'usages", minimum=0, maximum=10**9,
                      hint=" (un nombre entier d'images ou de réponses)")
    energy = ENERGY_WH[kind].scaled(count)
    water = WATER_ML[kind]
    return {
        "energie_wh": energy,
        "energie_kwh": energy.scaled(1 / 1000, "kWh"),
        "eau_ml": water.scaled(count) if water is not None else None,
        "heures_ampoule": energy.scaled(1 / _LED_WATTS, "h"),
    }


def festival_images(images_per_year: int, model: str = "moyen") -> str:
    """What a festival's yearly use of generated images costs in energy, in French.

    ``model`` is ``"sobre"`` (the preprint's aggregate figure, the low end of the published range but not
    the study's most efficient model), ``"moyen"`` (central value) or
    ``"gourmand"`` (least efficient model measured); the text always gives the whole range too.
    """
    images_per_year = check_int(images_per_year, "le nombre d'images par an", minimum=0, maximum=10**8,
                                hint=" (par exemple 2000)")
    model = check_choice(model, "la classe de modèle", ["sobre", "moyen", "gourmand"])
    result = usage_footprint("image", images_per_year)
    kwh = result["energie_kwh"]
    chosen = {"sobre": kwh.low, "moyen": kwh.central, "gourmand": kwh.high}[model]
    hours = chosen * 1000 / _LED_WATTS
    return french_typography(
        f"{french_number(images_per_year)} images générées par an, modèle « {model} »{NBSP}: "
        f"environ {french_number(chosen, 1)}{NBSP}kWh, soit une ampoule LED de 10{NBSP}W allumée "
        f"{french_number(hours, 0)}{NBSP}heures.\n"
        f"Fourchette publiée{NBSP}: {kwh.text(1)} ; le bas est un chiffre agrégé, pas le modèle le plus sobre.\n"
        f"Eau{NBSP}: aucun chiffre sourcé pour les images.\n"
        f"Hors périmètre{NBSP}: l'entraînement du modèle, la fabrication des serveurs, les essais ratés "
        f"(souvent plusieurs images pour en garder une)."
    )


def footprint_figure(images: int = 1000, texts: int = 10000):
    """A bar chart of the energy of ``images`` images and ``texts`` text answers, with the range
    (low to high) drawn as an error bar and the central value as a dot; log scale."""
    from .figures import PALETTE, new_figure, style_axes
    from .palette import COLOURS

    images = check_int(images, "le nombre d'images", minimum=1, maximum=10**8)
    texts = check_int(texts, "le nombre de réponses de texte", minimum=1, maximum=10**9)
    rows = [(f"{french_number(images)} images", usage_footprint("image", images)["energie_kwh"]),
            (f"{french_number(texts)} réponses de texte", usage_footprint("texte", texts)["energie_kwh"])]
    fig, ax = new_figure(width=7.5, height=2.8)
    colours = [PALETTE["bleu"], PALETTE["orange"]]  # colour-blind-safe (Okabe-Ito); labels carry the meaning
    for y, ((label, r), colour) in enumerate(zip(rows, colours)):
        ax.hlines(y, r.low, r.high, color=colour, linewidth=6, alpha=0.45)
        ax.plot([r.central], [y], "o", color=colour, markersize=8, markeredgecolor=COLOURS["noir"])
        ax.text(r.high * 1.15, y, f"{french_number(r.low, 2)} – {french_number(r.high, 1)} kWh",
                va="center", fontsize=10)
    ax.set_xscale("log")
    ax.set_yticks(range(len(rows)), [label for label, _ in rows])
    ax.set_ylim(-0.6, len(rows) - 0.4)
    low = min(r.low for _, r in rows)
    high = max(r.high for _, r in rows)
    ax.set_xlim(low / 3, high * 12)
    style_axes(ax, xlabel="Énergie consommée (kWh, échelle logarithmique)",
               title="Énergie estimée : fourchette (barre), valeur centrale (point)", grid="x")
    return fig
