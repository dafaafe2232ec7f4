"""Signed provenance manifests: a correct one always verifies, a tampered one never does."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from atelier_ia import provenance as pv
from atelier_ia.errors import AtelierError
from atelier_ia.images import abstract_compositions

PROPERTY = settings(max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
KEYS = pv.make_keys(2026)
OTHER = pv.make_keys(2027)
FIELDS = {
    "author": "Festival des Lumières (équipe graphique)",
    "tool": "atelier_ia.images, modèle de diffusion du cours",
    "created": "2026-12-01",
    "human_action": "choix d'une image parmi 16, recadrage",
    "ai_role": "generated",
}

images = st.one_of(
    hnp.arrays(np.uint8, hnp.array_shapes(min_dims=2, max_dims=3, min_side=1, max_side=12)),
    hnp.arrays(np.float64, hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=12),
               elements=st.floats(-1, 1, allow_nan=False)),
)
texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(lambda t: t.strip())


def test_keys_from_a_seed_are_deterministic_and_say_so():
    assert pv.make_keys(2026).public_hex == KEYS.public_hex
    assert pv.make_keys(2027).public_hex != KEYS.public_hex
    assert "démonstration" in KEYS.notice
    assert pv.make_keys().public_hex != pv.make_keys().public_hex  # real keys are random
    assert "secrète" in repr(KEYS) and KEYS.public_hex[:16] in repr(KEYS)


def test_signature_is_real_ed25519():
    """The signature checks with the cryptography package itself, independently of verify()."""
    image = abstract_compositions(1, 12, seed=0)[0]
    signed = pv.sign(image, FIELDS, KEYS)
    payload = json.dumps(signed["manifest"], sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    KEYS.public.verify(bytes.fromhex(signed["signature"]), payload)  # raises InvalidSignature if wrong
    assert signed["manifest"]["algorithm"] == "Ed25519"
    assert signed["manifest"]["pixels_sha256"] == pv.image_fingerprint(image)
    assert len(signed["signature"]) == 128


def test_course_image_verifies_and_verdict_is_french():
    image = abstract_compositions(1, 12, seed=1)[0]
    result = pv.verify(image, pv.sign(image, FIELDS, KEYS), KEYS)
    assert result.ok and bool(result) and result.problems == ()
    assert "Provenance vérifiée" in result.verdict and FIELDS["author"] in result.verdict
    assert "pas que ces informations sont vraies" in result.verdict


@PROPERTY
@given(image=images, author=texts, action=texts, role=st.sampled_from(sorted(pv.AI_ROLES)))
def test_a_correct_manifest_always_verifies(image, author, action, role):
    fields = {**FIELDS, "author": author, "human_action": action, "ai_role": role}
    signed = pv.sign(image, fields, KEYS)
    assert pv.verify(image, signed, KEYS).ok
    assert pv.verify(image.copy(), json.loads(json.dumps(signed)), KEYS.public_hex).ok  # travels as JSON


@PROPERTY
@given(image=images, data=st.data())
def test_one_changed_pixel_never_verifies(image, data):
    signed = pv.sign(image, FIELDS, KEYS)
    index = tuple(data.draw(st.integers(0, n - 1)) for n in image.shape)
    tampered = image.copy()
    if image.dtype == np.uint8:
        tampered[index] = (int(tampered[index]) + data.draw(st.integers(1, 255))) % 256
    else:
        tampered[index] = np.nextafter(tampered[index], 2.0)  # the smallest possible change
    result = pv.verify(tampered, signed, KEYS)
    assert not result.ok and result.problems == ("pixels_changed",)
    assert "pixels" in result.verdict


@PROPERTY
@given(field=st.sampled_from(sorted(FIELDS) + ["pixels_sha256", "created", "signer_key", "format"]), value=texts)
def test_a_changed_field_never_verifies(field, value):
    image = abstract_compositions(1, 8, seed=3)[0]
    signed = pv.sign(image, FIELDS, KEYS)
    tampered = copy.deepcopy(signed)
    if tampered["manifest"][field] == value:
        value += "!"
    tampered["manifest"][field] = value
    result = pv.verify(image, tampered, KEYS)
    assert not result.ok
    assert {"metadata_changed", "wrong_key"} & set(result.problems)


@PROPERTY
@given(extra=st.sampled_from(["title", "description", "licence"]), value=texts)
def test_an_added_or_removed_field_never_verifies(extra, value):
    image = np.zeros((4, 4), np.uint8)
    signed = pv.sign(image, FIELDS, KEYS)
    added = copy.deepcopy(signed)
    added["manifest"][extra] = value
    removed = copy.deepcopy(signed)
    del removed["manifest"]["human_action"]
    assert not pv.verify(image, added, KEYS).ok
    assert not pv.verify(image, removed, KEYS).ok


@PROPERTY
@given(position=st.integers(0, 127), digit=st.sampled_from("0123456789abcdef"))
def test_a_damaged_signature_never_verifies(position, digit):
    image = np.full((3, 3), 7, np.uint8)
    signed = pv.sign(image, FIELDS, KEYS)
    sig = signed["signature"]
    if sig[position] == digit:
        digit = "0" if digit != "0" else "1"
    damaged = {**signed, "signature": sig[:position] + digit + sig[position + 1:]}
    assert not pv.verify(image, damaged, KEYS).ok


def test_wrong_key_is_named():
    image = np.zeros((5, 5), np.uint8)
    result = pv.verify(image, pv.sign(image, FIELDS, OTHER), KEYS)
    assert not result.ok and result.problems == ("wrong_key",)
    assert "autre clé" in pv.PROBLEMS["wrong_key"] and "clé" in result.verdict


def test_forged_key_name_does_not_help():
    """Someone signs with their own key but writes the trusted key's name in the manifest."""
    image = np.zeros((5, 5), np.uint8)
    forged = pv.sign(image, FIELDS, OTHER)
    forged["manifest"]["signer_key"] = KEYS.public_hex
    result = pv.verify(image, forged, KEYS)
    assert not result.ok and "metadata_changed" in result.problems


def test_stripped_manifest_means_no_provenance_and_says_what_is_lost():
    image = np.zeros((5, 5), np.uint8)
    result = pv.verify(image, None, KEYS)
    assert not result.ok and result.problems == ("missing",)
    assert result.verdict.startswith("Aucune provenance")
    assert "ne prouve rien" in result.verdict and "quel outil" in result.verdict


@pytest.mark.parametrize("broken", [{}, {"manifest": {}}, {"manifest": {"a": 1}, "signature": "zz"},
                                    {"manifest": {"a": 1}, "signature": "ab"}, {"signature": "00" * 64},
                                    {"manifest": {"a": object()}, "signature": "00" * 64}, "texte", 3])
def test_malformed_manifest_is_reported_not_raised(broken):
    result = pv.verify(np.zeros((2, 2), np.uint8), broken, KEYS)
    assert not result.ok and result.problems == ("malformed",)


def test_describe_manifest_in_french():
    signed = pv.sign(np.zeros((2, 2), np.uint8), FIELDS, KEYS)
    text = pv.describe_manifest(signed)
    assert "Outil utilisé\u00a0:" in text and "Empreinte SHA-256" in text
    assert pv.describe_manifest(None).startswith("Aucun manifeste")


# --------------------------------------------------------------------------- bad input

BAD = [None, "", "   ", 3.5, float("nan"), -1, True, [], {}, object()]
GOOD_IMAGE = np.zeros((4, 4), np.uint8)


def _calls():
    signed = pv.sign(GOOD_IMAGE, FIELDS, KEYS)
    return {
        "make_keys(seed)": lambda v: pv.make_keys(v),
        "image_fingerprint(image)": lambda v: pv.image_fingerprint(v),
        "sign(image)": lambda v: pv.sign(v, FIELDS, KEYS),
        "sign(fields)": lambda v: pv.sign(GOOD_IMAGE, v, KEYS),
        "sign(field value)": lambda v: pv.sign(GOOD_IMAGE, {**FIELDS, "author": v}, KEYS),
        "sign(ai_role)": lambda v: pv.sign(GOOD_IMAGE, {**FIELDS, "ai_role": v}, KEYS),
        "sign(created)": lambda v: pv.sign(GOOD_IMAGE, {**FIELDS, "created": v}, KEYS),
        "sign(private_key)": lambda v: pv.sign(GOOD_IMAGE, FIELDS, v),
        "verify(image)": lambda v: pv.verify(v, signed, KEYS),
        "verify(public_key)": lambda v: pv.verify(GOOD_IMAGE, signed, v),
        "describe_manifest": lambda v: pv.describe_manifest(v),
    }


ALLOWED = {"make_keys(seed)": [None]}  # no seed: a real random key


@pytest.mark.parametrize("bad", BAD, ids=repr)
def test_bad_input_raises_a_french_atelier_error(bad):
    for name, call in _calls().items():
        if any(bad is ok for ok in ALLOWED.get(name, [])) or (name == "describe_manifest" and bad is None):
            continue
        try:
            call(bad)
        except AtelierError as exc:
            assert any(w in str(exc) for w in ("doi", "vide", "onnez", "manque", "inconnu")), (name, str(exc))
        except Exception as exc:  # any error: the point of the test
            pytest.fail(f"{name} avec {bad!r} lève {type(exc).__name__} au lieu d'AtelierError : {exc}")
        else:
            pytest.fail(f"{name} accepte {bad!r} sans erreur")


@pytest.mark.parametrize("image", [
    np.zeros((0, 3), np.uint8), np.zeros(5, np.uint8), np.zeros((2, 2, 2, 2), np.uint8),
    np.array([[np.nan, 0.0]]), np.array([[np.inf, 0.0]]), np.zeros((2, 2), np.int64),
    np.array([["a", "b"]]), np.zeros((2, 2), bool),
], ids=["vide", "1D", "4D", "NaN", "inf", "int64", "texte", "bool"])
def test_unusable_images_are_refused(image):
    with pytest.raises(AtelierError):
        pv.sign(image, FIELDS, KEYS)


def test_missing_and_unknown_fields_are_named():
    with pytest.raises(AtelierError, match="human_action"):
        pv.sign(GOOD_IMAGE, {k: v for k, v in FIELDS.items() if k != "human_action"}, KEYS)
    with pytest.raises(AtelierError, match="couleur"):
        pv.sign(GOOD_IMAGE, {**FIELDS, "couleur": "rouge"}, KEYS)
    with pytest.raises(AtelierError, match="AAAA-MM-JJ"):
        pv.sign(GOOD_IMAGE, {**FIELDS, "created": "1er décembre"}, KEYS)
    with pytest.raises(AtelierError, match="clé privée"):
        pv.sign(GOOD_IMAGE, FIELDS, KEYS.public)


def test_inputs_are_never_mutated():
    image = abstract_compositions(1, 12, seed=5)[0]
    fields = dict(FIELDS)
    saved_image, saved_fields = image.copy(), copy.deepcopy(fields)
    signed = pv.sign(image, fields, KEYS)
    saved_signed = copy.deepcopy(signed)
    pv.verify(image, signed, KEYS)
    pv.describe_manifest(signed)
    assert np.array_equal(image, saved_image) and image.dtype == saved_image.dtype
    assert fields == saved_fields and signed == saved_signed
