// The audit console's script. Every value from the audit trail or the gateway is put into the page as text
// (textContent, text nodes, attribute values); nothing is ever parsed as HTML. The page's Content-Security-Policy
// requires Trusted Types, so a string assigned to innerHTML would throw.
'use strict';

(() => {
  const state = { options: null, query: null, cursor: null, next: null, previous: [] };
  const $ = (id) => document.getElementById(id);
  const VIEWS = ['calls', 'detail', 'session', 'live', 'explain'];

  /** An element with properties (text, className, attributes) and children (nodes or text). */
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined) continue;
      if (key === 'text') node.textContent = String(value);
      else if (key === 'className') node.className = value;
      else node.setAttribute(key, String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function link(hash, text) {
    return el('a', { href: hash, text });
  }

  function showError(message) {
    const box = $('error');
    box.textContent = message || '';
    box.hidden = !message;
  }

  class SignInNeeded extends Error {}

  async function api(path, options = {}) {
    const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
    const token = sessionStorage.getItem('consoleToken');
    if (token) headers.Authorization = 'Bearer ' + token;
    const response = await fetch('api/' + path, Object.assign({}, options, { headers, cache: 'no-store' }));
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (response.status === 401) {
      $('login').hidden = false;
      throw new SignInNeeded(messageOf(body) || 'sign in first');
    }
    if (!response.ok) throw new Error(messageOf(body) || 'HTTP ' + response.status);
    return body;
  }

  function messageOf(body) {
    if (!body || !body.error) return '';
    return typeof body.error === 'string' ? body.error : String(body.error.message || '');
  }

  // ---------------------------------------------------------------- views and routing

  function show(view) {
    for (const name of VIEWS) $('view-' + name).hidden = name !== view;
    for (const name of ['calls', 'live', 'explain']) $('nav-' + name).classList.toggle('active', name === view);
  }

  async function route() {
    const hash = location.hash || '#calls';
    showError('');
    document.body.dataset.busy = 'true';
    try {
      if (hash.startsWith('#call/')) await showDetail(decodeURIComponent(hash.slice(6)));
      else if (hash.startsWith('#session/')) await showSession(decodeURIComponent(hash.slice(9)));
      else if (hash.startsWith('#live')) await showLive();
      else if (hash.startsWith('#explain')) show('explain');
      else await showCalls(hash.replace(/^#calls\??/, ''));
    } catch (e) {
      showError(e.message);
    } finally {
      delete document.body.dataset.busy;
      document.body.dataset.routes = String(Number(document.body.dataset.routes || 0) + 1);
    }
  }

  // ---------------------------------------------------------------- options of the forms

  async function loadOptions() {
    const o = await api('options');
    o.taintFilter = ['any', 'none'].concat(o.taintLevels);
    o.confirmationFilter = ['any', 'none'].concat(o.confirmations);
    o.typeFilter = ['tool_call', 'any'].concat(o.types.filter((t) => t !== 'tool_call'));
    state.options = o;
    for (const select of document.querySelectorAll('select[data-options]')) {
      select.replaceChildren();
      if (!select.dataset.keepFirst && !select.dataset.required) select.append(el('option', { value: '', text: '(any)' }));
      for (const value of o[select.dataset.options] || []) select.append(el('option', { value, text: value }));
    }
    $('principals').replaceChildren(...o.principals.map((value) => el('option', { value })));
  }

  // ---------------------------------------------------------------- the call list

  function formQuery() {
    const params = new URLSearchParams();
    for (const [name, raw] of new FormData($('filters'))) {
      let value = String(raw).trim();
      if (!value || (name === 'type' && value === 'tool_call')) continue;
      if (name === 'since' || name === 'until') value = new Date(value + (value.length === 16 ? ':00' : '') + 'Z').toISOString();
      params.set(name, value);
    }
    return params.toString();
  }

  function fillForm(query) {
    const params = new URLSearchParams(query);
    for (const field of $('filters').elements) {
      if (!field.name) continue;
      let value = params.get(field.name) || (field.name === 'type' ? 'tool_call' : '');
      if ((field.name === 'since' || field.name === 'until') && value) value = value.replace(/(\.\d+)?Z$/, '');
      field.value = value;
    }
  }

  async function showCalls(query) {
    show('calls');
    if (query !== state.query) {
      state.query = query;
      state.cursor = null;
      state.previous = [];
      fillForm(query);
    }
    const params = new URLSearchParams(state.query);
    if (state.cursor) params.set('cursor', state.cursor);
    const page = await api('records?' + params.toString());
    state.next = page.cursor;
    $('older').disabled = !page.cursor;
    $('newer').disabled = state.previous.length === 0;
    const scanned = page.scannedBytes < 1048576 ? Math.ceil(page.scannedBytes / 1024) + ' KiB read'
      : (page.scannedBytes / 1048576).toFixed(1) + ' MiB read';
    $('page-info').textContent = page.records.length + ' record(s) · ' + scanned
      + (page.scanLimited ? ' · the page stopped reading before it was full: Older › reads on' : '');
    $('calls').tBodies[0].replaceChildren(...page.records.map(row));
  }

  function flags(r) {
    const list = [];
    if (r.guard_findings && r.guard_findings.length) list.push('findings ' + r.guard_findings.length);
    if (r.taint) list.push('taint ' + r.taint.level);
    if (r.confirmation) list.push('confirmation ' + r.confirmation);
    if (r.truncated) list.push('truncated');
    return list.map((f) => el('span', { className: 'flag', text: f }));
  }

  function row(r) {
    const call = r.type === 'tool_call';
    return el('tr', { className: 'outcome-' + (r.outcome || r.type), 'data-seq': r.seq },
      el('td', {}, link('#call/' + encodeURIComponent(r.seq), String(r.seq))),
      el('td', { text: r.ts }),
      el('td', { text: r.principal || '' }),
      el('td', { text: r.team || (r.teams || []).join(', ') }),
      el('td', { text: call ? r.tool : r.type }),
      el('td', { text: r.decision || '' }),
      el('td', { text: r.outcome || '' }),
      el('td', { text: r.error_kind || '' }),
      el('td', {}, call ? flags(r) : []),
      el('td', { className: 'number', text: call ? r.duration_ms : '' }));
  }

  // ---------------------------------------------------------------- one call

  function fields(pairs) {
    return el('dl', {}, pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
      .flatMap(([label, value]) => [el('dt', { text: label }), el('dd', {}, value instanceof Node ? value : String(value))]));
  }

  function json(value) {
    return el('pre', { className: 'json', text: JSON.stringify(value, null, 2) });
  }

  async function showDetail(seq) {
    show('detail');
    const view = $('view-detail');
    view.replaceChildren(el('p', { text: 'loading record ' + seq + '…' }));
    const r = await api('records/' + encodeURIComponent(seq));
    const session = r.session_id ? link('#session/' + encodeURIComponent(r.session_id), r.session_id) : null;
    view.replaceChildren(
      el('p', {}, link('#calls' + (state.query ? '?' + state.query : ''), '‹ back to the list')),
      el('h2', { text: (r.type === 'tool_call' ? r.tool : r.type) + ' · seq ' + r.seq }),
      el('h3', { text: 'Call' }),
      fields([['time (UTC)', r.ts], ['type', r.type], ['correlation id', r.correlation_id], ['session', session],
        ['principal', r.principal], ['teams', (r.teams || r.groups || []).join(', ')],
        ['client', r.client ? [r.client.name, r.client.version].filter(Boolean).join(' ') : null],
        ['toolset', r.toolset], ['access', r.access], ['duration', r.duration_ms !== undefined ? r.duration_ms + ' ms' : null],
        ['reason', r.reason], ['accepted', r.accepted], ['fingerprint', r.fingerprint]]),
      r.type === 'tool_call' ? callDetail(r) : json(r));
  }

  function callDetail(r) {
    return el('div', {},
      el('h3', { text: 'Decision' }),
      fields([['decision', el('span', { className: 'decision-' + r.decision, text: r.decision })], ['rule or reason', r.decision_reason],
        ['granting team', r.team], ['outcome', r.outcome], ['error kind', r.error_kind], ['confirmation', r.confirmation]]),
      el('h3', { text: 'AWS identity' }),
      fields([['role', r.role_arn || '(default credential chain)'], ['STS session name', r.sts_session_name],
        ['source identity', r.source_identity], ['AWS request ids', requestIds(r)]]),
      el('h3', { text: 'Result' }),
      fields([['bytes before the limit', r.result_bytes_before_limit], ['bytes after the limit', r.result_bytes_after_limit],
        ['truncated', r.truncated ? 'yes' : 'no']]),
      el('h3', { text: 'Guard findings' }), findings(r.guard_findings || []),
      r.taint ? [el('h3', { text: 'Session taint' }), taint(r.taint)] : [],
      el('h3', { text: 'Arguments (as audited: secrets redacted, long strings digested)' }),
      fields([['SHA-256 of the whole', r.arguments_sha256], ['cut to fit', r.arguments_truncated ? 'yes' : 'no']]),
      json(r.arguments));
  }

  function requestIds(r) {
    const ids = r.aws_request_ids || [];
    if (!ids.length) return 'none (no AWS request was made)';
    const start = new Date(Date.parse(r.ts) - 60000).toISOString();
    const end = new Date(Date.parse(r.ts) + (r.duration_ms || 0) + 300000).toISOString();
    return el('div', { className: 'request-ids' },
      el('ul', {}, ids.map((id) => el('li', {}, el('code', { text: id })))),
      el('p', { className: 'hint', text: 'CloudTrail: look the session up, then match requestID:' }),
      el('pre', { text: 'aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue='
        + (r.sts_session_name || '<session name>') + ' --start-time ' + start + ' --end-time ' + end }),
      el('p', { className: 'hint', text: 'CloudTrail Lake or Athena:' }),
      el('pre', { text: "... WHERE requestID IN (" + ids.map((id) => "'" + id + "'").join(', ') + ')' }));
  }

  function findings(list) {
    if (!list.length) return el('p', { text: 'none' });
    return el('table', { className: 'findings' },
      el('thead', {}, el('tr', {}, ['family', 'rule', 'JSON path', 'detail'].map((h) => el('th', { text: h })))),
      el('tbody', {}, list.map((f) => el('tr', {}, [f.family, f.rule, f.path, f.detail].map((v) => el('td', { text: v == null ? '' : v }))))));
  }

  function taint(t) {
    return el('div', {}, fields([['level', t.level], ['action', t.action]]),
      el('ul', {}, (t.reasons || []).map((reason) => el('li', { text: typeof reason === 'string' ? reason : JSON.stringify(reason) }))));
  }

  // ---------------------------------------------------------------- one session

  async function showSession(id) {
    show('session');
    const view = $('view-session');
    view.replaceChildren(el('p', { text: 'loading session ' + id + '…' }));
    const page = await api('records?' + new URLSearchParams({ session: id, type: 'any', limit: '200' }).toString());
    const records = page.records.slice().reverse();
    view.replaceChildren(
      el('p', {}, link('#calls', '‹ back to the list')),
      el('h2', { text: 'Session ' + id }),
      el('p', { text: records.length + ' record(s), oldest first' + (page.cursor ? '; only the newest 200 are shown' : '') }),
      el('ol', { className: 'timeline' }, records.map((r) => el('li', { className: 'outcome-' + (r.outcome || r.type) },
        el('span', { className: 'time', text: r.ts }), ' ',
        r.type === 'tool_call' ? [link('#call/' + encodeURIComponent(r.seq), r.tool), ' ', r.decision, ' · ', r.outcome,
          r.error_kind ? ' · ' + r.error_kind : '', ' ', flags(r)] : [el('strong', { text: r.type }), ' ', r.principal || '',
          r.reason ? ' (' + r.reason + ')' : '']))));
  }

  // ---------------------------------------------------------------- live state

  function table(headers, rows) {
    return el('table', {}, el('thead', {}, el('tr', {}, headers.map((h) => el('th', { text: h })))),
      el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c instanceof Node ? c : String(c ?? '')))))));
  }

  async function showLive() {
    show('live');
    const live = await api('live');
    const breakers = (t) => t.breakers.map((b) => b.team + ' ' + b.state + (b.halfOpensAt ? ' until ' + b.halfOpensAt : '')).join('; ');
    $('view-live').replaceChildren(
      el('h2', { text: 'Open sessions (' + live.sessions.count + ')' }),
      table(['session', 'principal', 'authenticated by'], live.sessions.list.map((s) =>
        [link('#session/' + encodeURIComponent(s.id), s.id), s.principal, s.method])),
      el('h2', { text: 'Toolsets and circuit breakers' }),
      table(['toolset', 'type', 'region', 'open', 'half-open', 'breakers not closed'], live.toolsets.map((t) =>
        [t.id, t.type, t.region, t.openBreakers, t.halfOpenBreakers, breakers(t) || 'all closed'])),
      el('h2', { text: 'Policies' }),
      fields([['directory', live.policies.dir], ['fingerprint', live.policies.fingerprint], ['teams', live.policies.teams.join(', ')],
        ['last reload', live.policies.rejectedProblems.length ? 'REJECTED, the last good set is served' : 'accepted']]),
      el('ul', { className: 'problems' }, live.policies.rejectedProblems.map((p) => el('li', { text: p }))),
      el('h2', { text: 'Audit trail' }),
      fields([['writing', live.audit.writing ? 'yes' : 'NO: tool calls are refused'], ['queued', live.audit.backlog],
        ['write failures', live.audit.writeFailures], ['refused for overload', live.audit.overloadRefusals],
        ['sinks', live.audit.sinks.join('; ')]]));
  }

  // ---------------------------------------------------------------- policy explain

  async function explain(event) {
    event.preventDefault();
    const form = new FormData($('explain-form'));
    const result = $('explain-result');
    let args = null;
    const text = String(form.get('arguments') || '').trim();
    try {
      if (text) args = JSON.parse(text);
    } catch (e) {
      showError('Arguments: not JSON (' + e.message + ')');
      return;
    }
    showError('');
    document.body.dataset.busy = 'true';
    try {
      const answer = await api('explain', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ principal: form.get('principal'), tool: form.get('tool'), arguments: args,
          groups: String(form.get('groups') || '').split(',').map((g) => g.trim()).filter(Boolean) }) });
      result.replaceChildren(
        el('p', { className: 'verdict verdict-' + answer.verdict, text: answer.verdict + ' ' + answer.tool }),
        fields([['principal', answer.principal], ['teams', answer.teams.join(', ') || '(none)'], ['granting team', answer.team],
          [answer.verdict === 'DENY' ? 'reason' : 'rule', answer.detail], ['policy set', answer.policyFingerprint]]));
      result.hidden = false;
    } catch (e) {
      showError(e.message);
    } finally {
      delete document.body.dataset.busy;
    }
  }

  // ---------------------------------------------------------------- chain status

  async function loadChain(fresh) {
    const box = $('chain');
    box.dataset.checking = 'true';
    try {
      const c = await api('chain' + (fresh ? '?fresh=true' : ''));
      box.className = 'chain ' + c.status;
      box.title = c.command;
      const checked = ' · checked ' + c.checkedAt.replace(/\.\d+Z$/, 'Z');
      if (c.status === 'intact') {
        box.textContent = 'Chain intact: ' + c.records + ' records, seq ' + c.firstSequence + '–' + c.lastSequence
          + (c.fromGenesis ? ' from genesis' : ' (continues an earlier file)') + checked;
      } else if (c.status === 'broken') {
        box.textContent = 'Chain BROKEN: ' + c.problem + checked;
      } else {
        box.textContent = 'No audit records yet' + checked;
      }
    } catch (e) {
      box.className = 'chain unknown';
      box.textContent = 'Chain not checked: ' + e.message;
    } finally {
      delete box.dataset.checking;
    }
  }

  // ---------------------------------------------------------------- start

  async function start() {
    try {
      await loadOptions();
      $('login').hidden = true;
    } catch (e) {
      showError(e.message);
      return;
    }
    await loadChain(false);
    await route();
    document.body.dataset.ready = 'true';
  }

  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = formQuery();
    if ('#calls?' + query === location.hash || (!query && location.hash === '#calls')) {
      state.query = null;
      route();
    } else {
      location.hash = '#calls' + (query ? '?' + query : '');
    }
  });
  $('filters-reset').addEventListener('click', () => {
    $('filters').reset();
    location.hash = '#calls';
  });
  $('older').addEventListener('click', () => {
    state.previous.push(state.cursor);
    state.cursor = state.next;
    route();
  });
  $('newer').addEventListener('click', () => {
    state.cursor = state.previous.pop() || null;
    route();
  });
  $('verify').addEventListener('click', () => loadChain(true));
  $('explain-form').addEventListener('submit', explain);
  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem('consoleToken', $('login-token').value.trim());
    $('login-token').value = '';
    start();
  });
  window.addEventListener('hashchange', route);
  start();
})();
