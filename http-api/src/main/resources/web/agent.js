// The agent page: logs in over HTTP, then does everything over the /ws/agent protocol
// (protocol/AGENT-PROTOCOL.md). Server data is only ever put into the page as text.
'use strict';

const $ = (id) => document.getElementById(id);

const session = {
  token: null,
  socket: null,
  nextId: 1,
  pending: new Map(),     // id -> what it was, to name it in an error
  authId: null,
  reconnectDelay: 500,    // ms, doubled up to 10 s while the node cannot be reached
  reconnectTimer: null,
  loggingOut: false,
  status: null,
};

// ---- HTTP login -------------------------------------------------------------------------------

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  hide('login-error');
  try {
    const response = await fetch('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: $('username').value, password: $('password').value }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok || !body.token) {
      show('login-error', body.message || `Login failed (${response.status})`);
      return;
    }
    if (body.role !== 'AGENT') {
      show('login-error', 'This page is for agents; you are ' + body.role);
      return;
    }
    session.token = body.token;
    $('password').value = '';
    session.loggingOut = false;
    $('login').hidden = true;
    $('workspace').hidden = false;
    connect();
  } catch (e) {
    show('login-error', 'Cannot reach the server: ' + e.message);
  }
});

// ---- the socket -------------------------------------------------------------------------------

function connect() {
  clearTimeout(session.reconnectTimer);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}/ws/agent`);
  session.socket = socket;
  setConnection('Connecting…');
  socket.onopen = () => {
    session.authId = send({ type: 'authenticate', token: session.token }, 'authenticate');
  };
  socket.onmessage = (event) => {
    let message;
    try { message = JSON.parse(event.data); } catch (e) { showError('Unreadable message from the server'); return; }
    onServerMessage(message);
  };
  socket.onclose = () => {
    if (session.socket !== socket) return;
    session.socket = null;
    session.pending.clear();
    updateButtons();
    if (session.loggingOut || !session.token) { setConnection('Not connected'); return; }
    // The agent keeps its state on the node (a call stays up): reconnect and re-authenticate.
    setConnection(`Connection lost; reconnecting in ${Math.round(session.reconnectDelay / 100) / 10} s…`);
    session.reconnectTimer = setTimeout(connect, session.reconnectDelay);
    session.reconnectDelay = Math.min(session.reconnectDelay * 2, 10000);
  };
}

/** Sends a client message with a fresh id; returns the id. */
function send(message, what) {
  const id = String(session.nextId++);
  session.pending.set(id, what || message.type);
  session.socket.send(JSON.stringify({ ...message, id }));
  return id;
}

function act(message) {
  if (!session.socket || session.socket.readyState !== WebSocket.OPEN) {
    showError('Not connected; your action was not sent. Reconnecting…');
    return;
  }
  hide('server-error');
  send(message);
}

function onServerMessage(message) {
  switch (message.type) {
    case 'ack':
      onAck(message.id);
      break;
    case 'error':
      onError(message);
      break;
    case 'state':
      showState(message);
      break;
    case 'callOffered':
      showCall(message.call, 'offered');
      break;
    case 'callConnected':
      showCall(message.call, 'connected');
      break;
    case 'callEnded':
      $('call-phase').textContent = 'ended';
      break;
    case 'wrapUpStarted':
      showWrapUp(message.dispositions);
      break;
    case 'preview':
      showPreview(message.call);
      break;
  }
}

function onAck(id) {
  const what = session.pending.get(id);
  session.pending.delete(id);
  if (id === session.authId) {
    session.reconnectDelay = 500;
    setConnection('Connected');
  }
  if (what === 'logout') endShift();
}

function onError(message) {
  const what = message.id ? session.pending.get(message.id) : null;
  if (message.id) session.pending.delete(message.id);
  if (message.id && message.id === session.authId) {
    // The token is refused: the server closes; logging in again is the only way back.
    session.token = null;
    endShift();
    show('login-error', message.message);
    return;
  }
  showError(what ? `${what}: ${message.message}` : message.message);
}

function endShift() {
  session.loggingOut = true;
  clearTimeout(session.reconnectTimer);
  if (session.socket) session.socket.close();
  $('workspace').hidden = true;
  $('login').hidden = false;
}

// ---- rendering --------------------------------------------------------------------------------

function showState(state) {
  session.status = state.status;
  $('status').textContent = state.status;
  $('status-reason').textContent = state.status === 'PAUSED' && state.pauseReason ? `(${state.pauseReason})` : '';
  $('preview').hidden = !(state.call && state.status === 'PREVIEW');
  if (state.call && state.status === 'PREVIEW') {
    showPreview(state.call);
    $('call').hidden = true;
    $('wrapup').hidden = true;
  } else if (state.call && ['RESERVED', 'DIALING', 'ON_CALL', 'WRAP_UP'].includes(state.status)) {
    showCall(state.call, { RESERVED: 'offered', DIALING: 'dialing', ON_CALL: 'connected', WRAP_UP: 'ended' }[state.status]);
    if (state.status === 'WRAP_UP') showWrapUp(state.call.dispositions);
  } else {
    $('call').hidden = true;
    $('wrapup').hidden = true;
    $('disposition-form').reset(); // kept until the node accepted it, so a refusal loses nothing
  }
  updateButtons();
}

function showCall(call, phase) {
  const lead = call.lead || {};
  $('call-phase').textContent = phase;
  $('lead-name').textContent = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
  $('lead-phone').textContent = lead.phone || '';
  $('lead-company').textContent = lead.company || '';
  $('lead-email').textContent = lead.email || '';
  $('lead-timezone').textContent = lead.timeZone || '';
  const custom = $('lead-custom');
  custom.replaceChildren();
  for (const [key, value] of Object.entries(lead.custom || {})) {
    const dt = document.createElement('dt');
    dt.textContent = key;
    const dd = document.createElement('dd');
    dd.textContent = value;
    custom.append(dt, dd);
  }
  $('script').textContent = call.script || '';
  $('call').hidden = false;
  updateButtons();
}

/** Preview mode: the lead and the filled-in script, to dial or skip. Text only, never HTML. */
function showPreview(call) {
  const lead = call.lead || {};
  $('preview-name').textContent = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
  $('preview-phone').textContent = lead.phone || '';
  $('preview-company').textContent = lead.company || '';
  $('preview-script').textContent = call.script || '';
  $('preview').hidden = false;
  updateButtons();
}

function showWrapUp(dispositions) {
  const select = $('disposition');
  const chosen = select.value;
  select.replaceChildren(new Option('Choose…', ''));
  for (const code of dispositions || []) select.append(new Option(code, code));
  if ((dispositions || []).includes(chosen)) select.value = chosen;
  $('wrapup').hidden = false;
  updateButtons();
}

function updateButtons() {
  const connected = !!session.socket && session.socket.readyState === WebSocket.OPEN;
  const status = session.status;
  $('ready').disabled = !connected || !['LOGGED_OUT', 'PAUSED'].includes(status);
  $('pause').disabled = !connected || status !== 'READY';
  $('logout').disabled = !connected || !['READY', 'PAUSED', 'LOGGED_OUT'].includes(status);
  for (const id of ['hold', 'unhold', 'dtmf']) $(id).disabled = !connected || status !== 'ON_CALL';
  $('hangup').disabled = !connected || !['ON_CALL', 'DIALING'].includes(status);
  for (const id of ['preview-dial', 'preview-skip']) $(id).disabled = !connected || status !== 'PREVIEW';
  $('dial-lead').disabled = !connected || !['READY', 'PAUSED'].includes(status);
}

function setConnection(text) {
  $('connection').textContent = text;
  updateButtons();
}

function show(id, text) {
  $(id).textContent = text;
  $(id).hidden = false;
}

function hide(id) {
  $(id).hidden = true;
}

function showError(text) {
  show('server-error', text);
}

// ---- actions ----------------------------------------------------------------------------------

$('ready').addEventListener('click', () => act({ type: 'ready' }));
$('pause').addEventListener('click', () => act({ type: 'pause', reason: $('pause-reason').value }));
$('logout').addEventListener('click', () => act({ type: 'logout' }));
$('hangup').addEventListener('click', () => act({ type: 'hangup' }));
$('preview-dial').addEventListener('click', () => act({ type: 'previewDial' }));
$('preview-skip').addEventListener('click', () => {
  const reason = $('skip-reason').value.trim();
  if (!reason) { showError('Skip: say why'); return; }
  act({ type: 'previewSkip', reason });
});
$('dial-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const leadId = $('dial-lead-id').value.trim();
  if (!/^[0-9]+$/.test(leadId)) { showError('Dial: a lead id is a number'); return; }
  act({ type: 'dialLead', leadId: Number(leadId) });
});
$('hold').addEventListener('click', () => act({ type: 'hold' }));
$('unhold').addEventListener('click', () => act({ type: 'unhold' }));
$('dtmf').addEventListener('click', () => {
  const digits = $('dtmf-digits').value.trim();
  if (!/^[0-9*#]+$/.test(digits)) { showError('Keypad: only 0-9, * and #'); return; }
  act({ type: 'dtmf', digits });
  $('dtmf-digits').value = '';
});

function submitDisposition(pauseAfter) {
  const code = $('disposition').value;
  if (!code) { showError('Choose a disposition'); return; }
  const callback = $('callback').value;
  act({
    type: 'disposition',
    code,
    notes: $('notes').value || null,
    callbackAt: callback ? new Date(callback).toISOString() : null,
    dnc: $('dnc').checked,
    pauseAfter,
    pauseReason: pauseAfter ? $('after-pause-reason').value : null,
  });
}

$('disposition-form').addEventListener('submit', (event) => {
  event.preventDefault();
  submitDisposition(false);
});
$('submit-pause').addEventListener('click', () => submitDisposition(true));

updateButtons();
