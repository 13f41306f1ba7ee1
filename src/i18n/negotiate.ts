import { z } from 'zod';
import { LANGS, type Lang } from './glossary.js';

export const langParam = z.enum(['ja', 'en'], {
  error: (issue) => `lang must be ja or en, not ${JSON.stringify(issue.input)}`,
});

/**
 * The language of a page: `?lang=` when given (an unknown value is an error for the caller to
 * show), else the first of the browser's Accept-Language ranges, by quality, that we speak, else
 * English.
 */
export function negotiateLang(acceptLanguage: string | undefined): Lang {
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { primary: tag.trim().toLowerCase().split('-')[0], quality, order };
    })
    .filter((r) => r.primary && Number.isFinite(r.quality) && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  for (const r of ranges) if ((LANGS as string[]).includes(r.primary)) return r.primary as Lang;
  return 'en';
}
