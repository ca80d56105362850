import { LmsError } from './errors.js';

/**
 * The one rule for URLs that come from course material (course JSON, SCORM manifests, cmi5 course
 * structures, certificates): only URLs that load a document or a file, never ones that run script.
 *
 * The URL is read the way the browser will read it (`new URL()`: tabs and newlines anywhere removed,
 * leading and trailing control characters and spaces trimmed, `\` as `/`), so `java\tscript:`,
 * `\x01javascript:` or ` JAVASCRIPT:` are seen as the `javascript:` they become. Then only http(s)
 * and relative URLs are allowed, `blob:` where the caller says so. Everything else is refused:
 * `javascript:`, `vbscript:`, `data:` (including `data:text/html`), `file:`, unknown schemes.
 */
export interface UrlPolicyOptions {
  /** Also allow `blob:` URLs (object URLs a page made for media). */
  allowBlob?: boolean;
}

const BASE = 'https://relative.invalid/';

// The WHATWG URL parser, global in browsers and Node; core compiles without the DOM library.
declare const URL: new (url: string, base?: string) => { protocol: string };

/** The scheme the browser will see (`'https:'`, `'javascript:'`…), `'relative'`, or undefined when it is no URL at all. */
export function urlScheme(value: string): string | undefined {
  let url: { protocol: string };
  try {
    url = new URL(value, BASE);
  } catch {
    return undefined;
  }
  // Relative to our placeholder base: no scheme of its own (a scheme-relative `//host/` counts as http(s)).
  if (url.protocol === 'https:' && !hasScheme(value)) return 'relative';
  return url.protocol;
}

/** Whether `value` is an http(s) or relative URL (or `blob:` when allowed): safe to load, navigate to or link. */
export function isSafeUrl(value: string, options: UrlPolicyOptions = {}): boolean {
  const scheme = urlScheme(value);
  return scheme === 'relative' || scheme === 'http:' || scheme === 'https:' || (scheme === 'blob:' && options.allowBlob === true);
}

/** `value` when it is a safe URL; else throws `LmsError('url/unsafe')` naming `where` it came from. */
export function assertSafeUrl(value: string, where: string, options: UrlPolicyOptions = {}): string {
  if (isSafeUrl(value, options)) return value;
  throw new LmsError('url/unsafe', `${where}: "${printable(value)}" is not an http(s) or relative URL; it is not loaded.`);
}

/** Whether the text starts with a scheme once cleaned as the URL parser cleans it. */
function hasScheme(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- the C0 controls and space the URL parser trims
  const cleaned = value.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return /^[a-z][a-z0-9+.-]*:/i.test(cleaned);
}

function printable(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  // eslint-disable-next-line no-control-regex -- control characters are what is made visible
  return shown.replace(/[\u0000-\u001f\u007f]/g, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
