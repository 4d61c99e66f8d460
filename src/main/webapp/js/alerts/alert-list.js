// The live list: newest first, one row per alert id.

import { renderDeliveries } from './deliveries.js';

const MAX_ROWS = 200;

/** @param deliveriesOf async (alertId) => deliveries, or null for none shown */
export function renderAlert(alert, deliveriesOf = null) {
  const item = document.createElement('li');
  item.className = `alert severity-${alert.severity}`;
  item.dataset.id = alert.id;
  const time = new Date(alert.timestamp).toLocaleTimeString();
  item.innerHTML = `
    <span class="badge"></span>
    <div class="body">
      <div class="title"></div>
      <div class="meta"></div>
      <div class="message"></div>
      <details class="deliveries"><summary>Deliveries</summary><ul></ul></details>
    </div>`;
  item.querySelector('.badge').textContent = alert.severity;
  item.querySelector('.title').textContent = alert.title;
  item.querySelector('.meta').textContent = `${alert.tenant_id} · ${alert.service} · ${alert.type} · ${time}`;
  item.querySelector('.message').textContent = alert.message || '';
  const details = item.querySelector('.deliveries');
  if (deliveriesOf) {
    // Read each time it is opened: a delivery may be sent, retried or held meanwhile.
    details.addEventListener('toggle', async () => {
      if (!details.open) return;
      const list = details.querySelector('ul');
      try {
        renderDeliveries(list, await deliveriesOf(alert.id));
      } catch (error) {
        list.replaceChildren(Object.assign(document.createElement('li'), { textContent: error.message }));
      }
    });
  } else {
    details.remove();
  }
  return item;
}

export class AlertList {
  constructor(element, emptyElement, deliveriesOf = null) {
    this.element = element;
    this.emptyElement = emptyElement;
    this.deliveriesOf = deliveriesOf;
  }

  clear() {
    this.element.replaceChildren();
    this.update();
  }

  add(alert, { prepend = true } = {}) {
    if (this.element.querySelector(`[data-id="${CSS.escape(alert.id)}"]`)) return false;
    const row = renderAlert(alert, this.deliveriesOf);
    if (prepend) this.element.prepend(row); else this.element.append(row);
    while (this.element.children.length > MAX_ROWS) this.element.lastElementChild.remove();
    this.update();
    return true;
  }

  update() {
    this.emptyElement.hidden = this.element.children.length > 0;
  }
}
