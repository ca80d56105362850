/**
 * Key/value state travels as JSON with the structured-clone types JSON lacks tagged (`Date`, `Map`,
 * `Set`, `undefined`, non-finite numbers), so what a page stores comes back as it was, as IndexedDB would.
 */
import { LmsError } from '@lms-kit/core';

const TAG = '$lms';

export function encodeValue(value: unknown): unknown {
  try {
    structuredClone(value);
  } catch (cause) {
    throw new LmsError(
      'storage/invalid-record',
      'This value cannot be stored (functions, DOM nodes and class instances with private state cannot).',
      { cause },
    );
  }
  return encode(value);
}

function encode(value: unknown): unknown {
  if (value === undefined) return { [TAG]: 'undefined' };
  if (typeof value === 'number' && !Number.isFinite(value)) return { [TAG]: 'number', v: String(value) };
  if (typeof value === 'bigint') return { [TAG]: 'bigint', v: value.toString() };
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return { [TAG]: 'date', v: value.toISOString() };
  if (value instanceof Map) return { [TAG]: 'map', v: [...value].map(([k, v]) => [encode(k), encode(v)]) };
  if (value instanceof Set) return { [TAG]: 'set', v: [...value].map(encode) };
  if (Array.isArray(value)) return value.map(encode);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
}

export function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeValue);
  const tagged = value as { [TAG]?: string; v?: unknown };
  switch (tagged[TAG]) {
    case 'undefined':
      return undefined;
    case 'number':
      return Number(tagged.v);
    case 'bigint':
      return BigInt(tagged.v as string);
    case 'date':
      return new Date(tagged.v as string);
    case 'map':
      return new Map((tagged.v as Array<[unknown, unknown]>).map(([k, v]) => [decodeValue(k), decodeValue(v)]));
    case 'set':
      return new Set((tagged.v as unknown[]).map(decodeValue));
    default:
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeValue(v)]));
  }
}
