"""The AI Act guide, case by case against the regulation's text, plus bad input and no mutation.

Sources: Regulation (EU) 2024/1689 (art. 4, 5(1)(f), 6(2) with annex III points 1(c) and 4,
26, 27, 50); the « Digital Omnibus on AI » (Parliament 16 June 2026, Council 29 June 2026):
annex III moved to 2 Dec 2027, annex I to 2 Aug 2028, art. 50(2) kept at 2 Aug 2026 with a grace
period to 2 Dec 2026 for systems already on the market (epium.com, recordofrecord.com), new ban on
non-consensual intimate images from 2 Dec 2026 (simmons-simmons.com, May 2026; techjacksolutions.com).
"""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_ia import AtelierError
from atelier_ia.aiact import CASES, DATES, FACTS, TIERS, assess, case_facts

NBSP = "\u00a0"


def _articles(answer) -> str:
    return " | ".join(answer.articles)


def _dates(answer) -> str:
    return " | ".join(answer.dates)


# --- known cases -------------------------------------------------------------------------------


def test_every_known_case_concludes():
    for case in CASES:
        answer = assess(case)
        assert answer.complete, (case, answer.questions)
        assert answer.tier in TIERS and answer.tier != "a-preciser"


def test_visitor_chatbot_is_transparency_art_50_1():
    # Art. 50(1): the provider designs the system so that people know they talk to an AI.
    answer = assess("chatbot-visiteurs")
    assert answer.tier == "transparence"
    assert "art. 50, paragraphe 1" in _articles(answer)
    assert "2 août 2026" in _dates(answer)  # art. 50(1) not moved by the omnibus


def test_generated_poster_needs_marking_from_december_2026():
    # Art. 50(2) marking by the provider, delayed to 2 Dec 2026 by the omnibus; no deep fake.
    answer = assess("affiche-generee")
    assert answer.tier == "transparence"
    assert "art. 50, paragraphe 2" in _articles(answer)
    assert "paragraphe 4" not in _articles(answer)
    assert "2 décembre 2026" in _dates(answer)
    assert any("Marquer" in d for d in answer.provider_duties)


def test_cloned_voice_audio_guide_is_a_deep_fake_without_artistic_exception():
    # Art. 50(4): an informative audio guide in a real person's voice must be disclosed plainly.
    answer = assess("audioguide-voix-clonee")
    assert answer.tier == "transparence"
    assert "hypertrucages" in _articles(answer)
    assert answer.artistic_exception == ""
    assert any("consentement" in n for n in answer.notes)


def test_deep_fake_in_a_show_gets_the_artistic_exception_and_its_limits():
    answer = assess("hypertrucage-spectacle")
    assert answer.tier == "transparence"
    assert "ne gêne pas" in answer.artistic_exception
    assert "limites" in answer.artistic_exception
    assert "art. 50, paragraphe 2" in answer.artistic_exception  # marking by the provider still due


def test_emotion_recognition_on_staff_is_prohibited_art_5_1_f():
    answer = assess("emotions-personnel")
    assert answer.tier == "interdit"
    assert "paragraphe 1, point f" in _articles(answer)
    assert "2 février 2025" in _dates(answer)


def test_emotion_recognition_of_the_audience_is_high_risk_annex_iii_1c():
    answer = assess("emotions-public")
    assert answer.tier == "haut-risque"
    assert "point 1 c" in _articles(answer)
    assert "art. 50, paragraphe 3" in _articles(answer)
    assert "2 décembre 2027" in _dates(answer)  # annex III moved from 2 Aug 2026
    assert any("art. 27" in d for d in answer.deployer_duties)


def test_cv_screening_is_high_risk_annex_iii_4_from_december_2027():
    answer = assess("tri-cv")
    assert answer.tier == "haut-risque"
    assert "point 4" in _articles(answer)
    assert "2 décembre 2027" in _dates(answer)
    assert not any(d.startswith("2" + NBSP + "août 2026") or d.startswith("2 août 2026") for d in answer.dates)
    assert any("six mois" in d for d in answer.deployer_duties)  # art. 26(6) logs


def test_faithful_subtitles_are_minimal_risk():
    # Art. 50(2): exemption for assistive standard editing that does not alter the input.
    answer = assess("sous-titres")
    assert answer.tier == "minimal"
    assert "paragraphe 2" not in _articles(answer)
    assert any("traduction" in n for n in answer.notes)


def test_public_interest_text_without_review_must_be_disclosed():
    answer = assess("communique-genere")
    assert "textes d'intérêt public" in _articles(answer)
    reviewed = assess({**case_facts("communique-genere"), "relecture_editoriale": True})
    assert "textes d'intérêt public" not in _articles(reviewed)


def test_non_consensual_intimate_images_are_prohibited_from_december_2026():
    facts = {**case_facts("affiche-generee"), "images_intimes": True}
    answer = assess(facts)
    assert answer.tier == "interdit"
    assert "2 décembre 2026" in _dates(answer)


def test_literacy_duty_always_present_with_its_date():
    for case in CASES:
        answer = assess(case)
        assert "art. 4" in _articles(answer)
        assert "2 février 2025" in _dates(answer)


def test_dates_are_in_order_and_reflect_the_omnibus():
    assert DATES["annexe-iii"][0] == "2027-12-02"
    assert DATES["annexe-i"][0] == "2028-08-02"
    # art. 50(2) applies from 2 Aug 2026; only systems on the market before then had until 2 Dec 2026
    assert DATES["art50-2"][0] == "2026-08-02"
    assert "2 décembre 2026" in DATES["art50-2"][1] and "avant le 2 août 2026" in DATES["art50-2"][1]
    answer = assess("emotions-public")
    years = [d.split(NBSP)[0] for d in answer.dates]
    assert years.index("2 février 2025") < years.index("2 décembre 2027")


# --- questions instead of guesses ------------------------------------------------------------------


def test_unknown_fact_gives_a_question_not_a_tier():
    facts = {**case_facts("hypertrucage-spectacle"), "oeuvre_artistique": None}
    answer = assess(facts)
    assert answer.tier == "a-preciser"
    assert answer.questions == [FACTS["oeuvre_artistique"]]
    assert "Pour conclure" in answer.text()


def test_emotion_recognition_without_context_asks_who_is_observed():
    answer = assess({"reconnaissance_emotions": True, "genere_contenu": False, "dialogue_public": False,
                     "emploi": False})
    assert answer.tier == "a-preciser"
    assert answer.questions == [FACTS["travail_ou_enseignement"]]


def test_empty_description_asks_the_first_questions():
    answer = assess({})
    assert answer.tier == "a-preciser"
    assert FACTS["genere_contenu"] in answer.questions


# --- bad input, no mutation -------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["chatbot", 3, None, ["affiche-generee"]])
def test_bad_use_is_refused_in_french(bad):
    with pytest.raises(AtelierError) as err:
        assess(bad)
    assert "cas" in str(err.value).lower() or "dictionnaire" in str(err.value)


def test_unknown_fact_name_and_bad_value_are_refused():
    with pytest.raises(AtelierError, match="Fait inconnu"):
        assess({"deepfake": True})
    with pytest.raises(AtelierError, match="True \\(oui\\)"):
        assess({"genere_contenu": "oui"})
    with pytest.raises(AtelierError, match="label"):
        assess("tri-cv", label=3)


def test_input_and_cases_are_not_mutated():
    facts = {"genere_contenu": True, "hypertrucage": None}
    before = copy.deepcopy(facts)
    assess(facts)
    assert facts == before
    cases_before = copy.deepcopy(CASES)
    got = case_facts("tri-cv")
    got["emploi"] = False
    assert CASES == cases_before


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(FACTS)), st.one_of(st.none(), st.booleans())))
def test_any_description_gets_a_tier_or_questions(facts):
    answer = assess(facts)
    assert answer.tier in TIERS
    assert (answer.tier == "a-preciser") == bool(answer.questions)
    text = answer.text()
    assert "pas un conseil juridique" in text
    assert " :" not in text.replace(NBSP + ":", "")  # French typography
