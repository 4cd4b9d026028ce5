/* Khabar dashboard: renders the server's snapshots, pushed as server-sent events on /events. */
(function () {
  'use strict';
  const C = window.KhabarCharts;
  const $ = id => document.getElementById(id);
  let last = null;
  const seenArticles = new Set();
  let firstRender = true;

  /** document.createElement with properties, attributes (data-*, lang, …) and children; never innerHTML. */
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.startsWith('data-') || k === 'lang' || k === 'href' || k === 'title' || k === 'rel' || k === 'target') el.setAttribute(k, v);
      else el[k] = v;
    }
    for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : String(c));
    return el;
  }

  function ago(iso) {
    if (!iso) return 'never';
    const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (s < 60) return s + ' s ago';
    if (s < 3600) return Math.round(s / 60) + ' min ago';
    if (s < 86400) return Math.round(s / 3600) + ' h ago';
    return Math.round(s / 86400) + ' d ago';
  }

  function fmt(n) {
    return n >= 100 ? Math.round(n).toLocaleString() : (Math.round(n * 10) / 10).toLocaleString();
  }

  function pill(el, text, cls) {
    el.textContent = text;
    el.className = 'pill ' + cls;
  }

  function empty(id, isEmpty) {
    $(id).hidden = !isEmpty;
  }

  function renderHealth(s) {
    const hl = s.health || {};
    pill($('kafka'), hl.kafka ? `Kafka · ${hl.brokers} broker${hl.brokers === 1 ? '' : 's'}` : 'Kafka unreachable', hl.kafka ? 'ok' : 'bad');
    if (hl.streams) {
      $('streams').hidden = false;
      pill($('streams'), 'Streams ' + hl.streams, hl.streams === 'RUNNING' ? 'ok' : 'warn');
    }
  }

  function renderKpis(s) {
    $('kpi-articles').textContent = String(s.counts.articles);
    const total = s.topics.reduce((sum, t) => sum + t.rate, 0);
    $('kpi-rate').textContent = fmt(total);
    $('kpi-sources').textContent = String(s.sources.length);
    $('kpi-dlq').textContent = String(s.counts.deadLetters);
    $('kpi-dlq').classList.toggle('has', s.counts.deadLetters > 0);
    $('kpi-lag').textContent = String(s.lag.reduce((sum, g) => sum + g.lag, 0));
  }

  function renderStats(s) {
    const st = s.stats;
    $('stats-origin').textContent = `per minute, last ${st.windows.length} min · ${st.origin === 'store' ? 'live from the processor' : 'from news.stats'}`;
    for (const [dim, chart, totals, lang] of [['label', 'chart-labels', 'totals-labels', false],
                                             ['language', 'chart-languages', 'totals-languages', true]]) {
      const d = st.dimensions[dim];
      const order = Object.keys(d.totals).sort((a, b) => d.totals[b] - d.totals[a] || a.localeCompare(b));
      C.stackedColumns($(chart), st.windows, d.series, order);
      C.totalBars($(totals), d.totals, lang);
    }
  }

  function renderThroughput(s) {
    $('throughput').replaceChildren(...s.topics.map(t => {
      const row = h('div', { class: 'row' + (t.rate > 0 ? '' : ' idle'), 'data-topic': t.topic,
        title: `${t.topic}: ${t.partitions} partition(s), end offset ${t.endOffset}` },
        h('span', { class: 'topic', text: t.topic }), C.sparkline(t.history.slice(-60)), h('span', { class: 'rate', text: fmt(t.rate) + '/s' }));
      return row;
    }));
  }

  function renderArticles(s) {
    const list = s.articles.map(a => {
      const lang = a.language && a.language !== 'und' ? a.language : null;
      const li = h('li', { class: 'article', 'data-id': a.id, 'data-lang': a.language },
        h('div', { class: 'meta' },
          h('span', { class: 'lang', text: a.language }), h('span', { text: a.sourceId }),
          a.version > 1 ? h('span', { text: 'v' + a.version }) : null,
          h('span', { text: a.published ? 'published ' + a.published.slice(0, 10) : '' }),
          h('span', { class: 'when', 'data-at': a.processedAt, 'data-prefix': 'processed ', text: 'processed ' + ago(a.processedAt) })),
        h('a', { class: 'title', href: a.url, target: '_blank', rel: 'noopener noreferrer', lang, text: a.title }),
        h('div', { class: 'chips labels' }, a.labels.length
          ? a.labels.map(l => {
            const chip = h('span', { class: 'chip label', 'data-label': l, text: `${l} ${a.scores[l] ?? ''}`.trim() });
            chip.style.background = C.colour(l);
            return chip;
          })
          : h('span', { class: 'chip none', text: 'no category' })),
        a.evidence.length ? h('ul', { class: 'evidence' }, a.evidence.map(e =>
          h('li', { lang, 'data-label': e.label },
            h('span', { class: 'f', text: `${e.label} · ${e.field}` }),
            e.parts.map(p => p.match ? h('mark', { text: p.text }) : p.text)))) : null,
        a.entities.length ? h('div', { class: 'chips entities' }, a.entities.map(e =>
          h('span', { class: 'chip entity', title: `${e.type}, ${e.mentions} mention(s)` },
            e.name, e.nameHi ? h('span', { lang: 'hi', text: ' · ' + e.nameHi }) : null, h('span', { class: 't', text: e.type })))) : null);
      if (!firstRender && !seenArticles.has(a.id + '#' + a.version)) li.classList.add('fresh');
      return li;
    });
    s.articles.forEach(a => seenArticles.add(a.id + '#' + a.version));
    $('articles').replaceChildren(...list);
    empty('articles-empty', list.length === 0);
  }

  function renderSources(s) {
    empty('sources-empty', s.sources.length === 0);
    $('sources').replaceChildren(...s.sources.map(src => h('div', { class: 'src', 'data-source': src.sourceId },
      h('div', { class: 'src-head' }, h('strong', { text: src.sourceId }),
        h('span', { class: 'when', 'data-at': src.lastPoll, 'data-prefix': 'last poll ', text: 'last poll ' + ago(src.lastPoll) })),
      h('div', { class: 'src-stats' },
        [['published', src.published, ''], ['robotsDenied', src.robotsDenied, 'robots-denied'], ['errors', src.errors, 'errors'],
          ['retrying', src.retrying, 'retrying'], ['total', src.total, 'URLs']].map(([key, n, label]) =>
          h('span', { class: 'stat' + (key === 'errors' && n > 0 ? ' bad' : ''), 'data-stat': key },
            h('b', { text: String(n) }), ' ' + (label || key)))),
      src.lastError ? h('div', { class: 'err', title: src.lastError.url,
        text: `last error: ${src.lastError.outcome}${src.lastError.httpStatus ? ' ' + src.lastError.httpStatus : ''} — ${src.lastError.detail || ''} ${src.lastError.url}` }) : null)));
  }

  function renderDeadLetters(s) {
    empty('dlq-empty', s.deadLetters.length === 0);
    $('dead-letters').replaceChildren(...s.deadLetters.map(d => h('li', { class: 'letter', 'data-position': d.position },
      h('span', { class: 'stage', text: d.stage }), h('span', { text: d.errorClass.replace(/^.*\./, '') }),
      h('span', { class: 'msg', text: d.message }),
      h('span', { class: 'pos', text: `input ${d.inputTopic ?? '?'}-${d.inputPartition ?? '?'}@${d.inputOffset ?? '?'} · dlq ${d.position} · ` },
        h('span', { 'data-at': d.failedAt, text: ago(d.failedAt) })))));
  }

  function renderLag(s) {
    empty('lag-empty', s.lag.length === 0);
    if (s.lag.length === 0) { $('lag').replaceChildren(); return; }
    $('lag').replaceChildren(h('div', { class: 'scroll' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { text: 'group' }), h('th', { text: 'topic' }), h('th', { class: 'num', text: 'lag' }))),
      h('tbody', {}, s.lag.map(g => h('tr', { 'data-group': g.group },
        h('td', { text: g.group, title: g.type }), h('td', { text: g.topic }), h('td', { class: 'num' + (g.lag > 0 ? ' bad' : ''), text: g.lag })))))));
  }

  function changed(s, key) {
    return !last || JSON.stringify(last[key]) !== JSON.stringify(s[key]);
  }

  function render(s) {
    renderHealth(s);
    renderKpis(s);
    if (changed(s, 'stats')) renderStats(s);
    if (changed(s, 'topics')) renderThroughput(s);
    if (changed(s, 'articles')) renderArticles(s);
    if (changed(s, 'sources')) renderSources(s);
    if (changed(s, 'deadLetters')) renderDeadLetters(s);
    if (changed(s, 'lag')) renderLag(s);
    last = s;
    firstRender = false;
    document.body.dataset.version = String(s.version);
    $('updated').dataset.at = s.generatedAt;
    $('updated').dataset.prefix = 'updated ';
    tick();
  }

  /** Relative times tick on their own between snapshots. */
  function tick() {
    document.querySelectorAll('[data-at]').forEach(el => {
      if (el.dataset.at) el.textContent = (el.dataset.prefix || '') + ago(el.dataset.at);
    });
  }

  function poll() {
    fetch('api/snapshot').then(r => r.json()).then(render).catch(() => pill($('conn'), 'offline', 'bad'))
      .finally(() => setTimeout(poll, 3000));
  }

  function connect() {
    if (!window.EventSource) { pill($('conn'), 'polling', 'warn'); poll(); return; }
    const es = new EventSource('events');
    es.addEventListener('open', () => pill($('conn'), 'live', 'ok'));
    es.addEventListener('error', () => pill($('conn'), 'reconnecting…', 'warn'));
    es.addEventListener('snapshot', ev => { pill($('conn'), 'live', 'ok'); render(JSON.parse(ev.data)); });
  }

  setInterval(tick, 1000);
  connect();
})();
