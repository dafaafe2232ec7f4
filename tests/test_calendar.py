"""The course's one calendar (data/calendrier/faits-dates.yml): computed statuses, overdue facts,
the pages the build writes from it, and every AI Act date written in prose checked against it.

Sources of the dates: Regulation (EU) 2024/1689, art. 113 (EUR-Lex); the 2026 « Digital Omnibus on
AI » as reported by epium.com and recordofrecord.com (art. 50(2) from 2 Aug 2026, legacy systems
until 2 Dec 2026; annex III 2 Dec 2027; annex I 2 Aug 2028; new art. 5 ban 2 Dec 2026).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re

import pytest
import yaml
from notebook_tools import ROOT

from atelier_ia import AtelierError, aiact, datedfacts
from atelier_ia.fmt import MONTHS
from atelier_ia.paths import data_file
from atelier_ia.timeline import build_date, to_date
from atelier_tools import calendar_pages, sync

#: A date preceded by « au » or « le … vérifié le » says when a statement was checked, not an event.
DATE_RE = re.compile(r"(?<!\bau )(?<!\bAu )(?<!vérifiés le )(?<!vérifié le )(?<!consulté le )\b(1er|[12]?\d|3[01])[\s\u00a0\u202f]+(" + "|".join(MONTHS) + r")[\s\u00a0\u202f]+(20\d\d)\b")
#: A sentence speaks of the AI Act when it contains one of these (lower case).
AIACT_WORDS = ("règlement sur l'ia", "règlement européen sur l'ia", "règlement (ue) 2024/1689", "ai act", "art. 50",
               "article 50", "annexe iii", "omnibus", "haut risque", "maîtrise de l'ia", "pratiques interdites")
#: Words that give a date still to come (wrong once the date has passed).
FUTURE_WORDS = ("probable", "à venir", "s'appliquera", "entrera en", "sera applicable", "seront applicables")
ART50_2_WORDS = ("marquage", "50, paragraphe 2", "50, § 2", "50(2)", "50 § 2")
ART4_CHANGE_WORDS = ("assoupli", "obligation de moyens")

PROSE_GLOBS = ("modules/*.ipynb", "exercises/*.ipynb", "data/quiz/*.yml", "data/activites/*.yml",
               "data/course/notes/*.yml", "annexes/*.md", "data/rapport/chronologie.csv")


def _day(day: str, month: str, year: str) -> dt.date:
    """« 1er », « décembre », « 2026 » read by DATE_RE or STATE_RE, as a date."""
    return dt.date(int(year), MONTHS.index(month) + 1, 1 if day == "1er" else int(day))


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# --- computed statuses ---------------------------------------------------------------------------

def test_a_passed_date_reads_in_force_since_and_a_future_one_from():
    assert datedfacts.status_text("aiact-annexe-iii", "2027-12-01") == "à partir du 2 décembre 2027"
    assert datedfacts.status_text("aiact-annexe-iii", "2027-12-02") == "applicable depuis le 2 décembre 2027"
    assert datedfacts.status_text("aiact-interdiction-images-intimes", "2026-12-06") == \
        "en vigueur depuis le 2 décembre 2026"
    assert datedfacts.status_text("aiact-interdiction-images-intimes", "2026-11-30") == "à partir du 2 décembre 2026"


def test_build_date_decides_the_status(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2028, 9, 1, tzinfo=dt.timezone.utc).timestamp())))
    assert datedfacts.status_text("aiact-annexe-i") == "applicable depuis le 2 août 2028"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc).timestamp())))
    assert datedfacts.status_text("aiact-art50-2") == "à partir du 2 août 2026"


def test_art_50_2_applies_from_august_with_a_grace_period_for_legacy_systems_only():
    f = datedfacts.fact("aiact-art50-2")
    assert f.date == _d("2026-08-02")
    assert "avant le 2 août 2026" in f.what and "2 décembre 2026" in datedfacts.wording("art50-2")
    assert datedfacts.fact("aiact-art50-2-anciens-systemes").date == _d("2026-12-02")
    assert datedfacts.fact("aiact-annexe-iii").date == _d("2027-12-02")
    assert datedfacts.fact("aiact-annexe-i").date == _d("2028-08-02")


def test_the_guide_reads_its_dates_from_the_calendar_with_no_probable_left():
    for key, (iso, what, state) in aiact.DATES.items():
        assert state in ("vérifié", "concordant", "non vérifié"), key
    line = aiact._date_line("interdiction-images-intimes")
    expected = datedfacts.status_text("aiact-interdiction-images-intimes")
    assert expected.replace(" ", "\u00a0", 0) in line.replace("\u00a0", " ")
    assert "probable" not in " ".join(aiact._date_line(k) for k in aiact.DATES)


def test_every_fact_has_a_source_a_review_date_and_a_place():
    for f in datedfacts.facts():
        assert f.source.strip() and f.where, f.id
        for place in f.where:
            assert (ROOT / place).exists(), f"{f.id} : {place} n'existe pas"


def test_every_bibliography_key_cited_by_a_fact_exists():
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    keys = set(re.findall(r"^@\w+\{([^,]+),", bib, re.M))
    for f in datedfacts.facts():
        for src in (s.strip() for s in f.source.split(";")):
            if "/" not in src and "." not in src:
                assert src in keys, f"{f.id} cite « {src} », absente de references.bib"


def test_unknown_fact_and_bad_date_answer_in_french():
    with pytest.raises(AtelierError, match="Fait daté inconnu"):
        datedfacts.fact("art-99")
    with pytest.raises(AtelierError, match="date"):
        datedfacts.status_text("aiact-art50-2", "demain")
    with pytest.raises(AtelierError, match="Le nom de la date"):
        to_date("2026-12-02", name=None)


# --- overdue facts and edition changes -----------------------------------------------------------

def test_overdue_lists_exactly_the_facts_whose_review_date_has_come():
    day = _d("2027-04-01")
    late = datedfacts.overdue(day)
    assert late == sorted(late, key=lambda f: (f.review_by, f.id))
    assert {f.id for f in late} == {f.id for f in datedfacts.facts() if f.review_by <= day}
    assert "gema-openai-appel" in {f.id for f in late}  # revoir avant le 31 mars 2027
    assert "aiact-annexe-i" not in {f.id for f in late}


def test_overdue_page_names_each_late_fact_and_where_it_appears():
    page = calendar_pages.overdue_markdown("2027-04-01")
    for f in datedfacts.overdue("2027-04-01"):
        assert f"`{f.id}`" in page
        assert f"`{f.where[0]}`" in page
    early = calendar_pages.overdue_markdown("2026-01-01")
    assert "aucun n'a dépassé" in early


def test_changes_since_the_previous_edition():
    found = {f.id: notes for f, notes in datedfacts.changes("2026-12-06")}
    # the date of art. 50(2) changed (2 Dec → 2 Aug 2026) and the new ban came into force
    assert any("2 décembre 2026" in n and "2 août 2026" in n for n in found["aiact-art50-2"])
    assert any("en vigueur depuis le 2 décembre 2026" in n for n in found["aiact-interdiction-images-intimes"])
    assert "cafe-ia" in found
    page = calendar_pages.changes_markdown("2026-12-06")
    assert "Café IA" in page and "1er décembre 2026" in page


def test_generated_pages_are_in_the_toc_and_included():
    toc = sync.toc(__import__("atelier_ia.course", fromlist=["load_catalogue"]).load_catalogue())
    assert "file: annexes/faits-a-reverifier" in toc
    assert "_generated/faits-a-reverifier.md" in (ROOT / "annexes/faits-a-reverifier.md").read_text(encoding="utf-8")
    guide = (ROOT / "annexes/guide-formateurs.md").read_text(encoding="utf-8")
    assert "## Ce qui a changé dans cette édition" in guide and "_generated/changements-edition.md" in guide
    assert set(calendar_pages.generated_pages("2026-12-06")) == {"faits-a-reverifier.md", "changements-edition.md"}


# --- every AI Act date in prose against the calendar ---------------------------------------------

def _texts():
    """(place, text) of every prose unit: notebook cells, YAML and Markdown lines joined by paragraph."""
    for pattern in PROSE_GLOBS:
        for path in sorted(ROOT.glob(pattern)):
            rel = path.relative_to(ROOT).as_posix()
            if path.suffix == ".ipynb":
                cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
                for i, cell in enumerate(cells):
                    yield f"{rel}, cellule {i}", "".join(cell["source"])
            elif path.suffix == ".csv":  # the chronology: each event, without its source column
                for row in csv.DictReader(path.open(encoding="utf-8")):
                    yield f"{rel}, {row['date']}", row["evenement"]
            elif path.suffix == ".yml":  # every line but the sources (a source's own date is not a fact)
                lines = path.read_text(encoding="utf-8").splitlines()
                yield rel, "\n".join(line for line in lines if not line.strip().startswith(("source:", "- source:")))
            else:
                yield rel, path.read_text(encoding="utf-8")


def _paragraphs(text: str):
    """Paragraphs, table rows and list items of a text, each on one line."""
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:\||- |\* |\d+\. |[a-z_]+:))", text):
        yield " ".join(block.split())


def _sentences(text: str):
    """Sentences, table rows and list items of a text (lines of a paragraph joined)."""
    for flat in _paragraphs(text):
        yield from re.split(r"(?<=[.!?])\s+(?=[A-ZÉÀ«*])", flat)


def _aiact_sentences():
    for place, text in _texts():
        for sentence in _sentences(text):
            low = sentence.lower().replace("\u00a0", " ").replace("’", "'")
            if any(w in low for w in AIACT_WORDS):
                dates = [_day(*found) for found in DATE_RE.findall(sentence)]
                if dates:
                    yield place, low, dates


def test_every_ai_act_date_in_prose_is_a_date_of_the_calendar():
    known = {f.date for f in datedfacts.facts()}
    known |= {h["date"] for f in datedfacts.facts() for h in f.history if "date" in h}
    bad = [f"{place} : {d.isoformat()} « {low[:120]} »" for place, low, dates in _aiact_sentences()
           for d in dates if d not in known]
    assert not bad, ("Date du règlement sur l'IA absente de data/calendrier/faits-dates.yml "
                     "(ajoutez-la au calendrier ou corrigez le texte) :\n" + "\n".join(bad))


def test_no_passed_ai_act_date_is_written_as_future_or_probable():
    today = build_date()
    bad = []
    for place, low, dates in _aiact_sentences():
        passed = [d for d in dates if d <= today]
        if passed and any(w in low for w in FUTURE_WORDS):
            bad.append(f"{place} : « {low[:160]} »")
    assert not bad, ("Date passée écrite au futur ou « probable » (écrire « applicable depuis le … » ou "
                     "« en vigueur depuis le … ») :\n" + "\n".join(bad))


def test_art_50_2_is_never_said_to_start_on_2_december_2026_for_every_system():
    bad = []
    for place, low, dates in _aiact_sentences():
        if dt.date(2026, 12, 2) in dates and any(w in low for w in ART50_2_WORDS):
            if not ("avant le 2 août 2026" in low or "déjà sur le marché" in low or "déjà mis sur le marché" in low):
                bad.append(f"{place} : « {low[:200]} »")
    assert not bad, ("Art. 50, paragraphe 2 : le marquage s'applique depuis le 2 août 2026 ; le délai jusqu'au "
                     "2 décembre 2026 ne vaut que pour les systèmes mis sur le marché avant le 2 août 2026 "
                     "(dites-le dans la même phrase) :\n" + "\n".join(bad))


def test_art_4_change_uses_the_one_wording():
    bad = []
    for place, text in _texts():
        for sentence in _sentences(text):
            low = sentence.lower().replace("\u00a0", " ")
            if ("art. 4" in low or "article 4" in low) and any(w in low for w in ART4_CHANGE_WORDS):
                if "mesures pour soutenir le développement de la maîtrise de l'ia" not in low:
                    bad.append(f"{place} : « {low[:200]} »")
    assert not bad, ("Art. 4 modifié par l'omnibus : employez la formulation du calendrier (« prendre des mesures "
                     "pour soutenir le développement de la maîtrise de l'IA », non vérifiée au Journal officiel) :\n"
                     + "\n".join(bad))


def test_the_chronology_reads_the_same_ai_act_dates():
    rows = list(csv.DictReader(open(data_file("rapport/chronologie.csv"), encoding="utf-8")))
    known = {f.date for f in datedfacts.facts("ai-act")}
    for row in rows:
        text = row["evenement"].lower()
        if row["categorie"] == "Union européenne" and any(w in text for w in ("règlement sur l'ia", "omnibus", "annexe")):
            assert _d(row["date"]) in known, f"chronologie : {row['date']} absente du calendrier"


# --- the state of a followed fact: one date, in the calendar -------------------------------------

#: « au 6 décembre 2026 », « depuis le 6 décembre 2026 »: the day a state was known (a pending
#: case, a bill), not an event; « jusqu'au … » gives a deadline.
STATE_RE = re.compile(r"(?<!jusqu')(?<!jusqu’)(?<!Jusqu')(?<!Jusqu’)\b(?:[Aa]u|depuis le)[\s\u00a0\u202f]+"
                      r"(1er|[12]?\d|3[01])[\s\u00a0\u202f]+(" + "|".join(MONTHS) + r")[\s\u00a0\u202f]+(20\d\d)\b")


def _state_dates(text: str) -> list[dt.date]:
    """The « au <date> » of ``text`` between the first edition and the current one (earlier ones
    date figures, later ones are deadlines, « reporté au … »)."""
    cal = datedfacts.load()
    first = min(e.date for e in cal.editions)
    days = [_day(*found) for found in STATE_RE.findall(text)]
    return [d for d in days if first <= d <= cal.current.date]


def _followed():
    return [f for f in datedfacts.facts("suivi") if f.known_on is not None]


#: Where a sentence (or a clause after « ; ») ends: not after « c. » (GEMA c. OpenAI), « art. », « p. ».
SENTENCE_END = re.compile(r"(?<=[.!?;])(?<! c\.)(?<!art\.)(?<! p\.)\s+")


def _stale_states(texts) -> list[str]:
    """Each « au <date> » said of followed facts that is not the day they were followed until: the
    facts named in its sentence (or else in its paragraph); for several, the earliest of their days
    (« X et Y restent ouverts au … » holds only up to the day the older one was checked)."""
    bad = []
    for place, text in texts:
        for paragraph in _paragraphs(text):
            around = datedfacts.followed_in(paragraph)
            if not around or not _state_dates(paragraph):
                continue
            for sentence in SENTENCE_END.split(paragraph):
                named = datedfacts.followed_in(sentence) or around
                expected = min(f.known_on for f in named)
                bad += [f"{place} : « {sentence[:140]} » ({d.isoformat()} ; le calendrier dit {expected.isoformat()} "
                        f"pour {', '.join(f.id for f in named)})" for d in _state_dates(sentence) if d != expected]
    return bad


def test_a_sentence_naming_a_followed_fact_dates_its_state_as_the_calendar_does():
    """A pending case or bill is looked up on one day, written once (``connu_au``): a sentence that
    names it and says « au … » gives that day, so a new check updates every copy or fails here."""
    assert {"gema-openai-appel", "cjue-c-250-25", "ppl-220"} <= {f.id for f in _followed()}
    bad = _stale_states(_texts())
    assert not bad, ("État d'un fait suivi daté autrement que dans data/calendrier/faits-dates.yml "
                     "(« connu_au ») :\n" + "\n".join(bad))


def test_the_followed_fact_check_finds_a_stale_or_overclaimed_day():
    """The check above on sentences written for it: one day too old, one a day the older of two
    facts was not checked on, and two that are right."""
    gema, licences = datedfacts.fact("gema-openai-appel"), datedfacts.fact("licences-collectives")
    assert licences.known_on < gema.known_on
    old = f"Au {datedfacts.french_date(licences.known_on)}, l'appel de GEMA c. OpenAI n'est pas jugé."
    both = f"Au {datedfacts.french_date(gema.known_on)}, ni GEMA c. OpenAI ni les licences collectives ne sont tranchés."
    assert len(_stale_states([("essai", old), ("essai", both)])) == 2
    right = [("essai", old.replace(datedfacts.french_date(licences.known_on), datedfacts.french_date(gema.known_on))),
             ("essai", both.replace(datedfacts.french_date(gema.known_on), datedfacts.french_date(licences.known_on)))]
    assert _stale_states(right) == []


def test_a_followed_fact_says_the_same_day_in_the_calendar():
    """A guard: the day is written once, in ``connu_au`` (not again in « quoi »), and it lies between
    the fact's own date and the current edition."""
    current = datedfacts.load().current.date
    bad = [f"{f.id} : {d.isoformat()} dans « quoi », {f.known_on.isoformat()} dans « connu_au »"
           for f in _followed() for d in _state_dates(f.what) if d != f.known_on]
    bad += [f"{f.id} : connu_au {f.known_on.isoformat()} hors de [{f.date.isoformat()}, {current.isoformat()}]"
            for f in _followed() if not f.date <= f.known_on <= current]
    assert not bad, "\n".join(bad)


def test_a_followed_fact_shows_the_day_it_was_followed_until_in_tables():
    gema = datedfacts.fact("gema-openai-appel")
    assert datedfacts.status_text(gema, "2026-12-20") == f"suivi jusqu'au {datedfacts.french_date(gema.known_on)}"
    assert datedfacts.status_text("comparia-statistiques") == "état au 8 décembre 2025"  # no connu_au: its date


def test_every_state_date_in_prose_is_an_edition_of_the_calendar():
    """« au 3 décembre 2026 » with no edition of that day is a check nobody recorded."""
    editions = {e.date for e in datedfacts.load().editions} | {f.known_on for f in _followed()}
    bad = [f"{place} : au {d.isoformat()}" for place, text in _texts() for d in _state_dates(text) if d not in editions]
    assert not bad, ("Date « au … » sans édition du calendrier (ajoutez l'édition ou corrigez le texte) :\n"
                     + "\n".join(sorted(set(bad))))


def test_followed_fact_fields_are_checked():
    raw = yaml.safe_load(data_file(datedfacts.CALENDAR_FILE).read_text(encoding="utf-8"))
    fact = next(f for f in raw["faits"] if f["id"] == "cjue-c-250-25")
    fact.pop("connu_au")
    with pytest.raises(AtelierError, match="connu_au"):
        datedfacts._parse(raw)
    fact["connu_au"], fact["reperes"] = "2026-12-06", "C-250/25"
    with pytest.raises(AtelierError, match="liste de mots"):
        datedfacts._parse(raw)
    fact["connu_au"], fact["reperes"] = "2024-01-01", ["C-250/25"]
    with pytest.raises(AtelierError, match="antérieure à sa date"):
        datedfacts._parse(raw)


def test_calendar_file_is_valid_yaml_with_one_current_edition():
    raw = yaml.safe_load(open(data_file(datedfacts.CALENDAR_FILE), encoding="utf-8"))
    assert raw["edition"] in [str(e["id"]) for e in raw["editions"]]
    assert len(raw["faits"]) == len({f["id"] for f in raw["faits"]})


def test_module_06_table_is_computed_for_the_build_date_as_an_accessible_table():
    table = datedfacts.calendar_table(["aiact-art50-2", "aiact-annexe-iii"], "2027-12-03")
    page = table._repr_html_()
    assert page.count('<th scope="col">') == 4 and "Statut au 3 décembre 2027" in page
    assert "applicable depuis le 2 décembre 2027" in page and "à partir du" not in page
    assert "| 2 août 2026 |" in str(table)
    with pytest.raises(AtelierError, match="liste d'identifiants"):
        datedfacts.calendar_table("aiact-art50-2")
