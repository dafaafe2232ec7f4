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
