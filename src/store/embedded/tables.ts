import { open, type Database, type RootDatabase } from 'lmdb';
import type { Entrustment, Incident, Party, Source } from '../../domain/model.js';
import { entrustmentIndexKeys, incidentIndexKeys, noIndexKeys, partyIndexKeys } from './indexes.js';
import type { IndexKey } from './keys.js';

/** One record kind: its named database and the index entries a record of it owns. */
export interface Table<T extends { id: string }> {
  readonly db: Database<T, string>;
  readonly indexKeys: (record: T) => IndexKey[];
}

export interface Tables {
  readonly root: RootDatabase;
  readonly index: Database<Uint8Array, IndexKey>;
  readonly sources: Table<Source>;
  readonly parties: Table<Party>;
  readonly entrustments: Table<Entrustment>;
  readonly incidents: Table<Incident>;
}

export type TableName = 'sources' | 'parties' | 'entrustments' | 'incidents';

export const TABLE_NAMES: readonly TableName[] = ['sources', 'parties', 'entrustments', 'incidents'];

export function openTables(dataDir: string): Tables {
  const root = open({
    path: dataDir,
    // A directory even when its name has a dot in it (lmdb would take `my.data` for a file).
    noSubdir: false,
    maxDbs: 8,
  });
  // JSON keeps records exactly as written (absent keys stay absent, [] stays []) and, unlike
  // msgpack's shared structures, keeps no encoder state that an aborted transaction could leave
  // out of step with the file.
  const records = <T>(name: TableName) => root.openDB<T, string>({ name, encoding: 'json' });
  return {
    root,
    index: root.openDB<Uint8Array, IndexKey>({ name: 'index', encoding: 'binary' }),
    sources: { db: records<Source>('sources'), indexKeys: noIndexKeys },
    parties: { db: records<Party>('parties'), indexKeys: partyIndexKeys },
    entrustments: { db: records<Entrustment>('entrustments'), indexKeys: entrustmentIndexKeys },
    incidents: { db: records<Incident>('incidents'), indexKeys: incidentIndexKeys },
  };
}
