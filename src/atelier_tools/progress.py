"""The reader's progress, kept in their browser only: the course map's column and the
« attestation de suivi » page.

Saving is opt-in: the CNIL counts ``localStorage`` as a tracer, so nothing is written until the
reader turns on « Garder mes résultats dans ce navigateur » (the switch of
:func:`atelier_ia.quiz.render.keep_switch_html`, before the first quiz question of each module page, under the course
map and on the attestation page; its choice is kept under
:data:`~atelier_ia.quiz.render.PROGRESS_CHOICE_KEY`, and turning it off erases everything).
Then the quizzes of the static book (:mod:`atelier_ia.quiz.render`) write each question's last
result into one ``localStorage`` key, :data:`~atelier_ia.quiz.render.PROGRESS_KEY`. This
module writes, at build time, what reads it back:

* :func:`map_block`: under the course map, the switch, a table of the reader's progress per
  module and a note on privacy;
* :func:`attestation_block`: the switch, the form and printable sheet of ``annexes/attestation.md``.

Both embed the same JSON (:func:`catalogue_json`): every module's number and title from the
catalogue, and the keys and levels of its questions from the quiz files, so
that nothing a learner reads about a module is typed by hand, and a stale key (a question
removed since) never counts. All of it is inline HTML, CSS and JavaScript: no file, no
request, nothing sent.
"""

from __future__ import annotations

import html
import json

from atelier_ia.course import Catalogue
from atelier_ia.fmt import NBSP
from atelier_ia.paths import data_dir
from atelier_ia.quiz import load_quiz
from atelier_ia.quiz.model import LEVELS
from atelier_ia.quiz.render import KEEP_CSS, PROGRESS_KEY, PROGRESS_VERSION, keep_script, keep_switch_html, progress_slot

from .render import module_link, modules_table, repository_url, themes_list

DATA_ID = "aip-data"


def quiz_files(module_id: str) -> list[str]:
    """The quiz ids whose questions count for a module: its end-of-module quiz and the
    questions asked next to its demos (``<id>-sans-code``), when the files exist."""
    return [q for q in (module_id, f"{module_id}-sans-code") if (data_dir() / "quiz" / f"{q}.yml").is_file()]


def question_levels(module_id: str) -> dict[str, str]:
    """The storage key of every question that counts for ``module_id`` (file order) → its level
    (« rappel », « application » or « jugement », the ``niveau`` of the quiz file)."""
    levels = {}
    for quiz_id in quiz_files(module_id):
        quiz = load_quiz(quiz_id)
        levels.update({progress_slot(quiz.module, q.id)[1]: q.level for q in quiz.questions})
    return levels


def question_keys(module_id: str) -> list[str]:
    """The storage keys of every question that counts for ``module_id``, in file order."""
    return list(question_levels(module_id))


def quiz_totals(cat: Catalogue) -> dict[str, int]:
    """Number of questions per available module (the « sur N » of the course map)."""
    return {m.id: len(question_keys(m.id)) for m in cat.modules if m.available and quiz_files(m.id)}


def catalogue_json(cat: Catalogue) -> str:
    """Every module with quizzes: number, title, its questions' keys and their levels (in the
    order of :data:`LEVELS`, as indices). No duration: the attestation counts answers, and the
    time a reader spent is nothing the book can know."""
    modules = []
    for m in cat.modules:
        if m.available and quiz_files(m.id):
            levels = question_levels(m.id)
            modules.append({"id": m.id, "n": m.number, "title": m.title, "keys": list(levels),
                            "levels": [LEVELS.index(v) for v in levels.values()]})
    text = json.dumps({"key": PROGRESS_KEY, "v": PROGRESS_VERSION, "levels": list(LEVELS), "modules": modules},
                      ensure_ascii=False)
    return text.replace("</", "<\\/")  # never closes the <script> that holds it


def progress_table(cat: Catalogue) -> str:
    """One row per module with quizzes: its score and last activity, filled in by the page's
    script from the browser's storage when the reader keeps their results (« — » without
    JavaScript)."""
    totals = quiz_totals(cat)
    rows = ["| N° | Module | Questions réussies (dernier essai) | Dernière activité |", "|---|---|---|---|"]
    for m in cat.modules:
        if m.id in totals:
            mid = html.escape(m.id)
            rows.append(f'| {m.number} | {module_link(m, "myst")} | <span class="aip-prog" data-module="{mid}" '
                        f'data-total="{totals[m.id]}">—</span> | <span class="aip-last" data-module="{mid}">—</span> |')
    return "\n".join(rows) + "\n"


# Shared by the map and the attestation: read the store safely, count, write French.
_COMMON_JS = r"""
var AIP=(function(){
  var data=JSON.parse(document.getElementById("%(data_id)s").textContent);
  var MONTHS=["janvier","février","mars","avril","mai","juin","juillet","août","septembre","octobre","novembre","décembre"];
%(keep)s
  function state(){ /* "refused" (this browser refuses storage), "on" (the reader keeps results) or "off" */
    try{window.localStorage.getItem(data.key);}catch(e){return "refused";}
    return aiKeepOn()?"on":"off";
  }
  function read(){ /* null when this browser refuses storage; {} when nothing is kept or saving is off */
    var raw;
    try{raw=window.localStorage.getItem(data.key);}catch(e){return null;}
    if(!aiKeepOn())return {};
    var v=null; try{v=raw?JSON.parse(raw):null;}catch(e){}
    return (v&&v.v===data.v&&v.modules&&typeof v.modules==="object")?v.modules:{};
  }
  function summary(mod,stored){ /* {ok, total, last, seen, byLevel:[{seen,total}…]} for one module of the catalogue */
    var q=(stored&&stored[mod.id]&&stored[mod.id].q)||{},ok=0,last="",seen=0;
    var byLevel=data.levels.map(function(){return {seen:0,total:0};});
    mod.keys.forEach(function(k,i){var r=q[k],lv=byLevel[mod.levels[i]];lv.total++;
      if(!r||typeof r!=="object")return;seen++;lv.seen++;
      if(r.r==="ok")ok++; if(typeof r.d==="string"&&r.d>last)last=r.d;});
    return {ok:ok,total:mod.keys.length,last:last,seen:seen,byLevel:byLevel};
  }
  function frDate(iso){
    var m=/^(\d{4})-(\d{2})-(\d{2})$/.exec(iso||""); if(!m)return "";
    var d=Number(m[3]); return (d===1?"1er":String(d))+"\u00a0"+MONTHS[Number(m[2])-1]+" "+m[1];
  }
  function today(){var d=new Date(),p=function(n){return (n<10?"0":"")+n;};
    return d.getFullYear()+"-"+p(d.getMonth()+1)+"-"+p(d.getDate());}
  function score(s){return s.ok+"\u00a0question"+(s.ok>1?"s":"")+" réussie"+(s.ok>1?"s":"")+" sur "+s.total;}
  function byId(id){for(var i=0;i<data.modules.length;i++)if(data.modules[i].id===id)return data.modules[i];return null;}
  return {data:data,state:state,read:read,keepSwitch:aiKeepSwitch,summary:summary,frDate:frDate,today:today,score:score,byId:byId};
})();
"""

_CSS = """
.aip-box{border:1px solid #8a8a8a;border-radius:.5em;padding:.6em 1em;margin:1em 0}
.aip-box button{padding:.35em 1.1em;border-radius:.3em;border:1px solid #1a4f8b;background:#1a4f8b;color:#fff;font:inherit;cursor:pointer;margin:.2em .4em .2em 0}
.aip-box button:focus-visible,.aip-box input:focus-visible{outline:3px solid #e6a100;outline-offset:2px}
.aip-box input[type=text]{font:inherit;padding:.3em .5em;border:1px solid #555;border-radius:.3em;width:min(30em,100%)}
.aip-state{font-weight:600}
"""

_MAP_JS = r"""
(function(){
  var box=document.getElementById("aip-carte"); if(!box||box.dataset.ready)return; box.dataset.ready="1";
  function show(){
    var state=AIP.state(),stored=state==="on"?AIP.read():null;
    box.querySelector(".aip-unavailable").hidden=state!=="refused";
    box.querySelector(".aip-state").textContent=state==="on"?box.dataset.kept:box.dataset.notKept;
    document.querySelectorAll(".aip-prog[data-module]").forEach(function(cell){
      var mod=AIP.byId(cell.dataset.module); if(!mod)return;
      var s=AIP.summary(mod,stored),last=document.querySelector('.aip-last[data-module="'+mod.id+'"]');
      if(!stored)cell.textContent="non gardés";
      else cell.textContent=s.seen?AIP.score(s):"pas encore commencé (sur "+s.total+"\u00a0questions)";
      if(last)last.textContent=stored&&s.seen?AIP.frDate(s.last):"—";
    });
  }
  AIP.keepSwitch(box.querySelector(".ai-keep"),show);
  show();
})();
"""


# The status live regions (``.ai-keep-status``) stay rendered while empty: a live region hidden with display:none
# when its text changes is not announced by every screen reader.


def _script(body: str) -> str:
    return f"<script>{_COMMON_JS % {'data_id': DATA_ID, 'keep': keep_script()}}{body}</script>"


def _html_block(text: str) -> str:
    """Raw HTML as one Markdown HTML block: a blank line would end it, so none is left."""
    return "\n".join(line for line in text.splitlines() if line.strip()) + "\n"


#: What the course map says about the reader's results, depending on the switch.
MAP_STATE = {
    "not-kept": "Vos résultats ne sont pas gardés.",
    "kept": "Vos résultats sont gardés dans ce navigateur, et dans lui seul.",
}


def course_map(cat: Catalogue) -> str:
    """The home page's map: the themes, the modules (:mod:`atelier_tools.render`), then the
    reader's progress in each, filled in by the browser."""
    return "**Les six thèmes**\n\n" + themes_list(cat) + "\n" + modules_table(cat) + "\n" + map_block(cat)


def map_block(cat: Catalogue) -> str:
    """Markdown + raw HTML placed under the course map: the note, the switch, the table, the script
    (after the table, which it fills in)."""
    data = " ".join(f'data-{k}="{html.escape(v)}"' for k, v in MAP_STATE.items())
    return (
        f"**Votre progression.** Si vous le demandez, ce tableau compte, pour chaque module, les "
        f"questions de quiz réussies à votre dernier essai, sur toutes les questions du module{NBSP}: "
        f"celles du quiz de fin de module et celles, sans code, qui accompagnent les démonstrations. "
        f"C'est désactivé par défaut{NBSP}: tant que vous n'activez pas «{NBSP}Garder mes résultats dans ce "
        f"navigateur{NBSP}», ici ou avant la première question de quiz d'un module, le livre n'écrit rien dans votre navigateur. "
        f"Activé, il y garde le résultat de votre dernier essai à chaque question et sa date, "
        f"sans rien envoyer{NBSP}; désactiver efface ces résultats. "
        f"L'{{doc}}`attestation de suivi </annexes/attestation>` les met en forme pour l'impression "
        f"et explique pourquoi rien n'est gardé sans votre accord.\n\n"
        + _html_block(
            f'<div class="aip-box" id="aip-carte" lang="fr" {data}><style>{_CSS}{KEEP_CSS}</style>\n'
            f'<p class="aip-state">{html.escape(MAP_STATE["not-kept"])}</p>\n'
            f"{keep_switch_html('aip-carte-garder')}\n"
            f'<p class="aip-unavailable" hidden>Ce navigateur refuse le stockage local (certains modes de '
            f"navigation privée le font){NBSP}: les quiz fonctionnent, mais aucun résultat ne peut être gardé.</p>\n"
            "</div>\n")
        + "\n" + progress_table(cat) + "\n"
        + _html_block(
            f'<script type="application/json" id="{DATA_ID}">{catalogue_json(cat)}</script>\n'
            f"{_script(_MAP_JS)}\n")
    )


# ----------------------------------------------------------------------------- attestation

#: What the printed sheet says it proves, and what it does not (the page explains at length).
SHEET = {
    "title": "Attestation de suivi d'une autoformation",
    "intro": ("a répondu, dans ce navigateur, aux questions d'autoévaluation du cours ouvert « Atelier IA & culture » "
              "comptées ci-dessous. Pour chaque module, le tableau donne les questions répondues sur celles que le "
              "module propose, en tout et par niveau, et celles réussies au dernier essai."),
    "caption": "{seen} question{s} répondue{s} sur les {total} questions du cours",
    "columns": ["N°", "Module", "Questions répondues", "Réussies au dernier essai", "Rappel", "Application",
                "Jugement", "Dernière réponse"],
    "of": "{seen} sur {total}",
    "levels": ("Niveaux des questions : rappel, retrouver un fait du module ; application, s'en servir dans une "
               "situation nouvelle ; jugement, peser une situation et choisir quoi faire."),
    "proves": ("Ce document atteste des réponses : ce navigateur a gardé le résultat du dernier essai à chacune de "
               "ces questions, et la personne a tapé elle-même son nom. Il peut figurer, avec d'autres "
               "pièces, dans le registre des mesures prises par un établissement pour la maîtrise de l'IA de ses "
               "équipes (article 4 du règlement européen sur l'IA)."),
    "not": ("Il ne vérifie pas l'identité de la personne et ne repose sur aucun examen surveillé. Il ne mesure ni "
            "le temps passé ni la lecture des modules : avoir répondu à des questions d'un module ne dit pas qu'il "
            "a été suivi en entier. Ce n'est ni un diplôme, ni une certification, ni un titre professionnel."),
    "made": "Document produit le {date} dans le navigateur de la personne, sans aucune transmission de données.",
    "empty": ("Aucun résultat de quiz n'est enregistré dans ce navigateur. Répondez aux quiz à la fin des "
              "modules ou à côté des démonstrations, puis revenez sur cette page."),
    "off": ("Vos résultats ne sont pas gardés dans ce navigateur. Activez «\u00a0Garder mes résultats dans ce "
            "navigateur\u00a0» ci-dessus, répondez aux quiz des modules, puis revenez sur cette page."),
    "sign_person": "Signature de la personne",
    "sign_org": "Visa de l'établissement (facultatif)",
}

_SHEET_CSS = """
.aip-sheet{border:1px solid #8a8a8a;padding:1em 1.4em;margin:1em 0;background:#fff;color:#111}
.aip-sheet :is(h1,h2,h3,h4,p,caption,table,tr,th,td,strong){color:#111;background:#fff}
.aip-sheet table{border-collapse:collapse;width:100%;margin:.6em 0}
.aip-sheet th,.aip-sheet td{border:1px solid #666;padding:.25em .5em;text-align:left;vertical-align:top}
.aip-sheet caption{text-align:left;font-weight:600;padding:.2em 0}
.aip-sheet .aip-sign{display:flex;gap:2em;margin-top:1.5em}
.aip-sheet .aip-sign p{flex:1;border-top:1px solid #666;padding-top:.3em;margin-top:2.5em}
@media screen{#aip-print{display:none}}
@media print{
  @page{size:A4;margin:16mm 15mm}
  body>*:not(#aip-print){display:none!important}
  html,body{background:#fff!important}
  #aip-print{display:block!important;font:10.5pt/1.45 Georgia,"DejaVu Serif",serif;color:#000}
  #aip-print .aip-sheet{border:0;padding:0;margin:0}
  #aip-print h1{font-size:16pt;margin:0 0 .6em}
  #aip-print tr{break-inside:avoid}
}
"""

_SHEET_JS = r"""
(function(){
  var form=document.getElementById("aip-attestation"); if(!form||form.dataset.ready)return; form.dataset.ready="1";
  var T=JSON.parse(document.getElementById("aip-textes").textContent);
  var preview=document.getElementById("aip-apercu");
  var printRoot=document.createElement("div"); printRoot.id="aip-print"; printRoot.lang="fr";
  document.body.appendChild(printRoot);
  function el(tag,text,cls){var e=document.createElement(tag);if(text!==undefined)e.textContent=text;if(cls)e.className=cls;return e;}
  function sheet(level){
    var state=AIP.state(),stored=AIP.read(),name=form.querySelector("#aip-nom").value.trim(),org=form.querySelector("#aip-etab").value.trim();
    var box=el("div",undefined,"aip-sheet");
    box.appendChild(el(level,T.title));
    var who=el("p"); var strong=el("strong",name||"[nom à saisir]"); who.appendChild(strong);
    if(org)who.appendChild(document.createTextNode(" ("+org+")"));
    who.appendChild(document.createTextNode(" "+T.intro)); box.appendChild(who);
    var rows=[],seen=0,total=0;
    function of(a,b){return b?T.of.replace("{seen}",a).replace("{total}",b):"—";}
    AIP.data.modules.forEach(function(mod){var s=AIP.summary(mod,stored);total+=s.total;if(stored&&s.seen){rows.push([mod,s]);seen+=s.seen;}});
    if(!rows.length){box.appendChild(el("p",state==="refused"?T.unavailable:state==="off"?T.off:T.empty,"aip-empty"));}
    else{
      var t=el("table"),cap=el("caption",T.caption.replace(/\{s\}/g,seen>1?"s":"").replace("{seen}",seen).replace("{total}",total)),head=el("tr");
      t.appendChild(cap);
      T.columns.forEach(function(h){var th=el("th",h);th.scope="col";head.appendChild(th);});
      var thead=el("thead"),tbody=el("tbody");thead.appendChild(head);t.appendChild(thead);t.appendChild(tbody);
      rows.forEach(function(row){var tr=el("tr"),mod=row[0],s=row[1];
        [mod.n,mod.title,of(s.seen,s.total),String(s.ok)].concat(s.byLevel.map(function(l){return of(l.seen,l.total);}))
          .concat([AIP.frDate(s.last)]).forEach(function(v,i){var c=el(i===1?"th":"td",v);if(i===1)c.scope="row";tr.appendChild(c);});
        tr.dataset.module=mod.id; tbody.appendChild(tr);});
      box.appendChild(t);
      box.appendChild(el("p",T.levels,"aip-levels"));
    }
    box.appendChild(el("p",T.proves)); box.appendChild(el("p",T.not));
    box.appendChild(el("p",T.made.replace("{date}",AIP.frDate(AIP.today()))));
    box.appendChild(el("p",T.course));
    var sign=el("div",undefined,"aip-sign"); sign.appendChild(el("p",T.sign_person)); sign.appendChild(el("p",T.sign_org));
    box.appendChild(sign);
    return box;
  }
  function show(){
    preview.replaceChildren(sheet("h4"));
    printRoot.replaceChildren(sheet("h1"));
  }
  form.querySelectorAll("input").forEach(function(i){i.addEventListener("input",show);});
  form.querySelector("#aip-imprimer").addEventListener("click",function(){show();window.print();});
  AIP.keepSwitch(form.querySelector(".ai-keep"),show);
  window.addEventListener("beforeprint",show);
  show();
})();
"""


def french(value):
    """No-break spaces before « : » and « ; » in a text, or in each text of a list."""
    if isinstance(value, list):
        return [french(v) for v in value]
    return value.replace(" : ", f"{NBSP}: ").replace(" ; ", f"{NBSP}; ")


def attestation_block(cat: Catalogue) -> str:
    """The raw HTML of the attestation page: the form, the live preview, the printed sheet."""
    texts = dict(SHEET)
    texts["course"] = f"Cours « Atelier IA & culture », textes sous licence CC BY 4.0{NBSP}: {repository_url()}"
    texts["unavailable"] = ("Ce navigateur refuse le stockage local (certains modes de navigation privée le font) : "
                            "aucun résultat de quiz n'a pu y être gardé.")
    texts = {k: french(v) for k, v in texts.items()}
    blob = json.dumps(texts, ensure_ascii=False).replace("</", "<\\/")
    return _html_block(
        f'<div class="aip-box" id="aip-attestation" lang="fr"><style>{_CSS}{KEEP_CSS}{_SHEET_CSS}</style>\n'
        f"{keep_switch_html('aip-attestation-garder')}\n"
        f'<p><label for="aip-nom">Nom et prénom</label><br><input type="text" id="aip-nom" autocomplete="off" spellcheck="false"></p>\n'
        f'<p><label for="aip-etab">Établissement ou service (facultatif)</label><br><input type="text" id="aip-etab" autocomplete="off" spellcheck="false"></p>\n'
        f'<p><button type="button" id="aip-imprimer">Imprimer l\'attestation</button></p>\n'
        f'<h3 id="aip-apercu-titre">Aperçu</h3>\n'
        f'<div id="aip-apercu" aria-labelledby="aip-apercu-titre" role="region"><p>L\'attestation est produite '
        f"par JavaScript dans votre navigateur{NBSP}: activez-le pour la voir et l'imprimer.</p></div>\n"
        f'<script type="application/json" id="{DATA_ID}">{catalogue_json(cat)}</script>\n'
        f'<script type="application/json" id="aip-textes">{blob}</script>\n'
        f"{_script(_SHEET_JS)}\n"
        "</div>\n"
    )
