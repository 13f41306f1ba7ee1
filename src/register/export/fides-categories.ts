import {
  fideslangKeys,
  fideslangReplacements,
  fideslangVersionAdded,
} from '../../domain/taxonomy/fideslang.js';
import type { Category } from '../../domain/model.js';

// The register's taxonomy is fideslang's newest (src/domain/taxonomy), which renamed keys
// (user.health_and_medical became user.health) and added others after fideslang's last release;
// Fides and the released fideslang refuse those keys. So a manifest names each category as the
// release knows it: a renamed key by its older name (the most general one, when several were
// merged into it), a key the release lacks, or one the register declares, as a data_category
// declared under its parent's released key, as fideslang extends its taxonomy.

/** The fideslang release the manifests are written for (.ci/install-python.sh validates them with it). */
export const FIDESLANG_RELEASE = '3.1.4';

const TAXONOMY = new Set(fideslangKeys);

export interface DeclaredFidesCategory {
  fides_key: string;
  organization_fides_key: string;
  name: string;
  description?: string;
  parent_key: string;
  is_default: false;
}

/** Maps register keys to the release's, collecting the categories a manifest must declare. */
export class FidesCategories {
  private readonly mapped = new Map<string, string>();
  private readonly declaredByKey = new Map<string, DeclaredFidesCategory>();
  private readonly registerDeclared: Map<string, Category>;

  constructor(
    private readonly organization: string,
    declared: readonly Category[] = [],
  ) {
    this.registerDeclared = new Map(declared.map((c) => [c.id, c]));
    // Every category the register declares is part of its map, used or not.
    for (const c of declared) this.key(c.id);
  }

  /** The key the released fideslang knows for a register key. */
  key(key: string): string {
    const known = this.mapped.get(key);
    if (known !== undefined) return known;
    const fides = this.resolve(key);
    this.mapped.set(key, fides);
    return fides;
  }

  /** The data_category entries the keys asked so far need, parents first. */
  declared(): DeclaredFidesCategory[] {
    return [...this.declaredByKey.values()];
  }

  private resolve(key: string): string {
    const own = this.registerDeclared.get(key);
    if (!own && TAXONOMY.has(key)) {
      if (released(key)) return key;
      const older = olderKey(key);
      if (older) return older;
    }
    const dot = key.lastIndexOf('.');
    // A key with no parent is fideslang's root (user, system): always released.
    if (dot < 0) return key;
    const parent = this.key(own?.parent ?? key.slice(0, dot));
    const fides = `${parent}.${key.slice(dot + 1)}`;
    if (!this.declaredByKey.has(fides))
      this.declaredByKey.set(fides, {
        fides_key: fides,
        organization_fides_key: this.organization,
        name: own?.name ?? key.slice(dot + 1),
        ...descriptionOf(key, own),
        parent_key: parent,
        is_default: false,
      });
    return fides;
  }
}

function descriptionOf(key: string, own: Category | undefined): { description?: string } {
  if (own) return own.description ? { description: own.description } : {};
  const added = fideslangVersionAdded[key];
  return { description: `${key} of fideslang ${added ?? 'after ' + FIDESLANG_RELEASE}` };
}

function released(key: string): boolean {
  const added = fideslangVersionAdded[key];
  return added === undefined || compareVersions(added, FIDESLANG_RELEASE) <= 0;
}

/** The most general released key that `key` replaced, if any. */
function olderKey(key: string): string | undefined {
  return fideslangReplacements
    .filter(([old, replacement]) => replacement === key && released(old))
    .map(([old]) => old)
    .sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
