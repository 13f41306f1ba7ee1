// Elements built with textContent only: names come from registers, never parsed as HTML.
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export const byId = <T extends HTMLElement = HTMLElement>(id: string) =>
  document.getElementById(id) as T;

/** A link to a source; only http(s) URLs become links (a register could hold javascript:). */
export function sourceLink(s: { id: string; url: string | null; title: string | null }): Node {
  const text = s.title ?? s.id;
  if (s.url && /^https?:\/\//i.test(s.url))
    return h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, text);
  return document.createTextNode(text);
}

export function status(message: string, kind: 'info' | 'error' = 'info'): void {
  const el = byId('status');
  el.textContent = message;
  el.className = kind;
}
