"""Valid examples for the API walk (tests/test_api_bad_input.py) of tables (tables and documents shown to a learner)."""


def _frame():
    import pandas as pd

    return pd.DataFrame({"cote": ["SA-2026-01"], "description": ["Lettre du peintre"], "indice trouvé": [True]})


EXAMPLES = {
    "atelier_ia.tables.show_table": lambda: dict(data=_frame(), columns=["cote", "indice trouvé"], labels={"cote": "cote"}, caption="Archives"),
    "atelier_ia.tables.table_html": lambda: dict(data=_frame(), columns=None, labels=None, caption=""),
    "atelier_ia.tables.Table": lambda: dict(data=_frame(), columns=None, labels=None, caption=""),
    "atelier_ia.tables.show_document": lambda: dict(markdown="# Charte\n\n- un usage\n"),
    "atelier_ia.tables.Document": lambda: dict(markdown="# Charte\n\n- un usage\n"),
    "atelier_ia.tables.install": lambda: dict(shell=None),
}
