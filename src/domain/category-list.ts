import { taxonomyKeys } from './categories.js';
import type { StorePort } from '../store/port.js';

// The categories a picker offers: the taxonomy's current keys and those registers declared.

export interface CategoryEntry {
  id: string;
  parent: string | null;
  name: string;
  description: string | null;
  custom: boolean;
}

const parentOf = (key: string) => (key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : null);
const wordsOf = (key: string) => key.slice(key.lastIndexOf('.') + 1).replace(/_/g, ' ');

export async function listCategories(store: StorePort): Promise<CategoryEntry[]> {
  const declared = await store.categories();
  const entries: CategoryEntry[] = [
    ...taxonomyKeys.map((id) => ({
      id,
      parent: parentOf(id),
      name: wordsOf(id),
      description: null,
      custom: false,
    })),
    ...declared.map((c) => ({
      id: c.id,
      parent: c.parent,
      name: c.name,
      description: c.description ?? null,
      custom: true,
    })),
  ];
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
