import type { Dexie, Transaction } from 'dexie';

/**
 * IndexedDB schema versions, oldest first. To change the schema, append a version (never edit a
 * shipped one): Dexie upgrades an older database step by step, running each `upgrade` in the
 * version-change transaction, so a failed migration leaves the old data as it was.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void> | void;
}

export const schemaVersions: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      progress: '[learnerId+courseId], learnerId',
      lessonStates: '[learnerId+courseId+lessonId]',
      attempts: 'id, [learnerId+courseId], [learnerId+activityId]',
      keyValues: '',
      outbox: '++seq',
      records: '[collection+id], [collection+learnerId], [collection+courseId]',
    },
  },
];

export const latestSchemaVersion = schemaVersions[schemaVersions.length - 1].version;

export function applySchema(db: Dexie, versions: SchemaVersion[] = schemaVersions): void {
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}
