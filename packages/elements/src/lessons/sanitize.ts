import type { Config, default as DOMPurifyFactory } from 'dompurify';

/**
 * Sanitizes author HTML with DOMPurify (loaded on first use): no scripts, event handlers or
 * `javascript:` URLs survive. Relative URLs are made absolute against `baseUrl`, and links open in a
 * new tab so the learner never navigates away from the lesson.
 */
export async function sanitizeHtml(html: string, baseUrl: string = document.baseURI): Promise<string> {
  return (await createSanitizer(baseUrl))(html);
}

/** A synchronous sanitizer with the rules of `sanitizeHtml`, for content with many fragments (a quiz). */
export async function createSanitizer(baseUrl: string = document.baseURI): Promise<(html: string) => string> {
  const purifier = await (purifierLoading ??= loadPurifier());
  const config: Config = { USE_PROFILES: { html: true }, ADD_ATTR: ['target'], FORBID_TAGS: ['style', 'form'] };
  return (html) => {
    currentBase = baseUrl; // read by the hook during this synchronous call
    return purifier.sanitize(html, config) as unknown as string;
  };
}

type Purifier = ReturnType<typeof DOMPurifyFactory>;
let purifierLoading: Promise<Purifier> | undefined;
let currentBase = '';

/**
 * One DOMPurify for the page: each instance makes its Trusted Types policy (`dompurify`), and a
 * page that enforces Trusted Types allows a policy name once.
 */
async function loadPurifier(): Promise<Purifier> {
  const { default: DOMPurify } = await import('dompurify');
  const purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    for (const name of ['href', 'src', 'poster']) {
      const value = node.getAttribute(name);
      if (value !== null && !value.startsWith('#')) node.setAttribute(name, absolute(value, currentBase));
    }
    if (node.localName === 'a' && node.hasAttribute('href') && !node.getAttribute('href')?.startsWith('#')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return purifier;
}

function absolute(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}
