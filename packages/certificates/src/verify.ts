import type { StorageAdapter } from '@lms-kit/storage';
import { ForeignCredentialError, contentFromCredential } from './credential.js';
import { decodeJws, es256Verify, isP256Jwk, isPlainObject, publicJwk, type JwsParts } from './jwt.js';
import { CERTIFICATES, type CertificateContent, type CertificateStatus } from './model.js';
import { findCertificate } from './registry.js';
import type { CertificateSigner } from './signer.js';
import { didJwk } from './signers/browser-signer.js';
import { readCertificateInput, type CertificateInput } from './verify-input.js';

export type VerificationStatus =
  'valid' | 'not-yet-valid' | 'expired' | 'revoked' | 'tampered' | 'unknown-issuer' | 'malformed' | 'not-found';

/** Why: each status has one or more reasons, for messages and logs. */
export type VerificationReason =
  | 'signed'
  | 'not-yet-valid'
  | 'expired'
  | 'revoked'
  | 'bad-signature'
  | 'field-changed'
  | 'claims-mismatch'
  | 'untrusted-key'
  | 'issuer-unreachable'
  | 'empty'
  | 'not-json'
  | 'not-certificate'
  | 'unsigned'
  | 'bad-jwt'
  | 'unsupported-algorithm'
  | 'not-found';

export interface VerificationResult {
  status: VerificationStatus;
  reason: VerificationReason;
  /** The reason in English, for logs. Elements show their own localized text. */
  message: string;
  /** For `field-changed`: the field that differs from the signed certificate. */
  field?: string;
  /** What the certificate says, when its signature holds (also for unknown issuers: shown as unconfirmed). */
  certificate?: CertificateContent;
  /**
   * Signed by a key that vouches only for itself (a browser's own `did:jwk` key) rather than a site's
   * server: read from the signing key, never from a flag inside the signed content.
   */
  selfIssued?: boolean;
  revocation?: CertificateStatus;
  /** The VC-JWT that was checked. */
  jwt?: string;
}

export interface VerifyOptions {
  /** Signers whose keys are trusted (and asked about revocation). */
  signers?: CertificateSigner[];
  /** The local certificate store: certificates by id, and revocations made here. */
  storage?: StorageAdapter;
  now?: Date;
}

/** Clocks of the signing server and the verifying device may differ by this much. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Whether a certificate's issuer is the key that signed it (`did:jwk`): a browser's own key, which no site vouches for. */
export function isSelfIssued(certificate: Pick<CertificateContent, 'issuer'>): boolean {
  return certificate.issuer.id.startsWith('did:jwk:');
}

const MESSAGES: Record<VerificationReason, string> = {
  signed: 'The certificate is genuine and in force.',
  'not-yet-valid': 'The certificate is genuine but dated in the future: it is not in force yet.',
  expired: 'The certificate is genuine but has expired.',
  revoked: 'The certificate was revoked by its issuer.',
  'bad-signature': 'The signature does not match the content: the certificate was changed after it was issued.',
  'field-changed': 'A field differs from the signed certificate: it was changed after it was issued.',
  'claims-mismatch': 'The signed token contradicts the credential it carries.',
  'untrusted-key': 'The signature holds, but the key that made it belongs to no issuer this page trusts.',
  'issuer-unreachable': 'The issuer could not be asked whether it trusts this key.',
  empty: 'Nothing to verify.',
  'not-json': 'This is neither a certificate file, a signed token (JWT) nor a certificate id.',
  'not-certificate': 'This is not an LMS Kit certificate or Open Badges credential.',
  unsigned: 'This credential carries no signature to check. Use the certificate file or its signed token (JWT).',
  'bad-jwt': 'The signed token (JWT) is damaged and cannot be read.',
  'unsupported-algorithm': 'The token is signed with an algorithm other than ES256 with an embedded P-256 key.',
  'not-found': 'No certificate with this id is known here.',
};

const result = (status: VerificationStatus, reason: VerificationReason, extra: Partial<VerificationResult> = {}): VerificationResult => ({
  status,
  reason,
  message: MESSAGES[reason],
  ...extra,
});

/**
 * Verifies a certificate given as text (JWT, JSON, id or link), a parsed JSON object or a file.
 * Never throws and never calls anything valid that is not: bad input gives `malformed`.
 */
export async function verifyCertificate(
  input: string | Blob | Record<string, unknown>,
  options: VerifyOptions = {},
): Promise<VerificationResult> {
  try {
    const text = typeof Blob === 'function' && input instanceof Blob ? await input.text() : (input as string | Record<string, unknown>);
    return await verifyInput(readCertificateInput(text), options);
  } catch (error) {
    return result('malformed', 'not-certificate', { message: `${MESSAGES['not-certificate']} (${(error as Error).message})` });
  }
}

async function verifyInput(input: CertificateInput, options: VerifyOptions): Promise<VerificationResult> {
  if (input.type === 'malformed') return result('malformed', input.reason);
  if (input.type === 'id') {
    const stored = await options.storage?.getRecord(CERTIFICATES, input.id).catch(() => undefined);
    if (stored && typeof stored.jwt === 'string')
      return verifyInput({ type: 'jwt', jwt: stored.jwt, fields: withoutStatus(stored) }, options);
    for (const signer of options.signers ?? []) {
      const jwt = await signer.find?.(input.id).catch(() => undefined);
      if (jwt) return verifyInput({ type: 'jwt', jwt }, options);
    }
    return result('not-found', 'not-found');
  }
  let jws: JwsParts;
  try {
    jws = decodeJws(input.jwt);
  } catch {
    return result('malformed', 'bad-jwt');
  }
  const { header, payload } = jws;
  if (header.alg !== 'ES256' || !isP256Jwk(header.jwk)) return result('malformed', 'unsupported-algorithm');
  const key = publicJwk(header.jwk);
  if (!(await es256Verify(key, jws.signingInput, jws.signature))) return result('tampered', 'bad-signature', { jwt: input.jwt });
  let certificate: CertificateContent;
  try {
    certificate = contentFromCredential(payload);
  } catch (error) {
    if (error instanceof ForeignCredentialError) return result('malformed', 'not-certificate', { jwt: input.jwt });
    throw error;
  }
  // `claimsAgree` below holds a `did:jwk` issuer to be the signing key itself.
  const selfIssued = isSelfIssued(certificate);
  certificate = { ...certificate, selfIssued };
  const found = { jwt: input.jwt, certificate, selfIssued };
  if (!claimsAgree(payload, certificate, key)) return result('tampered', 'claims-mismatch', found);
  const changed = input.fields ? changedField(input.fields, certificate) : undefined;
  if (changed) return result('tampered', 'field-changed', { ...found, field: changed });

  let trustedBy: CertificateSigner | undefined;
  let unreachable = false;
  for (const signer of options.signers ?? []) {
    const trusted = await signer.trusts(key).catch(() => ((unreachable = true), false));
    if (trusted) {
      trustedBy = signer;
      break;
    }
  }
  if (!trustedBy) return result('unknown-issuer', unreachable ? 'issuer-unreachable' : 'untrusted-key', found);
  const revocation = await revocationOf(certificate.id, trustedBy, options.storage);
  if (revocation?.revoked) return result('revoked', 'revoked', { ...found, revocation });
  const now = (options.now ?? new Date()).getTime();
  if (new Date(certificate.issuedAt).getTime() > now + CLOCK_SKEW_MS) return result('not-yet-valid', 'not-yet-valid', found);
  if (certificate.expiresAt && new Date(certificate.expiresAt).getTime() <= now) return result('expired', 'expired', found);
  return result('valid', 'signed', { ...found, selfIssued: selfIssued || trustedBy.kind === 'browser' });
}

function withoutStatus(record: Record<string, unknown>): Record<string, unknown> {
  const { jwt: _jwt, revoked: _revoked, renewedAt: _renewedAt, ...fields } = record;
  return fields;
}

async function revocationOf(id: string, signer: CertificateSigner, storage?: StorageAdapter): Promise<CertificateStatus | undefined> {
  const local = await (storage ? findCertificate(storage, id).catch(() => undefined) : undefined);
  if (local?.revoked) return { revoked: true, revokedAt: local.revoked.at, reason: local.revoked.reason };
  return signer.status?.(id).catch(() => undefined);
}

/** The JWT's registered claims must say what the credential says, and a `did:jwk` issuer must be the signing key. */
function claimsAgree(payload: Record<string, unknown>, certificate: CertificateContent, key: JsonWebKey): boolean {
  const seconds = (iso: string | undefined) => (iso === undefined ? undefined : Math.floor(new Date(iso).getTime() / 1000));
  const subject = isPlainObject(payload.credentialSubject) ? payload.credentialSubject.id : undefined;
  if (payload.iss !== certificate.issuer.id || payload.jti !== certificate.id || payload.sub !== subject) return false;
  if (payload.nbf !== seconds(certificate.issuedAt) || payload.exp !== seconds(certificate.expiresAt)) return false;
  return !certificate.issuer.id.startsWith('did:jwk:') || certificate.issuer.id === didJwk(key);
}

/** The first field of `fields` (a certificate record or file) that is not exactly what was signed. */
function changedField(fields: Record<string, unknown>, certificate: CertificateContent): string | undefined {
  const signed = certificate as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(signed), ...Object.keys(fields)])];
  return keys.find((key) => JSON.stringify(canonical(fields[key])) !== JSON.stringify(canonical(signed[key])));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical(value[key])]),
  );
}
