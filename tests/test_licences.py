"""Licence audit of a collection and the « fiche de données »: the sample collection, rules, bad input."""

from __future__ import annotations

import datetime as dt

import matplotlib
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_ia import AtelierError, licences
from atelier_ia.licences import (
    CATEGORIES,
    audit_licences,
    datasheet,
    licence_summary,
    load_sample_collection,
    needs_human_decision,
    normalise_licence,
    plot_licences,
)

matplotlib.use("Agg")
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def collection():
    return load_sample_collection()


@pytest.fixture(scope="module")
def audit(collection):
    return audit_licences(collection, on=TODAY)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("CC0 1.0", "CC0"),
        ("cc-zero", "CC0"),
        ("Public Domain Mark 1.0", "domaine public"),
        ("Domaine Public", "domaine public"),
        ("PD", "domaine public"),
        ("CC-BY 4.0", "CC BY"),
        ("Attribution 4.0 International", "CC BY"),
        ("cc by sa", "CC BY-SA"),
        ("CC BY-NC-SA 4.0", "CC BY-NC"),
        ("CC BY-ND", "CC BY-ND"),
        ("Licence Ouverte / Open Licence v2.0", "Licence Ouverte"),
        ("© 2025 Cie Les Échassiers", "droits réservés"),
        ("Tous droits réservés", "droits réservés"),
        ("copyright", "droits réservés"),
        ("libre de droits", "inconnue"),  # « royalty-free » is not an open licence
        ("NC", "inconnue"),  # too short to say which licence
        ("???", "inconnue"),
        ("voir conditions", "inconnue"),
    ],
)
def test_normalise_licence(raw, expected):
    assert normalise_licence(raw) == expected


def test_sample_collection_shape(collection):
    # data/droits/collection-licences.csv: ≈40 fictional records, deliberately messy licences.
    assert len(collection) == 40
    assert {"id", "titre", "type", "createur", "annee_deces", "annee", "institution", "licence"} <= set(collection.columns)
    assert collection["id"].is_unique
    assert collection["licence"].nunique() > 25  # messy on purpose
    assert set(audit_licences(collection, on=TODAY)["licence_normalisee"]) == set(CATEGORIES)
    assert collection["licence"].isna().sum() == 1  # one empty cell, classed « inconnue » by the audit


def test_audit_does_not_modify_input(collection):
    before = collection.copy()
    audit_licences(collection, on=TODAY)
    pd.testing.assert_frame_equal(collection, before)


def test_audit_verdicts(audit):
    by_id = audit.set_index("id")
    assert by_id.loc["SAB-003", "entrainement"] == "oui"  # Victor Hugo, died 1885
    assert by_id.loc["LIS-003", "entrainement"] == "oui, sous conditions"  # CC BY
    assert "auteur" in by_id.loc["LIS-003", "attribution"]
    assert by_id.loc["LIS-001", "entrainement"] == "non, sans accord"
    assert by_id.loc["SAB-011", "entrainement"] == "à décider"


def test_public_domain_label_checked_against_death_year(audit):
    # VAL-004 says « Domaine public » but its painter died in 1976: protected until the end
    # of 2046 (CPI art. L. 123-1), so a person must decide.
    row = audit.set_index("id").loc["VAL-004"]
    assert row["decision_humaine"] and "2047" in row["raison"]
    # An anonymous work of 1789 counts from publication (L. 123-3): no doubt.
    assert not audit.set_index("id").loc["SAB-001", "decision_humaine"]


def test_public_domain_label_with_an_unknown_fact_needs_a_person(audit):
    # SAB-009: poems by an author who died in 1944. Free since 2015, unless she is « morte pour la
    # France » (then 2033): the collection does not say, so a person must check, never « oui ».
    row = audit.set_index("id").loc["SAB-009"]
    assert row["decision_humaine"] and row["entrainement"] != "oui"
    assert "mort pour la France" in row["raison"] and "2033" in row["raison"]


def test_photographs_of_works_and_recordings_need_a_person(audit):
    by_id = audit.set_index("id")
    assert by_id.loc["VAL-002", "decision_humaine"] and "photographie" in by_id.loc["VAL-002", "raison"]
    assert by_id.loc["LIS-007", "decision_humaine"] and "droits voisins" in by_id.loc["LIS-007", "raison"]


def test_non_commercial_depends_on_purpose(collection):
    commercial = audit_licences(collection, on=TODAY).set_index("id")
    research = audit_licences(collection, commercial=False, on=TODAY).set_index("id")
    assert commercial.loc["LIS-004", "decision_humaine"]
    assert not research.loc["LIS-004", "decision_humaine"]
    assert research.loc["LIS-004", "entrainement"] == "oui, sous conditions"


def test_needs_human_decision(audit):
    todo = needs_human_decision(audit)
    assert todo["decision_humaine"].all()
    assert set(todo["id"]) >= {"VAL-004", "VAL-015", "SAB-005", "LIS-008", "LIS-009"}
    assert not set(todo["id"]) & {"SAB-003", "LIS-006", "VAL-007"}


def test_summary_and_plot(audit):
    table = licence_summary(audit)
    assert table["notices"].sum() == len(audit)
    assert list(dict.fromkeys(table["licence_normalisee"])) == [c for c in CATEGORIES if c in set(table["licence_normalisee"])]
    fig = plot_licences(audit)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Nombre de notices" and ax.get_legend() is not None


def test_datasheet(collection, tmp_path):
    target = tmp_path / "fiche.md"
    text = datasheet(collection, "Collection d'exemple", description="Notices fictives pour l'atelier.",
                     origin="Écrites pour le cours.", licence="CC BY 4.0", contact="formation@example.org", path=target)
    assert target.read_text(encoding="utf-8") == text
    for heading in ("## Motivation", "## Composition", "## Collecte", "## Droits et usages", "## Diffusion", "## Maintenance"):
        assert heading in text
    assert "Nombre de notices\u00a0: 40" in text
    assert "| annee_deces | nombre |" in text
    assert "décision humaine" in text


def test_datasheet_flags_personal_data():
    df = pd.DataFrame({"nom": ["Dupont"], "courriel": ["a@b.example"], "licence": ["CC BY"]})
    text = datasheet(df, "Lecteurs", description="d", origin="o", licence="l", contact="c")
    assert "RGPD" in text and "« nom »".replace("« ", "«\u00a0").replace(" »", "\u00a0»") in text


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [None, "", "CC BY", 3, [1, 2], pd.DataFrame()])
def test_frame_functions_refuse_bad_tables(bad):
    for call in (audit_licences, needs_human_decision, licence_summary, plot_licences):
        with pytest.raises(AtelierError):
            call(bad)
    with pytest.raises(AtelierError):
        datasheet(bad, "t", description="d", origin="o", licence="l", contact="c")


def test_audit_refuses_bad_arguments(collection):
    for kwargs in ({"column": "licences"}, {"column": ""}, {"column": 3}, {"commercial": "non"}, {"on": "2026-12-01"}):
        with pytest.raises(AtelierError):
            audit_licences(collection, **kwargs)
    with pytest.raises(AtelierError):
        needs_human_decision(collection)  # not an audit yet


def test_datasheet_refuses_missing_facts(collection, tmp_path):
    base = dict(description="d", origin="o", licence="l", contact="c")
    for key in base:
        with pytest.raises(AtelierError):
            datasheet(collection, "t", **{**base, key: ""})
    with pytest.raises(AtelierError):
        datasheet(collection, None, **base)
    with pytest.raises(AtelierError):
        datasheet(collection, "t", **base, path=tmp_path / "absent" / "f.md")


@pytest.mark.parametrize("bad", [None, "", "   ", float("nan"), 3, 2.5, ["CC BY"], {"licence": "CC BY"}, True])
def test_normalise_refuses_non_text(bad):
    with pytest.raises(AtelierError):
        normalise_licence(bad)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=60))
def test_any_text_normalises_to_a_category(text):
    try:
        assert normalise_licence(text) in CATEGORIES
    except AtelierError:
        assert not text.strip()


def test_module_exports():
    for name in licences.__all__:
        assert hasattr(licences, name)


def test_french_typography_in_datasheet_and_audit(collection, audit):
    text = datasheet(collection, "Collection", description="Notices : test.", origin="o", licence="l", contact="c")
    texts = [text, *audit["raison"], *audit["conditions"]]
    for t in texts:
        assert " :" not in t and " ;" not in t and "« " not in t and " »" not in t, t


def test_error_message_typography():
    with pytest.raises(AtelierError) as err:
        normalise_licence(None)
    assert "« " not in str(err.value) and " ;" not in str(err.value)


@pytest.mark.parametrize("bad", [None, "", 3, 4.5, True])
def test_every_public_function_refuses_bad_first_argument(bad):
    import inspect

    for name in licences.__all__:
        func = getattr(licences, name)
        if not inspect.isfunction(func) or not inspect.signature(func).parameters:
            continue
        kwargs = {"description": "d", "origin": "o", "licence": "l", "contact": "c"} if func is datasheet else {}
        args = [bad, "titre"] if func is datasheet else [bad]
        with pytest.raises(AtelierError):
            func(*args, **kwargs)
