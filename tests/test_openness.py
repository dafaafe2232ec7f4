"""The openness table: every published description is read, the OSI reading agrees with OSI's own review."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_ia import openness as op
from atelier_ia.errors import AtelierError

LEVEL_VALUES = list(op.LEVELS)


def test_every_description_of_the_data_file_gets_a_level():
    models = op.load_models()
    assert len(models) >= 7
    for _, row in models.iterrows():
        for component in op.COMPONENTS:
            assert op.component_level(component, row[component]) in op.LEVELS
        assert row["source"].startswith("https://") and row["date_verification"]


def test_osi_reading_matches_the_osi_review_of_2024():
    """OSI's validation: OLMo passed; BLOOM only failed on its licence; Llama and Mistral's models fell short."""
    table = op.openness_table().set_index("modèle")
    verdict = {name.split(" (")[0]: ok for name, ok in table["conditions OSI réunies"].items()}
    assert verdict["OLMo 2"] and verdict["Lucie-7B"]
    assert not verdict["BLOOM"] and not verdict["Llama 3.1"] and not verdict["Mistral 7B"]
    bloom = table.loc[[n for n in table.index if n.startswith("BLOOM")][0]]
    assert bloom["licence"] == 1 and bloom["poids"] == bloom["code"] == 2  # only the licence stops it
    assert not verdict["GPT-4o"]


def test_closed_models_are_closed_and_totals_order_the_models():
    table = op.openness_table()
    closed = table[table["modèle"].str.startswith(("GPT", "Claude"))]
    assert (closed["poids"] == 0).all() and (closed["licence"] == 0).all()
    assert table["total"].between(0, 10).all()
    assert table.loc[table["modèle"] == "Lucie-7B", "total"].item() > table.loc[table["modèle"].str.startswith("Llama"), "total"].item()


@pytest.mark.parametrize("component, text, level", [
    ("poids", "non publiés (accès par l'API)", 0),
    ("poids", "publiés après acceptation de la licence", 1),
    ("donnees_entrainement", "non publiées ; décrites en termes généraux", 0),
    ("licence", "Apache 2.0", 2),
    ("licence", "propriétaire", 0),
    ("licence", "licence qui limite certains usages, avec des restrictions", 1),
    ("code_entrainement", "non vérifié", -1),
])
def test_rules_read_the_first_meaningful_words(component, text, level):
    assert op.component_level(component, text) == level


def test_unknown_wording_is_not_guessed():
    with pytest.raises(AtelierError, match="ne sait pas classer"):
        op.component_level("licence", "à négocier au cas par cas")


@pytest.mark.parametrize("call", [
    lambda: op.component_level("prix", "gratuit"),
    lambda: op.component_level("poids", ""),
    lambda: op.component_level("poids", None),
    lambda: op.osi_conditions("ouvert"),
    lambda: op.osi_conditions({"poids": 2}),
    lambda: op.osi_conditions({"poids": 3, "donnees_entrainement": 1, "code_entrainement": 2, "licence": 2, "documentation": 1}),
    lambda: op.osi_conditions({"poids": True, "donnees_entrainement": 1, "code_entrainement": 2, "licence": 2, "documentation": 1}),
    lambda: op.openness_table(pd.DataFrame()),
    lambda: op.openness_table(pd.DataFrame({"modele": ["X"]})),
    lambda: op.openness_table("tableau"),
    lambda: op.openness_figure(pd.DataFrame({"x": [1]})),
])
def test_bad_input_raises_a_french_atelier_error(call):
    with pytest.raises(AtelierError) as err:
        call()
    message = err.value.args[0]
    assert message[0].isupper() or message.startswith("«")


@settings(max_examples=60, deadline=None)
@given(st.fixed_dictionaries({c: st.sampled_from(LEVEL_VALUES) for c in op.COMPONENTS}))
def test_osi_conditions_need_open_weights_code_and_licence(levels):
    ok = op.osi_conditions(levels)
    if ok:
        assert levels["poids"] == levels["code_entrainement"] == levels["licence"] == 2
        assert levels["donnees_entrainement"] >= 1
    closed_one = dict(levels, licence=1)
    assert not op.osi_conditions(closed_one)


def test_inputs_are_never_mutated_and_figure_labels_every_cell():
    models = op.load_models()
    before = models.copy()
    table = op.openness_table(models)
    pd.testing.assert_frame_equal(models, before)
    fig = op.openness_figure(table)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert len(texts) == len(table) * len(op.COMPONENTS) and set(texts) <= set(op.LEVELS.values())
