import type { Lang } from '../../../i18n/glossary.js';
import { en, type Words } from './en.js';
import { ja } from './ja.js';

export type { Words };
export const WORDS: Record<Lang, Words> = { en, ja };
export const wordsFor = (lang: string | null | undefined): Words => (lang === 'ja' ? ja : en);
