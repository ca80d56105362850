import { LmsError } from '@lms-kit/core';
import type { ScormPackage } from '../manifest/model.js';

/**
 * Package files live in an IndexedDB database of their own (`lms-kit-packages`), apart from learner
 * data: the service worker reads it directly to serve files to the content frame, and a site can clear
 * installed packages without touching anyone's progress. Plain IndexedDB (no Dexie): the service
 * worker stays small and loads nothing.
 */
export const PACKAGE_DATABASE = 'lms-kit-packages';
const VERSION = 1;

export interface StoredPackage {
  id: string;
  manifest: ScormPackage;
  /** Where it was imported from (URL or file name). */
  source?: string;
  /** Validators of the downloaded zip, to notice a new version on the server. */
  etag?: string;
  lastModified?: string;
  importedAt: string;
  fileCount: number;
  totalBytes: number;
}

export interface StoredFile {
  packageId: string;
  /** Path inside the package, `/`-separated, no leading slash. */
  path: string;
  data: Blob;
}

let opening: Promise<IDBDatabase> | undefined;

/** Opens (and creates) the package database; one connection per page or worker. */
export function openPackageDatabase(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(PACKAGE_DATABASE, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('packages')) db.createObjectStore('packages', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('files')) db.createObjectStore('files', { keyPath: ['packageId', 'path'] });
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab deleting or upgrading the database: let it, and reopen on next use.
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      db.onclose = () => (opening = undefined);
      resolve(db);
    };
    request.onerror = () => reject(toPackageStoreError(request.error, 'open the package database'));
    request.onblocked = () => undefined;
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Closes the shared connection (tests deleting the database, pages going away). */
export async function closePackageDatabase(): Promise<void> {
  const db = await opening?.catch(() => undefined);
  db?.close();
  opening = undefined;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

const filesOf = (packageId: string) => IDBKeyRange.bound([packageId, ''], [packageId, '\uffff']);

export async function getPackage(id: string): Promise<StoredPackage | undefined> {
  const db = await openPackageDatabase();
  return request<StoredPackage | undefined>(db.transaction('packages').objectStore('packages').get(id));
}

export async function listPackages(): Promise<StoredPackage[]> {
  const db = await openPackageDatabase();
  return request<StoredPackage[]>(db.transaction('packages').objectStore('packages').getAll());
}

export async function getPackageFile(packageId: string, path: string): Promise<StoredFile | undefined> {
  const db = await openPackageDatabase();
  return request<StoredFile | undefined>(db.transaction('files').objectStore('files').get([packageId, path]));
}

export async function listPackageFiles(packageId: string): Promise<string[]> {
  const db = await openPackageDatabase();
  const keys = await request(db.transaction('files').objectStore('files').getAllKeys(filesOf(packageId)));
  return keys.map((key) => (key as [string, string])[1]);
}

/**
 * Replaces a package and all its files in ONE readwrite transaction: either everything is stored, or
 * (quota exceeded, tab closed, any failure) the transaction aborts and the previous state stays.
 */
export async function writePackage(record: StoredPackage, files: Array<{ path: string; data: Blob }>): Promise<void> {
  const db = await openPackageDatabase();
  await new Promise<void>((resolve, reject) => {
    let transaction: IDBTransaction;
    try {
      transaction = db.transaction(['packages', 'files'], 'readwrite', { durability: 'strict' });
    } catch (error) {
      reject(toPackageStoreError(error, 'store the package'));
      return;
    }
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(toPackageStoreError(transaction.error, 'store the package'));
    const fileStore = transaction.objectStore('files');
    try {
      fileStore.delete(filesOf(record.id));
      for (const file of files) fileStore.put({ packageId: record.id, path: file.path, data: file.data } satisfies StoredFile);
      transaction.objectStore('packages').put(record);
    } catch (error) {
      transaction.abort();
      reject(toPackageStoreError(error, 'store the package'));
    }
  });
}

/** Removes a package and its files (one transaction). */
export async function deletePackage(id: string): Promise<void> {
  const db = await openPackageDatabase();
  const transaction = db.transaction(['packages', 'files'], 'readwrite');
  transaction.objectStore('files').delete(filesOf(id));
  transaction.objectStore('packages').delete(id);
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(toPackageStoreError(transaction.error, 'delete the package'));
  });
}

function toPackageStoreError(error: unknown, action: string): LmsError {
  const name = (error as { name?: string } | null)?.name;
  const detail = (error as { message?: string } | null)?.message ?? String(error);
  if (name === 'QuotaExceededError') {
    return new LmsError('storage/quota-exceeded', `Browser storage is full: could not ${action}. Nothing of it was kept.`, {
      cause: error,
    });
  }
  if (name === 'SecurityError' || name === 'InvalidStateError') {
    return new LmsError('storage/unavailable', `This browser does not let the page store packages: could not ${action}.`, { cause: error });
  }
  return new LmsError('storage/failed', `Could not ${action}: ${detail}`, { cause: error });
}
