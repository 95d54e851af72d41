// The report's only style sheet and script, inlined and allowed by their hashes in the Content-Security-Policy:
// nothing else may run or load, so text from the repository cannot become markup or code even if escaping failed.
import { createHash } from "node:crypto";

export const STYLE = `
:root{--pass:#1a7f37;--part:#9a6700;--fail:#cf222e;--muted:#57606a;--na:#6e7781;--excl:#8250df;--line:#d0d7de;--bg:#f6f8fa}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0 auto;max-width:1200px;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:16px 0 6px}
a{color:#0550ae}
.meta{color:var(--muted);margin:0 0 16px}
.top{display:flex;gap:24px;align-items:stretch;flex-wrap:wrap}
.figure{border:1px solid var(--line);border-radius:8px;padding:12px 16px;min-width:180px}
.figure strong{display:block;font-size:36px;line-height:1.1}
.counts{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:0;padding:0;list-style:none}
.counts li{border:1px solid var(--line);border-radius:6px;padding:6px 10px;background:#fff}
.legend{display:flex;gap:12px;flex-wrap:wrap;list-style:none;padding:0;margin:8px 0}
.legend li{display:flex;gap:6px;align-items:center}
.heat{display:grid;grid-template-columns:220px 1fr;gap:4px 12px;align-items:start;margin:8px 0}
.heat .group{font-weight:600;padding-top:6px}
.heat .group small{display:block;font-weight:400;color:var(--muted)}
.cells{display:flex;flex-wrap:wrap;gap:4px}
.cell{display:inline-flex;flex-direction:column;min-width:68px;padding:4px 6px;border-radius:4px;text-decoration:none;color:#fff;font-size:12px;border:2px solid transparent}
.cell b{font-size:13px}
.cell:focus{outline:3px solid #0969da;outline-offset:1px}
.s-passing{background:var(--pass)}.s-partial{background:var(--part)}.s-failing{background:var(--fail)}
.s-not-checkable{background:#fff;color:var(--na);border-color:var(--na);border-style:dashed}
.s-not-checked{background:#fff;color:var(--muted);border-color:var(--line)}
.s-excluded{background:#fff;color:var(--excl);border-color:var(--excl)}
.area{font-size:12px;font-weight:400;color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:var(--bg)}
td.num,th.num{text-align:right}
.matrix td{min-width:110px}
.state{display:inline-block;padding:1px 6px;border-radius:10px;font-size:12px;font-weight:600;border:1px solid}
.c-current{color:var(--pass);border-color:var(--pass)}
.c-attention{color:var(--part);border-color:var(--part)}
.c-failing,.c-missing{color:var(--fail);border-color:var(--fail)}
.c-draft{color:#0550ae;border-color:#0550ae}
.c-not-applicable{color:var(--na);border-color:var(--na)}
td.m-failing,td.m-missing{background:#ffebe9}td.m-attention{background:#fff8c5}td.m-current{background:#dafbe1}td.m-draft{background:#ddf4ff}
.age{display:block;color:var(--muted);font-size:12px}
.age.old{color:var(--part);font-weight:600}
.files{margin:4px 0 0;padding:0;list-style:none;font-size:12px}
.filters{display:flex;gap:12px;flex-wrap:wrap;align-items:end;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px;margin:8px 0}
.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted)}
.filters fieldset{border:0;margin:0;padding:0;display:flex;gap:8px;align-items:center}
.filters legend{font-size:12px;color:var(--muted);float:left;margin-right:6px}
.filters fieldset label{flex-direction:row;gap:4px;color:#1f2328;font-size:13px}
.sev-error{color:var(--fail);font-weight:600}.sev-warning{color:var(--part);font-weight:600}.sev-info{color:var(--muted)}
tr.sys th{background:#eaeef2}
.msg{word-break:break-word;min-width:320px}
details.fix summary{color:var(--muted);font-size:12px;cursor:pointer}
details.fix{font-size:13px}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
.note{color:var(--muted)}
.up{color:var(--fail)}.down{color:var(--pass)}
button.ref{font:inherit;background:none;border:0;color:#0550ae;text-decoration:underline;cursor:pointer;padding:0}
@media print{.filters{display:none}button.ref{color:inherit;text-decoration:none}body{padding:0;max-width:none}h2{break-after:avoid}tr,.cell{break-inside:avoid}a{color:inherit;text-decoration:none}}
`;

// Filters the findings table in place: severity, system, requirement and free text. No framework, no network.
export const SCRIPT = `
(function () {
  var table = document.getElementById("findings-table");
  if (!table) return;
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-sev]"));
  var heads = Array.prototype.slice.call(table.querySelectorAll("tbody tr.sys"));
  var text = document.getElementById("f-text");
  var system = document.getElementById("f-system");
  var ref = document.getElementById("f-ref");
  var shown = document.getElementById("f-shown");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-sev-filter]"));
  function apply() {
    var q = text.value.trim().toLowerCase();
    var sevs = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var s = system.value;
    var r = ref.value;
    var n = 0;
    var visible = {};
    rows.forEach(function (row) {
      var ok = sevs.indexOf(row.getAttribute("data-sev")) >= 0 &&
        (!s || row.getAttribute("data-group") === s) &&
        (!r || (" " + row.getAttribute("data-refs") + " ").indexOf(" " + r + " ") >= 0) &&
        (!q || row.textContent.toLowerCase().indexOf(q) >= 0);
      row.hidden = !ok;
      if (ok) { n++; visible[row.getAttribute("data-group")] = true; }
    });
    heads.forEach(function (h) { h.hidden = !visible[h.getAttribute("data-group")]; });
    shown.textContent = n + " of " + rows.length + " shown";
  }
  [text, system, ref].concat(boxes).forEach(function (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); });
  Array.prototype.slice.call(document.querySelectorAll("button[data-ref]")).forEach(function (b) {
    b.addEventListener("click", function () {
      ref.value = b.getAttribute("data-ref");
      apply();
      document.getElementById("findings").scrollIntoView();
    });
  });
  window.addEventListener("beforeprint", function () {
    Array.prototype.slice.call(document.querySelectorAll("details")).forEach(function (d) { d.open = true; });
  });
  apply();
})();
`;

export function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** Nothing but the inline style and script above; no requests of any kind. */
export function contentSecurityPolicy(): string {
  return `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;
}
