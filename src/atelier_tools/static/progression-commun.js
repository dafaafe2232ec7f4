var AIP=(function(){
  var data=JSON.parse(document.getElementById("%(data_id)s").textContent);
  var MONTHS=data.months; /* atelier_ia.fmt.MONTHS, written into the page at build time */
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
