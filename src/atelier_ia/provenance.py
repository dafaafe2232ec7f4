"""Provenance of a generated image: a signed manifest, in the spirit of C2PA.

A *manifest* says who made an image, with which tool, when, what a person did, and holds
the SHA-256 fingerprint of its pixels. The manifest is *signed* with Ed25519, a public-key
signature: the private key (kept by the author or the institution) signs; anyone holding the
public key can check that

* the manifest was signed by the holder of that private key,
* not one character of the manifest changed since (author, tool, date, fingerprint…),
* the pixels are still those that were fingerprinted.

The cryptography comes from the maintained ``cryptography`` package (Ed25519 and SHA-256);
nothing here invents its own. What this module adds is the manifest's content, its canonical
encoding (sorted JSON, UTF-8) and French verdicts.

Real C2PA manifests are embedded in the file and signed with X.509 certificates issued by
a trust list; here the public key plays the certificate's role and the manifest travels as
a plain dictionary next to the image. If the manifest is stripped (as many social networks do
when they re-encode an image), nothing is left to verify: provenance proves where an image
comes from when it is present, and its absence proves nothing.
"""

from __future__ import annotations

import copy
import datetime as _dt
import hashlib
import json
import numbers
from dataclasses import dataclass

import numpy as np
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import AtelierError, describe
from .fmt import NBSP
from .validation import check_bool, check_choice, check_text

__all__ = [
    "AI_ROLES",
    "ALGORITHM",
    "FORMAT",
    "PROBLEMS",
    "REQUIRED_FIELDS",
    "KeyPair",
    "Verification",
    "describe_manifest",
    "image_fingerprint",
    "make_keys",
    "sign",
    "verify",
]

ALGORITHM = "Ed25519"
FORMAT = "atelier-ia/manifeste-1"
MAX_IMAGE_VALUES = 4096 * 4096 * 4

#: What the AI did for this image (the manifest's ``ai_role`` field).
AI_ROLES = {
    "generated": "image entièrement générée par une IA",
    "edited": "image créée par une personne puis modifiée avec une IA",
    "assisted": "IA utilisée seulement comme outil d'appoint (retouche mineure, recadrage)",
    "none": "aucune IA utilisée",
}

#: Fields a caller must give, with their French label.
REQUIRED_FIELDS = {
    "author": "auteur ou autrice (personne ou institution)",
    "tool": "outil utilisé",
    "created": "date de création (AAAA-MM-JJ)",
    "human_action": "ce qu'une personne a fait",
    "ai_role": "rôle de l'IA",
}
_OPTIONAL_FIELDS = {"title": "titre", "description": "description", "licence": "licence"}
_LABELS = {
    **REQUIRED_FIELDS, **_OPTIONAL_FIELDS,
    "pixels_sha256": "empreinte SHA-256 des pixels",
    "pixels_shape": "dimensions du tableau de pixels",
    "pixels_dtype": "type des valeurs des pixels",
    "format": "format du manifeste",
    "algorithm": "algorithme de signature",
    "signer_key": "clé publique du signataire",
}
_SEED_SALT = b"atelier-ia/provenance/cle-de-demonstration/"


# --------------------------------------------------------------------------- keys


@dataclass(frozen=True, repr=False)
class KeyPair:
    """An Ed25519 key pair: ``private`` signs, ``public`` verifies."""

    private: Ed25519PrivateKey
    public: Ed25519PublicKey
    notice: str = ""

    def __post_init__(self):
        if not isinstance(self.private, Ed25519PrivateKey):
            raise AtelierError(f"« private » doit être une clé privée Ed25519 (créez la paire avec make_keys()) ; vous avez donné {describe(self.private)}.")
        if not isinstance(self.public, Ed25519PublicKey):
            raise AtelierError(f"« public » doit être une clé publique Ed25519 (créez la paire avec make_keys()) ; vous avez donné {describe(self.public)}.")
        if _public_hex(self.private.public_key()) != _public_hex(self.public):
            raise AtelierError("« public » n'est pas la clé publique de « private » : créez la paire avec make_keys().")
        check_text(self.notice, "« notice »", allow_empty=True)

    @property
    def public_hex(self) -> str:
        """The public key as 64 hexadecimal characters (32 bytes), safe to publish."""
        return _public_hex(self.public)

    def __repr__(self) -> str:
        return f"KeyPair(publique={self.public_hex[:16]}…, privée=<secrète>)"


def _public_hex(public: Ed25519PublicKey) -> str:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def make_keys(seed: int | None = None) -> KeyPair:
    """A new Ed25519 key pair; with ``seed``, the same pair every time (book and tests).

    Without a seed the private key comes from the operating system's secure random source:
    that is what a real author or institution must do. With a seed, the 32 bytes of the
    private key are the SHA-256 of the seed: a **teaching shortcut** so that the book shows the
    same keys and signatures at every run. Anyone who knows the seed knows the private key;
    never sign anything real with a seeded key.
    """
    if seed is None:
        return KeyPair(*_pair(Ed25519PrivateKey.generate()))
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or not 0 <= seed < 2**64:
        raise AtelierError(
            "La graine « seed » doit être un nombre entier positif (par exemple 2026), ou None pour une vraie clé "
            f"tirée au hasard ; vous avez donné {describe(seed)}."
        )
    private = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(_SEED_SALT + str(int(seed)).encode("ascii")).digest())
    notice = (
        f"Clé de démonstration tirée de la graine {int(seed)}{NBSP}: quiconque connaît la graine connaît la clé privée. "
        "Pour signer pour de vrai, appelez make_keys() sans graine et gardez la clé privée secrète."
    )
    return KeyPair(*_pair(private), notice=notice)


def _pair(private: Ed25519PrivateKey) -> tuple[Ed25519PrivateKey, Ed25519PublicKey]:
    return private, private.public_key()


def _private_key(key) -> Ed25519PrivateKey:
    if isinstance(key, KeyPair):
        return key.private
    if isinstance(key, Ed25519PrivateKey):
        return key
    raise AtelierError(
        "Pour signer, il faut la clé privée : donnez la paire de clés créée par make_keys() ; "
        f"vous avez donné {describe(key)}."
    )


def _public_key(key) -> Ed25519PublicKey:
    if isinstance(key, KeyPair):
        return key.public
    if isinstance(key, Ed25519PublicKey):
        return key
    if isinstance(key, str):
        try:
            raw = bytes.fromhex(key.strip())
            if len(raw) == 32:
                return Ed25519PublicKey.from_public_bytes(raw)
        except ValueError:
            pass
    raise AtelierError(
        "Pour vérifier, donnez la clé publique du signataire : la paire créée par make_keys(), sa clé .public, "
        f"ou ses 64 caractères hexadécimaux (.public_hex) ; vous avez donné {describe(key)}."
    )


# --------------------------------------------------------------------------- pixels


def _check_image(image) -> np.ndarray:
    if not isinstance(image, np.ndarray):
        raise AtelierError(
            "L'image doit être un tableau NumPy de pixels (2 dimensions en niveaux de gris, 3 en couleur) ; "
            f"vous avez donné {describe(image)}."
        )
    if image.ndim not in (2, 3) or image.size == 0:
        raise AtelierError(
            f"L'image doit avoir 2 ou 3 dimensions non vides (hauteur × largeur, éventuellement × canaux) ; "
            f"ce tableau a la forme {image.shape}."
        )
    if image.size > MAX_IMAGE_VALUES:
        raise AtelierError(f"L'image est trop grande ({image.size} valeurs) : {MAX_IMAGE_VALUES} au plus.")
    if image.dtype == np.uint8:
        return image
    if image.dtype.kind == "f":
        if not np.isfinite(image).all():
            raise AtelierError("L'image contient des valeurs non définies (NaN) ou infinies : chaque pixel doit être un nombre.")
        return image
    raise AtelierError(
        f"Les pixels doivent être des entiers de 0 à 255 (uint8) ou des nombres décimaux (float) ; ce tableau est de type {image.dtype}."
    )


def image_fingerprint(image) -> str:
    """SHA-256 of the pixels (values, type and shape), as 64 hexadecimal characters.

    Changing one pixel, even by the smallest step, changes the fingerprint completely.
    """
    image = _check_image(image)
    canonical = np.ascontiguousarray(image, dtype=image.dtype.newbyteorder("<"))
    header = f"{canonical.dtype.str}|{'x'.join(map(str, canonical.shape))}|".encode("ascii")
    return hashlib.sha256(header + canonical.tobytes()).hexdigest()


# --------------------------------------------------------------------------- manifest


def _check_fields(fields) -> dict:
    if not isinstance(fields, dict) or not fields:
        raise AtelierError(
            "Les informations du manifeste doivent former un dictionnaire, par exemple "
            "{\"author\": \"Musée de …\", \"tool\": \"…\", \"created\": \"2026-12-01\", \"human_action\": \"…\", "
            f"\"ai_role\": \"generated\"}} ; vous avez donné {describe(fields)}."
        )
    allowed = set(REQUIRED_FIELDS) | set(_OPTIONAL_FIELDS)
    unknown = sorted(str(k) for k in fields if k not in allowed)
    if unknown:
        raise AtelierError(
            f"Champ(s) inconnu(s) dans le manifeste : {', '.join(unknown)}. Champs possibles : {', '.join(sorted(allowed))}."
        )
    missing = [k for k in REQUIRED_FIELDS if k not in fields]
    if missing:
        listed = ", ".join(f"« {k} » ({REQUIRED_FIELDS[k]})" for k in missing)
        raise AtelierError(f"Il manque au manifeste : {listed}.")
    clean = {}
    for name, value in fields.items():
        label = _LABELS[name]
        text = check_text(value, f"le champ « {name} » ({label})")
        if len(text) > 2000:
            raise AtelierError(f"Le champ « {name} » est trop long ({len(text)} caractères) : 2000 au plus.")
        clean[name] = text.strip()
    check_choice(clean["ai_role"], "ai_role", AI_ROLES)
    try:
        _dt.date.fromisoformat(clean["created"][:10])
    except ValueError:
        raise AtelierError(
            f"La date « created » doit s'écrire AAAA-MM-JJ (par exemple 2026-12-01) ; vous avez donné « {clean['created']} »."
        ) from None
    return clean


def _canonical(manifest: dict) -> bytes:
    """The bytes that are signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(manifest, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign(image, manifest_fields: dict, private_key) -> dict:
    """Build the manifest of ``image`` and sign it; returns ``{"manifest": …, "signature": …}``.

    ``manifest_fields`` gives author, tool, created (AAAA-MM-JJ), human_action and ai_role
    (one of :data:`AI_ROLES`), plus optional title, description, licence. The pixels'
    fingerprint, the format, the algorithm and the signer's public key are added. Neither the
    image nor the fields are modified.
    """
    image = _check_image(image)
    fields = _check_fields(manifest_fields)
    private = _private_key(private_key)
    manifest = {
        **fields,
        "pixels_sha256": image_fingerprint(image),
        "pixels_shape": list(image.shape),
        "pixels_dtype": image.dtype.str,
        "format": FORMAT,
        "algorithm": ALGORITHM,
        "signer_key": _public_hex(private.public_key()),
    }
    return {"manifest": manifest, "signature": private.sign(_canonical(manifest)).hex()}


def describe_manifest(signed_manifest) -> str:
    """The manifest's content in French, one line per field (nothing is verified here)."""
    if signed_manifest is None:
        return "Aucun manifeste : cette image ne dit ni qui l'a faite, ni avec quel outil, ni quand."
    manifest = _manifest_part(signed_manifest)
    lines = []
    for name, value in manifest.items():
        label = _LABELS.get(name, name)
        if name == "ai_role":
            value = f"{value} ({AI_ROLES.get(value, 'valeur inconnue')})"
        lines.append(f"{label[0].upper() + label[1:]}{NBSP}: {value}")
    return "\n".join(lines)


def _manifest_part(signed_manifest) -> dict:
    if not isinstance(signed_manifest, dict) or not isinstance(signed_manifest.get("manifest"), dict):
        raise AtelierError(
            "Le manifeste signé doit être le dictionnaire rendu par sign(), avec les clés « manifest » et "
            f"« signature » ; vous avez donné {describe(signed_manifest)}."
        )
    return signed_manifest["manifest"]


# --------------------------------------------------------------------------- verification

#: Problem codes that :func:`verify` may report, with their French meaning.
PROBLEMS = {
    "missing": "aucun manifeste",
    "malformed": "manifeste illisible",
    "wrong_key": "signé par une autre clé",
    "metadata_changed": "manifeste modifié après signature",
    "pixels_changed": "pixels modifiés après signature",
}


@dataclass(frozen=True)
class Verification:
    """The result of :func:`verify`: ``ok`` and a French verdict; ``problems`` lists codes of :data:`PROBLEMS`."""

    ok: bool
    problems: tuple[str, ...]
    verdict: str

    def __post_init__(self):
        check_bool(self.ok, "ok")
        if isinstance(self.problems, (str, bytes)) or not isinstance(self.problems, (list, tuple)):
            raise AtelierError(f"« problems » doit être une liste de codes parmi {', '.join(PROBLEMS)} ; vous avez donné {describe(self.problems)}.")
        object.__setattr__(self, "problems", tuple(check_choice(p, "chaque élément de « problems »", PROBLEMS) for p in self.problems))
        check_text(self.verdict, "le verdict (verdict)")

    def __str__(self) -> str:
        return self.verdict

    def __bool__(self) -> bool:
        return self.ok


_LOST = (
    "Ce qui est perdu : on ne sait plus qui a fait l'image, avec quel outil, quand, ni ce qu'une personne "
    "y a fait ; on ne peut plus vérifier que les pixels sont d'origine. Attention : l'absence de manifeste "
    "ne prouve rien, ni que l'image est authentique, ni qu'elle a été générée par une IA (beaucoup de sites "
    "effacent les métadonnées en réenregistrant les images)."
)


def verify(image, signed_manifest, public_key) -> Verification:
    """Check a signed manifest against an image and the signer's public key.

    Never raises on a damaged or forged manifest: the verdict says what failed (manifest
    missing, signed by another key, manifest changed, pixels changed). Raises
    :class:`AtelierError` only when the image or the key themselves are not usable.
    """
    image = _check_image(image)
    public = _public_key(public_key)
    if signed_manifest is None:
        return Verification(False, ("missing",), f"Aucune provenance{NBSP}: l'image n'a pas de manifeste. {_LOST}")
    signature, manifest = _parts(signed_manifest)
    if manifest is None:
        return Verification(
            False, ("malformed",),
            "Manifeste illisible : il doit contenir « manifest » (un dictionnaire) et « signature » (128 caractères "
            "hexadécimaux). Il a pu être abîmé en route ; sans lui, la provenance ne peut pas être établie.",
        )
    problems: list[str] = []
    messages: list[str] = []
    if manifest.get("signer_key") != _public_hex(public):
        problems.append("wrong_key")
        messages.append(
            "Le manifeste n'a pas été signé avec la clé que vous tenez pour celle de l'auteur ou de l'institution "
            "(ou le nom de la clé a été changé) : on ne peut pas savoir qui l'a signé."
        )
    else:
        try:
            public.verify(signature, _canonical(manifest))
        except InvalidSignature:
            problems.append("metadata_changed")
            messages.append(
                "La signature ne correspond plus au manifeste : au moins une information (auteur, outil, date, "
                "empreinte…) ou la signature elle-même a été modifiée après la signature."
            )
    if manifest.get("pixels_sha256") != image_fingerprint(image):
        problems.append("pixels_changed")
        messages.append(
            "Les pixels ne sont plus ceux qui ont été signés : leur empreinte SHA-256 a changé (un seul pixel "
            "modifié suffit)."
        )
    if problems:
        return Verification(False, tuple(problems), "Vérification échouée. " + " ".join(messages))
    return Verification(
        True, (),
        f"Provenance vérifiée{NBSP}: le manifeste a bien été signé avec cette clé, rien n'y a changé, et les pixels "
        f"sont ceux qui ont été signés. Il dit{NBSP}: {manifest.get('author')} ; outil {manifest.get('tool')} ; "
        f"{manifest.get('created')} ; {AI_ROLES.get(manifest.get('ai_role'), manifest.get('ai_role'))} ; "
        f"intervention humaine{NBSP}: {manifest.get('human_action')}. La signature garantit qui a signé et que rien "
        "n'a bougé, pas que ces informations sont vraies.",
    )


def _parts(signed_manifest):
    """(signature bytes, manifest dict), or (None, None) if the structure is unusable."""
    if not isinstance(signed_manifest, dict):
        return None, None
    manifest, signature = signed_manifest.get("manifest"), signed_manifest.get("signature")
    if not isinstance(manifest, dict) or not isinstance(signature, str):
        return None, None
    try:
        raw = bytes.fromhex(signature)
        _canonical(manifest)
    except (ValueError, TypeError):
        return None, None
    if len(raw) != 64:
        return None, None
    return raw, copy.deepcopy(manifest)
