// The live alert stream: EventSource handling only, no DOM, so it can be tested on its own.
//
// Contract (DESIGN.md, "SSE wire format"): `connection` first, `heartbeat` every N seconds,
// `<service>_alert` or `notification` with the stored alert as JSON data and a resumable `id:`.
// Every connect uses a fresh single-use ticket (`POST api/events/ticket`), so the token never goes
// into a URL. When the server ends the stream (`token_expired`, `slow_consumer`, `tenants_changed`)
// or refuses a reconnect (a spent ticket answers 401), EventSource gives up, so this module asks for
// a new ticket and reconnects with backoff, passing the last id it saw as `lastEventId`: the server
// replays what was missed, or sends `resync` and a recent window when the id is too old.

/**
 * Services listened for before the server says which (EventSource needs every event name up
 * front); the `connection` event's `event_names` adds the server's configured list.
 */
export const KNOWN_SERVICES = [
  'inventory', 'production', 'orders', 'procurement', 'sales', 'forecasting',
  'pos', 'recipes', 'suppliers', 'distribution', 'orchestrator', 'notification_service',
];

export const Status = Object.freeze({
  CONNECTING: 'connecting',
  LIVE: 'live',
  RECONNECTING: 'reconnecting',
  STOPPED: 'stopped',
});

/** Backoff for the n-th consecutive failure (0-based): 1 s, 2 s, 4 s ... capped, with jitter. */
export function backoffMillis(attempt, { baseMillis = 1000, maxMillis = 30000, random = Math.random } = {}) {
  const ceiling = Math.min(maxMillis, baseMillis * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function streamUrl(base, { ticket, token, lastEventId, tenant } = {}) {
  const url = new URL('api/events', base);
  if (ticket) url.searchParams.set('ticket', ticket);
  if (token) url.searchParams.set('token', token);
  if (lastEventId) url.searchParams.set('lastEventId', lastEventId);
  if (tenant) url.searchParams.set('tenant', tenant);
  return url.toString();
}

/**
 * @param {object} options
 * @param {string} options.baseUrl           the application root, e.g. location.href
 * @param {() => Promise<string>} options.getTicket  a fresh stream ticket (one per connect)
 * @param {(alert: object, eventName: string) => void} [options.onAlert]
 * @param {(status: string, detail?: object) => void} [options.onStatus]
 * @param {(hello: object) => void} [options.onConnection]
 * @param {(resync: object) => void} [options.onResync]  the last id could not be resumed from
 * @param {typeof EventSource} [options.EventSourceImpl]
 * @param {(fn: Function, ms: number) => any} [options.schedule]
 */
export class AlertStream {
  constructor({ baseUrl, getTicket, onAlert = () => {}, onStatus = () => {}, onConnection = () => {},
                onResync = () => {}, EventSourceImpl = globalThis.EventSource,
                schedule = (fn, ms) => setTimeout(fn, ms), cancel = (handle) => clearTimeout(handle) }) {
    Object.assign(this, { baseUrl, getTicket, onAlert, onStatus, onConnection, onResync, EventSourceImpl,
      schedule, cancel });
    this.source = null;
    this.lastEventId = null;
    this.failures = 0;
    this.timer = null;
    this.stopped = true;
    this.seen = new Set();
  }

  async start() {
    this.stopped = false;
    this.onStatus(Status.CONNECTING);
    await this.connect();
  }

  stop() {
    this.stopped = true;
    if (this.timer) this.cancel(this.timer);
    this.timer = null;
    this.close();
    this.onStatus(Status.STOPPED);
  }

  close() {
    if (this.source) this.source.close();
    this.source = null;
  }

  async connect() {
    this.close();
    let ticket;
    try {
      ticket = await this.getTicket();
    } catch (error) {
      this.retryLater({ reason: 'ticket', error });
      return;
    }
    if (this.stopped) return;
    const source = new this.EventSourceImpl(streamUrl(this.baseUrl, { ticket, lastEventId: this.lastEventId }));
    this.source = source;
    const deliver = (event) => this.deliver(event);
    const listening = new Set();
    const listen = (name) => {
      if (listening.has(name)) return;
      listening.add(name);
      source.addEventListener(name, deliver);
    };
    source.addEventListener('connection', (event) => {
      this.failures = 0;
      const hello = parse(event.data) || {};
      for (const name of hello.event_names || []) listen(name);
      this.onStatus(Status.LIVE);
      this.onConnection(hello);
    });
    source.addEventListener('heartbeat', () => {});
    source.addEventListener('resync', (event) => this.onResync(parse(event.data) || {}));
    // The server ends the stream when the token expires, when this client fell too far behind,
    // or when the user's tenant memberships changed: come back at once with a new ticket and the
    // last id.
    for (const ending of ['token_expired', 'slow_consumer', 'tenants_changed']) {
      source.addEventListener(ending, () => {
        if (this.source !== source) return;
        this.close();
        this.connect();
      });
    }
    for (const service of KNOWN_SERVICES) listen(`${service}_alert`);
    listen('notification');
    source.onerror = () => {
      if (this.source !== source) return;
      if (source.readyState === this.EventSourceImpl.CLOSED) {
        // EventSource gave up (e.g. 401 after the token expired): renew the token and come back.
        this.retryLater({ reason: 'closed' });
      } else {
        this.onStatus(Status.RECONNECTING, { reason: 'network' });
      }
    };
  }

  deliver(event) {
    if (event.lastEventId) {
      if (this.seen.has(event.lastEventId)) return; // already shown before a reconnect
      this.seen.add(event.lastEventId);
      if (this.seen.size > 2000) this.seen.delete(this.seen.values().next().value);
      this.lastEventId = event.lastEventId;
    }
    const alert = parse(event.data);
    if (alert) this.onAlert(alert, event.type);
  }

  retryLater(detail) {
    this.close();
    if (this.stopped) return;
    const delay = backoffMillis(this.failures++);
    this.onStatus(Status.RECONNECTING, { ...detail, delay });
    this.timer = this.schedule(() => { this.timer = null; this.connect(); }, delay);
  }
}

function parse(data) {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}
