"""Reading a site's reservation of rights offline: real-looking fixtures, malformed files, bad input."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_ia import AtelierError, optout
from atelier_ia.optout import (
    AI_CRAWLERS,
    check_reservation,
    crawler_table,
    read_ai_txt,
    read_html_meta,
    read_http_headers,
    read_licence_page,
    read_robots_txt,
    read_site,
    read_tdmrep_json,
)

FIXTURES = Path(__file__).parent / "fixtures" / "optout"
MUSEUM = FIXTURES / "musee-complet"
BROKEN = FIXTURES / "site-casse"


def _read(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


# --- the crawler list ---------------------------------------------------------------------------


def test_crawler_list_separates_training_from_search():
    # Operators' documentation (OpenAI « Overview of OpenAI crawlers »; Anthropic support article
    # 8896518; Perplexity « Perplexity crawlers »), checked on 1 December 2026.
    assert AI_CRAWLERS["gptbot"].purpose == "entraînement"
    assert AI_CRAWLERS["oai-searchbot"].purpose == "recherche"
    assert AI_CRAWLERS["claudebot"].purpose == "entraînement"
    assert AI_CRAWLERS["perplexitybot"].purpose == "recherche"
    assert AI_CRAWLERS["google-extended"].purpose == "entraînement"
    table = crawler_table()
    assert {"robot", "éditeur", "usage", "source"} <= set(table.columns)
    assert table["source"].str.startswith("https://").all()


# --- robots.txt ----------------------------------------------------------------------------------


def test_museum_robots_blocks_training_crawlers_but_not_search():
    signal = read_robots_txt(_read(MUSEUM, "robots.txt"))
    status = signal.details["statut"]
    for token in ("GPTBot", "ClaudeBot", "CCBot", "Google-Extended", "Applebot-Extended"):
        assert status[token] == "bloqué", token
    # Not named: falls under « User-agent: * », which only closes /gestion/ (RFC 9309, 2.2.1).
    assert status["OAI-SearchBot"] == "partiellement bloqué"
    assert signal.reserves is True and signal.machine_readable and not signal.problems


def test_partial_block_is_reported_as_partial():
    signal = read_robots_txt(_read(FIXTURES / "revue-partielle", "robots.txt"))
    assert signal.details["statut"]["GPTBot"] == "partiellement bloqué"
    assert signal.details["statut"]["ClaudeBot"] == "autorisé"
    assert "ClaudeBot" in signal.says  # a training crawler still allowed is named


def test_broken_robots_gets_french_explanations_not_a_crash():
    signal = read_robots_txt(_read(BROKEN, "robots.txt"))
    text = " ".join(signal.problems)
    assert "avant toute ligne « User-agent »".replace(" »", "\u00a0»").replace("« ", "«\u00a0") in text
    assert "Disallow" in text and "vouliez-vous" in text  # the « Dissallow » typo
    assert "il manque" in text  # « User-agent GPTBot » without a colon
    assert signal.details["statut"]["GPTBot"] == "autorisé"  # the broken rules block nothing


def test_empty_group_file_blocks_nobody():
    signal = read_robots_txt("# rien\nSitemap: https://a.example/s.xml\n")
    assert signal.reserves is False
    assert any("aucune ligne" in p for p in signal.problems)


# --- TDMRep -------------------------------------------------------------------------------------


def test_tdmrep_file_reserves_with_policy():
    signal = read_tdmrep_json(_read(MUSEUM, ".well-known/tdmrep.json"))
    assert signal.reserves is True and signal.machine_readable
    assert signal.details["règles"][0]["tdm-policy"].endswith("fouille.json")
    assert not signal.problems


def test_tdmrep_keeps_rule_order():
    # W3C TDMRep final report: « The most specific match is the first in sequence ».
    rules = read_tdmrep_json(_read(FIXTURES / "revue-partielle", ".well-known/tdmrep.json")).details["règles"]
    assert [r["location"] for r in rules] == ["/images/*.jpg", "/"]
    assert [r["tdm-reservation"] for r in rules] == [0, 1]


def test_tdmrep_invalid_json_is_explained():
    signal = read_tdmrep_json(_read(BROKEN, ".well-known/tdmrep.json"))
    assert signal.reserves is None and not signal.machine_readable
    assert "JSON valide" in signal.problems[0] and "ligne 2" in signal.problems[0]


@pytest.mark.parametrize(
    "text,expected",
    [
        ('{"location": "/", "tdm-reservation": 1}', "crochets"),
        ('[{"location": "/", "tdm-reservation": "oui"}]', "seules les valeurs 1"),
        ('[{"location": "/", "tdm-reservation": 2}]', "seules les valeurs 1"),
        ('[{"location": "/", "tdm_reservation": 1}]', "le nom exact est"),
        ('[{"tdm-reservation": 1}]', "location"),
        ('[{"location": "/", "tdm-reservation": 1, "tdm-policy": "licences.html"}]', "adresse web complète"),
        ("[]", "aucune règle"),
        ('[3]', "objet"),
    ],
)
def test_tdmrep_mistakes(text, expected):
    signal = read_tdmrep_json(text)
    assert any(expected in p.replace("\u00a0", " ") for p in signal.problems), signal.problems


def test_http_headers_text_and_dict():
    signal = read_http_headers(_read(MUSEUM, "headers.txt"))
    assert signal.reserves is True and signal.details["tdm-policy"].startswith("https://")
    same = read_http_headers({"tdm-reservation": "1"})
    assert same.reserves is True
    broken = read_http_headers(_read(BROKEN, "headers.txt"))
    assert broken.reserves is None and len(broken.problems) == 2  # « oui » and a relative policy


def test_html_meta():
    assert read_html_meta(_read(MUSEUM, "index.html")).reserves is True
    broken = read_html_meta(_read(BROKEN, "index.html"))
    text = " ".join(broken.problems)
    assert broken.reserves is None
    assert "noai" in text and "tdm_policy" in text and "seules les valeurs 1" in text
    absent = read_html_meta("<html><head><title>x</title></head></html>")
    assert absent.found is False


def test_ai_txt():
    signal = read_ai_txt(_read(MUSEUM, "ai.txt"))
    assert signal.reserves is True and "tout usage" in signal.says
    assert read_ai_txt("User-Agent: *\nAllow: /\n").reserves is False


def test_licence_page_is_never_machine_readable():
    # OLG Hamburg, 10 December 2025, 5 U 104/24 (Kneschke v. LAION): a natural-language
    # reservation is not a machine-readable one.
    signal = read_licence_page(_read(FIXTURES / "licence-seule", "licence.txt"))
    assert signal.reserves is True and signal.machine_readable is False
    neutral = read_licence_page("Horaires : du mardi au dimanche, de 10 h à 18 h.")
    assert neutral.reserves is None


# --- whole site ----------------------------------------------------------------------------------


def test_read_site_museum_folder():
    site = read_site(MUSEUM)
    frame = site.to_frame()
    assert list(frame["signal"]) == [
        "robots.txt", "TDMRep (tdmrep.json)", "TDMRep (en-tête HTTP)", "TDMRep (balise meta HTML)", "ai.txt",
        "page de licence (langage courant)",
    ]
    assert (frame["trouvé"] == "oui").all()
    assert site.machine_readable_reservation
    text = site.explain()
    for needle in ("L. 122-5-3", "2022-928", "Hambourg", "12 octobre 2023", "53", "pas un conseil juridique"):
        assert needle in text


def test_licence_only_site_has_no_machine_readable_reservation():
    site = read_site(FIXTURES / "licence-seule")
    assert not site.machine_readable_reservation
    text = site.explain()
    assert "qu'en langage courant" in text and "décret de 2022" in text
    assert (site.to_frame()["trouvé"] == "non").sum() == 5


def test_site_without_any_reservation():
    site = read_site(robots="User-agent: *\nAllow: /\n")
    assert "Aucun signal ne réserve" in site.explain()


@pytest.mark.parametrize("texts, start", [
    (dict(tdmrep='[{"location": "/", "tdm-reservation": 1}]'), "Au moins un signal lisible par machine"),
    (dict(licence="Toute fouille de textes et de données est interdite."), "Votre réserve n'existe qu'en langage courant"),
    (dict(robots="User-agent: *\nAllow: /\n"), "Aucun signal ne réserve"),
    (dict(licence=" "), "Aucun signal ne réserve"),  # nothing found at all: explain() starts with its blank line
])
def test_verdict_is_the_conclusion_of_the_explanation(texts, start):
    """``verdict`` is the paragraph a demo shows: it is in ``explain()``, alone, without the legal context."""
    site = read_site(**texts)
    assert site.verdict.startswith(start)
    assert "\n\n" + site.verdict + "\n\n" in "\n\n" + site.explain()
    assert "Ce que dit le droit" not in site.verdict and "\n" not in site.verdict and " :" not in site.verdict


def test_broken_site_never_raises():
    site = read_site(BROKEN)
    assert isinstance(site.to_frame(), pd.DataFrame)
    assert sum(len(s.problems) for s in site.signals) >= 8


def test_texts_override_folder_and_non_utf8_file(tmp_path):
    (tmp_path / "robots.txt").write_bytes("User-agent: *\nDisallow: /caf\xe9/\n".encode("latin-1"))
    site = read_site(tmp_path)
    assert "UTF-8" in site.signals[0].problems[0]
    site = read_site(tmp_path, robots="User-agent: GPTBot\nDisallow: /\n")
    assert site.signals[0].details["statut"]["GPTBot"] == "bloqué"


# --- checker --------------------------------------------------------------------------------------


def test_check_reservation_accepts_a_good_answer():
    result = check_reservation(_read(MUSEUM, ".well-known/tdmrep.json"), _read(MUSEUM, "robots.txt"))
    assert result.ok, result.missing
    assert len(result.right) == 4


def test_check_reservation_lists_what_is_missing():
    robots = "User-agent: GPTBot\nDisallow: /\n"
    result = check_reservation('[{"location": "/", "tdm-reservation": 1}]', robots)
    text = " ".join(result.missing)
    assert not result.ok
    assert "tdm-policy" in text and "CCBot" in text and "ClaudeBot" in text
    assert "GPTBot" not in text.split("bloqués sur tout le site")[-1]


def test_check_reservation_warns_when_search_engines_are_blocked():
    robots = "User-agent: *\nDisallow: /\n"
    result = check_reservation('[{"location": "/", "tdm-reservation": 1, "tdm-policy": "https://m.example/p.json"}]', robots)
    assert any("moteurs de recherche" in m for m in result.missing)
    assert any("tous les robots d'entraînement" in r for r in result.right)


def test_check_reservation_catches_an_allowing_rule():
    result = check_reservation('[{"location": "/", "tdm-reservation": 0}]', _read(MUSEUM, "robots.txt"))
    assert any("autorise la fouille" in m for m in result.missing)


# --- bad input ----------------------------------------------------------------------------------

_TEXT_READERS = [read_robots_txt, read_tdmrep_json, read_http_headers, read_html_meta, read_ai_txt, read_licence_page]


@pytest.mark.parametrize("reader", _TEXT_READERS)
@pytest.mark.parametrize("bad", [None, "", "   ", 3, 2.5, ["User-agent: *"], b"User-agent: *"])
def test_readers_refuse_bad_input_in_french(reader, bad):
    if reader is read_http_headers and isinstance(bad, list):
        bad = []
    with pytest.raises(AtelierError) as err:
        reader(bad)
    assert "vous avez donné" in str(err.value) or "vide" in str(err.value) or "chaîne" in str(err.value)


def test_read_site_and_checker_refuse_bad_input():
    for call in (
        lambda: read_site(),
        lambda: read_site(3),
        lambda: read_site(""),
        lambda: read_site("/nulle/part/ici"),
        lambda: check_reservation(None, "User-agent: *"),
        lambda: check_reservation("[]", 12),
        lambda: check_reservation('[{"location": "/", "tdm-reservation": 1}]', "User-agent: *", want_policy="oui"),
        lambda: read_http_headers({}),
        lambda: read_http_headers({"tdm-reservation": None}),
    ):
        with pytest.raises(AtelierError):
            call()


def test_inputs_are_not_mutated():
    headers = {"tdm-reservation": "1", "tdm-policy": "https://a.example/p.json"}
    before = copy.deepcopy(headers)
    read_http_headers(headers)
    assert headers == before


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_no_text_ever_crashes_a_reader(text):
    for reader in _TEXT_READERS:
        try:
            signal = reader(text)
        except AtelierError:
            continue
        assert signal.reserves in (True, False, None)
        str(signal)


@settings(max_examples=60, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.sampled_from(["location", "tdm-reservation", "tdm-policy", "x"]), c, max_size=3),
                    max_leaves=8))
def test_any_json_gives_a_signal(value):
    signal = read_tdmrep_json(json.dumps(value))
    assert signal.reserves in (True, False, None)


def test_module_exports():
    for name in optout.__all__:
        assert hasattr(optout, name)


def test_french_typography_in_explanations_and_errors():
    texts = [read_site(BROKEN).explain(), read_site(MUSEUM).explain(), str(check_reservation("[]", "User-agent: *"))]
    for bad in (None, 3):
        try:
            read_robots_txt(bad)
        except AtelierError as err:
            texts.append(str(err))
    for text in texts:
        assert not re.search(r" [:;?!»]", text.replace("https://", "")), re.findall(r".{20} [:;?!»]", text)[:3]
        assert "« " not in text


@pytest.mark.parametrize("bad", [None, "", 3, 4.5, True])
def test_every_public_function_refuses_bad_first_argument(bad):
    import inspect

    for name in optout.__all__:
        func = getattr(optout, name)
        if not inspect.isfunction(func) or not inspect.signature(func).parameters:
            continue
        required = [p for p in inspect.signature(func).parameters.values() if p.default is inspect.Parameter.empty and p.kind is p.POSITIONAL_OR_KEYWORD]
        args = [bad] + ["User-agent: *"] * (len(required) - 1)
        with pytest.raises(AtelierError):
            func(*args)
