(function(){
  var root=document.getElementById(%(id)s);
  if(!root||root.dataset.ready)return; root.dataset.ready="1";
%(keep)s
  root.querySelectorAll(".ai-keep").forEach(function(box){
    /* one switch per page, before its first question: the later quizzes' switches stay hidden */
    var first=document.querySelector(".aiq .ai-keep");
    if(first&&first!==box){box.hidden=true;return;}
    aiKeepSwitch(box);
  });
  function remember(key,result){
    /* The last result of each question, in this browser only, and only once the reader has
       turned saving on (read at each answer: another page may have changed it). Any failure
       (storage refused, private mode, full, unreadable value) is ignored: the quiz works the same. */
    if(!aiKeepOn())return;
    try{
      var store=window.localStorage,raw=store.getItem(%(key)s),data=null;
      try{data=raw?JSON.parse(raw):null;}catch(e){}  /* unreadable: start again */
      if(!data||typeof data!=="object"||typeof data.modules!=="object"||data.modules===null)data={v:%(version)s,modules:{}};
      if(data.v!==%(version)s||!root.dataset.module||!key)return;
      var d=new Date(),p=function(n){return (n<10?"0":"")+n;};
      var mod=data.modules[root.dataset.module];
      if(!mod||typeof mod.q!=="object"||mod.q===null)mod=data.modules[root.dataset.module]={q:{}};
      mod.q[key]={r:result,d:d.getFullYear()+"-"+p(d.getMonth()+1)+"-"+p(d.getDate())};
      store.setItem(%(key)s,JSON.stringify(data));
    }catch(e){}
  }
  root.querySelectorAll("form").forEach(function(form){
    form.addEventListener("submit",function(ev){
      ev.preventDefault();
      var picked=[];
      form.querySelectorAll("input").forEach(function(inp,i){if(inp.checked)picked.push(i);});
      var correct=form.dataset.correct.split(",").map(Number);
      var verdict=form.querySelector(".aiq-verdict");
      form.querySelectorAll(".aiq-retour,.aiq-why,.aiq-source").forEach(function(el){el.hidden=true;});
      var state, msg;
      var same=picked.length===correct.length&&picked.every(function(i){return correct.indexOf(i)>=0;});
      var subset=picked.every(function(i){return correct.indexOf(i)>=0;});
      if(!picked.length){state="none";msg=root.dataset.none;}
      else if(same){state="ok";msg=root.dataset.ok;}
      else if(form.dataset.multiple==="true"&&subset){state="partial";msg=root.dataset.partial;}
      else{state="wrong";msg=root.dataset.wrong;}
      verdict.textContent=msg; verdict.dataset.state=state; verdict.hidden=false;
      picked.forEach(function(i){var el=form.querySelector('.aiq-retour[data-option="'+i+'"]');if(el)el.hidden=false;});
      if(state==="ok"){form.querySelectorAll(".aiq-why,.aiq-source").forEach(function(el){el.hidden=false;});}
      if(state!=="none")remember(form.dataset.key,state);
    });
  });
})();
