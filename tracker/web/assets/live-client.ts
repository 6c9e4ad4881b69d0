// The live viewer's browser script, served at /assets/live.js. Builds DOM with textContent only: never innerHTML.
// Plain ES2017 in a string (no build step for browser code); it must not contain backticks or dollar-brace sequences.
export const LIVE_JS = `
(function () {
  'use strict';
  var root = document.getElementById('live');
  if (!root || typeof EventSource === 'undefined') return;
  var eventsUrl = root.getAttribute('data-events-url');
  var statusUrl = root.getAttribute('data-status-url');
  var mode = root.getAttribute('data-mode') || 'viewer';
  var list = document.getElementById('timeline');
  var conn = document.getElementById('live-conn');
  var badge = document.getElementById('live-badge');
  var viewers = document.getElementById('viewers');
  var working = document.getElementById('working');
  var endNotice = document.getElementById('end-notice');
  var toggle = document.getElementById('autoscroll');
  var jump = document.getElementById('jump');
  var MAX_CHARS = 50000;
  var autoScroll = true;
  var seen = Object.create(null);
  var lastSeq = 0;
  var ended = false;
  var es = null;
  var retryTimer = null;

  Array.prototype.forEach.call(list.querySelectorAll('[data-uuid]'), function (li) {
    seen[li.getAttribute('data-uuid')] = true;
  });

  function setText(node, text) { if (node) node.textContent = text; }
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }
  function clip(s) { return s.length > MAX_CHARS ? s.slice(0, MAX_CHARS) + '\\n[… ' + (s.length - MAX_CHARS) + ' more characters]' : s; }
  function toolHint(input) {
    if (!input || typeof input !== 'object') return '';
    var keys = ['description', 'command', 'file_path', 'path', 'pattern', 'url', 'query', 'prompt'];
    for (var i = 0; i < keys.length; i++) {
      var v = input[keys[i]];
      if (typeof v === 'string' && v.trim()) return v.trim().split('\\n')[0].slice(0, 120);
    }
    return '';
  }
  function who(label, e) {
    var d = el('div', 'who', label);
    if (e.agentId) d.appendChild(el('span', 'badge', 'subagent ' + String(e.agentId).slice(0, 12)));
    if (e.timestamp) d.appendChild(el('span', 'muted small', String(e.timestamp).slice(11, 19)));
    return d;
  }
  function collapsible(summaryText, e, bodyNode) {
    var det = el('details');
    var sum = el('summary', null, summaryText);
    if (e.agentId) sum.appendChild(el('span', 'badge', 'subagent ' + String(e.agentId).slice(0, 12)));
    det.appendChild(sum);
    det.appendChild(bodyNode);
    return det;
  }
  function render(item) {
    var e = item.event;
    var li;
    if (e.kind === 'prompt') {
      li = el('li', 'msg prompt');
      li.appendChild(who('You', e));
      li.appendChild(el('div', 'body plain-text', e.command ? '/' + e.command.name + ' ' + e.command.args : e.text));
    } else if (e.kind === 'text') {
      li = el('li', 'msg text');
      li.appendChild(who('Claude', e));
      li.appendChild(el('div', 'body plain-text', e.text));
    } else if (e.kind === 'thinking') {
      li = el('li', 'msg thinking');
      li.appendChild(collapsible('Thinking', e, el('div', 'body plain-text', e.text)));
    } else if (e.kind === 'tool_call') {
      li = el('li', 'msg tool');
      var hint = toolHint(e.input);
      li.appendChild(collapsible('Tool: ' + e.name + (hint ? ' — ' + hint : ''), e, el('pre', 'plain', clip(JSON.stringify(e.input, null, 2) || 'null'))));
    } else if (e.kind === 'tool_result') {
      li = el('li', 'msg result' + (e.isError ? ' is-error' : ''));
      li.appendChild(collapsible((e.isError ? 'Tool error' : 'Tool result') + ' (' + String(e.content).length + ' chars)', e, el('pre', 'plain', clip(String(e.content)))));
    } else {
      li = el('li', 'msg system');
      li.appendChild(el('span', 'badge', e.subtype || 'system'));
      li.appendChild(document.createTextNode(' ' + (e.text || '')));
    }
    li.setAttribute('data-seq', String(item.seq));
    li.setAttribute('data-uuid', String(e.uuid));
    return li;
  }
  function insert(li, seq) {
    var empty = list.querySelector('[data-empty]');
    if (empty) empty.parentNode.removeChild(empty);
    if (mode === 'viewer' && seq < lastSeq) {
      var items = list.querySelectorAll('li[data-seq]');
      for (var i = 0; i < items.length; i++) {
        if (Number(items[i].getAttribute('data-seq')) > seq) { list.insertBefore(li, items[i]); return; }
      }
    }
    list.appendChild(li);
  }
  function showWorking(tool) {
    if (!working) return;
    working.textContent = tool ? 'Claude is working… running ' + tool : 'Claude is working…';
    working.hidden = false;
  }
  function hideWorking() { if (working) working.hidden = true; }
  function updateWorking(e) {
    if (e.kind === 'prompt' || e.kind === 'tool_result') showWorking(null);
    else if (e.kind === 'tool_call') showWorking(e.name);
    else if (e.kind === 'text') hideWorking();
    else if (e.kind === 'system' && (e.subtype === 'live_status' || e.subtype === 'status')) {
      if (e.text === 'working') showWorking(null); else hideWorking();
    }
  }
  function nearBottom() { return window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 80; }
  function scrollToEnd() { window.scrollTo(0, document.documentElement.scrollHeight); if (jump) jump.hidden = true; }
  function onEvent(msg) {
    var d;
    try { d = JSON.parse(msg.data); } catch (err) { return; }
    if (!d || !d.event) return;
    if (d.seq > lastSeq) lastSeq = d.seq;
    if (seen[d.event.uuid]) return;
    seen[d.event.uuid] = true;
    insert(render(d), d.seq);
    updateWorking(d.event);
    root.setAttribute('data-received', String(Number(root.getAttribute('data-received') || '0') + 1));
    if (autoScroll) scrollToEnd(); else if (jump) jump.hidden = false;
  }
  function setStatus(status) {
    if (status === 'paused') {
      setText(badge, 'PAUSED');
      if (badge) badge.className = 'live-badge off';
      hideWorking();
      if (endNotice) { endNotice.textContent = 'The stream is paused by its owner.'; endNotice.hidden = false; }
    } else if (status === 'active') {
      setText(badge, 'LIVE');
      if (badge) badge.className = 'live-badge';
      if (endNotice && !ended) endNotice.hidden = true;
    }
    root.setAttribute('data-status', status);
  }
  function finish(d) {
    ended = true;
    if (es) es.close();
    hideWorking();
    setText(badge, 'ENDED');
    if (badge) badge.className = 'live-badge off';
    setText(conn, 'Stream closed');
    var text = d.status === 'completed' ? 'The session has ended.'
      : d.status === 'revoked' ? 'This live stream was ended by its owner.'
      : d.status === 'expired' ? 'This live stream has expired.' : 'The stream has ended.';
    if (endNotice) {
      endNotice.textContent = text;
      if (d.postUrl && /^(https?:\\/\\/|\\/(?!\\/))/.test(d.postUrl)) {
        endNotice.appendChild(document.createTextNode(' '));
        var a = el('a', null, 'Read the saved session');
        a.href = d.postUrl;
        endNotice.appendChild(a);
      }
      endNotice.hidden = false;
    }
    root.setAttribute('data-status', d.status || 'ended');
  }
  function probe() {
    if (!statusUrl) { retryTimer = setTimeout(connect, 3000); return; }
    fetch(statusUrl, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      if (r.status === 404) { finish({ status: 'revoked' }); setText(conn, 'Not found'); return null; }
      if (r.status === 410) return r.json().then(function (b) {
        var st = b && b.error && b.error.details && b.error.details.status;
        finish({ status: st === 'expired' ? 'expired' : 'revoked' });
      });
      return r.json().then(function (b) {
        if (b.status === 'completed') finish({ status: 'completed', postUrl: b.postUrl });
        else retryTimer = setTimeout(connect, 2000);
      });
    }).catch(function () { retryTimer = setTimeout(probe, 3000); });
  }
  function connect() {
    if (ended) return;
    retryTimer = null;
    var url = eventsUrl + (lastSeq > 0 ? (eventsUrl.indexOf('?') < 0 ? '?' : '&') + 'lastEventId=' + lastSeq : '');
    es = new EventSource(url, { withCredentials: true });
    setText(conn, 'Connecting…');
    es.addEventListener('open', function () { setText(conn, 'Connected'); root.setAttribute('data-conn', 'open'); });
    es.addEventListener('hello', function (m) {
      var d = JSON.parse(m.data);
      setText(viewers, String(d.viewers));
      setStatus(d.status);
    });
    es.addEventListener('event', onEvent);
    es.addEventListener('viewers', function (m) { setText(viewers, String(JSON.parse(m.data).count)); });
    es.addEventListener('status', function (m) { setStatus(JSON.parse(m.data).status); });
    es.addEventListener('end', function (m) { finish(JSON.parse(m.data)); });
    es.onerror = function () {
      if (ended) return;
      root.setAttribute('data-conn', 'error');
      if (es.readyState === EventSource.CLOSED) { setText(conn, 'Disconnected'); probe(); }
      else setText(conn, 'Reconnecting…');
    };
  }
  if (toggle) toggle.addEventListener('click', function () {
    autoScroll = !autoScroll;
    toggle.setAttribute('aria-pressed', autoScroll ? 'true' : 'false');
    toggle.textContent = autoScroll ? 'Pause auto-scroll' : 'Resume auto-scroll';
    if (autoScroll) scrollToEnd();
  });
  if (jump) jump.addEventListener('click', scrollToEnd);
  window.addEventListener('scroll', function () { if (jump && nearBottom()) jump.hidden = true; }, { passive: true });
  connect();
})();
`;
