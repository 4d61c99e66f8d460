// Sends a test alert through the HTTP ingest, as the demo publisher `inventory-service`.
import { Session } from '../auth/session.js';

const publisher = new Session('inventory-service');

export async function sendTestAlert({ tenant, service, type, severity, title, message }) {
  const alert = {
    id: crypto.randomUUID(),
    tenant_id: tenant,
    item_type: 'alert',
    service,
    type,
    severity,
    title,
    message,
    actions: [],
    metadata: { source: 'demo page' },
    timestamp: new Date().toISOString(),
  };
  const response = await fetch('api/alerts', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await publisher.token()}` },
    body: JSON.stringify(alert),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message || `Sending failed (${response.status})`);
  return body;
}

export async function loadHistory(token, limit = 50) {
  const response = await fetch(`api/alerts?limit=${limit}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) return [];
  return response.json();
}
