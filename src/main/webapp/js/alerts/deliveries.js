// Each alert's notifications away from the page: email and WhatsApp deliveries, read on demand.

export async function loadDeliveries(token, alertId) {
  const response = await fetch(`api/alerts/${encodeURIComponent(alertId)}/deliveries`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message || `Deliveries unavailable (${response.status})`);
  return body.deliveries || [];
}

/** Fills `list` (a <ul>) with one line per delivery: channel, recipient, status and why. */
export function renderDeliveries(list, deliveries) {
  list.replaceChildren();
  if (deliveries.length === 0) {
    const none = document.createElement('li');
    none.textContent = 'In-app only: no email or WhatsApp for this alert.';
    list.append(none);
    return;
  }
  for (const delivery of deliveries) {
    const item = document.createElement('li');
    item.dataset.channel = delivery.channel;
    item.dataset.deliveryStatus = delivery.status;
    const when = delivery.sent_at ? ` at ${new Date(delivery.sent_at).toLocaleTimeString()}`
      : delivery.due_at ? ` until ${new Date(delivery.due_at).toLocaleTimeString()}` : '';
    const attempts = delivery.attempts > 1 ? ` after ${delivery.attempts} attempts` : '';
    item.textContent = `${delivery.channel} → ${delivery.recipient}: ${delivery.status.replace('_', ' ')}${when}${attempts}`;
    if (delivery.last_error && delivery.status !== 'sent') {
      const error = document.createElement('div');
      error.className = 'delivery-error';
      error.textContent = delivery.last_error;
      item.append(error);
    }
    list.append(item);
  }
}
