"""The YAML and Markdown of a selection, rewritten as written: lists, pathways, references and links to removed modules."""

from __future__ import annotations

import re

import yaml

from atelier_ia.fmt import NBSP

from .choose import Selection

__all__ = ["filter_expected_outputs", "filter_manifest", "filter_modules", "filter_pathways", "filter_recalls",
           "prune_references", "unlink_removed"]


# --------------------------------------------------------------------------- YAML, kept as written


def _drop_blocks(text: str, start: re.Pattern, drop) -> str:
    """Remove from ``text`` each block that begins with a line matching ``start`` (group 1 =
    its key) and runs until the next such line or a line indented less; ``drop(key)`` decides."""
    lines = text.splitlines(keepends=True)
    out, skipping, indent = [], False, 0
    for line in lines:
        m = start.match(line)
        if m:
            indent = len(line) - len(line.lstrip())
            skipping = drop(m.group(1))
        elif skipping and line.strip() and (len(line) - len(line.lstrip())) < indent + 1 and not line.lstrip().startswith("#"):
            skipping = False
        if not skipping:
            out.append(line)
    return "".join(out)


def filter_manifest(text: str, dropped: set[str]) -> str:
    return _drop_blocks(text, re.compile(r"^  (?!\s)([^\s#][^:]*):\s*$"), lambda key: key.strip("'\"") in dropped)


def filter_modules(text: str, removed: set[str]) -> str:
    return _drop_blocks(text, re.compile(r"^  - id:\s*(\S+)\s*$"), lambda key: key.strip("'\"") in removed)


def filter_pathways(text: str, removed: set[str], sel: Selection) -> str:
    data = yaml.safe_load(text) or {}
    gone = set()
    notes = {}
    for p in data.get("parcours", []):
        lost = [m for m in p.get("modules", []) if m in removed]
        if lost and len(lost) == len(p.get("modules", [])):
            gone.add(p["id"])
            sel.pathway_notes.append(f"Parcours « {p['id']} »{NBSP}: retiré, aucun de ses modules n'est dans la sélection")
        elif lost:
            notes[p["id"]] = lost
            sel.pathway_notes.append(f"Parcours « {p['id']} »{NBSP}: étapes retirées{NBSP}: {', '.join(lost)}")
    text = _drop_blocks(text, re.compile(r"^  - id:\s*(\S+)\s*$"), lambda key: key.strip("'\"") in gone)
    out, current = [], None
    for line in text.splitlines(keepends=True):
        m = re.match(r"^  - id:\s*(\S+)", line)
        if m:
            current = m.group(1).strip("'\"")
        m = re.match(r"^(\s+)modules:\s*\[(.*)\]\s*$", line)
        if m and current in notes:
            kept = [x.strip() for x in m.group(2).split(",") if x.strip() and x.strip() not in removed]
            out.append(f"{m.group(1)}# make selection{NBSP}: modules retirés de ce parcours{NBSP}: {', '.join(notes[current])}\n")
            line = f"{m.group(1)}modules: [{', '.join(kept)}]\n"
        out.append(line)
    return "".join(out)


def filter_expected_outputs(text: str, dropped: set[str]) -> str:
    """``tests/notebook_outputs.yml`` without the notebooks that are not copied."""
    return _drop_blocks(text, re.compile(r"^(?!\s)([^\s#][^:]*):\s*$"), lambda key: key.strip("'\"") in dropped)


def filter_recalls(text: str, removed: set[str]) -> str:
    """``data/course/rappels.yml`` without the notions taught by a removed module, nor the removed
    modules' lists: a kept module recalls only what the selection still teaches."""
    data = yaml.safe_load(text) or {}
    gone = {n["id"] for n in data.get("notions", []) if isinstance(n, dict) and n.get("module") in removed}
    data["notions"] = [n for n in data.get("notions", []) if not (isinstance(n, dict) and n.get("id") in gone)]
    modules = {}
    for mid, listed in (data.get("modules") or {}).items():
        kept = [x for x in listed if x not in gone] if isinstance(listed, list) else listed
        if mid not in removed and kept:
            modules[mid] = kept
    data["modules"] = modules
    head = "".join(line for line in text.splitlines(keepends=True)[:4] if line.startswith("#"))
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


def prune_references(text: str, removed: set[str]) -> tuple[str, int]:
    """Remove from a YAML text (kept as written) what points at a removed module: a list item
    whose first key names one (``- module: 03-…``, ``- quiz: 03-…-sans-code``, with its nested
    lines) and the removed ids of inline lists (``[00-…, 03-…]``). A session plan's group
    activity (``- activite: 03-…`` with its ``sinon``) stays: without the module, the plan
    uses its fallback, so that every half-day keeps a group activity.
    Return the new text and the number of references removed."""
    ids = "|".join(re.escape(m) for m in sorted(removed, key=len, reverse=True))
    if not ids:
        return text, 0
    item = re.compile(rf"^(\s*)-\s+(?!activite:)[\w-]+:\s*[\"']?(?:{ids})(?:-[\w-]+)?[\"']?\s*$")
    out, count, skip_deeper = [], 0, None
    for line in text.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip())
        if skip_deeper is not None:
            if not line.strip() or indent > skip_deeper:
                continue
            skip_deeper = None
        m = item.match(line)
        if m:
            skip_deeper, count = len(m.group(1)), count + 1
            continue

        def inline(mm):
            nonlocal count
            parts = [x for x in mm.group(1).split(",") if x.strip()]
            kept = [x.strip() for x in parts if x.strip().strip("'\"") not in removed]
            count += len(parts) - len(kept)
            return "[" + ", ".join(kept) + "]"

        if not line.lstrip().startswith("#"):
            line = re.sub(r"\[([^\[\]]*)\]", inline, line)
        out.append(line)
    return "".join(out), count


def unlink_removed(text: str, removed: set[str], titles: dict[str, str]) -> tuple[str, int]:
    """Turn the hand-written links to a removed module's pages into plain text: a MyST
    ``{doc}`` role (its own text, else the module's title in « ») and a Markdown link to the
    notebook (its text). A page of the book cannot link to a page that is not built."""
    ids = "|".join(re.escape(m) for m in sorted(removed, key=len, reverse=True))
    if not ids:
        return text, 0
    count = 0

    def role(m):
        nonlocal count
        count += 1
        mid = m.group("id")
        return m.group("text").strip() if m.group("text") else f"«{NBSP}{titles.get(mid, mid)}{NBSP}»"

    def link(m):
        nonlocal count
        count += 1
        return m.group(1)

    text = re.sub(rf"\{{doc\}}`(?:(?P<text>[^`<]*?)\s*<)?/?(?:\.\./)*(?:modules|exercises)/(?P<id>{ids})(?:-exercices)?(?:\.ipynb)?>?`",
                  role, text)
    text = re.sub(rf"\[([^\]]+)\]\((?:[./]*)(?:modules/|exercises/)?(?:{ids})(?:-exercices)?\.(?:ipynb|md|html)(?:#[^)]*)?\)",
                  link, text)
    return text, count
