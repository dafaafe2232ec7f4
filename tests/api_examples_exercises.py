"""Valid examples for the API walk (tests/test_api_bad_input.py): exercise helpers whose names
do not follow ``check_NN_k`` (the walk finds those by itself)."""

EXAMPLES = {
    **{f"atelier_ia.exercises.m04.{name}": (lambda: dict(answer="42"))
       for name in ("check_own_reservation", "check_personal_records")},
    "atelier_ia.exercises.m05.premium_05_1": lambda: {},
    "atelier_ia.exercises.m05.sweep_05_2": lambda: {},
    "atelier_ia.exercises.m07.cases": lambda: {},
    "atelier_ia.exercises.m07.edit_table": lambda: {},
    "atelier_ia.exercises.m07.first_share_lost": lambda: {},
    "atelier_ia.exercises.m07.generator": lambda: {},
    "atelier_ia.exercises.m07.osi_models": lambda: {},
    "atelier_ia.exercises.waiting_for_answer": lambda: dict(hint="On attend une lettre."),
    # where each exercise is done: in the page (quiz) or in JupyterLab (h-sanscode)
    **{f"atelier_ia.exercises.pages.{name}": (lambda: dict(module_id="00-prise-en-main"))
       for name in ("exercise_ids", "exercise_modes", "exercise_notebook", "exercise_quiz_id", "in_page_questions",
                    "modes_summary", "no_code_share")},
    "atelier_ia.exercises.pages.mode_label": lambda: dict(in_page=True),
}
