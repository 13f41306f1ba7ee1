// The fixed Japanese terms of the public interface (shared/design/api.md, third round): every
// Japanese surface (the explorer, the notification packets) takes these words from here, so a
// privacy office reads the same term for the same thing everywhere.

export const GLOSSARY = {
  blastRadius: { en: 'blast radius', ja: '影響範囲' },
  entrustment: { en: 'entrustment', ja: '委託' },
  reEntrustment: { en: 're-entrustment', ja: '再委託' },
  undisclosed: { en: 'undisclosed', ja: '未開示' },
  unaware: { en: 'unaware', ja: '未把握' },
  contractor: { en: 'contractor', ja: '委託先' },
  client: { en: 'client', ja: '委託元' },
  notExposed: { en: 'not exposed', ja: '影響なし' },
  // The pages' single sign-on (the explorer and GraphiQL say the same).
  signIn: { en: 'Sign in', ja: 'サインイン' },
  signOut: { en: 'Sign out', ja: 'サインアウト' },
} as const;

export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['ja', 'en'];

/** A fixed term in one language. */
export const term = (key: keyof typeof GLOSSARY, lang: Lang): string => GLOSSARY[key][lang];
