// The report's inline stylesheet and script. System fonts only: the page
// must not fetch anything. No inline style attributes or event handlers
// either: the Content-Security-Policy allows the nonce-bearing elements alone.
#include "report/html_report_internal.hpp"

namespace accord::html {

std::string_view stylesheet() {
  return R"css(:root {
  --fg: #1d1f21; --muted: #5f6368; --line: #d8dadd; --bg: #ffffff; --panel: #f6f7f9;
  --err: #b3261e; --warn: #8a5a00; --note: #1a5fb4; --hl: #fff1b8; --hl-edge: #e0a100;
  --gap: repeating-linear-gradient(135deg, #f3f3f3 0 8px, #e9e9e9 8px 16px);
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
}
header.top, main, footer { max-width: 1400px; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 1rem 0 0.25rem; }
h2 { font-size: 1.2rem; margin: 1.25rem 0 0.5rem; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
code, pre, kbd { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; }
kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px; padding: 0 0.3em; background: var(--panel); }
.muted { color: var(--muted); }
.note { color: var(--muted); font-size: 0.9em; }
[hidden] { display: none !important; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.25rem 0 0.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.75rem 0.25rem 0; border-bottom: 1px solid var(--line); }
tr.zero { color: var(--muted); }
dl.totals { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0.5rem 0; }
dl.totals div { display: flex; flex-direction: column-reverse; }
dl.totals dt { color: var(--muted); font-size: 0.85em; }
dl.totals dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
ul.pairs { padding-left: 1.2rem; margin: 0.25rem 0; }
.summary h2 { margin-bottom: 0.25rem; }
.summary-grid { display: grid; grid-template-columns: minmax(0, auto) minmax(0, 1fr); gap: 0 2.5rem; align-items: start; }
.summary-grid h3:first-child { margin-top: 0.5rem; }
.summary th, .summary td { padding: 0.1rem 0.75rem 0.1rem 0; }
table.notice { width: 100%; }
.commit { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; overflow: hidden; overflow-wrap: anywhere; }
.notice-line { padding: 0.3rem 0.6rem; border-left: 4px solid var(--note); background: var(--panel); }
.filters {
  position: sticky; top: 0; z-index: 2; background: var(--bg); border-bottom: 1px solid var(--line);
  padding: 0.5rem max(1rem, calc((100% - 1400px) / 2 + 1rem)); display: flex; flex-wrap: wrap; gap: 0.4rem 1.25rem; align-items: center;
}
.filters .group { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; }
.filters .glabel { font-weight: 600; margin-right: 0.2rem; }
.filters .keys { margin: 0; font-size: 0.85em; }
.chip {
  font: inherit; font-size: 0.9em; border: 1px solid var(--line); background: var(--panel); color: var(--fg);
  border-radius: 999px; padding: 0.15rem 0.7rem; cursor: pointer; min-height: 2rem;
}
.chip[aria-pressed="true"] { background: var(--fg); color: var(--bg); border-color: var(--fg); }
.chip:focus-visible, .finding:focus-visible { outline: 3px solid var(--note); outline-offset: 2px; }
.chip .n { opacity: 0.75; }
#shown { margin-left: 0.4rem; font-size: 0.9em; }
.pair { border-top: 3px solid var(--fg); margin-top: 1.5rem; }
.pair-meta { color: var(--muted); margin-top: 0; }
.row { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 1.5rem; }
.colhead { font-weight: 600; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
.step { border-bottom: 1px solid var(--line); padding: 0.25rem 0 0.75rem; }
.step-note { margin: 0.4rem 0 0; color: var(--note); font-size: 0.9em; }
.col { min-width: 0; }
.col.gap { background: var(--gap); border-radius: 4px; min-height: 2.5rem; }
.gap-note { margin: 0.6rem; color: var(--muted); font-style: italic; }
.heading { margin: 0.6rem 0 0.3rem; position: relative; }
.heading.preamble { color: var(--muted); font-weight: normal; font-style: italic; }
.block { position: relative; padding: 0.1rem 0.4rem 0.1rem 2.6rem; margin: 0.2rem 0; border-left: 3px solid transparent; overflow-wrap: anywhere; }
.block::before, .heading::before {
  content: attr(data-line); position: absolute; left: 0; width: 2.1rem; text-align: right;
  color: var(--muted); font-size: 0.75em; font-weight: normal; font-style: normal; padding-top: 0.25em;
}
.heading { padding-left: 2.6rem; }
.block p { margin: 0.2rem 0; }
.block pre { margin: 0.2rem 0; white-space: pre-wrap; overflow-wrap: anywhere; background: var(--panel); padding: 0.3rem 0.4rem; border-radius: 3px; }
.block.k-list_item p::before { content: "• "; color: var(--muted); }
.block.d-2 { margin-left: 1.2rem; } .block.d-3 { margin-left: 2.4rem; } .block.d-4 { margin-left: 3.6rem; }
.block.d-5 { margin-left: 4.8rem; } .block.d-6 { margin-left: 6rem; }
.block.k-quote { font-style: italic; }
.block.fmkey .k { font-family: ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); margin-right: 0.4rem; }
.hl { background: var(--hl); border-left-color: var(--hl-edge); }
.heading.hl { border-left: 3px solid var(--hl-edge); }
.hl.muted-mark { background: transparent; border-left-color: transparent; }
.badge {
  float: right; font-size: 0.72rem; font-weight: 600; font-style: normal; color: var(--warn);
  border: 1px solid var(--hl-edge); border-radius: 3px; padding: 0 0.3rem; margin: 0.15rem 0 0 0.4rem; text-decoration: none;
}
.hl.muted-mark .badge { display: none; }
.findings { margin: 0.5rem 0 0 2.6rem; display: grid; gap: 0.4rem; }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--err); border-radius: 4px; padding: 0.35rem 0.7rem; background: var(--bg); scroll-margin-top: 7rem; }
.finding.sev-warning { border-left-color: var(--warn); }
.finding.sev-note { border-left-color: var(--note); }
.finding.current { box-shadow: 0 0 0 3px var(--note); }
.finding p { margin: 0.1rem 0; }
.fhead { font-size: 0.85em; }
.fhead .sev { font-weight: 700; text-transform: uppercase; color: var(--err); }
.sev-warning .fhead .sev { color: var(--warn); }
.sev-note .fhead .sev { color: var(--note); }
.fhead .rule { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: 600; }
.fhead .loc { color: var(--muted); overflow-wrap: anywhere; }
.msg { overflow-wrap: anywhere; }
ul.evidence { list-style: none; margin: 0.2rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.1rem 1rem; font-size: 0.82em; color: var(--muted); }
ul.evidence .k { font-weight: 600; }
.diff-label { font-size: 0.82em; color: var(--muted); margin-top: 0.3rem !important; }
.diff { background: var(--panel); padding: 0.3rem 0.5rem; border-radius: 3px; overflow-wrap: anywhere; }
.diff del { background: #ffd7d5; color: #82071e; text-decoration: line-through; }
.diff ins { background: #ccf2d6; color: #055d20; text-decoration: none; }
footer { margin: 2rem auto; font-size: 0.85em; }
@media screen and (max-width: 1000px) {
  .summary-grid { grid-template-columns: minmax(0, 1fr); }
}
@media screen and (max-width: 700px) {
  body { font-size: 16px; }
  .row { grid-template-columns: minmax(0, 1fr); }
  .col[data-label]::after {
    content: attr(data-label); position: absolute; top: 0.2rem; right: 0.2rem;
    font-size: 0.65rem; color: var(--muted); border: 1px solid var(--line); border-radius: 3px; padding: 0 0.25rem;
  }
  .col { position: relative; }
  .row .col.tgt { border-top: 1px dashed var(--line); }
  .colhead { display: none; }
  .findings { margin-left: 0; }
  .block { padding-left: 2.2rem; padding-right: 2rem; } .heading { padding-left: 2.2rem; padding-right: 2rem; }
  .block::before, .heading::before { width: 1.8rem; }
  .filters { position: static; }
  .filters .keys { display: none; }
}
@media print {
  body { font-size: 10pt; }
  header.top, main, footer, .filters { max-width: none; padding: 0; }
  .filters, .badge { display: none !important; }
  .row { gap: 0 0.8rem; }
  .hl, .col.gap, .finding, .diff del, .diff ins { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .finding { break-inside: avoid; }
  .diff ins { text-decoration: underline; }
  .heading { break-after: avoid; }
  .pair { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
)css";
}

std::string_view script() {
  return R"js((function () {
  'use strict';
  var filter = { rule: '', severity: '' };
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var marks = Array.prototype.slice.call(document.querySelectorAll('[data-mark-rule]'));
  var chips = Array.prototype.slice.call(document.querySelectorAll('button[data-filter]'));
  var shown = document.getElementById('shown');
  var current = null;

  function matches(el) {
    return (!filter.rule || el.getAttribute('data-rule') === filter.rule) &&
      (!filter.severity || el.getAttribute('data-severity') === filter.severity);
  }

  function apply() {
    var count = 0;
    findings.forEach(function (f) {
      var on = matches(f);
      f.hidden = !on;
      if (on) count += 1;
    });
    marks.forEach(function (m) {
      var off = filter.rule !== '' && m.getAttribute('data-mark-rule') !== filter.rule;
      m.classList.toggle('muted-mark', off);
    });
    chips.forEach(function (c) {
      var pressed = filter[c.getAttribute('data-filter')] === c.getAttribute('data-value');
      c.setAttribute('aria-pressed', pressed ? 'true' : 'false');
    });
    if (shown) shown.textContent = count + ' of ' + findings.length + ' findings shown';
    if (current && current.hidden) select(null, false);
  }

  function select(el, scroll) {
    if (current) current.classList.remove('current');
    current = el;
    if (!el) return;
    el.classList.add('current');
    el.focus({ preventScroll: true });
    if (scroll) el.scrollIntoView({ block: 'center' });
  }

  function jump(step) {
    var visible = findings.filter(function (f) { return !f.hidden; });
    if (visible.length === 0) return;
    var i = current ? visible.indexOf(current) : -1;
    if (i < 0) {
      i = step > 0 ? 0 : visible.length - 1;
    } else {
      i = (i + step + visible.length) % visible.length;
    }
    select(visible[i], true);
  }

  chips.forEach(function (c) {
    c.addEventListener('click', function () {
      var key = c.getAttribute('data-filter');
      var value = c.getAttribute('data-value');
      filter[key] = filter[key] === value ? '' : value;
      apply();
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('button[data-jump]'), function (b) {
    b.addEventListener('click', function () { jump(Number(b.getAttribute('data-jump'))); });
  });
  findings.forEach(function (f) {
    f.addEventListener('click', function () { if (current !== f) select(f, false); });
  });
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === 'j' || e.key === 'n') {
      jump(1);
      e.preventDefault();
    } else if (e.key === 'k' || e.key === 'p') {
      jump(-1);
      e.preventDefault();
    }
  });
  apply();
})();
)js";
}

}  // namespace accord::html
