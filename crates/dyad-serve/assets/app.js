// dyad web front-end: hash router, JSON API client and the four views (events, dyad
// timeline, article, quotes). Plain ES2020, no dependencies; text from the API only ever
// enters the page through textContent / text nodes, never as HTML.
'use strict';

const ROOTS = ['Make public statement', 'Appeal', 'Express intent to cooperate', 'Consult',
  'Engage in diplomatic cooperation', 'Engage in material cooperation', 'Provide aid', 'Yield',
  'Investigate', 'Demand', 'Disapprove', 'Reject', 'Threaten', 'Protest',
  'Exhibit force posture', 'Reduce relations', 'Coerce', 'Assault', 'Fight',
  'Use unconventional mass violence'];
const PLOVER = ['ACCUSE', 'AGREE', 'AID', 'ASSAULT', 'COERCE', 'CONCEDE', 'CONSULT', 'COOPERATE',
  'MOBILIZE', 'PROTEST', 'REJECT', 'REQUEST', 'RETREAT', 'SANCTION', 'SUPPORT', 'THREATEN'];
const QUADS = ['Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'];
const MODES = ['asserted', 'negated', 'intended', 'hypothetical', 'denied'];
const EVENT_KEYS = ['actor', 'country', 'a', 'b', 'directed', 'root', 'code', 'plover', 'quad',
  'mode', 'from', 'to', 'q', 'limit', 'offset'];
const PAGE = 50;
const SVGNS = 'http://www.w3.org/2000/svg';

const $ = (sel, root = document) => root.querySelector(sel);
const pad2 = (n) => String(n).padStart(2, '0');
const rootName = (code) => ROOTS[parseInt(String(code || '').slice(0, 2), 10) - 1] || '';

// ---- DOM helpers ------------------------------------------------------------------------

function attrs(n, a) {
  for (const [k, v] of Object.entries(a || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v === true ? '' : String(v));
  }
}

function kids(n, list) {
  for (const k of list.flat(Infinity)) {
    if (k != null && k !== false) n.append(k instanceof Node ? k : String(k));
  }
}

// An HTML element; string children become text nodes.
function el(tag, a, ...children) {
  const n = document.createElement(tag);
  attrs(n, a);
  kids(n, children);
  return n;
}

// An SVG element.
function S(tag, a, ...children) {
  const n = document.createElementNS(SVGNS, tag);
  attrs(n, a);
  kids(n, children);
  return n;
}

// ---- API, errors, routing ---------------------------------------------------------------

// Drop empty values so URLs stay short.
function clean(obj) {
  const out = {};
  for (const [k, v] of Object.entries(obj || {})) {
    if (v != null && String(v).trim() !== '') out[k] = String(v).trim();
  }
  return out;
}

function pick(params, keys) {
  const out = {};
  for (const k of keys) if (params.has(k)) out[k] = params.get(k);
  return out;
}

async function api(path, params) {
  const qs = new URLSearchParams(clean(params)).toString();
  const url = 'api/' + path + (qs ? '?' + qs : '');
  let res;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new Error('Network error on ' + url + ': ' + e.message);
  }
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const msg = body && typeof body.error === 'string' ? body.error : res.statusText;
    throw new Error(`${res.status} ${msg}`.trim());
  }
  if (body == null || typeof body !== 'object') throw new Error('Not JSON: ' + url);
  return body;
}

function showError(msg) {
  const box = $('#error');
  box.textContent = msg;
  box.hidden = false;
}

function clearError() {
  const box = $('#error');
  box.textContent = '';
  box.hidden = true;
}

function href(view, obj) {
  const qs = new URLSearchParams(clean(obj)).toString();
  return '#/' + view + (qs ? '?' + qs : '');
}

function go(view, obj) {
  const h = href(view, obj);
  if (location.hash === h) render(); else location.hash = h;
}

function route() {
  const h = location.hash.replace(/^#\/?/, '');
  const i = h.indexOf('?');
  return {
    name: (i < 0 ? h : h.slice(0, i)) || 'events',
    params: new URLSearchParams(i < 0 ? '' : h.slice(i + 1)),
  };
}

const VIEWS = { events: viewEvents, dyad: viewDyad, doc: viewDoc, quotes: viewQuotes };
let seq = 0;

async function render() {
  const my = ++seq;
  const { name, params } = route();
  clearError();
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.view === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  // A fresh section per render: a late answer for an older route writes into a detached one.
  const root = el('section', { class: 'view view-' + name });
  $('#view').replaceChildren(root);
  document.title = 'dyad';
  const guard = (p) => p.catch((e) => {
    if (my !== seq) return;
    showError(e.message);
    for (const n of root.querySelectorAll('.loading')) n.textContent = 'Could not load: see the error above.';
  });
  const view = VIEWS[name];
  if (!view) { showError('Unknown view: ' + name); return; }
  await guard(view(root, params, guard));
}

// ---- form helpers -----------------------------------------------------------------------

function field(label, input, cls) {
  return el('label', { class: 'field ' + (cls || '') }, el('span', {}, label), input);
}

function text(name, value, extra) {
  return el('input', { type: 'text', name, id: 'f-' + name, value: value || '', ...extra });
}

function select(name, value, options) {
  const s = el('select', { name, id: 'f-' + name });
  for (const [v, label] of options) s.append(el('option', { value: v, selected: v === value }, label));
  return s;
}

function checkbox(name, checked) {
  return el('input', { type: 'checkbox', name, id: 'f-' + name, value: 'true', checked });
}

function searchForm(id, fields, onSubmit) {
  const f = el('form', { id, class: 'search', role: 'search' }, fields,
    el('div', { class: 'buttons' }, el('button', { type: 'submit' }, 'Search'),
      el('button', { type: 'reset', onclick: (e) => { e.preventDefault(); onSubmit({}); } }, 'Clear')));
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    const d = {};
    for (const [k, v] of new FormData(f)) d[k] = String(v).trim();
    onSubmit(d);
  });
  return f;
}

// Actor suggestions for every input bound to the shared <datalist id="actor-list">.
let suggestTimer = 0;
let suggestLast = '';
document.addEventListener('input', (e) => {
  const t = e.target;
  if (!(t instanceof HTMLInputElement) || t.getAttribute('list') !== 'actor-list') return;
  clearTimeout(suggestTimer);
  const v = t.value.trim();
  if (v.length < 2 || v === suggestLast) return;
  suggestTimer = setTimeout(async () => {
    suggestLast = v;
    try {
      const r = await api('actors', { name: v, limit: 20 });
      $('#actor-list').replaceChildren(...(r.actors || []).map((a) => el('option', { value: a.code || '' },
        [a.name, a.country, a.mentions != null ? a.mentions + ' mentions' : null]
          .filter((x) => x != null && x !== '').join(' · '))));
    } catch (err) {
      showError('Actor suggestions: ' + err.message);
    }
  }, 250);
});

// ---- small renderers --------------------------------------------------------------------

const posInt = (v, def) => {
  const n = parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : def;
};
const fmt = (n, digits = 1) => (n == null || !Number.isFinite(+n) ? '—'
  : (+n > 0 ? '+' : '') + (+n).toFixed(digits));
const sign = (n) => (+n > 0 ? 'pos' : +n < 0 ? 'neg' : 'zero');
const num = (n) => (n == null ? '?' : Number(n).toLocaleString('en'));
const slug = (s) => String(s).toLowerCase().replace(/[^a-z0-9-]/g, '');

function modeBadge(m) {
  return m ? el('span', { class: 'mode mode-' + slug(m) }, m) : '';
}

function actorCell(m) {
  if (!m) return '—';
  const who = m.name || m.text;
  return [
    m.code ? el('a', { class: 'code', href: href('events', { actor: m.code }) }, m.code) : null,
    who ? el('span', { class: 'who' }, who) : null,
  ];
}

// The sentence with the first occurrence of the trigger marked.
function withTrigger(s, t) {
  let i = t ? s.indexOf(t) : -1;
  if (i < 0 && t && s.toLowerCase().length === s.length) i = s.toLowerCase().indexOf(t.toLowerCase());
  if (i < 0) return [s];
  return [s.slice(0, i), el('mark', { class: 'trigger' }, s.slice(i, i + t.length)), s.slice(i + t.length)];
}

function pager(offset, limit, shown, total, hrefFor, noun) {
  const nav = el('nav', { class: 'pager', 'aria-label': noun + ' pages' });
  if (offset > 0) nav.append(el('a', { class: 'prev', rel: 'prev', href: hrefFor(Math.max(0, offset - limit)) }, '← Previous'));
  nav.append(el('span', { class: 'count', 'data-total': total },
    shown ? `${num(offset + 1)}–${num(offset + shown)} of ${num(total)} ${noun}` : `0 of ${num(total)} ${noun}`));
  if (offset + shown < total && shown > 0) nav.append(el('a', { class: 'next', rel: 'next', href: hrefFor(offset + limit) }, 'Next →'));
  return nav;
}

// ---- events table (Events view and Dyad view) -------------------------------------------

function eventRow(ev) {
  const q = posInt(ev.quad_class, 0);
  return el('tr', { class: 'event', 'data-id': ev.id, 'data-cameo': ev.cameo, 'data-quad': q },
    el('td', { class: 'date' }, ev.date || '—'),
    el('td', { class: 'source' }, actorCell(ev.source)),
    el('td', { class: 'cameo q' + q, title: QUADS[q - 1] || '' },
      el('code', {}, ev.cameo), ' ', el('span', { class: 'label' }, ev.cameo_label || rootName(ev.cameo)),
      ev.plover ? el('small', { class: 'plover' }, ev.plover) : null),
    el('td', { class: 'target' }, actorCell(ev.target)),
    el('td', { class: 'mode-cell' }, modeBadge(ev.mode)),
    el('td', { class: 'num goldstein ' + sign(ev.goldstein) }, fmt(ev.goldstein)),
    el('td', { class: 'num sources' }, ev.sources ?? 1),
    el('td', { class: 'sentence' }, withTrigger(ev.sentence || '', ev.trigger), ' ',
      el('a', { class: 'doc', href: href('doc', { id: ev.document_id }) }, ev.title || ev.document_id)));
}

async function eventsTable(out, query, hrefFor) {
  const limit = posInt(query.limit, PAGE) || PAGE;
  const offset = posInt(query.offset, 0);
  out.replaceChildren(el('p', { class: 'loading' }, 'Loading events…'));
  const r = await api('events', { ...query, limit, offset });
  const rows = Array.isArray(r.events) ? r.events : [];
  const total = posInt(r.total, rows.length);
  const heads = ['Date', 'Source', 'Event', 'Target', 'Mode', 'Goldstein', 'Sources', 'Sentence'];
  out.replaceChildren(
    pager(offset, limit, rows.length, total, hrefFor, 'events'),
    rows.length ? el('div', { class: 'scroll' }, el('table', { id: 'events', class: 'events' },
      el('caption', { class: 'sr' }, 'Coded events'),
      el('thead', {}, el('tr', {}, heads.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows.map(eventRow))))
      : el('p', { class: 'empty' }, 'No events match.'));
}

// ---- Events view ------------------------------------------------------------------------

async function viewEvents(root, p) {
  document.title = 'Events · dyad';
  const v = (k) => p.get(k) || '';
  const actorInput = (name, ph) => text(name, v(name), { list: 'actor-list', placeholder: ph, autocomplete: 'off' });
  const form = searchForm('events-form', [
    field('Actor', actorInput('actor', 'USA, RUSGOV, Putin')),
    field('Country', text('country', v('country'), { placeholder: 'RUS', size: 5 })),
    field('Dyad A', actorInput('a', 'RUS')),
    field('Dyad B', actorInput('b', 'CHN')),
    field('A → B only', checkbox('directed', v('directed') === 'true'), 'check'),
    field('CAMEO root', select('root', v('root'), [['', 'any'], ...ROOTS.map((n, i) => [pad2(i + 1), pad2(i + 1) + ' ' + n])])),
    field('CAMEO code', text('code', v('code'), { placeholder: '043', size: 5, inputmode: 'numeric' })),
    field('PLOVER', select('plover', v('plover'), [['', 'any'], ...PLOVER.map((t) => [t, t])])),
    field('QuadClass', select('quad', v('quad'), [['', 'any'], ...QUADS.map((n, i) => [String(i + 1), i + 1 + ' ' + n])])),
    field('Mode', select('mode', v('mode'), [['', 'any'], ...MODES.map((m) => [m, m])])),
    field('From', text('from', v('from'), { placeholder: 'YYYY-MM-DD', size: 10 })),
    field('To', text('to', v('to'), { placeholder: 'YYYY-MM-DD', size: 10 })),
    field('Text', el('input', { type: 'search', name: 'q', id: 'f-q', value: v('q'), placeholder: 'words in the sentence' }), 'wide'),
    v('limit') ? el('input', { type: 'hidden', name: 'limit', value: v('limit') }) : null,
  ], (d) => go('events', d));
  const out = el('div', { class: 'results', id: 'event-results' });
  root.append(el('h2', {}, 'Events'), form, out);
  const query = pick(p, EVENT_KEYS);
  await eventsTable(out, query, (offset) => href('events', { ...query, offset }));
}

// ---- Dyad timeline view -----------------------------------------------------------------

const total4 = (s) => ['q1', 'q2', 'q3', 'q4'].reduce((t, k) => t + (+s[k] || 0), 0);

function tip(s) {
  return `${s.period}: ${s.events ?? total4(s)} events — verbal coop. ${s.q1 || 0}, material coop. ${s.q2 || 0}, ` +
    `verbal conflict ${s.q3 || 0}, material conflict ${s.q4 || 0}; Goldstein mean ${fmt(s.goldstein_mean, 2)}`;
}

// A "nice" tick step giving at most about five ticks up to max.
function niceStep(max) {
  for (let p = 1; ; p *= 10) for (const m of [1, 2, 5]) if (max / (m * p) <= 5) return m * p;
}

function timeline(series, label) {
  const n = series.length;
  const M = { l: 44, r: 48, t: 14, b: 70 };
  const band = Math.max(6, Math.min(90, 760 / n));
  const W = Math.round(M.l + M.r + band * n);
  const H = 320;
  const ph = H - M.t - M.b;
  const base = M.t + ph;
  const maxEv = Math.max(1, ...series.map((s) => Math.max(+s.events || 0, total4(s))));
  const step = niceStep(maxEv);
  const top = Math.ceil(maxEv / step) * step;
  const y = (v) => base - (v / top) * ph;
  const gy = (v) => M.t + ph / 2 - (Math.max(-10, Math.min(10, v)) / 10) * (ph / 2);
  const cx = (i) => M.l + (i + 0.5) * band;
  const svg = S('svg', { id: 'timeline', width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'timeline-title' },
    S('title', { id: 'timeline-title' }, label));
  for (let v = 0; v <= top; v += step) {
    svg.append(S('line', { class: 'grid', x1: M.l, x2: W - M.r, y1: y(v), y2: y(v) }),
      S('text', { class: 'tick', x: M.l - 6, y: y(v) + 4, 'text-anchor': 'end' }, v));
  }
  for (const v of [-10, -5, 0, 5, 10]) {
    svg.append(S('text', { class: 'tick g-tick', x: W - M.r + 6, y: gy(v) + 4 }, v > 0 ? '+' + v : v));
  }
  svg.append(S('line', { class: 'g-zero', x1: M.l, x2: W - M.r, y1: gy(0), y2: gy(0) }),
    S('text', { class: 'axis-title', transform: `translate(12 ${M.t + ph / 2}) rotate(-90)`, 'text-anchor': 'middle' }, 'events'),
    S('text', { class: 'axis-title', transform: `translate(${W - 8} ${M.t + ph / 2}) rotate(90)`, 'text-anchor': 'middle' }, 'Goldstein mean'));
  const every = Math.ceil(16 / band);
  const w = Math.max(3, Math.min(48, band * 0.7));
  series.forEach((s, i) => {
    const g = S('g', { class: 'period', 'data-period': s.period }, S('title', {}, tip(s)),
      S('rect', { class: 'hit', x: M.l + i * band, y: M.t, width: band, height: ph }));
    let acc = 0;
    ['q1', 'q2', 'q3', 'q4'].forEach((k) => {
      const c = +s[k] || 0;
      if (c <= 0) return;
      g.append(S('rect', { class: 'bar ' + k, x: cx(i) - w / 2, y: y(acc + c), width: w, height: y(acc) - y(acc + c) }));
      acc += c;
    });
    svg.append(g);
    if (i % every === 0) {
      svg.append(S('text', { class: 'period-label', x: cx(i), y: base + 14, 'text-anchor': 'end', transform: `rotate(-45 ${cx(i)} ${base + 14})` }, s.period));
    }
  });
  svg.append(S('line', { class: 'axis', x1: M.l, x2: W - M.r, y1: base, y2: base }));
  let d = '';
  let pen = false;
  const dots = [];
  series.forEach((s, i) => {
    const v = s.goldstein_mean;
    if (v == null || !Number.isFinite(+v) || !(+s.events || total4(s))) { pen = false; return; }
    d += (pen ? 'L' : 'M') + cx(i).toFixed(1) + ' ' + gy(+v).toFixed(1);
    pen = true;
    dots.push(S('circle', { class: 'g-dot', cx: cx(i), cy: gy(+v), r: 3.5 }, S('title', {}, `${s.period}: Goldstein mean ${fmt(v, 2)}`)));
  });
  if (d) svg.append(S('path', { class: 'goldstein', d }));
  svg.append(...dots);
  return svg;
}

function legend() {
  return el('ul', { class: 'legend', id: 'timeline-legend' },
    QUADS.map((n, i) => el('li', {}, el('span', { class: 'swatch q' + (i + 1), 'aria-hidden': 'true' }), `${i + 1} ${n}`)),
    el('li', {}, el('span', { class: 'swatch line', 'aria-hidden': 'true' }), 'Goldstein mean (right axis, −10…+10)'));
}

function seriesTable(series) {
  const heads = ['Period', 'Events', '1 Verbal coop.', '2 Material coop.', '3 Verbal conflict', '4 Material conflict', 'Goldstein sum', 'Goldstein mean'];
  return el('div', { class: 'scroll' }, el('table', { id: 'series', class: 'series' },
    el('caption', {}, 'Events per period'),
    el('thead', {}, el('tr', {}, heads.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, series.map((s) => el('tr', { 'data-period': s.period },
      el('th', { scope: 'row' }, s.period),
      [s.events ?? total4(s), s.q1 || 0, s.q2 || 0, s.q3 || 0, s.q4 || 0].map((c) => el('td', { class: 'num' }, c)),
      el('td', { class: 'num ' + sign(s.goldstein_sum) }, fmt(s.goldstein_sum)),
      el('td', { class: 'num ' + sign(s.goldstein_mean) }, fmt(s.goldstein_mean, 2)))))));
}

async function viewDyad(root, p, guard) {
  const a = (p.get('a') || '').trim();
  const b = (p.get('b') || '').trim();
  const by = ['month', 'week', 'day'].includes(p.get('by')) ? p.get('by') : 'month';
  const directed = p.get('directed') === 'true' ? 'true' : null;
  document.title = (a && b ? `${a}–${b} · ` : '') + 'Dyad timeline · dyad';
  const form = searchForm('dyad-form', [
    field('Actor A', text('a', a, { list: 'actor-list', placeholder: 'RUS', autocomplete: 'off', required: true })),
    field('Actor B', text('b', b, { list: 'actor-list', placeholder: 'CHN', autocomplete: 'off', required: true })),
    field('Period', select('by', by, [['month', 'month'], ['week', 'week'], ['day', 'day']])),
    field('A → B only', checkbox('directed', !!directed), 'check'),
  ], (d) => go('dyad', d));
  root.append(el('h2', {}, 'Dyad timeline'), form);
  if (!a || !b) {
    root.append(el('p', { class: 'hint' }, 'Give two actor codes (for example RUS and CHN) to see their relations over time.'));
    return;
  }
  const chart = el('section', { class: 'chart', id: 'relations', 'aria-label': 'Relations over time' }, el('p', { class: 'loading' }, 'Loading timeline…'));
  const evs = el('section', { class: 'results', id: 'event-results', 'aria-label': 'Events of the dyad' });
  root.append(chart, el('h3', {}, `Events between ${a} and ${b}`), evs);
  const keep = { a, b, by, directed, limit: p.get('limit') };
  const relations = api('relations', { a, b, by, directed: directed || 'false' }).then((r) => {
    const series = Array.isArray(r.series) ? r.series : [];
    const title = `${r.a || a} ${directed ? '→' : '–'} ${r.b || b}, by ${r.by || by}`;
    chart.replaceChildren(el('h3', {}, title), ...(series.length
      ? [legend(), el('div', { class: 'scroll' }, timeline(series, `QuadClass counts and Goldstein mean of ${title}`)), seriesTable(series)]
      : [el('p', { class: 'empty' }, 'No events between these actors.')]));
  });
  const events = eventsTable(evs, { a, b, directed, limit: p.get('limit'), offset: p.get('offset') },
    (offset) => href('dyad', { ...keep, offset }));
  await Promise.all([guard(relations), guard(events)]);
}

// ---- Article view -----------------------------------------------------------------------

const LAYERS = { quote: 0, sent: 1, actor: 2, time: 3, trigger: 4 };
const intOf = (x) => Math.trunc(+x);
const spanKey = (span) => (Array.isArray(span) && span.length === 2 ? intOf(span[0]) + '-' + intOf(span[1]) : null);

// Every highlight of the document as {s, e, cls, attrs}, byte offsets, without duplicates.
function highlights(d) {
  const out = [];
  const seen = new Set();
  const add = (span, cls, a) => {
    const key = spanKey(span);
    if (!key) return;
    const [s, e] = key.split('-').map(Number);
    const id = cls + key + JSON.stringify(a);
    if (!(e > s) || seen.has(id)) return;
    seen.add(id);
    out.push({ s, e, cls, key, a });
  };
  const actor = (m) => m && add(m.span, 'actor', { 'data-code': m.code || '', title: [m.code, m.name].filter(Boolean).join(' ') });
  for (const q of d.quotes) add(q.span, 'quote', {});
  for (const ev of d.events) add(ev.sentence, 'sent', {});
  for (const m of d.actors) actor(m);
  for (const ev of d.events) { actor(ev.source); actor(ev.target); }
  for (const q of d.quotes) { actor(q.speaker); actor(q.via); }
  for (const t of d.times) add(t.span, 'time', { 'data-value': t.value || '', title: t.value || '' });
  for (const ev of d.events) {
    if (ev.trigger) add(ev.trigger.span, 'trigger', { 'data-cameo': ev.cameo || '', title: `${ev.cameo} ${rootName(ev.cameo)}` });
  }
  return out;
}

// The text split into paragraphs (at newlines) and segments (at every span boundary); each
// segment is wrapped in one element per span covering it, outermost the widest layer.
function renderText(str, spans) {
  const bytes = new TextEncoder().encode(str);
  const dec = new TextDecoder();
  const len = bytes.length;
  const cuts = new Set([0, len]);
  for (const sp of spans) {
    sp.s = Math.max(0, Math.min(len, sp.s));
    sp.e = Math.max(0, Math.min(len, sp.e));
    cuts.add(sp.s); cuts.add(sp.e);
  }
  const paras = [];
  let start = 0;
  for (let i = 0; i <= len; i++) {
    if (i < len && bytes[i] !== 10) continue;
    if (i > start) { paras.push([start, i]); cuts.add(start); cuts.add(i); }
    start = i + 1;
  }
  const sorted = [...cuts].sort((x, y) => x - y);
  const art = el('article', { id: 'text', 'aria-label': 'Article text' });
  let k = 0;
  for (const [a, b] of paras) {
    if (!dec.decode(bytes.subarray(a, b)).trim()) continue;
    const p = el('p');
    while (sorted[k] < a) k++;
    for (let j = k; sorted[j] < b; j++) {
      const s = sorted[j];
      const e = sorted[j + 1];
      let node = document.createTextNode(dec.decode(bytes.subarray(s, e)));
      const cover = spans.filter((sp) => sp.s <= s && sp.e >= e && sp.e > sp.s)
        .sort((x, y) => LAYERS[y.cls] - LAYERS[x.cls] || (x.e - x.s) - (y.e - y.s));
      for (const sp of cover) {
        node = el(sp.cls === 'quote' || sp.cls === 'sent' ? 'span' : 'mark', { class: sp.cls, 'data-span': sp.key, ...sp.a }, node);
      }
      p.append(node);
    }
    art.append(p);
  }
  return art;
}

const who = (m) => (m ? (m.name || m.text || m.code || '?') + (m.code ? ` (${m.code})` : '') : 'unknown');
const safeUrl = (u) => (typeof u === 'string' && /^https?:\/\//i.test(u) ? u : null);

function docHeader(d) {
  const meta = el('dl', { id: 'doc-meta' });
  const row = (k, ...v) => meta.append(el('dt', {}, k), el('dd', {}, ...v));
  if (d.site) row('Site', d.site);
  if (d.byline) row('Byline', d.byline);
  if (d.published) row('Published', d.published.value, d.published.source ? ` (${d.published.source})` : '');
  if (d.url) row('URL', safeUrl(d.url) ? el('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, d.url) : d.url);
  row('Id', el('code', {}, d.id));
  if (d.original) row('Copy of', el('a', { class: 'original', href: href('doc', { id: d.original }) }, d.original));
  const copies = Array.isArray(d.copies) ? d.copies : [];
  if (copies.length) {
    row('Copies', el('ul', { id: 'doc-copies' }, copies.map((c) => el('li', {}, el('a', { class: 'copy', href: href('doc', { id: c }) }, c)))));
  }
  return [el('h2', { id: 'doc-title' }, d.title || d.id), meta];
}

function docLegend() {
  return el('ul', { class: 'legend', id: 'doc-legend', 'aria-label': 'Highlight colours' },
    [['actor', 'actor'], ['trigger', 'event trigger'], ['quote', 'quotation'], ['time', 'time expression'], ['focus', 'selected item']]
      .map(([c, l]) => el('li', {}, el('span', { class: 'sample sample-' + c }, l))));
}

function viewDocBody(d) {
  for (const k of ['actors', 'events', 'quotes', 'times']) if (!Array.isArray(d[k])) d[k] = [];
  const art = renderText(typeof d.text === 'string' ? d.text : '', highlights(d));
  const owner = new Map(); // "class:s-e" of a highlight -> the side-list item it belongs to
  const own = (cls, span, li) => { const k = spanKey(span); if (k && !owner.has(cls + ':' + k)) owner.set(cls + ':' + k, li); };
  const item = (kind, i, cls, content) => el('li', { class: cls, 'data-kind': kind, 'data-i': i },
    el('button', { type: 'button' }, content));
  const events = d.events.map((ev, i) => {
    const li = item('event', i, 'doc-event', [
      el('code', {}, ev.cameo), ' ', el('span', { class: 'label' }, rootName(ev.cameo)), ' ',
      el('span', { class: 'dyad' }, (ev.source && ev.source.code) || '?', ' → ', (ev.target && ev.target.code) || '—'), ' ',
      ev.date ? [el('span', { class: 'date' }, ev.date.value), ' '] : null, modeBadge(ev.mode),
      ev.trigger ? el('small', { class: 'trig' }, '“' + ev.trigger.text + '”') : null]);
    li.dataset.cameo = ev.cameo || '';
    own('trigger', ev.trigger && ev.trigger.span, li);
    own('sent', ev.sentence, li);
    own('actor', ev.source && ev.source.span, li);
    own('actor', ev.target && ev.target.span, li);
    return li;
  });
  const quotes = d.quotes.map((q, i) => {
    const li = item('quote', i, 'doc-quote', [el('span', { class: 'speaker' }, who(q.speaker)), ' ',
      q.via ? [el('span', { class: 'via' }, 'via ' + who(q.via)), ' '] : null,
      el('span', { class: 'kind' }, q.kind || ''), el('q', {}, q.text || '')]);
    own('quote', q.span, li);
    own('actor', q.speaker && q.speaker.span, li);
    own('actor', q.via && q.via.span, li);
    return li;
  });
  const times = d.times.map((t, i) => {
    const li = item('time', i, 'doc-time', [t.text || '', ' → ', el('code', {}, t.value || '?'), t.type ? el('small', {}, ' ' + t.type) : null]);
    own('time', t.span, li);
    return li;
  });
  const list = (title, id, lis, tag) => el('section', { class: 'side-list' },
    el('h3', {}, `${title} (${lis.length})`), lis.length ? el(tag, { id }, lis) : el('p', { class: 'empty' }, 'none'));
  const side = el('aside', { id: 'side', 'aria-label': 'Coded content' }, docLegend(),
    list('Events', 'doc-events', events, 'ol'), list('Quotes', 'doc-quotes', quotes, 'ol'), list('Times', 'doc-times', times, 'ul'));

  // Which highlights belong to a side-list item.
  const selector = (li) => {
    const i = +li.dataset.i;
    const parts = [];
    const add = (cls, span) => { const k = spanKey(span); if (k) parts.push(`.${cls}[data-span="${k}"]`); };
    if (li.dataset.kind === 'event') {
      const ev = d.events[i];
      add('actor', ev.source && ev.source.span); add('actor', ev.target && ev.target.span);
      add('trigger', ev.trigger && ev.trigger.span); add('sent', ev.sentence);
    } else if (li.dataset.kind === 'quote') {
      const q = d.quotes[i];
      add('quote', q.span); add('actor', q.speaker && q.speaker.span); add('actor', q.via && q.via.span);
    } else {
      add('time', d.times[i].span);
    }
    return parts.join(',');
  };
  let pinned = null;
  const focus = (li) => {
    for (const n of [...art.querySelectorAll('.focus'), ...side.querySelectorAll('.focus')]) n.classList.remove('focus');
    if (!li) return;
    li.classList.add('focus');
    const sel = selector(li);
    if (sel) for (const n of art.querySelectorAll(sel)) n.classList.add('focus');
  };
  const itemOf = (t) => (t instanceof Element ? t.closest('li[data-kind]') : null);
  side.addEventListener('mouseover', (e) => { const li = itemOf(e.target); if (li) focus(li); });
  side.addEventListener('mouseleave', () => focus(pinned));
  side.addEventListener('focusin', (e) => { const li = itemOf(e.target); if (li) focus(li); });
  side.addEventListener('click', (e) => {
    const li = itemOf(e.target);
    if (!li) return;
    pinned = pinned === li ? null : li;
    focus(li);
    if (pinned) {
      const mark = art.querySelector('.focus:not(.sent)') || art.querySelector('.focus');
      if (mark) mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
  });
  art.addEventListener('click', (e) => {
    for (let n = e.target; n && n !== art; n = n.parentElement) {
      const li = n.dataset && n.dataset.span ? owner.get(n.classList[0] + ':' + n.dataset.span) : null;
      if (li) {
        pinned = li;
        focus(li);
        li.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        return;
      }
    }
  });
  for (const key of owner.keys()) {
    const [cls, k] = key.split(':');
    for (const n of art.querySelectorAll(`.${cls}[data-span="${k}"]`)) n.classList.add('linked');
  }
  return el('div', { class: 'doc-layout' }, art, side);
}

async function viewDoc(root, p) {
  const id = p.get('id');
  if (!id) { root.append(el('p', { class: 'hint' }, 'No document id given.')); return; }
  root.append(el('p', { class: 'loading' }, 'Loading document…'));
  const d = await api('document', { id });
  document.title = (d.title || d.id || id) + ' · dyad';
  root.replaceChildren(...docHeader({ ...d, id: d.id || id }), viewDocBody(d));
}

// ---- Quotes view ------------------------------------------------------------------------

function quoteItem(q) {
  return el('li', { class: 'quote-item', 'data-kind': q.kind || '' },
    el('blockquote', {}, q.text || ''),
    el('p', { class: 'attribution' },
      q.speaker ? [el('span', { class: 'speaker' }, q.speaker.name || q.speaker.text || q.speaker.code),
        q.speaker.code ? [' ', el('a', { class: 'code', href: href('quotes', { speaker: q.speaker.code }) }, q.speaker.code)] : null]
        : el('span', { class: 'speaker unknown' }, 'speaker unknown'),
      q.via ? [' ', el('span', { class: 'via' }, 'via ' + who(q.via))] : null,
      ' ', el('span', { class: 'kind kind-' + slug(q.kind || '') }, q.kind || ''),
      ' ', el('a', { class: 'doc', href: href('doc', { id: q.document_id }) }, q.title || q.document_id)));
}

async function viewQuotes(root, p) {
  document.title = 'Quotes · dyad';
  const speaker = p.get('speaker') || '';
  const q = p.get('q') || '';
  const form = searchForm('quotes-form', [
    field('Speaker', text('speaker', speaker, { list: 'actor-list', placeholder: 'Xi, CHNGOV', autocomplete: 'off' })),
    field('Text', el('input', { type: 'search', name: 'q', id: 'f-q', value: q, placeholder: 'words in the quote' }), 'wide'),
  ], (d) => go('quotes', d));
  const out = el('div', { class: 'results', id: 'quote-results' }, el('p', { class: 'loading' }, 'Loading quotes…'));
  root.append(el('h2', {}, 'Quotes'), form, out);
  const limit = posInt(p.get('limit'), PAGE) || PAGE;
  const offset = posInt(p.get('offset'), 0);
  const r = await api('quotes', { speaker, q, limit, offset });
  const list = Array.isArray(r.quotes) ? r.quotes : [];
  out.replaceChildren(
    pager(offset, limit, list.length, posInt(r.total, list.length), (o) => href('quotes', { speaker, q, limit: p.get('limit'), offset: o }), 'quotes'),
    list.length ? el('ol', { id: 'quotes', start: offset + 1 }, list.map(quoteItem)) : el('p', { class: 'empty' }, 'No quotes match.'));
}

// ---- start ------------------------------------------------------------------------------

async function loadStats() {
  try {
    const s = await api('stats');
    $('#stats').textContent = `${num(s.documents)} documents · ${num(s.events)} events · ${num(s.quotes)} quotes · ${num(s.actors)} actors`;
  } catch (e) {
    showError('Stats: ' + e.message);
  }
}

window.addEventListener('hashchange', render);
if (!location.hash || location.hash === '#' || location.hash === '#/') history.replaceState(null, '', '#/events');
render();
loadStats();
