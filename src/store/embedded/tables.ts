import { open, type Database, type RootDatabase } from 'lmdb';
import type { Entrustment, Incident, Party, Source } from '../../domain/model.js';
import { decodeEntrustment, encodeEntrustment } from './entrustment-codec.js';
import { entrustmentIndexKeys, incidentIndexKeys, noIndexKeys, partyIndexKeys } from './indexes.js';
import type { IndexKey } from './keys.js';

/** One record kind: its named database, how a record is stored, and the index entries it owns. */
export interface Table<T extends { id: string }> {
  readonly db: Database<string, string>;
  readonly encode: (record: T) => string;
  readonly decode: (text: string) => T;
  readonly indexKeys: (record: T) => IndexKey[];
}

// Records are stored as JSON text: it keeps them exactly as written (absent keys stay absent,
// [] stays []) and keeps no encoder state that an aborted transaction could leave out of step
// with the file. They are encoded here rather than by lmdb's 'json' encoding, which measured
// about 1.5 times slower on bulk imports; read as strings, as lmdb then makes no Buffer per value.
const encodeJson = (record: object): string => JSON.stringify(record);
const decodeJson = <T>(text: string): T => JSON.parse(text) as T;

export interface Tables {
  readonly root: RootDatabase;
  readonly index: Database<Uint8Array, IndexKey>;
  /** The store's own values (its write generation), apart from any record. */
  readonly meta: Database<string, string>;
  /** API key records by name (hashes only). */
  readonly apiKeys: Database<string, string>;
  /** Audit entries by the write generation that made them. */
  readonly audit: Database<string, number>;
  /** Sync scopes by name: the JSON list of entrustment ids each holds. */
  readonly scopes: Database<string, string>;
  readonly sources: Table<Source>;
  readonly parties: Table<Party>;
  readonly entrustments: Table<Entrustment>;
  readonly incidents: Table<Incident>;
}

export type TableName = 'sources' | 'parties' | 'entrustments' | 'incidents';

export const TABLE_NAMES: readonly TableName[] = [
  'sources',
  'parties',
  'entrustments',
  'incidents',
];

export function openTables(dataDir: string): Tables {
  const root = open({
    path: dataDir,
    // A directory even when its name has a dot in it (lmdb would take `my.data` for a file).
    noSubdir: false,
    maxDbs: 16,
  });
  const records = (name: TableName) => root.openDB<string, string>({ name, encoding: 'string' });
  return {
    root,
    index: root.openDB<Uint8Array, IndexKey>({ name: 'index', encoding: 'binary' }),
    meta: root.openDB<string, string>({ name: 'meta', encoding: 'string' }),
    apiKeys: root.openDB<string, string>({ name: 'api-keys', encoding: 'string' }),
    audit: root.openDB<string, number>({ name: 'audit', encoding: 'string' }),
    scopes: root.openDB<string, string>({ name: 'scopes', encoding: 'string' }),
    sources: {
      db: records('sources'),
      encode: encodeJson,
      decode: decodeJson,
      indexKeys: noIndexKeys,
    },
    parties: {
      db: records('parties'),
      encode: encodeJson,
      decode: decodeJson,
      indexKeys: partyIndexKeys,
    },
    entrustments: {
      db: records('entrustments'),
      encode: encodeEntrustment,
      decode: decodeEntrustment,
      indexKeys: entrustmentIndexKeys,
    },
    incidents: {
      db: records('incidents'),
      encode: encodeJson,
      decode: decodeJson,
      indexKeys: incidentIndexKeys,
    },
  };
}
