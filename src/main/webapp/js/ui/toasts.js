// Short-lived notifications in a corner; urgent ones stay until dismissed.

export function toast(container, { title, text, severity = 'low' }) {
  const node = document.createElement('div');
  node.className = `toast severity-${severity}`;
  node.setAttribute('role', severity === 'urgent' ? 'alert' : 'status');
  const heading = document.createElement('strong');
  heading.textContent = title;
  const body = document.createElement('span');
  body.textContent = text || '';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Dismiss');
  close.textContent = '×';
  close.addEventListener('click', () => node.remove());
  node.append(heading, body, close);
  container.append(node);
  if (severity !== 'urgent') setTimeout(() => node.remove(), 6000);
  return node;
}
