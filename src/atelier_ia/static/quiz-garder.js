  function aiKeepOn(){ /* has the reader asked for their results to be kept? */
    try{return window.localStorage.getItem(%(choice)s)===%(on)s;}catch(e){return false;}
  }
  function aiKeepSwitch(box,changed){
    var input=box.querySelector("input"),status=box.querySelector(".ai-keep-status");
    if(!input||input.dataset.ready)return; input.dataset.ready="1";
    function sync(){input.checked=aiKeepOn();}
    input.addEventListener("change",function(){
      var msg;
      try{
        var store=window.localStorage;
        if(input.checked){store.setItem(%(choice)s,%(on)s);msg=box.dataset.on;}
        else{store.removeItem(%(key)s);store.removeItem(%(choice)s);msg=box.dataset.off;}
      }catch(e){input.checked=false;msg=box.dataset.refused;}
      if(status)status.textContent=msg;
      if(changed)changed();
    });
    /* another tab or page of the book changed the choice, or the page came back from the cache */
    window.addEventListener("storage",function(ev){
      if(ev.key===null||ev.key===%(choice)s||ev.key===%(key)s){sync();if(changed)changed();}
    });
    window.addEventListener("pageshow",function(){sync();if(changed)changed();});
    box.querySelectorAll(".ai-keep-control").forEach(function(el){el.hidden=false;});
    sync();
  }
