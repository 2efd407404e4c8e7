/**
 * The part of PouchDB 9's API that DoS Desk uses, typed here: the published @types/pouchdb-core
 * declares a global `Buffer` that breaks Node's own, and is written for PouchDB 7.
 */
declare module 'pouchdb-core' {
  export interface Revisions {
    start: number;
    ids: string[];
  }
  export interface Doc {
    _id: string;
    _rev?: string;
    _revisions?: Revisions;
    _deleted?: boolean;
    _conflicts?: string[];
    [field: string]: unknown;
  }
  export interface Change {
    id: string;
    seq: number | string;
    changes: { rev: string }[];
    doc?: Doc;
    deleted?: boolean;
  }
  export interface ChangesOptions {
    since?: number | string;
    limit?: number;
    include_docs?: boolean;
    conflicts?: boolean;
    style?: 'main_only' | 'all_docs';
    return_docs?: boolean;
    live?: false;
  }
  export type BulkResult = { ok: true; id: string; rev: string } | { error: true | string; id?: string; message?: string; status?: number };
  export interface GetOptions {
    rev?: string;
    revs?: boolean;
    conflicts?: boolean;
  }
  export interface Database {
    readonly name: string;
    put(doc: Doc): Promise<{ ok: true; id: string; rev: string }>;
    get(id: string, options?: GetOptions): Promise<Doc>;
    get(id: string, options: { open_revs: 'all' | string[]; revs?: boolean }): Promise<({ ok: Doc } | { missing: string })[]>;
    bulkDocs(docs: Doc[], options?: { new_edits?: boolean }): Promise<BulkResult[]>;
    bulkGet(options: { docs: { id: string; rev?: string }[]; revs?: boolean }): Promise<{
      results: { id: string; docs: ({ ok: Doc } | { error: { error: string; reason: string } })[] }[];
    }>;
    changes(options: ChangesOptions): Promise<{ results: Change[]; last_seq: number | string }>;
    allDocs(options: { keys: string[]; include_docs?: boolean; conflicts?: boolean }): Promise<{
      rows: { key: string; id?: string; value?: { rev: string; deleted?: boolean }; doc?: Doc | null; error?: string }[];
    }>;
    info(): Promise<{ doc_count: number; update_seq: number | string; db_name: string }>;
    compact(): Promise<unknown>;
    close(): Promise<void>;
    destroy(): Promise<void>;
  }
  export interface PouchDBConstructor {
    new (name: string, options?: { adapter?: string; auto_compaction?: boolean; revs_limit?: number }): Database;
    plugin(plugin: unknown): PouchDBConstructor;
  }
  const PouchDB: PouchDBConstructor;
  export default PouchDB;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
