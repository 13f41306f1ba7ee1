import neo4j, { type DateTime, type Record as Neo4jRecord } from 'neo4j-driver';
import type { ApiKey, Role } from '../../access/model.js';
import type { Category } from '../../domain/model.js';
import type { AuditDraft, RevisionCounts } from '../../register/audit.js';
import { toNumber } from './mapping.js';

// Categories, API keys and audit entries as real properties (no `json`): instants as DATETIME,
// counts as INTEGER, lists as lists, and back into the exact records. As everywhere in this
// adapter, an absent field is no property and an empty list is not stored (mapping.ts); an audit
// entry's revision is marked `revision: true`, so a revision of empty lists stays a revision.

type Value = string | boolean | string[] | DateTime<number> | ReturnType<typeof neo4j.int> | null;
type Props = Record<string, Value>;

const ISO_INSTANT = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{3}))?Z$/;

/** An instant as toISOString writes it, as a DATETIME in UTC; anything else stays text. */
function instant(iso: string): DateTime<number> | string {
  const m = ISO_INSTANT.exec(iso);
  if (!m || !m[7]) return iso;
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number) as number[];
  return new neo4j.types.DateTime(y!, mo!, d!, h!, mi!, s!, ms! * 1_000_000, 0);
}

/** A DATETIME written by `instant` back into the text it came from. */
function instantText(value: unknown): string {
  if (!neo4j.isDateTime(value)) return String(value);
  const dt = value as unknown as DateTime<number>;
  const at = Date.UTC(
    toNumber(dt.year),
    toNumber(dt.month) - 1,
    toNumber(dt.day),
    toNumber(dt.hour),
    toNumber(dt.minute),
    toNumber(dt.second),
    Math.round(toNumber(dt.nanosecond) / 1_000_000),
  );
  return new Date(at - toNumber(dt.timeZoneOffsetSeconds ?? 0) * 1000).toISOString();
}

const list = (value: unknown): string[] => (value as string[] | null) ?? [];
const nonEmpty = (items: readonly string[] | undefined) =>
  items === undefined || items.length === 0 ? null : [...items];

export function categoryProps(c: Category): Props {
  return { id: c.id, parent: c.parent, name: c.name, description: c.description ?? null };
}

export function categoryOf(row: Neo4jRecord): Category {
  const c: Category = {
    id: row.get('id') as string,
    parent: row.get('parent') as string,
    name: row.get('name') as string,
  };
  const description = row.get('description') as string | null;
  if (description !== null) c.description = description;
  return c;
}

export function apiKeyProps(k: ApiKey): Props {
  return {
    name: k.name,
    role: k.role,
    keyId: k.keyId,
    salt: k.salt,
    hash: k.hash,
    n: neo4j.int(k.n),
    createdAt: instant(k.createdAt),
    // A scoped key names at least one controller; present, so absent stays "every controller".
    controllers: k.controllers === undefined ? null : [...k.controllers],
  };
}

export function apiKeyOf(row: Neo4jRecord): ApiKey {
  const k: ApiKey = {
    name: row.get('name') as string,
    role: row.get('role') as Role,
    keyId: row.get('keyId') as string,
    salt: row.get('salt') as string,
    hash: row.get('hash') as string,
    n: toNumber(row.get('n')),
    createdAt: instantText(row.get('createdAt')),
  };
  const controllers = row.get('controllers') as string[] | null;
  if (controllers !== null) k.controllers = controllers;
  return k;
}

const COUNTED = ['added', 'changed', 'retired', 'removed'] as const;

export function auditProps(a: AuditDraft): Props {
  const props: Props = {
    at: instant(a.at),
    actor: a.actor,
    action: a.action,
    summary: a.summary,
    revision: a.revision !== undefined ? true : null,
    scope: a.revision?.scope ?? null,
  };
  for (const name of COUNTED) {
    props[name] = nonEmpty(a.revision?.[name]);
    const count = a.revision?.counts?.[name];
    props[`${name}Count`] = count === undefined ? null : neo4j.int(count);
  }
  return props;
}

export function auditDraftOf(row: Neo4jRecord): AuditDraft {
  const a: AuditDraft = {
    at: instantText(row.get('at')),
    actor: row.get('actor') as string,
    action: row.get('action') as string,
    summary: row.get('summary') as string,
  };
  if (row.get('revision') !== true) return a;
  const scope = row.get('scope') as string | null;
  a.revision = {
    ...(scope === null ? {} : { scope }),
    added: list(row.get('added')),
    changed: list(row.get('changed')),
    retired: list(row.get('retired')),
    removed: list(row.get('removed')),
  };
  if (row.get('addedCount') !== null) {
    const counts = {} as RevisionCounts;
    for (const name of COUNTED) counts[name] = toNumber(row.get(`${name}Count`));
    a.revision.counts = counts;
  }
  return a;
}
