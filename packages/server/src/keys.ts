/**
 * The server's ES256 signing key: for certificates it vouches for and for anonymous identities it hands
 * out. Configured (`LMS_SIGNING_KEY`, a private P-256 JWK) or, when not, made once and kept in the
 * database so every instance signs with the same key. Instances cache it: it never changes while they run.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Db } from './db.js';

export interface ServerKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** Public JWK with `kid`, `alg`, `use`. */
  publicJwk: JWK;
  kid: string;
}

const KEY_ID = 'signing';

async function fromJwk(jwk: JWK): Promise<ServerKey> {
  const { d: _private, ...publicPart } = jwk;
  const kid = await calculateJwkThumbprint(publicPart);
  const privateKey = (await importJWK({ ...jwk, alg: 'ES256' }, 'ES256')) as CryptoKey;
  const publicKey = (await importJWK({ ...publicPart, alg: 'ES256' }, 'ES256')) as CryptoKey;
  return { privateKey, publicKey, publicJwk: { ...publicPart, kid, alg: 'ES256', use: 'sig' }, kid };
}

async function storedKey(db: Db): Promise<JWK> {
  const read = async () =>
    (await db.query<{ private_jwk: JWK }>('SELECT private_jwk FROM server_keys WHERE id = $1', [KEY_ID])).rows[0]?.private_jwk;
  const existing = await read();
  if (existing) return existing;
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  // Two instances starting together: the first insert wins and both read it back.
  await db.query('INSERT INTO server_keys (id, private_jwk) VALUES ($1, $2::jsonb) ON CONFLICT DO NOTHING', [KEY_ID, JSON.stringify(jwk)]);
  return (await read()) as JWK;
}

export function serverKey(db: Db, configured?: string): () => Promise<ServerKey> {
  let key: Promise<ServerKey> | undefined;
  return () => {
    key ??= (configured ? Promise.resolve(JSON.parse(configured) as JWK) : storedKey(db)).then(fromJwk);
    key.catch(() => (key = undefined));
    return key;
  };
}
