"""Audit the licences of a collection before training a model on it, and document the data set.

* :func:`normalise_licence` turns a messy licence string (« CC-BY 4.0 », « Domaine public »,
  « © tous droits réservés », « ??? ») into one of :data:`CATEGORIES`.
* :func:`audit_licences` adds, for every record of a pandas table, whether it may train a
  model, under what conditions, with what attribution, and whether a person must decide.
* :func:`needs_human_decision` lists the records a person must look at.
* :func:`datasheet` writes a French « fiche de données » (datasheet for datasets, Gebru et
  al., 2021) in Markdown from a table's metadata.

The verdicts are the course's reading of the licences (Creative Commons legal codes 4.0,
Licence Ouverte 2.0 d'Etalab, Code de la propriété intellectuelle), state on 1 December 2026:
information, not legal advice.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from pathlib import Path

import pandas as pd

from .errors import AtelierError, describe
from .figures import PALETTE
from .fmt import NBSP, french_number, french_percent, french_typography
from .palette import COLOURS
from .validation import check_text

__all__ = [
    "CATEGORIES",
    "audit_licences",
    "datasheet",
    "licence_summary",
    "load_sample_collection",
    "needs_human_decision",
    "normalise_licence",
    "plot_licences",
]

CATEGORIES = (
    "CC0",
    "domaine public",
    "CC BY",
    "CC BY-SA",
    "Licence Ouverte",
    "CC BY-NC",
    "CC BY-ND",
    "droits réservés",
    "inconnue",
)
"""Normalised licence categories, from the most to the least open."""

_VERDICTS = {
    # category: (may train, conditions, attribution, human decision)
    "CC0": ("oui", "aucune condition juridique", "facultative ; citez la source par bonne pratique", False),
    "domaine public": ("oui", "vérifiez que l'œuvre est bien dans le domaine public en France et que la reproduction n'a pas ses propres droits", "nom de l'auteur et titre (droit moral perpétuel)", False),
    "CC BY": ("oui, sous conditions", "créditer l'auteur, indiquer la licence et les modifications", "auteur, titre, source, licence CC BY", False),
    "CC BY-SA": ("oui, sous conditions", "créditer ; une adaptation diffusée doit garder la même licence (savoir si un modèle est une adaptation reste discuté)", "auteur, titre, source, licence CC BY-SA", False),
    "Licence Ouverte": ("oui, sous conditions", "mentionner la source et la date de dernière mise à jour", "producteur, source, date de mise à jour", False),
    "CC BY-NC": ("à décider", "usage non commercial seulement : un modèle commercial ou vendu demande l'accord des ayants droit", "auteur, titre, source, licence CC BY-NC", True),
    "CC BY-ND": ("à décider", "pas de diffusion d'œuvre modifiée : l'entraînement lui-même est discuté, la diffusion de sorties proches de l'œuvre est exclue", "auteur, titre, source, licence CC BY-ND", True),
    "droits réservés": ("non, sans accord", "demander l'autorisation, ou vérifier si l'exception de fouille (art. L. 122-5-3 du CPI) s'applique et si une réserve a été exprimée", "selon l'accord obtenu", True),
    "inconnue": ("à décider", "retrouver l'origine et les droits avant tout usage", "inconnue", True),
}


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[\s_]+", " ", text.lower()).strip()


def normalise_licence(text) -> str:
    """One of :data:`CATEGORIES` for a licence string written any way.

    Ambiguous wordings such as « libre de droits » give « inconnue »: a person must check.
    ``None``, an empty text or a number is refused; in a table, :func:`audit_licences` treats
    an empty cell as « inconnue » itself.
    """
    if not isinstance(text, str):
        raise AtelierError(
            f"Une licence s'écrit comme un texte (« CC BY 4.0 ») ; vous avez donné {describe(text)}. "
            "Dans un tableau, audit_licences classe les cases vides en « inconnue »."
        )
    check_text(text, "la licence")
    return _category(text)


def _category(text) -> str:
    """Tolerant version for table cells: missing or blank gives « inconnue »."""
    if _missing(text) or not isinstance(text, str):
        return "inconnue"
    t = _plain(text)
    if not t or t in ("?", "??", "???", "na", "n/a", "nc?", "inconnue", "inconnu", "unknown", "a verifier", "voir conditions", "-"):
        return "inconnue"
    compact = t.replace("-", " ").replace("/", " ")
    if "libre de droit" in t or "royalty free" in t:
        return "inconnue"  # « libre de droits » often means « paid once », not an open licence
    if re.search(r"\bcc ?0\b|cc zero|public domain dedication|creative commons zero", compact):
        return "CC0"
    if re.search(r"domaine public|public domain|\bpdm\b|\bpd\b", compact):
        return "domaine public"
    if re.search(r"licence ouverte|open licence|etalab", compact):
        return "Licence Ouverte"
    is_cc = bool(re.search(r"\bcc\b|creative commons|attribution|\bby\b", compact))
    if is_cc:
        if re.search(r"\bnc\b|noncommercial|non commercial|pas d.utilisation commerciale", compact):
            return "CC BY-NC"
        if re.search(r"\bnd\b|noderivatives|no derivatives|pas de modification", compact):
            return "CC BY-ND"
        if re.search(r"\bsa\b|sharealike|share alike|partage dans les memes conditions", compact):
            return "CC BY-SA"
        if re.search(r"\bby\b|attribution", compact):
            return "CC BY"
    if re.search(r"tous droits|droits reserves|all rights reserved|copyright|©|\(c\)|adagp|reserve", t + " " + text.lower()):
        return "droits réservés"
    return "inconnue"


def _check_frame(df, name: str = "df") -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise AtelierError(f"« {name} » doit être un tableau pandas (DataFrame), par exemple lu avec pd.read_csv ; vous avez donné {describe(df)}.")
    if df.empty:
        raise AtelierError(f"Le tableau « {name} » est vide : il faut au moins une notice.")
    return df


def _check_column(df: pd.DataFrame, column, role: str) -> str:
    column = check_text(column, f"le nom de la colonne {role}")
    if column not in df.columns:
        listed = ", ".join(f"« {c} »" for c in df.columns[:12])
        raise AtelierError(f"Le tableau n'a pas de colonne « {column} » ({role}) ; ses colonnes sont : {listed}.")
    return column


def _missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _public_domain_doubt(row, death_column: str | None, today: _dt.date) -> str:
    """A reason (French typography applied) to doubt a « domaine public » label, from the creator's death year.

    The calculator is asked with what the row says (death year, year of the work if it is not
    after the death, music or not from the type); « mort pour la France » is unknown, so a
    label is trusted only when every possible value of that fact gives « domaine public ».
    """
    from .law import public_domain

    if death_column is None:
        return ""
    value = row.get(death_column)
    if _missing(value):
        creator = str(row.get("createur", "")).strip().lower()
        year = row.get("annee")
        if creator.startswith("anonyme") and not _missing(year):
            try:
                result = public_domain(kind="anonyme", publication_year=int(year), music=False)
            except (AtelierError, TypeError, ValueError):
                return f"année de publication illisible ({year!r})"
            if result.latest is None or result.latest > today:
                return f"œuvre anonyme publiée en {int(year)} : pas dans le domaine public avant {result.earliest.year}"
            return ""
        return "année de décès de l'auteur inconnue : impossible de vérifier le domaine public"
    kind = str(row.get("type", "")).strip().lower()
    music = None if _missing(row.get("type")) or not kind else any(w in kind for w in ("partition", "musique"))
    try:
        year = int(value)
        published = row.get("annee")
        published = None if _missing(published) else int(published)
        if published is not None and published > year:
            published = None  # a work dated after the death: its publication year is unknown here
        result = public_domain(year, publication_year=published, music=music)
    except (AtelierError, TypeError, ValueError):
        return f"année de décès illisible ou invalide ({value!r})"
    answer = result.is_public_domain(today)
    if answer is True:
        return ""
    if answer is False:
        return f"auteur mort en {year} : l'œuvre n'est pas dans le domaine public avant {result.earliest.year}"
    latest = f"{result.latest.year}" if result.latest else "une date inconnue"
    return (f"auteur mort en {year} : domaine public incertain, entre {result.earliest.year} et {latest} ; "
            "à vérifier : " + " ; ".join(result.deciding_facts))


def _public_domain_conflict(row, death_column: str | None, today: _dt.date) -> str:
    """A reason to doubt a « domaine public » label, in French typography (see _public_domain_doubt)."""
    return french_typography(_public_domain_doubt(row, death_column, today))


def audit_licences(df, column: str = "licence", *, commercial: bool = True, death_column: str | None = "annee_deces",
                   type_column: str | None = "type", on=None) -> pd.DataFrame:
    """A copy of ``df`` with the licence audit added (the input is never modified).

    New columns: ``licence_normalisee``, ``entrainement`` (« oui », « oui, sous conditions »,
    « non, sans accord », « à décider »), ``conditions``, ``attribution``,
    ``decision_humaine`` (bool) and ``raison``. ``commercial=False`` accepts non-commercial
    licences for a research or non-commercial model. When ``death_column`` exists, a
    « domaine public » label is checked against the creator's year of death with
    :mod:`atelier_ia.law`; when ``type_column`` says a record is a photograph or a
    reproduction of a work, a person must check the photograph's own rights.
    """
    df = _check_frame(df)
    column = _check_column(df, column, "des licences")
    if not isinstance(commercial, bool):
        raise AtelierError(f"« commercial » vaut True ou False ; vous avez donné {describe(commercial)}.")
    if death_column is not None:
        death_column = check_text(death_column, "le nom de la colonne des années de décès")
        if death_column not in df.columns:
            death_column = None
    if type_column is not None:
        type_column = check_text(type_column, "le nom de la colonne des types")
        if type_column not in df.columns:
            type_column = None
    if on is None:
        today = _dt.date.today()
    elif isinstance(on, _dt.date):
        today = on
    else:
        raise AtelierError(f"« on » doit être une date (datetime.date(2026, 12, 1)) ; vous avez donné {describe(on)}.")
    out = df.copy()
    rows = []
    for _, row in df.iterrows():
        category = _category(row[column])
        verdict, conditions, attribution, human = _VERDICTS[category]
        reasons = []
        if category == "CC BY-NC" and not commercial:
            verdict, human = "oui, sous conditions", False
            conditions = "usage non commercial seulement (recherche, médiation gratuite)"
        if category == "domaine public":
            doubt = _public_domain_conflict(row, death_column, today)
            if doubt:
                verdict, human = "à décider", True
                reasons.append(doubt)
        if type_column is not None and category in ("CC0", "domaine public", "CC BY", "CC BY-SA", "Licence Ouverte"):
            kind = str(row.get(type_column, "")).lower()
            if "photo" in kind and ("œuvre" in kind or "oeuvre" in kind or "reproduction" in kind):
                human = True
                verdict = "à décider" if verdict == "oui" else verdict
                reasons.append("photographie d'une œuvre : vérifier les droits de l'œuvre photographiée et ceux du photographe")
            if any(w in kind for w in ("enregistrement", "vidéo", "video", "captation")) and category in ("CC0", "domaine public"):
                human = True
                verdict = "à décider"
                reasons.append("enregistrement : les droits voisins des interprètes et du producteur durent indépendamment de l'œuvre jouée")
        if category == "inconnue":
            raw = row[column]
            reasons.append("licence absente" if _missing(raw) or not str(raw).strip()
                           else f"licence ambiguë ou illisible : « {str(raw).strip()[:40]} »")
        if category in ("droits réservés", "CC BY-ND") or (category == "CC BY-NC" and commercial):
            reasons.append(conditions)
        rows.append({
            "licence_normalisee": category,
            "entrainement": verdict,
            "conditions": conditions,
            "attribution": attribution,
            "decision_humaine": bool(human),
            "raison": f"{NBSP}; ".join(reasons),
        })
    audit = pd.DataFrame(rows, index=df.index)
    for name in audit.columns:
        out[name] = audit[name]
    return out


def needs_human_decision(audit) -> pd.DataFrame:
    """The records of an audit (from :func:`audit_licences`) that a person must decide on."""
    audit = _check_frame(audit, "audit")
    if "decision_humaine" not in audit.columns:
        raise AtelierError("Ce tableau n'est pas un audit : passez d'abord par audit_licences(tableau).")
    return audit[audit["decision_humaine"]].copy()


def licence_summary(audit) -> pd.DataFrame:
    """Counts per normalised licence and per training verdict, in :data:`CATEGORIES` order."""
    audit = _check_frame(audit, "audit")
    if "licence_normalisee" not in audit.columns:
        raise AtelierError("Ce tableau n'est pas un audit : passez d'abord par audit_licences(tableau).")
    table = (
        audit.groupby(["licence_normalisee", "entrainement"]).size().rename("notices").reset_index()
        .assign(_order=lambda t: t["licence_normalisee"].map(CATEGORIES.index))
        .sort_values(["_order", "entrainement"]).drop(columns="_order").reset_index(drop=True)
    )
    return table


_PALETTE = {  # Okabe–Ito (figures.PALETTE), readable by colour-blind readers
    "oui": PALETTE["vert"],
    "oui, sous conditions": PALETTE["ciel"],
    "à décider": PALETTE["orange"],
    "non, sans accord": PALETTE["vermillon"],
}


def plot_licences(audit):
    """A horizontal bar chart: notices per normalised licence, coloured (and labelled) by verdict."""
    table = licence_summary(audit)
    import matplotlib.pyplot as plt

    pivot = table.pivot(index="licence_normalisee", columns="entrainement", values="notices").fillna(0)
    pivot = pivot.reindex([c for c in CATEGORIES if c in pivot.index])[::-1]
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(pivot) + 1.5))
    left = pd.Series(0.0, index=pivot.index)
    for verdict in [v for v in _PALETTE if v in pivot.columns]:
        ax.barh(pivot.index, pivot[verdict], left=left, color=_PALETTE[verdict], label=verdict, edgecolor=COLOURS["blanc"])
        left += pivot[verdict]
    ax.set_xlabel("Nombre de notices")
    ax.set_ylabel("Licence (normalisée)")
    ax.set_title("Peut-on entraîner un modèle sur ces notices ?")
    ax.legend(title="Entraînement", fontsize=10, title_fontsize=10, loc="lower right")
    fig.tight_layout()
    plt.close(fig)
    return fig


def load_sample_collection() -> pd.DataFrame:
    """The course's fictional sample collection (``data/droits/collection-licences.csv``)."""
    from .paths import data_file

    return pd.read_csv(data_file("droits/collection-licences.csv"), dtype={"annee_deces": "Int64", "annee": "Int64"}, keep_default_na=True)


# --------------------------------------------------------------------------------------------
# Datasheet
# --------------------------------------------------------------------------------------------

_PERSONAL_HINTS = ("nom", "prenom", "prénom", "email", "courriel", "adresse", "telephone", "téléphone", "naissance", "personne")


def datasheet(df, title, *, description, origin, licence, contact, purpose="", path=None,
              licence_column: str | None = "licence") -> str:
    """A French « fiche de données » in Markdown, from a table and a few facts you give.

    The sections follow *Datasheets for Datasets* (Gebru et al., 2021): motivation,
    composition, collecte, usages, diffusion, maintenance. What the table itself shows (size,
    columns, missing values, licences) is computed; what only you know is asked as arguments.
    With ``path``, the sheet is also written to that file (UTF-8).
    """
    df = _check_frame(df)
    title = check_text(title, "le titre du jeu de données")
    description = check_text(description, "la description")
    origin = check_text(origin, "l'origine des données")
    licence = check_text(licence, "la licence du jeu de données")
    contact = check_text(contact, "le contact")
    purpose = check_text(purpose, "l'usage prévu", allow_empty=True)
    n, m = df.shape
    lines = [f"# Fiche de données : {title}", ""]
    lines += ["## Motivation", "", description.strip(), ""]
    if purpose.strip():
        lines += [f"Usage prévu : {purpose.strip()}", ""]
    lines += ["## Composition", "", f"- Nombre de notices : {french_number(n)}", f"- Nombre de colonnes : {french_number(m)}", "",
              "| colonne | type | valeurs manquantes | exemple |", "|---|---|---|---|"]
    for col in df.columns:
        series = df[col]
        missing = french_percent(float(series.isna().mean()))
        example = series.dropna().astype(str).head(1).tolist()
        example = example[0][:40].replace("|", "/") if example else "—"
        kind = "nombre" if pd.api.types.is_numeric_dtype(series) else "date" if pd.api.types.is_datetime64_any_dtype(series) else "texte"
        lines.append(f"| {col} | {kind} | {missing} | {example} |")
    lines.append("")
    personal = [c for c in df.columns if any(h in str(c).lower() for h in _PERSONAL_HINTS)]
    if personal:
        lines += ["Données pouvant concerner des personnes : " + ", ".join(f"« {c} »" for c in personal)
                  + ". Vérifiez leur base légale (RGPD) avant toute diffusion ou tout entraînement.", ""]
    else:
        lines += ["Aucune colonne ne porte un nom évoquant des données personnelles ; vérifiez tout de même le contenu des textes libres.", ""]
    lines += ["## Collecte", "", origin.strip(), ""]
    lines += ["## Droits et usages", "", f"Licence du jeu de données : {licence.strip()}", ""]
    if licence_column and isinstance(licence_column, str) and licence_column in df.columns:
        audit = audit_licences(df, licence_column)
        counts = audit["licence_normalisee"].value_counts()
        lines += ["Licences des notices (normalisées) :", ""]
        for category in CATEGORIES:
            if category in counts:
                lines.append(f"- {category} : {french_number(int(counts[category]))} ({french_percent(counts[category] / n)})")
        human = int(audit["decision_humaine"].sum())
        lines += ["", f"Notices demandant une décision humaine avant entraînement : {french_number(human)}.", ""]
    lines += ["## Diffusion", "", "Décrivez où le jeu est publié (portail, dépôt), sous quel format et avec quelle réserve de fouille (TDMRep, robots.txt).", ""]
    lines += ["## Maintenance", "", f"Contact : {contact.strip()}", "Fiche générée à partir du tableau : relisez-la et complétez-la à la main.", ""]
    text = french_typography("\n".join(lines))
    if path is not None:
        if isinstance(path, bool) or not isinstance(path, (str, Path)) or not str(path).strip():
            raise AtelierError(f"« path » doit être un chemin de fichier (texte) ; vous avez donné {describe(path)}.")
        target = Path(path)
        if not target.parent.exists():
            raise AtelierError(f"Le dossier « {target.parent} » n'existe pas : créez-le ou choisissez un autre chemin.")
        target.write_text(text, encoding="utf-8")
    return text
