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
