/**
 * localeCompare's order (the default locale's collator), made once: localeCompare builds its
 * collator on every call, and answers sort tens of thousands of ids and keys.
 */
export const byLocale = new Intl.Collator().compare;
