import { LmsError, type LmsErrorCode } from './errors.js';

/**
 * LMS Kit's one Trusted Types policy, `lms-kit`, for pages served with
 * `require-trusted-types-for 'script'`. It is used for two sinks only, each behind a check:
 * XML documents given to `DOMParser` (refused when they carry a DTD) and the service worker's
 * script URL (same origin only). Where Trusted Types are not enforced, the plain string is used.
 * Core has no DOM types: the browser objects are typed here as far as this file needs them.
 */
export const TRUSTED_TYPES_POLICY = 'lms-kit';

interface Policy {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML(input: string): string; createScriptURL(input: string): string }): Policy;
}

const SHARED = Symbol.for('lms-kit/trusted-types-policy@1');
type Global = { trustedTypes?: TrustedTypesFactory; [SHARED]?: Policy | null; location?: { href: string; origin: string } };

/** The policy, made once per page (two bundled copies of LMS Kit share it); null without Trusted Types. */
function policy(): Policy | null {
  const global = globalThis as unknown as Global;
  if (global[SHARED] !== undefined) return global[SHARED];
  let made: Policy | null = null;
  try {
    made =
      global.trustedTypes?.createPolicy(TRUSTED_TYPES_POLICY, {
        // Only ever reached through `trustedXml` and `trustedScriptUrl`, which check their input first.
        createHTML: (input) => input,
        createScriptURL: (input) => input,
      }) ?? null;
  } catch {
    made = null; // the page's CSP does not allow the policy: the sink reports its own violation
  }
  global[SHARED] = made;
  return made;
}

/**
 * Refuses XML with a document type declaration before any parser sees it: a DTD is what entity
 * expansion ("billion laughs") and external entities need, and no SCORM manifest or cmi5 course
 * structure needs one.
 */
export function assertNoDoctype(xml: string, file: string, code: LmsErrorCode): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new LmsError(
      code,
      `${file} declares a DTD or entities, which are not allowed (they can make the parser expand it without end).`,
      {
        issues: [{ path: file, message: 'a DTD (<!DOCTYPE>) or <!ENTITY> is not allowed' }],
      },
    );
  }
}

/** The XML text as `DOMParser.parseFromString` accepts it under Trusted Types, once checked to carry no DTD. */
export function trustedXml(xml: string, file: string, code: LmsErrorCode): string {
  assertNoDoctype(xml, file, code);
  return (policy()?.createHTML(xml) as string | undefined) ?? xml;
}

/** A same-origin script URL (the service worker's) as `serviceWorker.register` accepts it under Trusted Types. */
export function trustedScriptUrl(url: string): string {
  const location = (globalThis as unknown as Global).location;
  if (!location) return url;
  // Constructed only to compare origins; the URL class is global wherever a location is.
  const absolute = new (globalThis as unknown as { URL: new (url: string, base: string) => { origin: string; href: string } }).URL(
    url,
    location.href,
  );
  if (absolute.origin !== location.origin) throw new LmsError('url/unsafe', `The script URL ${url} is not on this site.`);
  return (policy()?.createScriptURL(absolute.href) as string | undefined) ?? absolute.href;
}
