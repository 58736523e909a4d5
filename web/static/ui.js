// uwp query UI: runs the query with fetch, renders SPARQL JSON results as a table whose IRIs
// link into the Linked Data pages, and shows CONSTRUCT/DESCRIBE answers as Turtle. Plain
// JavaScript, no framework, no build step.
"use strict";
(function () {
  const form = document.getElementById("qform");
  const q = document.getElementById("query");
  const out = document.getElementById("results");
  const status = document.getElementById("status");
  const fmt = document.getElementById("format");
  const dl = document.getElementById("download");
  let bases = [];
  try { bases = JSON.parse(out.dataset.bases || "[]"); } catch (e) { bases = []; }

  function localHref(iri) {
    for (const b of bases) {
      if (iri.startsWith(b)) {
        let rest = iri.slice(b.length);
        let frag = "";
        const h = rest.indexOf("#");
        if (h >= 0) { frag = rest.slice(h); rest = rest.slice(0, h); }
        if (rest.startsWith("id/")) return "/doc/" + rest.slice(3) + frag;
        return "/" + rest + frag;
      }
    }
    return "/page?uri=" + encodeURIComponent(iri);
  }

  function cell(t) {
    const td = document.createElement("td");
    if (!t) return td;
    if (t.type === "uri") {
      const a = document.createElement("a");
      a.href = localHref(t.value);
      a.textContent = t.value;
      a.title = t.value;
      td.appendChild(a);
    } else if (t.type === "bnode") {
      td.textContent = "_:" + t.value;
    } else {
      td.textContent = t.value;
      if (t["xml:lang"]) {
        const s = document.createElement("span");
        s.className = "lang";
        s.textContent = " @" + t["xml:lang"];
        td.appendChild(s);
      } else if (t.datatype) {
        const s = document.createElement("span");
        s.className = "dt";
        s.textContent = " " + t.datatype.replace("http://www.w3.org/2001/XMLSchema#", "xsd:");
        td.appendChild(s);
      }
    }
    return td;
  }

  function render(json) {
    out.textContent = "";
    if (typeof json.boolean === "boolean") {
      const p = document.createElement("p");
      p.className = "boolean";
      p.textContent = json.boolean ? "true" : "false";
      out.appendChild(p);
      return 1;
    }
    const table = document.createElement("table");
    table.className = "results";
    const head = table.createTHead().insertRow();
    for (const v of json.head.vars) {
      const th = document.createElement("th");
      th.textContent = "?" + v;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const b of json.results.bindings) {
      const tr = body.insertRow();
      for (const v of json.head.vars) tr.appendChild(cell(b[v]));
    }
    out.appendChild(table);
    return json.results.bindings.length;
  }

  function updateDownload() {
    const f = fmt.value || "json";
    dl.href = "/sparql?query=" + encodeURIComponent(q.value) + "&format=" + encodeURIComponent(f);
  }

  async function run(ev) {
    if (ev) ev.preventDefault();
    status.className = "";
    status.textContent = "running…";
    updateDownload();
    const t0 = performance.now();
    try {
      const res = await fetch("/sparql", {
        method: "POST",
        headers: { "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
        body: q.value,
      });
      const text = await res.text();
      const ms = Math.round(performance.now() - t0);
      if (!res.ok) {
        status.className = "error";
        status.textContent = text;
        out.textContent = "";
        return;
      }
      const ct = res.headers.get("Content-Type") || "";
      if (ct.startsWith("application/sparql-results+json")) {
        const n = render(JSON.parse(text));
        status.textContent = n + " result" + (n === 1 ? "" : "s") + " in " + ms + " ms";
      } else {
        out.textContent = "";
        const pre = document.createElement("pre");
        pre.textContent = text;
        out.appendChild(pre);
        status.textContent = "graph in " + ms + " ms";
      }
    } catch (e) {
      status.className = "error";
      status.textContent = String(e);
    }
  }

  form.addEventListener("submit", run);
  fmt.addEventListener("change", updateDownload);
  q.addEventListener("input", updateDownload);
  q.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(e); });
  for (const b of document.querySelectorAll(".examples button")) {
    b.addEventListener("click", () => { q.value = b.dataset.query; updateDownload(); run(); });
  }
  updateDownload();
  // /?query=...&run=1 runs the query at once (links from pages, and the browser test).
  if (new URLSearchParams(location.search).get("run") === "1") run();
  document.body.dataset.ready = "1";
})();
