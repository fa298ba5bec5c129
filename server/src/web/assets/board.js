// The public office board: the queue's figures live over Server-Sent Events.
(function () {
  "use strict";
  var page = JSON.parse(document.getElementById("page-data").textContent);
  if (!window.EventSource) { return; }
  var offline = document.getElementById("offline");
  var source = new EventSource(page.events);
  source.addEventListener("board", function (e) {
    offline.hidden = true;
    document.getElementById("board").innerHTML = JSON.parse(e.data).board;
  });
  source.onerror = function () { offline.hidden = false; };
}());
