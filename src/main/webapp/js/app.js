// Wires the page: sign-in, the live stream, the list, toasts and the test-alert form.
import { AlertStream, Status } from './streams/alert-stream.js';
import { DEMO_USERS, Session, requestTicket } from './auth/session.js';
import { AlertList } from './alerts/alert-list.js';
import { loadDeliveries } from './alerts/deliveries.js';
import { loadHistory, sendTestAlert } from './alerts/ingest.js';
import { toast } from './ui/toasts.js';

const $ = (selector) => document.querySelector(selector);
const list = new AlertList($('#alerts'), $('#empty'), async (id) => loadDeliveries(await session.token(), id));
const toasts = $('#toasts');
const statusNode = $('#status');
let stream = null;
let session = null;

const STATUS_TEXT = {
  [Status.CONNECTING]: 'Connecting…',
  [Status.LIVE]: 'Live',
  [Status.RECONNECTING]: 'Reconnecting…',
  [Status.STOPPED]: 'Signed out',
};

function setStatus(status) {
  statusNode.dataset.status = status;
  statusNode.textContent = STATUS_TEXT[status] || status;
}

for (const user of DEMO_USERS) {
  const option = document.createElement('option');
  option.value = user.username;
  option.textContent = user.label;
  $('#user').append(option);
}

$('#signin').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (stream) stream.stop();
  list.clear();
  session = new Session($('#user').value);
  try {
    await session.token();
  } catch (error) {
    toast(toasts, { title: 'Sign-in failed', text: error.message, severity: 'high' });
    return;
  }
  $('#who').textContent = `${session.username} · ${session.tenants.join(', ')}`;
  fillTenants(session.tenants);
  document.body.classList.add('signed-in');
  let historyLoaded = false;
  stream = new AlertStream({
    baseUrl: document.baseURI,
    getTicket: async () => requestTicket(await session.token()),
    onStatus: setStatus,
    // History is read once the stream is live, so nothing stored in between is missed; the list
    // ignores an alert it already shows.
    onConnection: async () => {
      if (historyLoaded) return;
      historyLoaded = true;
      for (const alert of await loadHistory(await session.token())) list.add(alert, { prepend: false });
    },
    onResync: (resync) => toast(toasts, { title: 'Some alerts could not be replayed',
      text: resync.message || 'The most recent alerts follow.', severity: 'medium' }),
    onAlert: (alert) => {
      if (list.add(alert)) {
        toast(toasts, { title: alert.title, text: `${alert.tenant_id} · ${alert.service}`, severity: alert.severity });
      }
    },
  });
  stream.start();
});

$('#signout').addEventListener('click', () => {
  if (stream) stream.stop();
  stream = null;
  session = null;
  $('#who').textContent = '';
  document.body.classList.remove('signed-in');
  list.clear();
});

function fillTenants(tenants) {
  const select = $('#tenant');
  select.replaceChildren(...tenants.map((tenant) => {
    const option = document.createElement('option');
    option.value = tenant;
    option.textContent = tenant;
    return option;
  }));
}

$('#send').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    await sendTestAlert(Object.fromEntries(form.entries()));
  } catch (error) {
    toast(toasts, { title: 'Not sent', text: error.message, severity: 'high' });
  }
});

setStatus(Status.STOPPED);
