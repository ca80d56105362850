/** Random bytes: storage engines compress, so only incompressible data really uses quota. */
function randomBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
  return bytes;
}

/** Writes ever smaller blobs of junk into a database of its own until the browser refuses more. */
export async function fillStorage(): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('filler', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('junk', { autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const put = (size: number) =>
    new Promise<boolean>((resolve) => {
      const transaction = db.transaction('junk', 'readwrite');
      transaction.objectStore('junk').add(randomBytes(size));
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

/** Frees what `fillStorage` took. */
export function freeStorage(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('filler');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
