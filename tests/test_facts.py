"""Facts of module 01: the data sets agree with the report, and no date-dependent status goes stale.

The reference for the priority flags is the report itself: « IA : notre ambition pour la
France », Commission de l'intelligence artificielle, mars 2024, synthèse p. 4-5 (six lines of
action; the fourth, access to data, covers both personal data, n° 15, and cultural data, n° 16)
and table « Nos recommandations » p. 124-127. The seven priority recommendations are n° 1, 12,
14, 15, 16, 19 and 22.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from notebook_tools import ROOT, read

from atelier_ia import AtelierError
from atelier_ia.paths import data_file
from atelier_ia.quiz import load_quiz
from atelier_ia.timeline import PAST, POSTPONED, UPCOMING, build_date, french_date, status, to_date, with_status

#: Report, synthèse p. 4-5, read with the table p. 124-127 (see the module docstring).
REPORT_PRIORITIES = {1, 12, 14, 15, 16, 19, 22}
#: Report, synthèse p. 5: « en matière culturelle, mise en place de l'infrastructure technique… ».
CULTURE_PRIORITY = 16
#: Report, table p. 127: « Ensemble du plan 27 Md€ ».
PLAN_TOTAL_BILLION_EUROS = 27

MODULE_01 = "modules/01-rapport-commission-ia.ipynb"


@pytest.fixture(scope="module")
def recos():
    return pd.read_csv(data_file("rapport/recommandations.csv"))


@pytest.fixture(scope="module")
def chrono():
    return pd.read_csv(data_file("rapport/chronologie.csv"), parse_dates=["date"])


# --- recommandations.csv -------------------------------------------------------------------

def test_recommendations_are_numbered_1_to_25(recos):
    assert sorted(recos["numero"]) == list(range(1, 26))


def test_priority_flags_are_exactly_the_reports_seven(recos):
    assert set(recos["prioritaire"]) <= {"oui", "non"}, "une valeur autre que oui/non (incertain ?) reste dans prioritaire"
    flagged = set(recos.loc[recos["prioritaire"] == "oui", "numero"])
    assert flagged == REPORT_PRIORITIES, f"priorités du tableau {sorted(flagged)} ≠ rapport {sorted(REPORT_PRIORITIES)}"


def test_culture_priority_is_sixteen_and_led_by_the_culture_ministry(recos):
    row = recos.set_index("numero").loc[CULTURE_PRIORITY]
    assert row["prioritaire"] == "oui" and row["culture"] == "lien direct"
    assert "ministère de la culture" in row["pilotes"]


def test_costs_add_up_to_the_reports_total(recos):
    total_billion = recos["montant_5_ans_millions_euros"].sum() / 1000
    assert round(total_billion) == PLAN_TOTAL_BILLION_EUROS


@pytest.mark.parametrize("column", ["paraphrase", "axe", "section", "pilotes", "justification_culture",
                                    "source", "statut_verification"])
def test_every_recommendation_row_is_filled(recos, column):
    empty = recos.loc[recos[column].fillna("").str.strip() == "", "numero"].tolist()
    assert not empty, f"colonne {column} vide pour les recommandations {empty}"


def test_every_recommendation_source_cites_the_report_and_names_the_copy(recos):
    for numero, source in zip(recos["numero"], recos["source"]):
        assert source.startswith("Rapport, tableau"), f"n° {numero} : la source ne cite pas le rapport"
        if "copie" in source and "texte" in source:
            assert "invaders-xx/ai-workflows" in source, f"n° {numero} : copie du rapport citée sans dire laquelle"


def test_priority_rows_cite_the_reports_summary(recos):
    for numero, source in zip(recos["numero"], recos["source"]):
        if numero in REPORT_PRIORITIES:
            assert "synthèse" in source, f"n° {numero} : priorité sans renvoi à la synthèse du rapport"


def test_module_01_lists_the_same_priorities_as_the_data(recos):
    nb = read(ROOT / MODULE_01)
    cell = next(c for c in nb.cells if c.get("id") == "ce-qu-il-propose")
    listed = {int(n) for n in re.findall(r"\(n°\s*(\d+)\)", cell.source)}
    assert listed == set(recos.loc[recos["prioritaire"] == "oui", "numero"])
    assert "incertain" not in cell.source


# --- chronologie.csv -------------------------------------------------------------------------

def test_timeline_stores_no_status_that_depends_on_the_date(chrono):
    stale_words = {"passé", "à venir", "prévu", "futur"}
    for column in chrono.columns:
        if chrono[column].dtype == object:
            values = set(chrono[column].dropna().str.strip())
            assert not values & stale_words, f"la colonne {column} fige un statut qui dépend de la date"
    assert set(chrono["reportee"]) <= {"oui", "non"}


def test_every_timeline_row_has_a_source_and_a_category(chrono):
    assert chrono["source"].fillna("").str.strip().ne("").all()
    assert set(chrono["categorie"]) <= {"France", "Union européenne", "international"}


def test_no_event_after_the_build_date_is_labelled_past(chrono):
    today = build_date()
    table = with_status(chrono, today)
    later = table[table["date"].dt.date >= today]
    assert PAST not in set(later["statut"])
    earlier = table[(table["date"].dt.date < today) & (table["reportee"] == "non")]
    assert set(earlier["statut"]) <= {PAST}


def test_statuses_on_the_first_of_december_2026(chrono):
    table = with_status(chrono, "2026-12-01").assign(jour=lambda t: t["date"].dt.strftime("%Y-%m-%d"))
    by_day = table.groupby("jour")["statut"].agg(set)
    assert by_day["2026-12-02"] == {UPCOMING}
    assert by_day["2026-06-29"] == {PAST}
    assert POSTPONED in by_day["2026-08-02"]


def test_omnibus_final_adoption_is_dated_29_june_2026(chrono):
    rows = chrono[chrono["evenement"].str.contains("omnibus", case=False)]
    days = set(rows["date"].dt.strftime("%Y-%m-%d"))
    assert "2026-06-24" not in days, "le 24 juin 2026 n'est qu'une étape préparatoire"
    council = rows[rows["evenement"].str.contains("Conseil") & rows["evenement"].str.contains("définitivement")]
    assert list(council["date"].dt.strftime("%Y-%m-%d")) == ["2026-06-29"]
    assert "2026-06-16" in days


def test_senate_report_is_attributed_to_its_culture_committee(chrono):
    row = chrono[chrono["evenement"].str.contains("de la prédation au partage de la valeur")]
    assert len(row) == 1
    text = row.iloc[0]["evenement"]
    assert "commission de la culture" in text and "huit" in text


# --- timeline.py ------------------------------------------------------------------------------

def test_status_with_fixed_dates():
    assert status("2026-12-02", "2026-12-01") == UPCOMING
    assert status("2026-11-30", "2026-12-01") == PAST
    assert status("2026-12-01", "2026-12-01") == UPCOMING  # the day itself: not yet known to be past
    assert status(pd.Timestamp("2024-03-13"), dt.date(2026, 12, 1)) == PAST
    assert status(dt.datetime(2027, 1, 1, 12), "2026-12-01") == UPCOMING


def test_build_date_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc).timestamp())))
    assert build_date() == dt.date(2026, 12, 1)
    assert status("2026-12-02") == UPCOMING
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "demain")
    with pytest.raises(AtelierError, match="SOURCE_DATE_EPOCH"):
        build_date()


@pytest.mark.parametrize("bad", ["2026-13-01", "hier", None, 20261201])
def test_bad_dates_get_a_french_message(bad):
    with pytest.raises(AtelierError, match="date"):
        to_date(bad)


def test_with_status_needs_its_columns():
    with pytest.raises(AtelierError, match="reportee"):
        with_status(pd.DataFrame({"date": ["2026-01-01"]}), "2026-12-01")


def test_french_date():
    assert french_date("2026-12-01") == "1er\u00a0décembre 2026"
    assert french_date(dt.date(2027, 8, 2)) == "2\u00a0août 2027"


# --- quiz of module 01 ------------------------------------------------------------------------

def test_module_01_quiz_right_answer_is_not_always_first():
    quiz = load_quiz("01-rapport-commission-ia")
    assert len(quiz.questions) >= 10
    first_only = [q for q in quiz.questions if q.correct_indices == frozenset({0})]
    assert len(first_only) <= len(quiz.questions) // 2, "la bonne réponse est trop souvent la première dans le fichier"


