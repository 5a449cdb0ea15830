'use strict';
// The fleet office page: rows arrive through server-sent events (/events), the detail view and commands through the
// JSON API. No framework: the table is re-rendered at most a few times a second from the rows held here.
(function () {
  const LANGS = ['ru', 'en', 'zh'];
  const rows = new Map();
  const view = { sort: 'kioskId', dir: 1, text: '', status: 'all', mode: 'all', alarms: false, detail: null };
  let dict = {};
  let lang = 'en';
  let renderPending = false;
  let detailPending = false;
  let meta = { kiosks: 0, brokerConnected: false };

  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

  function t(key, params) {
    let s = dict[key];
    if (s == null) { s = key; }
    if (params) { Object.keys(params).forEach((k) => { s = s.split('{' + k + '}').join(params[k]); }); }
    return s;
  }

  async function setLang(l) {
    if (!LANGS.includes(l)) { l = 'en'; }
    const res = await fetch('/i18n/' + l + '.json');
    dict = await res.json();
    lang = l;
    try { localStorage.setItem('fleet.lang', l); } catch (e) { /* private window */ }
    document.documentElement.lang = l;
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    $('filter-text').placeholder = t('filter.placeholder');
    document.querySelectorAll('.lang').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === l)));
    document.title = t('title');
    message('', false); // a note from before the switch would stay in the old language
    fitBar();
    renderMeta();
    render();
    if (view.detail) { loadDetail(); }
  }

  function age(iso) {
    if (!iso) { return ''; }
    const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (s < 60) { return t('age.s', { n: s }); }
    if (s < 3600) { return t('age.min', { n: Math.floor(s / 60) }); }
    if (s < 86400) { return t('age.h', { n: Math.floor(s / 3600) }); }
    return t('age.d', { n: Math.floor(s / 86400) });
  }

  function seconds(n) {
    if (n < 60) { return t('age.s', { n: n }); }
    if (n < 3600) { return t('age.min', { n: Math.floor(n / 60) }); }
    return t('age.h', { n: Math.floor(n / 3600) });
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : lang === 'ru' ? 'ru-RU' : 'en-GB') : '';
  }

  function money(minor, currency) {
    try {
      const f = new Intl.NumberFormat(lang, { style: 'currency', currency: currency || 'RUB' });
      const digits = f.resolvedOptions().maximumFractionDigits;
      return f.format(Number(minor) / Math.pow(10, digits));
    } catch (e) {
      return String(minor) + ' ' + (currency || '');
    }
  }

  const STATUS_ORDER = { offline: 0, silent: 1, unknown: 2, online: 3 };
  const PAPER_ORDER = { out: 0, unknown: 1, near_end: 2, ok: 3 };
  const alarmCount = (r) => (r.alarms ? r.alarms.length : 0) + (r.auditAlarm ? 1 : 0);
  const SORT = {
    kioskId: (r) => r.kioskId,
    status: (r) => STATUS_ORDER[r.status],
    mode: (r) => r.mode || '',
    devices: (r) => (r.devices.length ? r.devicesOk / r.devices.length : 2),
    cashBox: (r) => (r.cashBox ? r.cashBox.fillPercent : -1),
    paper: (r) => (r.paper ? PAPER_ORDER[r.paper] : 9),
    outbox: (r) => (r.outbox ? r.outbox.pending : -1),
    lastPayment: (r) => (r.lastPayment ? r.lastPayment.at : r.lastPaymentAt || ''),
    alarms: alarmCount,
    lastSeen: (r) => r.lastSeen || '',
  };

  function shown(r) {
    if (view.status !== 'all' && r.status !== view.status) { return false; }
    if (view.mode === 'in_service' && r.mode !== 'in_service') { return false; }
    if (view.mode === 'not_in_service' && r.mode === 'in_service') { return false; }
    if (view.alarms && alarmCount(r) === 0) { return false; }
    if (view.text) {
      const alarms = (r.alarms || []).map((a) => a + ' ' + alarmText(a)).join(' ');
      const hay = [r.kioskId, r.reason, r.version, r.mode, alarms].join(' ').toLowerCase();
      if (!hay.includes(view.text)) { return false; }
    }
    return true;
  }

  function badge(cls, text) { return '<span class="badge badge-' + cls + '">' + esc(text) + '</span>'; }

  function statusCell(r) {
    const cls = { online: 'ok', offline: 'bad', silent: 'warn', unknown: 'unknown' }[r.status] || 'unknown';
    return badge(cls, t('status.' + r.status));
  }

  function modeCell(r) {
    if (!r.mode) { return ''; }
    const cls = r.mode === 'in_service' ? 'ok' : r.mode === 'service' ? 'warn' : 'bad';
    return badge(cls, t('mode.' + r.mode)) + (r.reason ? '<span class="sub">' + esc(r.reason) + '</span>' : '');
  }

  function devicesCell(r) {
    if (!r.devices.length) { return ''; }
    const bad = r.devices.filter((d) => String(d.state).toLowerCase() !== 'ok');
    const head = badge(bad.length ? 'warn' : 'ok', t('devices.ok', { ok: r.devicesOk, n: r.devices.length }));
    return head + bad.map((d) => '<span class="sub">' + esc(d.name) + ': ' + esc(d.state) + '</span>').join('');
  }

  function cashCell(r) {
    if (!r.cashBox) { return ''; }
    const c = r.cashBox;
    return '<meter min="0" max="100" low="70" high="90" optimum="0" value="' + Number(c.fillPercent) + '"></meter> '
        + esc(c.fillPercent) + '%<span class="sub">' + esc(t('cash.notes', { n: c.notes })) + ', '
        + esc(money(c.amountMinor, c.currency)) + '</span>';
  }

  function paperCell(r) {
    if (!r.paper) { return ''; }
    const cls = { ok: 'ok', near_end: 'warn', out: 'bad', unknown: 'unknown' }[r.paper];
    return badge(cls, t('paper.' + r.paper));
  }

  function outboxCell(r) {
    if (!r.outbox) { return ''; }
    if (r.outbox.pending === 0) { return esc(t('outbox.none')); }
    return badge(r.outbox.oldestAgeSeconds > 300 ? 'bad' : 'warn', String(r.outbox.pending))
        + '<span class="sub">' + esc(t('outbox.oldest', { age: seconds(r.outbox.oldestAgeSeconds) })) + '</span>';
  }

  function paymentCell(r) {
    const p = r.lastPayment;
    if (p) {
      return esc(money(p.amountMinor, p.currency)) + ' ' + esc(t('outcome.' + p.outcome))
          + '<span class="sub">' + esc(age(p.at)) + '</span>';
    }
    return r.lastPaymentAt ? esc(age(r.lastPaymentAt)) : '';
  }

  // A kiosk's alarm code in the operator's language: known codes by name, "<device>_failed|offline" by pattern, any
  // other (a newer kiosk's) code as it came.
  function alarmText(a) {
    if (dict['alarm.' + a] != null) { return t('alarm.' + a); }
    const m = /^(.+)_(failed|offline)$/.exec(a);
    return m ? t('alarm.device_' + m[2], { device: m[1] }) : a;
  }

  function alarmsCell(r) {
    const list = (r.alarms || []).map((a) => '<span class="alarm">' + badge('warn', alarmText(a)) + '</span>');
    if (r.auditAlarm) { list.unshift('<span class="alarm">' + badge('bad', t('audit.alarm')) + '</span>'); }
    return list.length ? list.join('') : '';
  }

  function render() {
    renderPending = false;
    const list = Array.from(rows.values()).filter(shown);
    const key = SORT[view.sort];
    list.sort((a, b) => {
      const x = key(a); const y = key(b);
      const c = x < y ? -1 : x > y ? 1 : 0;
      return c !== 0 ? c * view.dir : a.kioskId.localeCompare(b.kioskId);
    });
    const html = list.map((r) => '<tr id="row-' + esc(r.kioskId) + '" data-id="' + esc(r.kioskId) + '" data-status="'
        + esc(r.status) + '" data-mode="' + esc(r.mode || '') + '" tabindex="0"'
        + (view.detail === r.kioskId ? ' class="selected"' : '') + '>'
        + '<td class="id">' + esc(r.kioskId) + '</td><td class="status">' + statusCell(r) + '</td><td class="mode">'
        + modeCell(r) + '</td><td class="devices">' + devicesCell(r) + '</td><td class="cash">' + cashCell(r)
        + '</td><td class="paper">' + paperCell(r) + '</td><td class="outbox">' + outboxCell(r)
        + '</td><td class="payment">' + paymentCell(r) + '</td><td class="alarms">' + alarmsCell(r)
        + '</td><td class="seen">' + esc(age(r.lastSeen)) + '</td></tr>').join('');
    document.querySelector('#kiosks tbody').innerHTML = html;
    $('empty').hidden = list.length > 0;
    document.querySelectorAll('#kiosks th').forEach((th) => {
      th.setAttribute('aria-sort', th.dataset.sort === view.sort ? (view.dir > 0 ? 'ascending' : 'descending') : 'none');
    });
    $('summary').textContent = t('summary', { shown: list.length, total: rows.size });
  }

  function scheduleRender() {
    if (!renderPending) { renderPending = true; setTimeout(render, 100); }
  }

  function renderMeta() {
    const b = $('broker');
    b.dataset.state = meta.brokerConnected ? 'connected' : 'disconnected';
    b.className = 'badge ' + (meta.brokerConnected ? 'badge-ok' : 'badge-bad');
    b.textContent = t(meta.brokerConnected ? 'broker.connected' : 'broker.disconnected');
  }

  function connect() {
    const es = new EventSource('/events');
    es.addEventListener('snapshot', (e) => {
      rows.clear();
      JSON.parse(e.data).forEach((r) => rows.set(r.kioskId, r));
      scheduleRender();
    });
    es.addEventListener('rows', (e) => {
      let detailChanged = false;
      JSON.parse(e.data).forEach((r) => {
        rows.set(r.kioskId, r);
        if (r.kioskId === view.detail) { detailChanged = true; }
      });
      scheduleRender();
      if (detailChanged) { scheduleDetail(); }
    });
    es.addEventListener('meta', (e) => { meta = JSON.parse(e.data); renderMeta(); });
    es.onerror = () => { meta.brokerConnected = false; renderMeta(); };
  }

  function scheduleDetail() {
    if (!detailPending) { detailPending = true; setTimeout(() => { detailPending = false; loadDetail(); }, 300); }
  }

  async function loadDetail() {
    const id = view.detail;
    if (!id) { return; }
    const res = await fetch('/api/kiosks/' + encodeURIComponent(id));
    if (!res.ok || view.detail !== id) { return; }
    renderDetail(await res.json());
  }

  function renderDetail(d) {
    const r = d.row;
    $('detail-title').textContent = t('detail.title', { id: r.kioskId });
    const info = [
      ['col.online', statusCell(r)], ['col.mode', modeCell(r)], ['detail.version', esc(r.version || '')],
      ['detail.stateAt', esc(time(r.stateAt))], ['col.lastSeen', esc(time(r.lastSeen))],
      ['detail.auditHead', esc(r.auditHead >= 0 ? r.auditHead : '')], ['col.devices', devicesCell(r)],
      ['col.cashBox', cashCell(r)], ['col.paper', paperCell(r)], ['col.outbox', outboxCell(r)],
      ['col.lastPayment', paymentCell(r)], ['col.alarms', alarmsCell(r)],
      ['detail.duplicates', esc(d.duplicateEvents)], ['detail.bad', esc(r.badMessages)],
    ];
    $('detail-info').innerHTML = info.map((p) => '<dt>' + esc(t(p[0])) + '</dt><dd>' + p[1] + '</dd>').join('');
    $('audit-box').hidden = !r.auditAlarm;
    $('audit-text').textContent = r.auditAlarm
        ? time(r.auditAlarm.raisedAt) + ': ' + r.auditAlarm.problem
          + (r.auditAlarm.repeats ? ' (+' + r.auditAlarm.repeats + ')' : '') : '';
    $('detail-commands').innerHTML = d.commands.length ? d.commands.map((c) => '<tr data-command="' + esc(c.id)
        + '" data-status="' + esc(c.status) + '"><td>' + esc(time(c.issuedAt || c.answeredAt)) + '</td><td>'
        + esc(c.type ? t('cmd.' + c.type) : '?') + '</td><td>' + esc(t('cmdstatus.' + c.status))
        + (c.reason ? ' (' + esc(c.reason) + ')' : '') + '</td><td class="mono">' + esc(c.id) + '</td></tr>').join('')
        : '<tr><td colspan="4">' + esc(t('detail.noCommands')) + '</td></tr>';
    $('detail-events').innerHTML = d.events.length ? d.events.map((e) => '<tr data-event="' + esc(e.id) + '"><td>'
        + esc(time(e.at)) + '</td><td>' + esc(t('kind.' + e.kind)) + '</td><td>'
        + eventDetails(e) + '</td></tr>').join('')
        : '<tr><td colspan="3">' + esc(t('detail.noEvents')) + '</td></tr>';
  }

  function eventDetails(e) {
    const d = Object.assign({}, e.data);
    let head = '';
    if (e.kind === 'payment' && d.amountMinor != null) {
      head = '<strong>' + esc(money(d.amountMinor, d.currency)) + ' ' + esc(t('outcome.' + d.outcome)) + '</strong> ';
      ['amountMinor', 'currency', 'outcome'].forEach((k) => delete d[k]);
    }
    return head + Object.keys(d).sort().map((k) => esc(k) + '=' + esc(d[k])).join(', ');
  }

  function openDetail(id) {
    view.detail = id;
    $('detail').hidden = false;
    document.body.classList.add('with-detail');
    $('reason-form').hidden = true;
    message('', false);
    render();
    loadDetail();
  }

  function message(text, error) {
    const m = $('cmd-message');
    m.textContent = text;
    m.className = 'message' + (error ? ' error' : '');
  }

  async function post(path, body) {
    const res = await fetch(path, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}),
    });
    let json = {};
    try { json = await res.json(); } catch (e) { /* no body */ }
    return { ok: res.ok, json: json };
  }

  async function command(type, args) {
    const r = await post('/api/kiosks/' + encodeURIComponent(view.detail) + '/commands', Object.assign({ type: type }, args));
    if (r.ok) {
      message(t('cmd.sent', { cmd: t('cmd.' + type), id: r.json.id }), false);
      loadDetail();
    } else {
      message(t('cmd.failed', { msg: r.json.message || '' }), true);
    }
  }

  function wire() {
    document.querySelectorAll('.lang').forEach((b) => b.addEventListener('click', () => setLang(b.dataset.lang)));
    $('filter-text').addEventListener('input', (e) => { view.text = e.target.value.trim().toLowerCase(); render(); });
    $('filter-status').addEventListener('change', (e) => { view.status = e.target.value; render(); });
    $('filter-mode').addEventListener('change', (e) => { view.mode = e.target.value; render(); });
    $('filter-alarms').addEventListener('change', (e) => { view.alarms = e.target.checked; render(); });
    document.querySelectorAll('#kiosks th').forEach((th) => th.addEventListener('click', () => {
      view.dir = view.sort === th.dataset.sort ? -view.dir : 1;
      view.sort = th.dataset.sort;
      render();
    }));
    const tbody = document.querySelector('#kiosks tbody');
    tbody.addEventListener('click', (e) => { const tr = e.target.closest('tr'); if (tr) { openDetail(tr.dataset.id); } });
    tbody.addEventListener('keydown', (e) => {
      const tr = e.target.closest('tr');
      if (tr && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); openDetail(tr.dataset.id); }
    });
    $('detail-close').addEventListener('click', () => {
      view.detail = null;
      $('detail').hidden = true;
      document.body.classList.remove('with-detail');
      render();
    });
    $('cmd-out_of_service').addEventListener('click', () => {
      $('reason-form').hidden = false;
      $('reason-text').focus();
    });
    $('reason-cancel').addEventListener('click', () => { $('reason-form').hidden = true; });
    $('reason-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const reason = $('reason-text').value.trim();
      if (!reason) { message(t('cmd.reasonNeeded'), true); return; }
      $('reason-form').hidden = true;
      $('reason-text').value = '';
      command('out_of_service', { reason: reason });
    });
    $('cmd-in_service').addEventListener('click', () => command('in_service', {}));
    $('cmd-sync_now').addEventListener('click', () => command('sync_now', {}));
    $('cmd-catalog').addEventListener('click', () => $('catalog-file').click());
    $('catalog-file').addEventListener('change', async (e) => {
      const f = e.target.files[0];
      if (!f) { return; }
      const text = await f.text();
      e.target.value = '';
      command('catalog', { catalog: text });
    });
    $('audit-ack').addEventListener('click', async () => {
      const r = await post('/api/kiosks/' + encodeURIComponent(view.detail) + '/audit-alarm/ack', {});
      message(r.ok ? t('audit.acked') : t('cmd.failed', { msg: r.json.message || '' }), !r.ok);
      loadDetail();
    });
    setInterval(scheduleRender, 10000); // ages ("12 s ago") move on without events
  }

  function fitBar() {
    document.documentElement.style.setProperty('--bar', document.querySelector('.bar').offsetHeight + 'px');
  }

  wire();
  fitBar();
  window.addEventListener('resize', fitBar);
  let start = 'en';
  try { start = localStorage.getItem('fleet.lang') || (navigator.language || 'en').slice(0, 2); } catch (e) { /* none */ }
  setLang(start).then(connect);
})();
