import { taxonomyWith, unknownCategoryMessage, type Taxonomy } from '../domain/categories.js';
import { registerSchema, type Register } from '../domain/model.js';
import { readLoosely, type LooseRegister } from './loose.js';
import { ProblemList, type PathSegment } from './problems.js';
import { addSchemaIssues } from './schema-issues.js';

export type SectionName = 'sources' | 'parties' | 'entrustments' | 'incidents';
export const SECTIONS: readonly SectionName[] = ['sources', 'parties', 'entrustments', 'incidents'];

export interface Validated {
  /** The document, typed and with defaults; null when it has any error. */
  register: Register | null;
  /** What the document defines and refers to, read leniently, for checks that go on after errors. */
  loose: LooseRegister;
  errors: ProblemList;
  warnings: ProblemList;
}

/**
 * Checks one document on its own: shape, types, enums, dates, ids unique per section, operators
 * only on services, and data categories against the fideslang taxonomy. Deprecated categories are
 * replaced (with a warning) so that stored data uses current keys and overlaps them correctly.
 */
export function validateRegister(
  value: unknown,
  declaredElsewhere: Iterable<string> = [],
): Validated {
  const errors = new ProblemList();
  const warnings = new ProblemList();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.add([], 'expected a register: a mapping that starts with "register: 1"');
    return { register: null, loose: readLoosely(value), errors, warnings };
  }
  const parsed = registerSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) addSchemaIssues(errors, parsed.error.issues);
  // A valid document is its own lenient reading; the lenient parse is only for invalid ones.
  const loose: LooseRegister = parsed.success ? parsed.data : readLoosely(value);
  checkUniqueIds(loose, errors);
  checkOperators(loose, errors);
  const declared = declaredCategories(value);
  const taxonomy = taxonomyWith([...declaredElsewhere, ...declared.map((c) => c.id)]);
  checkDeclarations(declared, taxonomy, errors);
  const replacements = checkCategories(loose, taxonomy, errors, warnings);
  if (!parsed.success || !errors.empty) return { register: null, loose, errors, warnings };
  for (const { section, index, position, key } of replacements)
    parsed.data[section][index]!.data[position] = key;
  return { register: parsed.data, loose, errors, warnings };
}

function checkUniqueIds(register: LooseRegister, errors: ProblemList): void {
  for (const section of SECTIONS) {
    const firstAt = new Map<string, number>();
    register[section].forEach((record, i) => {
      if (record.id === undefined) return;
      const first = firstAt.get(record.id);
      if (first === undefined) firstAt.set(record.id, i);
      else
        errors.add(
          [section, i, 'id'],
          `duplicate id "${record.id}": already used by ${section}[${first}]`,
        );
    });
  }
}

// `operator` says who runs a service; on any other kind of party it is a modelling mistake.
function checkOperators(register: LooseRegister, errors: ProblemList): void {
  register.parties.forEach((party, i) => {
    if (party.operator !== undefined && party.kind !== undefined && party.kind !== 'service') {
      errors.add(
        ['parties', i, 'operator'],
        `only a party of kind service has an operator; "${party.id ?? `parties[${i}]`}" is a ${party.kind}`,
      );
    }
  });
}

interface Replacement {
  section: 'entrustments' | 'incidents';
  index: number;
  position: number;
  key: string;
}

/** The categories a document declares, read leniently: those with an id, at their index. */
export function declaredCategories(
  value: unknown,
): { id: string; parent?: unknown; index: number }[] {
  const list = (value as { categories?: unknown } | null)?.categories;
  if (!Array.isArray(list)) return [];
  return list.flatMap((c: unknown, index) => {
    const d = c as { id?: unknown; parent?: unknown } | null;
    return typeof d?.id === 'string' ? [{ id: d.id, parent: d.parent, index }] : [];
  });
}

// A declared category extends the taxonomy below a key it has: its parent must be known (or
// declared), its id a key under that parent, and not one the taxonomy already has nor one the
// document declared before (two names for one key: which would the store keep?).
function checkDeclarations(
  declared: ReturnType<typeof declaredCategories>,
  taxonomy: Taxonomy,
  errors: ProblemList,
): void {
  const firstAt = new Map<string, number>();
  for (const { id, parent, index } of declared) {
    const first = firstAt.get(id);
    if (first !== undefined) {
      errors.add(
        ['categories', index, 'id'],
        `duplicate id "${id}": already declared by categories[${first}]`,
      );
      continue;
    }
    firstAt.set(id, index);
    if (taxonomy.classify(id).status === 'known')
      errors.add(['categories', index, 'id'], `"${id}" is already in the fideslang taxonomy`);
    if (typeof parent !== 'string') continue;
    const verdict = taxonomy.classify(parent);
    if (verdict.status === 'unknown' || verdict.status === 'deprecated')
      errors.add(
        ['categories', index, 'parent'],
        verdict.status === 'deprecated'
          ? `"${parent}" is deprecated in the fideslang taxonomy; declare it under "${verdict.replacedBy}"`
          : unknownCategoryMessage(parent, taxonomy),
      );
    else if (!id.startsWith(`${parent}.`) || id.slice(parent.length + 1).includes('.'))
      errors.add(
        ['categories', index, 'id'],
        `"${id}" must be one level below its parent "${parent}", like ${parent}.my_category`,
      );
  }
}

function checkCategories(
  register: LooseRegister,
  taxonomy: Taxonomy,
  errors: ProblemList,
  warnings: ProblemList,
): Replacement[] {
  // A register repeats a few keys millions of times: classify each distinct key once.
  const verdicts = new Map<string, ReturnType<typeof taxonomy.classify>>();
  const replacements: Replacement[] = [];
  for (const section of ['entrustments', 'incidents'] as const) {
    const records = register[section];
    for (let index = 0; index < records.length; index++) {
      const data = records[index]!.data;
      if (!data) continue;
      for (let position = 0; position < data.length; position++) {
        const key = data[position];
        if (key === undefined) continue;
        let verdict = verdicts.get(key);
        if (!verdict) verdicts.set(key, (verdict = taxonomy.classify(key)));
        if (verdict.status === 'known' || verdict.status === 'custom') continue;
        const at: PathSegment[] = [section, index, 'data', position];
        if (verdict.status === 'deprecated') {
          warnings.add(
            at,
            `"${key}" is deprecated in the fideslang taxonomy; imported as "${verdict.replacedBy}"`,
          );
          replacements.push({ section, index, position, key: verdict.replacedBy });
        } else {
          errors.add(at, unknownCategoryMessage(key, taxonomy));
        }
      }
    }
  }
  return replacements;
}
