(function(){
var L=window.atelierLive=window.atelierLive||{};
if(!L.setup){
L.stop=function(){
  if(!L.current)return;
  clearTimeout(L.timer);try{L.master.disconnect();}catch(e){}
  var b=L.current.querySelector(".atelier-play");b.textContent=L.current.dataset.playLabel;
  delete L.current.dataset.playing;L.current=null;
};
L.play=function(btn){
  var box=btn.closest(".atelier-melody"),was=L.current;L.stop();if(was===box)return;
  var AC=window.AudioContext||window.webkitAudioContext,st=box.querySelector(".atelier-melody-status");
  if(!AC){st.textContent=box.dataset.nosound;return;}
  var ctx=L.ctx||(L.ctx=new AC());if(ctx.state==="suspended")ctx.resume();
  var notes=JSON.parse(box.dataset.notes),q=60/parseFloat(box.dataset.tempo),t0=ctx.currentTime+0.05,t=t0;
  var m=ctx.createGain();m.gain.value=0.2;m.connect(ctx.destination);
  notes.forEach(function(n){var d=n[1]*q;if(n[0]!==null){
    var o=ctx.createOscillator(),g=ctx.createGain();o.type="triangle";
    o.frequency.value=440*Math.pow(2,(n[0]-69)/12);
    g.gain.setValueAtTime(0.0001,t);g.gain.exponentialRampToValueAtTime(1,t+0.01);
    g.gain.exponentialRampToValueAtTime(0.0001,t+Math.max(0.03,d*0.95));
    o.connect(g);g.connect(m);o.start(t);o.stop(t+d);}t+=d;});
  L.current=box;L.master=m;box.dataset.playing="true";btn.textContent=box.dataset.stopLabel;
  L.last={notes:notes,seconds:t-t0};L.timer=setTimeout(L.stop,(t-t0)*1000+200);
};
L.setup=function(fig){
  if(fig.dataset.ready)return;fig.dataset.ready="1";
  var states=JSON.parse(fig.dataset.states),out=fig.querySelector(".atelier-live-output");
  var ctrls=Array.prototype.slice.call(fig.querySelectorAll("[data-labels]"));
  var first=document.createElement("template");first.dataset.state=String(states[out.dataset.key]);
  first.innerHTML=out.innerHTML;fig.appendChild(first);
  function show(){
    var key=ctrls.map(function(c){return c.value;}).join("-");
    ctrls.forEach(function(c){var t=JSON.parse(c.dataset.labels)[+c.value];
      var o=fig.querySelector('output[for="'+c.id+'"]');if(o)o.textContent=t;
      if(c.type==="range")c.setAttribute("aria-valuetext",t);});
    if(key===out.dataset.key)return;
    var tpl=fig.querySelector('template[data-state="'+states[key]+'"]');if(!tpl)return;
    if(L.current&&out.contains(L.current))L.stop();
    out.innerHTML="";out.appendChild(tpl.content.cloneNode(true));out.dataset.key=key;
  }
  ctrls.forEach(function(c){c.addEventListener("input",show);c.addEventListener("change",show);});
  fig.addEventListener("click",function(ev){var b=ev.target.closest&&ev.target.closest(".atelier-play");if(b)L.play(b);});
  show();
};
}
document.querySelectorAll("figure.atelier-live").forEach(L.setup);
})();
