import { wordsFor } from '../model/i18n/index.js';

// The server chose the language (?lang=, else Accept-Language) and wrote it on <html lang>.
export const w = wordsFor(document.documentElement.lang);

/** A link to another explorer view that keeps ?lang= when this page was asked for with it. */
export function explorerHref(params: Record<string, string | undefined>): string {
  const url = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) url.set(k, v);
  const lang = new URLSearchParams(location.search).get('lang');
  if (lang) url.set('lang', lang);
  const query = url.toString();
  return query ? `/explorer?${query}` : '/explorer';
}

/** Puts the view's parameters in the address, and the language switch follows. */
export function replaceAddress(url: URL): void {
  history.replaceState(null, '', url);
  const other = new URL(url);
  other.searchParams.set('lang', w.switchToLang);
  document.getElementById('lang-switch')?.setAttribute('href', `${other.pathname}${other.search}`);
}

/** Today in the user's own calendar, as yyyy-mm-dd. */
export function today(): string {
  const d = new Date();
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
