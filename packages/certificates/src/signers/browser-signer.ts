import { LmsError } from '@lms-kit/core';
import type { OpenBadgeCredential } from '../credential.js';
import { jwtClaims } from '../credential.js';
import { ES256, base64url, es256Sign, publicJwk, sameKey, signJws } from '../jwt.js';
import type { CertificateSigner } from '../signer.js';
import { addKeyPair, readKeyPair, type StoredKeyPair } from './key-store.js';

export interface BrowserSignerOptions {
  /** IndexedDB database holding the key. Default `lms-kit-certificate-keys`. */
  databaseName?: string;
}

/** `did:jwk` names the issuer by its public key itself: honest for a key no one else vouches for. */
export function didJwk(publicKey: JsonWebKey): string {
  return `did:jwk:${base64url(new TextEncoder().encode(JSON.stringify(publicJwk(publicKey))))}`;
}

/**
 * Signs with an ECDSA P-256 key this browser generates on first use and keeps, non-extractable, in
 * IndexedDB. Certificates it signs are self-issued by this browser: verification here proves they
 * were not changed since; anywhere else their issuer is unknown.
 */
export function browserSigner(options: BrowserSignerOptions = {}): CertificateSigner {
  const databaseName = options.databaseName ?? 'lms-kit-certificate-keys';
  let keyPair: Promise<StoredKeyPair> | undefined;
  const key = () =>
    (keyPair ??= loadOrCreate(databaseName).catch((error: unknown) => {
      keyPair = undefined;
      throw new LmsError('certificate/signing-failed', `This browser cannot keep a signing key: ${(error as Error).message}`, {
        cause: error,
      });
    }));
  return {
    kind: 'browser',
    async issuerId() {
      return didJwk((await key()).publicKey);
    },
    async sign(credential: OpenBadgeCredential) {
      const pair = await key();
      const header = { alg: 'ES256', typ: 'JWT', kid: `${didJwk(pair.publicKey)}#0`, jwk: publicJwk(pair.publicKey) };
      return signJws(header, { ...credential, ...jwtClaims(credential) }, (data) => es256Sign(pair.privateKey, data));
    },
    async trusts(publicKey: JsonWebKey) {
      return sameKey((await key()).publicKey, publicKey);
    },
  };
}

async function loadOrCreate(databaseName: string): Promise<StoredKeyPair> {
  const existing = await readKeyPair(databaseName, 'signing');
  if (existing) return existing;
  // Not extractable: the private key can sign but never be read, by this page or any other script.
  const pair = (await crypto.subtle.generateKey(ES256, false, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = publicJwk(await crypto.subtle.exportKey('jwk', pair.publicKey));
  return addKeyPair(databaseName, 'signing', { privateKey: pair.privateKey, publicKey, createdAt: new Date().toISOString() });
}
