import { isPlainObject } from './jwt.js';

/** What a pasted text, a file or a link holds, before any signature is checked. */
export type CertificateInput =
  | { type: 'jwt'; jwt: string; fields?: Record<string, unknown> }
  | { type: 'id'; id: string }
  | { type: 'malformed'; reason: 'empty' | 'not-json' | 'not-certificate' | 'unsigned'; detail?: string };

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const ID = /^(urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENVELOPE_PREFIX = 'data:application/vc+jwt,';
/** Fields of a stored record that are its status in a store, not part of what was signed. */
export const STATUS_FIELDS = ['jwt', 'revoked', 'renewedAt'];

/**
 * Reads a certificate from what a person may give: a VC-JWT, the certificate file LMS Kit downloads
 * (the record with its `jwt`), a VCDM 2.0 `EnvelopedVerifiableCredential`, a certificate id or a
 * verification link holding one.
 */
export function readCertificateInput(input: string | Record<string, unknown>): CertificateInput {
  if (typeof input !== 'string') return readJson(input);
  const text = input.trim();
  if (text === '') return { type: 'malformed', reason: 'empty' };
  if (JWT.test(text)) return { type: 'jwt', jwt: text };
  if (ID.test(text)) return { type: 'id', id: text.startsWith('urn:uuid:') ? text : `urn:uuid:${text}` };
  const linked = idFromLink(text);
  if (linked) return { type: 'id', id: linked };
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return readJson(JSON.parse(text) as unknown);
    } catch (error) {
      return { type: 'malformed', reason: 'not-json', detail: (error as Error).message };
    }
  }
  return { type: 'malformed', reason: 'not-json' };
}

function readJson(value: unknown): CertificateInput {
  if (!isPlainObject(value)) return { type: 'malformed', reason: 'not-certificate', detail: 'not a JSON object' };
  if (typeof value.jwt === 'string' && JWT.test(value.jwt.trim())) {
    const fields = Object.fromEntries(Object.entries(value).filter(([key]) => !STATUS_FIELDS.includes(key)));
    return { type: 'jwt', jwt: value.jwt.trim(), fields };
  }
  const types = Array.isArray(value.type) ? value.type : [value.type];
  if (types.includes('EnvelopedVerifiableCredential') && typeof value.id === 'string' && value.id.startsWith(ENVELOPE_PREFIX)) {
    const jwt = value.id.slice(ENVELOPE_PREFIX.length).trim();
    if (JWT.test(jwt)) return { type: 'jwt', jwt };
  }
  if (types.includes('VerifiableCredential')) return { type: 'malformed', reason: 'unsigned' };
  return { type: 'malformed', reason: 'not-certificate' };
}

/** `https://site.example/verify?certificate=urn:uuid:…` → the id. */
function idFromLink(text: string): string | undefined {
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    const id = new URL(text).searchParams.get('certificate') ?? '';
    return ID.test(id) ? (id.startsWith('urn:uuid:') ? id : `urn:uuid:${id}`) : undefined;
  } catch {
    return undefined;
  }
}

/** The VCDM 2.0 JSON wrapper for a JWT-secured credential: what "Download the credential" saves. */
export function envelope(jwt: string): Record<string, unknown> {
  return { '@context': 'https://www.w3.org/ns/credentials/v2', type: 'EnvelopedVerifiableCredential', id: `${ENVELOPE_PREFIX}${jwt}` };
}
