// Demo sign-in (development mode only): a short-lived token per demo user, renewed on demand.

export const DEMO_USERS = [
  { username: 'alice', label: 'Alice — bakery-centro' },
  { username: 'bob', label: 'Bob — bakery-norte' },
  { username: 'carol', label: 'Carol — both bakeries' },
  { username: 'manager', label: 'Manager — bakery-centro (tenant admin)' },
];

export async function demoLogin(username) {
  const response = await fetch('api/auth/demo-login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.message || `Sign-in failed (${response.status})`);
  }
  return body; // { token, username, tenants, groups, expires_at }
}

/** A single-use ticket for one `GET api/events`, so the token itself stays out of URLs. */
export async function requestTicket(token) {
  const response = await fetch('api/events/ticket', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message || `No stream ticket (${response.status})`);
  return body.ticket;
}

/** Keeps one user's token fresh: a new one is fetched when less than a minute is left. */
export class Session {
  constructor(username) {
    this.username = username;
    this.current = null;
  }

  async token() {
    const expiresAt = this.current ? Date.parse(this.current.expires_at) : 0;
    if (!this.current || expiresAt - Date.now() < 60_000) {
      this.current = await demoLogin(this.username);
    }
    return this.current.token;
  }

  get tenants() {
    return this.current ? this.current.tenants : [];
  }
}
