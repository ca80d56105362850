export { DexieAdapter, type DexieAdapterOptions } from './dexie-adapter.js';
export { toStorageError } from './errors.js';
export { schemaVersions, latestSchemaVersion, applySchema, type SchemaVersion } from './schema.js';
