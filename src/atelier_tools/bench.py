"""Benchmark: wall time and peak memory of each notebook against the budgets.

``python -m atelier_tools.bench`` (or ``make bench``) executes every notebook of the available
modules and their exercises, each in a fresh process, samples the memory of the whole
process tree (client and kernel) every 20 ms and prints a table. ``--book`` also times a
full book build and measures the built pages. A benchmark, not a test: it never fails on a
budget, it reports.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from atelier_ia.course import load_catalogue
from atelier_ia.paths import repo_root

BUDGET_SECONDS = 15.0  # DESIGN.md §7: one notebook executed in at most 15 s (aim 10 s)
BUDGET_MB = 500.0
BUDGET_BOOK_SECONDS = 180.0
BUDGET_PAGE_MB = 2.0


def run_measured(cmd: list[str], cwd: Path, interval: float = 0.02) -> tuple[float, float, int]:
    """Run ``cmd``; return (wall seconds, peak MB of the process tree, exit code)."""
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        total = 0
        try:
            for p in [root, *root.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        peak = max(peak, total)
        time.sleep(interval)
    wall = time.perf_counter() - start
    if proc.returncode:
        sys.stderr.write(proc.stderr.read().decode("utf-8", "replace")[-2000:])
    return wall, peak / 2**20, proc.returncode


def _execute_one(path: str) -> None:
    # nbformat's schema checks import jsonschema, which, when the optional rfc3987_syntax is
    # installed, builds an IRI grammar at import: 1.6 s of this client's start-up, not of
    # the notebook (a Jupyter server pays it once, at launch), and no notebook schema uses
    # an IRI format. Without it every notebook's time carried those 1.6 s.
    sys.modules.setdefault("rfc3987_syntax", None)
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(Path(path).parent)}}).execute()


def library_rows() -> list[tuple]:
    """Training times of the text models on 1 MB of French (the Littré's Voltaire)."""
    from atelier_ia.corpus import littre_available, load_author
    from atelier_ia.text import BPETokenizer, NGramModel

    if not littre_available():
        return [("modèles de texte (Littré absent)", "", "", "", "non mesuré")]
    text = load_author("Voltaire").text[: 2**20]
    rows = []
    for label, budget, train in (
        ("BPE, 1 Mo, 1 000 jetons", 5.0, lambda: BPETokenizer.train(text, 1000)),
        ("n-gramme caractères ordre 6, 1 Mo", 3.0, lambda: NGramModel(6, "char").fit(text)),
        ("n-gramme mots ordre 3, 1 Mo", 3.0, lambda: NGramModel(3, "word").fit(text)),
    ):
        start = time.perf_counter()
        train()
        wall = time.perf_counter() - start
        rows.append((label, f"{wall:.1f} s", "", f"≤ {budget:.0f} s", "oui" if wall <= budget else "NON"))
    return rows


def creation_rows() -> list[tuple]:
    """Training times of the image and music models (budget: 10 s each)."""
    from atelier_ia.images import abstract_compositions, load_digits_images, train_diffusion
    from atelier_ia.music import MarkovMelody, load_corpus

    rows = []
    for label, train in (
        ("diffusion, chiffres 8×8 (1 797 images)", lambda: train_diffusion(load_digits_images(), seed=0)),
        ("diffusion, compositions abstraites (500 images)", lambda: train_diffusion(abstract_compositions(500, seed=0), seed=0)),
        ("mélodies de Markov, chorals de Bach (chargement compris)", lambda: MarkovMelody(2).fit(load_corpus("bach"))),
    ):
        start = time.perf_counter()
        train()
        wall = time.perf_counter() - start
        rows.append((label, f"{wall:.1f} s", "", "≤ 10 s", "oui" if wall <= 10 else "NON"))
    return rows


def notebooks() -> list[str]:
    cat = load_catalogue()
    out = []
    for m in cat.available:
        out += [m.notebook, m.exercises]
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Mesure le temps et la mémoire de chaque notebook.")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--book", action="store_true", help="mesurer aussi la construction du livre")
    args = parser.parse_args(argv)
    if args.one:
        _execute_one(args.one)
        return 0
    root = repo_root()
    rows = []
    for nb in notebooks():
        wall, peak, code = run_measured([sys.executable, "-m", "atelier_tools.bench", "--one", nb], root)
        ok = code == 0 and wall <= BUDGET_SECONDS and peak <= BUDGET_MB
        rows.append((nb, f"{wall:.1f} s", f"{peak:.0f} Mo", f"≤ {BUDGET_SECONDS:.0f} s, ≤ {BUDGET_MB:.0f} Mo", "oui" if ok else ("ÉCHEC" if code else "NON")))
    rows += library_rows() + creation_rows()
    if args.book:
        jb = str(Path(sys.executable).with_name("jupyter-book"))
        wall, peak, code = run_measured([jb, "build", ".", "--all", "--warningiserror", "--keep-going"], root)
        rows.append(("make book (venv prêt)", f"{wall:.1f} s", f"{peak:.0f} Mo", "≤ 180 s", "oui" if code == 0 and wall <= BUDGET_BOOK_SECONDS else "NON"))
    html = root / "_build" / "html"
    if html.is_dir():
        sizes = []
        import re

        for page in html.rglob("*.html"):
            size = page.stat().st_size
            for src in re.findall(r'<(?:img|source|audio)[^>]+src="([^"]+)"', page.read_text(encoding="utf-8")):
                target = (page.parent / src).resolve()
                if not src.startswith("data:") and target.is_file():
                    size += target.stat().st_size
            sizes.append((size, page.relative_to(html)))
        for size, page in sorted(sizes, key=lambda x: str(x[1])):
            if page.parts[0] in ("modules", "exercises") or size / 2**20 > BUDGET_PAGE_MB:
                rows.append((f"page {page} (images comprises)", "", f"{size / 2**20:.2f} Mo", "≤ 2 Mo",
                             "oui" if size / 2**20 <= BUDGET_PAGE_MB else "NON"))
        if sizes:
            size, page = max(sizes)
            rows.append((f"plus grosse page (images comprises) : {page}", "", f"{size / 2**20:.2f} Mo", "≤ 2 Mo", "oui" if size / 2**20 <= BUDGET_PAGE_MB else "NON"))
    head = ("mesure", "temps", "mémoire max", "budget", "dans le budget")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(5)]

    def line(r):
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"

    print(line(head))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
