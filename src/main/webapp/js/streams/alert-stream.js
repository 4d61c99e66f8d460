// The live alert stream: EventSource handling only, no DOM, so it can be tested on its own.
//
// Contract (DESIGN.md, "SSE wire format"): `connection` first, `heartbeat` every N seconds,
// `<service>_alert` or `notification` with the stored alert as JSON data and a resumable `id:`.
// The browser's EventSource reconnects by itself (sending Last-Event-ID); when the server refuses a
// reconnect (an expired token answers 401), EventSource gives up, so this module asks for a fresh
// token and reconnects with backoff, passing the last id it saw as `lastEventId`.

/** Services whose `<service>_alert` events are listened for; EventSource needs every name up front. */
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

export function streamUrl(base, { token, lastEventId, tenant } = {}) {
  const url = new URL('api/events', base);
  if (token) url.searchParams.set('token', token);
  if (lastEventId) url.searchParams.set('lastEventId', lastEventId);
  if (tenant) url.searchParams.set('tenant', tenant);
  return url.toString();
}

/**
 * @param {object} options
 * @param {string} options.baseUrl           the application root, e.g. location.href
 * @param {() => Promise<string>} options.getToken  a current token (renewed on every reconnect)
 * @param {(alert: object, eventName: string) => void} [options.onAlert]
 * @param {(status: string, detail?: object) => void} [options.onStatus]
 * @param {(hello: object) => void} [options.onConnection]
 * @param {typeof EventSource} [options.EventSourceImpl]
 * @param {(fn: Function, ms: number) => any} [options.schedule]
 */
export class AlertStream {
  constructor({ baseUrl, getToken, onAlert = () => {}, onStatus = () => {}, onConnection = () => {},
                EventSourceImpl = globalThis.EventSource, schedule = (fn, ms) => setTimeout(fn, ms),
                cancel = (handle) => clearTimeout(handle) }) {
    Object.assign(this, { baseUrl, getToken, onAlert, onStatus, onConnection, EventSourceImpl, schedule, cancel });
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
    let token;
    try {
      token = await this.getToken();
    } catch (error) {
      this.retryLater({ reason: 'token', error });
      return;
    }
    if (this.stopped) return;
    const source = new this.EventSourceImpl(streamUrl(this.baseUrl, { token, lastEventId: this.lastEventId }));
    this.source = source;
    source.addEventListener('connection', (event) => {
      this.failures = 0;
      this.onStatus(Status.LIVE);
      this.onConnection(parse(event.data));
    });
    source.addEventListener('heartbeat', () => {});
    // The server ends the stream when the token expires: renew it and come back at once.
    source.addEventListener('token_expired', () => {
      if (this.source !== source) return;
      this.close();
      this.connect();
    });
    const deliver = (event) => this.deliver(event);
    for (const service of KNOWN_SERVICES) source.addEventListener(`${service}_alert`, deliver);
    source.addEventListener('notification', deliver);
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
