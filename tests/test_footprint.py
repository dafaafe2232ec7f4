"""Footprint ranges: sourced figures, ranges in order, the festival function, bad input.

Figures: Luccioni, Jernite & Strubell, FAccT 2024 (11.49 kWh per 1,000 images for the least
efficient model; mean 2.9 kWh; preprint 1.35 kWh); Google Aug 2025 (0.24 Wh, 0.26 mL);
Oviedo et al. 2025 (0.34 / 4.32 Wh); Mistral AI July 2025 (45 mL).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier_ia import AtelierError
from atelier_ia.footprint import ENERGY_WH, WATER_ML, festival_images, footprint_figure, usage_footprint


def test_ranges_are_ordered_and_sourced():
    for kind, r in ENERGY_WH.items():
        assert 0 < r.low <= r.central <= r.high, kind
        assert r.source and r.caveat
    assert WATER_ML["image"] is None  # no sourced figure: we do not invent one


def test_published_luccioni_figures():
    assert ENERGY_WH["image"].high == pytest.approx(11.49)  # 11.49 kWh / 1,000 images
    assert ENERGY_WH["image"].central == pytest.approx(2.9)
    assert ENERGY_WH["texte"].low == pytest.approx(0.047)
    assert WATER_ML["texte"].high == pytest.approx(45.0)


def test_usage_scales_linearly():
    one = usage_footprint("image", 1)
    thousand = usage_footprint("image", 1000)
    assert thousand["energie_kwh"].high == pytest.approx(one["energie_wh"].high)
    assert thousand["heures_ampoule"].central == pytest.approx(2.9 * 1000 / 10)
    assert thousand["eau_ml"] is None
    assert usage_footprint("texte", 10)["eau_ml"].low == pytest.approx(2.6)


def test_festival_images_gives_choice_and_range():
    text = festival_images(2000, "gourmand")
    assert "23,0" in text  # 2,000 × 11.49 Wh = 22.98 kWh
    assert "de 2,7 à 23,0" in text
    assert "aucun chiffre sourcé" in text
    assert festival_images(0).startswith("0 images")


def test_figure_has_two_rows_on_a_log_scale():
    fig = footprint_figure(images=500, texts=2000)
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    assert len(ax.get_yticklabels()) == 2


@pytest.mark.parametrize("args", [("video", 3), ("image", -1), ("image", 2.5), ("image", "10"), ("image", True)])
def test_bad_usage_refused_in_french(args):
    with pytest.raises(AtelierError) as err:
        usage_footprint(*args)
    assert "vous avez donné" in str(err.value)


def test_bad_festival_input_refused():
    with pytest.raises(AtelierError, match="classe de modèle"):
        festival_images(100, "énorme")
    with pytest.raises(AtelierError):
        festival_images(-5)


def test_ranges_are_immutable():
    r = ENERGY_WH["image"]
    with pytest.raises(AttributeError):
        r.low = 0  # frozen dataclass
    usage_footprint("image", 100)
    assert ENERGY_WH["image"].low == pytest.approx(1.35)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 10**6))
def test_order_kept_for_any_count(n):
    r = usage_footprint("texte", n)["energie_wh"]
    assert r.low <= r.central <= r.high
