(function(){
  var root=document.getElementById("aip"), form=root.querySelector("form"), out=root.querySelector(".aip-result");
  var D=JSON.parse(root.querySelector("script[type='application/json']").textContent), T=D.text;
  function el(tag,text,cls){var e=document.createElement(tag);if(text)e.textContent=text;if(cls)e.className=cls;return e;}
  function dur(n){var h=Math.floor(n/60),m=n%60;if(!h)return m+"\u00a0min";return h+"\u00a0h"+(m?"\u00a0"+(m<10?"0":"")+m:"");}
  function link(text,href){var a=el("a",text);a.href=href;return a;}
  function fill(s,n){return s.replace("{n}",n);}
  function add(o,k,v){(o[k]=o[k]||[]).push(v);}
  function picked(name){return Array.prototype.map.call(form.querySelectorAll("input[name='"+name+"']:checked"),function(i){return +i.value;});}
  function compute(){
    var path=null, declared={}, prio={}, stated=[], notes={}, confirmed={}, wrongSecs={}, state={}, right=0, answered=0;
    D.questions.forEach(function(q){
      picked(q.id).sort(function(a,b){return a-b;}).forEach(function(i){
        var a=q.answers[i];
        if(a.path)path=a.path;
        a.skip.forEach(function(m){add(declared,m,a.reason);});
        a.prio.forEach(function(m){add(prio,m,a.reason);if(q.id===D.stated&&stated.indexOf(m)<0)stated.push(m);});
      });
    });
    D.checks.forEach(function(c){
      var ch=picked(c.name);
      if(!ch.length){add(state,c.module,"open");return;}
      answered++;
      if(c.correct.indexOf(ch[0])>=0){right++;add(state,c.module,"ok");add(confirmed,c.module,fill(T.confirmed,c.n));return;}
      add(state,c.module,"wrong");
      add(notes,c.module,fill(declared[c.module]?T.declared_wrong:T.wrong,c.n));add(notes,c.module,c.feedback[ch[0]]);
      wrongSecs[c.module]=wrongSecs[c.module]||[];
      c.sections.forEach(function(s){if(!wrongSecs[c.module].some(function(x){return x.href===s.href;}))wrongSecs[c.module].push(s);});
    });
    var skip={};
    Object.keys(declared).forEach(function(m){
      if(prio[m])return;
      var st=state[m]||[];
      if(st.every(function(s){return s==="ok";}))skip[m]=declared[m].concat(confirmed[m]||[]);
      else if(st.indexOf("wrong")<0){
        var c=D.checks.filter(function(c){return c.module===m&&!picked(c.name).length;})[0];
        add(notes,m,fill(T.declared_open,c.n));
      }
    });
    var aud=D.paths[path||D.fallback], base=aud.order.filter(function(m){return !skip[m];});
    D.order.forEach(function(m){if(prio[m]&&!aud.steps[m])base.push(m);});
    D.order.forEach(function(m){if(wrongSecs[m]&&!aud.steps[m]&&!prio[m])base.push(m);});
    var emitted=[];
    function emit(m){D.modules[m].prereq.forEach(function(p){if(base.indexOf(p)>=0&&emitted.indexOf(p)<0)emit(p);});
      if(emitted.indexOf(m)<0)emitted.push(m);}
    stated.filter(function(m){return base.indexOf(m)>=0;}).concat(base).forEach(emit);
    var follow=emitted.map(function(m){
      var st=aud.steps[m], minutes, secs;
      if(st){minutes=st.minutes;secs=st.sections;}
      else if(prio[m]){minutes=D.modules[m].minutes;secs=[];}
      else{secs=wrongSecs[m];minutes=secs.reduce(function(t,s){return t+s.minutes;},0);}
      return {id:m,minutes:minutes,prio:!!prio[m],why:(prio[m]||[]).concat(notes[m]||[]),sections:secs};
    });
    var skipped=aud.order.filter(function(m){return skip[m];}).map(function(m){return {id:m,why:skip[m]};});
    return {path:path||D.fallback,chosen:!!path,follow:follow,skip:skipped,right:right,answered:answered};
  }
  function show(){
    var r=compute(), aud=D.paths[r.path], total=0;
    out.textContent="";
    out.appendChild(el("h2",T.heading));
    var p=el("p");p.appendChild(document.createTextNode(r.chosen?T.path:T.fallback));
    p.appendChild(link(aud.title,aud.href));p.appendChild(document.createTextNode("."));out.appendChild(p);
    out.appendChild(el("p",r.answered?T.score.replace("{right}",r.right).replace("{s_right}",r.right>1?"s":"")
      .replace("{answered}",r.answered).replace("{s_answered}",r.answered>1?"s":""):T.no_check,"aip-score"));
    out.appendChild(el("h3",T.follow));
    var ol=el("ol");
    r.follow.forEach(function(f){
      total+=f.minutes;
      var li=el("li"), mod=D.modules[f.id];
      li.dataset.module=f.id;
      li.appendChild(link(mod.label,mod.href));
      li.appendChild(document.createTextNode(" ("+dur(f.minutes)+")"));
      if(f.prio){li.appendChild(document.createTextNode(" — "));li.appendChild(el("span",T.prio,"aip-prio"));}
      if(f.prio||f.why.length)li.appendChild(document.createTextNode("."));
      if(f.why.length)li.appendChild(document.createTextNode(" "+f.why.join(" ")));
      if(f.sections.length){
        var s=el("span",T.sections,"aip-sections");
        f.sections.forEach(function(x,i){if(i)s.appendChild(document.createTextNode(", "));
          s.appendChild(link("\u00ab\u00a0"+x.title+"\u00a0\u00bb",x.href));s.appendChild(document.createTextNode(" ("+dur(x.minutes)+")"));});
        s.appendChild(document.createTextNode("."));li.appendChild(s);
      }
      ol.appendChild(li);
    });
    out.appendChild(ol);
    if(r.skip.length){
      out.appendChild(el("h3",T.skip));
      var ul=el("ul");
      r.skip.forEach(function(s){var li=el("li");li.dataset.module=s.id;li.appendChild(link(D.modules[s.id].label,D.modules[s.id].href));
        li.appendChild(document.createTextNode(". "+s.why.join(" ")));ul.appendChild(li);});
      out.appendChild(ul);
    }
    out.appendChild(el("p",T.total+dur(total)+".","aip-total"));
    out.appendChild(el("p",T.solo,"aip-solo"));
    out.focus();
  }
  form.addEventListener("submit",function(ev){ev.preventDefault();show();});
  form.addEventListener("reset",function(){out.textContent="";});
})();
