/** Test page helpers: the Dexie adapter and a way to fill the origin's storage up to its quota. */
import { DexieAdapter } from '@lms-kit/storage/dexie';

/** Writes ever smaller blobs of junk into a database of its own until the browser refuses more. */
async function fillStorage(): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('filler', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('junk', { autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const put = (size: number) =>
    new Promise<boolean>((resolve) => {
      const transaction = db.transaction('junk', 'readwrite');
      transaction.objectStore('junk').add(new Uint8Array(size).fill(7));
      transaction.oncomplete = () => resolve(true);
      transaction.onabort = () => resolve(false);
    });
  let written = 0;
  for (const size of [256 * 1024, 32 * 1024, 4 * 1024, 512, 64]) {
    while (await put(size)) written += size;
  }
  db.close();
  return written;
}

Object.assign(window, { lms: { DexieAdapter, fillStorage }, ready: true });
