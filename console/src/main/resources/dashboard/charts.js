/* Hand-written SVG charts for the Khabar dashboard: stacked columns over time, sparklines, bars. */
(function () {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';

  function svg(tag, attrs, children) {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
    for (const c of children || []) if (c) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    return el;
  }

  const PALETTE = ['#c8372d', '#2e78c7', '#1f9d6b', '#8e5cc7', '#e07b00', '#00838f', '#b03a7a', '#5d7a00', '#6d4c41'];
  const FIXED = {
    defence: '#c8372d', diplomacy: '#2e78c7', 'vietnam-visit': '#1f9d6b', none: '#98a2ae',
    hi: '#e07b00', en: '#5b5fc7', und: '#98a2ae'
  };

  /** A stable colour per series name. */
  function colour(name) {
    if (FIXED[name]) return FIXED[name];
    let h = 0;
    for (const ch of name) h = (h * 31 + ch.codePointAt(0)) >>> 0;
    return PALETTE[h % PALETTE.length];
  }

  function hhmm(ms) {
    const d = new Date(ms);
    return String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
  }

  /**
   * Columns per time window, one stacked segment per series. Every segment is a <rect> carrying
   * data-series and data-count, with a <title> tooltip.
   */
  function stackedColumns(container, windows, series, order) {
    const W = 420, H = 170, left = 30, right = 6, top = 10, bottom = 22;
    const names = order.filter(n => series[n]);
    const totals = windows.map((_, i) => names.reduce((s, n) => s + (series[n][i] || 0), 0));
    const max = Math.max(1, ...totals);
    const step = (W - left - right) / Math.max(1, windows.length);
    const bw = Math.max(2, step * 0.72);
    const y = v => top + (H - top - bottom) * (1 - v / max);
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'xMidYMid meet' });
    root.appendChild(svg('line', { class: 'axis', x1: left, x2: W - right, y1: y(0), y2: y(0) }));
    root.appendChild(svg('line', { class: 'axis', x1: left, x2: W - right, y1: y(max), y2: y(max), 'stroke-dasharray': '3 3' }));
    root.appendChild(svg('text', { x: left - 4, y: y(max) + 4, 'text-anchor': 'end' }, [String(max)]));
    root.appendChild(svg('text', { x: left - 4, y: y(0) + 4, 'text-anchor': 'end' }, ['0']));
    windows.forEach((start, i) => {
      if ((windows.length - 1 - i) % 10 === 0) {
        const anchor = i === windows.length - 1 ? 'end' : i === 0 ? 'start' : 'middle';
        const x = anchor === 'end' ? W - right : left + i * step + step / 2;
        root.appendChild(svg('text', { x, y: H - 6, 'text-anchor': anchor }, [hhmm(start)]));
      }
    });
    for (const name of names) {
      const g = svg('g', { 'data-series': name, fill: colour(name) });
      windows.forEach((start, i) => {
        const v = series[name][i] || 0;
        if (v <= 0) return;
        const below = names.slice(0, names.indexOf(name)).reduce((s, n) => s + (series[n][i] || 0), 0);
        const y0 = y(below), y1 = y(below + v);
        g.appendChild(svg('rect', {
          x: (left + i * step + (step - bw) / 2).toFixed(1), y: y1.toFixed(1), width: bw.toFixed(1),
          height: Math.max(1, y0 - y1).toFixed(1), rx: 1.5, 'data-series': name, 'data-count': v
        }, [svg('title', {}, [`${name} · ${hhmm(start)} · ${v}`])]));
      });
      root.appendChild(g);
    }
    container.replaceChildren(root);
  }

  /** Horizontal bars of totals, widest first, with the numbers beside them. */
  function totalBars(container, totals, langAttr) {
    const entries = Object.entries(totals).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const max = Math.max(1, ...entries.map(e => e[1]));
    container.replaceChildren(...entries.map(([name, n]) => {
      const row = document.createElement('div');
      row.className = 'bar';
      row.dataset.series = name;
      const label = document.createElement('span');
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = colour(name);
      label.append(sw, name);
      if (langAttr) label.lang = name;
      const track = document.createElement('span');
      track.className = 'track';
      const fill = document.createElement('span');
      fill.className = 'fill';
      fill.style.width = (100 * n / max).toFixed(1) + '%';
      fill.style.background = colour(name);
      track.appendChild(fill);
      const num = document.createElement('span');
      num.className = 'n';
      num.textContent = String(n);
      row.append(label, track, num);
      return row;
    }));
  }

  /** A small line of the last values, scaled to its own maximum. */
  function sparkline(values) {
    const W = 90, H = 22;
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, 'aria-hidden': 'true' });
    if (values.length < 2) return root;
    const max = Math.max(0.001, ...values);
    const pts = values.map((v, i) => `${(i * W / (values.length - 1)).toFixed(1)},${(H - 2 - (H - 4) * v / max).toFixed(1)}`);
    root.appendChild(svg('polyline', { points: `0,${H} ${pts.join(' ')} ${W},${H}`, fill: 'rgba(46,120,199,.15)', stroke: 'none' }));
    root.appendChild(svg('polyline', { points: pts.join(' '), fill: 'none', stroke: '#2e78c7', 'stroke-width': 1.5 }));
    return root;
  }

  window.KhabarCharts = { stackedColumns, totalBars, sparkline, colour };
})();
