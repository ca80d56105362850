export { HttpStorageAdapter, type HttpStorageAdapterOptions } from './http-adapter.js';
export { ServerClient, type ServerClientOptions, type TokenSource } from './client.js';
