import { LmsError } from '@lms-kit/core';
import type { OpenBadgeCredential } from '../credential.js';
import { isP256Jwk, isPlainObject, sameKey } from '../jwt.js';
import type { CertificateStatus } from '../model.js';
import type { CertificateSigner } from '../signer.js';

export interface ServerSignerOptions {
  /** Base URL of the site's certificate endpoint, e.g. `https://intranet.example/api/certificates`. */
  endpoint: string;
  /** Extra request headers (a CSRF token, an authorization header). Cookies are sent for same-origin endpoints. */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

/**
 * Has a site's server sign certificates. Endpoint contract (JSON over HTTPS, all under `endpoint`):
 *
 * - `GET  /issuer`                → `{ "id": "<issuer URI>" }`
 * - `POST /credentials`            `{ "credential": <unsigned OpenBadgeCredential> }` → `201 { "jwt": "<VC-JWT>" }`.
 *   The server decides: it checks the learner's session and completion, may change any field (its
 *   issuer, the learner's identity) and signs what it stands behind. It keeps the JWT by credential id.
 * - `GET  /credentials/<id>`       → `{ "jwt": "<VC-JWT>", "status": { "revoked": bool, "revokedAt"?, "reason"? } }`, 404 when unknown.
 * - `GET  /jwks`                   → `{ "keys": [<public JWK>, …] }`: the keys it signs with (P-256).
 *
 * Details and an example server: packages/certificates/README.md.
 */
export function serverSigner(options: ServerSignerOptions): CertificateSigner {
  const base = options.endpoint.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let keys: Promise<JsonWebKey[]> | undefined;
  let issuer: Promise<string> | undefined;

  async function call(path: string, init: RequestInit = {}, allow404 = false): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        credentials: 'same-origin',
        ...init,
        headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
      });
    } catch (error) {
      throw new LmsError('certificate/signing-failed', `The certificate server could not be reached (${base}).`, { cause: error });
    }
    if (allow404 && response.status === 404) return undefined;
    if (!response.ok)
      throw new LmsError('certificate/signing-failed', `The certificate server answered HTTP ${response.status} to ${path}.`);
    try {
      return await response.json();
    } catch (error) {
      throw new LmsError('certificate/signing-failed', `The certificate server sent a reply that is not JSON (${path}).`, { cause: error });
    }
  }

  const reset = <T>(promise: Promise<T>, clear: () => void) =>
    promise.catch((error: unknown) => {
      clear();
      throw error;
    });

  return {
    kind: 'server',
    issuerId() {
      issuer ??= reset(
        call('/issuer').then((body) => {
          if (!isPlainObject(body) || typeof body.id !== 'string')
            throw new LmsError('certificate/signing-failed', 'GET /issuer gave no id.');
          return body.id;
        }),
        () => (issuer = undefined),
      );
      return issuer;
    },
    async sign(credential: OpenBadgeCredential) {
      const body = await call('/credentials', { method: 'POST', body: JSON.stringify({ credential }) });
      if (!isPlainObject(body) || typeof body.jwt !== 'string') throw new LmsError('certificate/signing-failed', 'The server sent no jwt.');
      return body.jwt;
    },
    async trusts(publicKey: JsonWebKey) {
      keys ??= reset(
        call('/jwks').then((body) => (isPlainObject(body) && Array.isArray(body.keys) ? body.keys.filter(isP256Jwk) : [])),
        () => (keys = undefined),
      );
      return (await keys).some((key) => sameKey(key, publicKey));
    },
    async status(certificateId: string): Promise<CertificateStatus | undefined> {
      const body = await call(`/credentials/${encodeURIComponent(certificateId)}`, {}, true);
      if (!isPlainObject(body) || !isPlainObject(body.status)) return undefined;
      const { revoked, revokedAt, reason } = body.status;
      return {
        revoked: revoked === true,
        ...(typeof revokedAt === 'string' ? { revokedAt } : {}),
        ...(typeof reason === 'string' ? { reason } : {}),
      };
    },
    async find(certificateId: string) {
      const body = await call(`/credentials/${encodeURIComponent(certificateId)}`, {}, true);
      return isPlainObject(body) && typeof body.jwt === 'string' ? body.jwt : undefined;
    },
  };
}
