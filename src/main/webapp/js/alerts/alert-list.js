// The live list: newest first, one row per alert id.

const MAX_ROWS = 200;

export function renderAlert(alert) {
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
    </div>`;
  item.querySelector('.badge').textContent = alert.severity;
  item.querySelector('.title').textContent = alert.title;
  item.querySelector('.meta').textContent = `${alert.tenant_id} · ${alert.service} · ${alert.type} · ${time}`;
  item.querySelector('.message').textContent = alert.message || '';
  return item;
}

export class AlertList {
  constructor(element, emptyElement) {
    this.element = element;
    this.emptyElement = emptyElement;
  }

  clear() {
    this.element.replaceChildren();
    this.update();
  }

  add(alert, { prepend = true } = {}) {
    if (this.element.querySelector(`[data-id="${CSS.escape(alert.id)}"]`)) return false;
    const row = renderAlert(alert);
    if (prepend) this.element.prepend(row); else this.element.append(row);
    while (this.element.children.length > MAX_ROWS) this.element.lastElementChild.remove();
    this.update();
    return true;
  }

  update() {
    this.emptyElement.hidden = this.element.children.length > 0;
  }
}
