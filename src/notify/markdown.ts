// Text from the register goes into Markdown a person opens in a viewer: characters that would
// make links, emphasis, HTML or table cells out of a party's name or a source's title are escaped,
// and only http(s) URLs become links (a `javascript:` URL stays text).

const SPECIAL = /[\\`*_[\]<>|#!~]/g;

/** Register text as literal Markdown inline text, on one line. */
export const text = (value: string): string =>
  value.replace(/\s*[\r\n]+\s*/g, ' ').replace(SPECIAL, (c) => `\\${c}`);

/** An id, a category or a date as code; falls back to escaped text if it holds a backtick. */
export const code = (value: string): string => (value.includes('`') ? text(value) : `\`${value}\``);

/** A link to an http(s) URL, or the label alone when the URL is anything else. */
export function link(label: string, url: string | undefined): string {
  if (!url) return text(label);
  let href: URL;
  try {
    href = new URL(url);
  } catch {
    return text(label);
  }
  if (href.protocol !== 'https:' && href.protocol !== 'http:')
    return `${text(label)} (${code(url)})`;
  // The angle-bracket form allows ")" in the URL; URL.href has already percent-encoded "<", ">" and spaces.
  return `[${text(label)}](<${href.href}>)`;
}
