"""Valid calls of atelier_ia.writing for the API walk (tests/test_api_bad_input.py)."""

EXAMPLES = {
    "atelier_ia.writing.all_prompts": lambda: {},
    "atelier_ia.writing.load_prompts": lambda: dict(module_id="07-ecosysteme-ouvert"),
    "atelier_ia.writing.get_prompt": lambda: dict(prompt_id="07-mention"),
    "atelier_ia.writing.show_model": lambda: dict(prompt_id="07-mention"),
    "atelier_ia.writing.check_writing": lambda: dict(
        prompt_id="07-mention",
        text="Visuel de l'affiche créé avec un générateur d'images, choisi et retouché par notre graphiste."),
}
