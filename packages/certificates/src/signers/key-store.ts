/**
 * A tiny IndexedDB database for the browser's signing key. The private key is a non-extractable
 * `CryptoKey`: IndexedDB stores it by structured clone, and no script (this one included) can read
 * its bytes. It lives apart from the learning data so that a storage adapter that syncs to a server
 * never carries it, and clearing progress does not invalidate issued certificates.
 */
export interface StoredKeyPair {
  privateKey: CryptoKey;
  publicKey: JsonWebKey;
  createdAt: string;
}

const STORE = 'keys';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function open(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return request(req);
}

export async function readKeyPair(databaseName: string, id: string): Promise<StoredKeyPair | undefined> {
  const db = await open(databaseName);
  try {
    return (await request(db.transaction(STORE).objectStore(STORE).get(id))) as StoredKeyPair | undefined;
  } finally {
    db.close();
  }
}

/** Stores `pair` unless a key is already there (another tab made one first); returns the key kept. */
export async function addKeyPair(databaseName: string, id: string, pair: StoredKeyPair): Promise<StoredKeyPair> {
  const db = await open(databaseName);
  try {
    const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
    const existing = (await request(store.get(id))) as StoredKeyPair | undefined;
    if (existing) return existing;
    await request(store.add(pair, id));
    return pair;
  } finally {
    db.close();
  }
}
