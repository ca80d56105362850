/** Compact JWS (RFC 7515) with ES256, on WebCrypto: the signature is r‖s, as WebCrypto makes it. */

export interface JwsParts {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** `base64url(header).base64url(payload)`, the bytes the signature covers. */
  signingInput: string;
  signature: Uint8Array;
}

export const ES256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new SyntaxError('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

const encodeJson = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));

/** Signs `payload` with `sign`, which returns an ES256 signature of the bytes it is given. */
export async function signJws(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  sign: (data: Uint8Array) => Promise<Uint8Array>,
): Promise<string> {
  const signingInput = `${encodeJson(header)}.${encodeJson(payload)}`;
  const signature = await sign(new TextEncoder().encode(signingInput));
  return `${signingInput}.${base64url(signature)}`;
}

export async function es256Sign(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign(SIGN_PARAMS, privateKey, data as BufferSource));
}

/** Splits and decodes a compact JWS; throws `SyntaxError` when it is not one. */
export function decodeJws(token: string): JwsParts {
  const parts = token.trim().split('.');
  if (parts.length !== 3) throw new SyntaxError('a JWT has three parts separated by dots');
  const json = (part: string) => JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64url(part))) as unknown;
  const header = json(parts[0]);
  const payload = json(parts[1]);
  if (!isPlainObject(header) || !isPlainObject(payload)) throw new SyntaxError('the JWT header and payload must be JSON objects');
  return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: fromBase64url(parts[2]) };
}

/** Whether `signature` is a valid ES256 signature of `signingInput` by the public key `jwk`. */
export async function es256Verify(jwk: JsonWebKey, signingInput: string, signature: Uint8Array): Promise<boolean> {
  if (signature.length !== 64) return false;
  try {
    const key = await crypto.subtle.importKey('jwk', publicJwk(jwk), ES256, false, ['verify']);
    return await crypto.subtle.verify(SIGN_PARAMS, key, signature as BufferSource, new TextEncoder().encode(signingInput));
  } catch {
    return false;
  }
}

/** The public part of a P-256 key, in the member order RFC 7638 thumbprints use. */
export function publicJwk(jwk: JsonWebKey): JsonWebKey {
  return { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
}

export function isP256Jwk(value: unknown): value is JsonWebKey {
  return isPlainObject(value) && value.kty === 'EC' && value.crv === 'P-256' && typeof value.x === 'string' && typeof value.y === 'string';
}

export function sameKey(a: JsonWebKey, b: JsonWebKey): boolean {
  return a.kty === b.kty && a.crv === b.crv && a.x === b.x && a.y === b.y;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
