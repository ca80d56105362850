/**
 * Loads elements the first time their tag appears in the page, so the single-file bundle can offer
 * every element while loading only the provider and the player up front. Tags inside other
 * elements' shadow roots are loaded by those elements themselves (the player's lesson views).
 */
const loaders = new Map<string, () => Promise<unknown>>();
let observer: MutationObserver | undefined;

/** Registers the module that defines `tag`; it is imported as soon as the tag is in the document. */
export function registerLazyElement(tag: string, load: () => Promise<unknown>): void {
  loaders.set(tag, load);
  if (typeof document === 'undefined') return;
  scan(document);
  if (!observer) {
    observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) mutation.addedNodes.forEach((node) => node instanceof Element && scan(node));
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  }
}

function scan(root: ParentNode & Node): void {
  for (const [tag, load] of loaders) {
    const present = (root instanceof Element && root.localName === tag) || root.querySelector(tag);
    if (!present || customElements.get(tag)) continue;
    loaders.delete(tag);
    load().catch((error: unknown) => console.error(`LMS Kit could not load <${tag}>:`, error));
  }
}

const definers = new Map<string, () => Promise<unknown>>();

/**
 * Registers the module that defines `tag`, for elements that render it inside their shadow root (a
 * lesson view, the certificate status of `<lms-progress>`). Only the `define/` entry points register
 * them, so element classes never import a registration themselves.
 */
export function registerElementLoader(tag: string, load: () => Promise<unknown>): void {
  definers.set(tag, load);
}

/** Defines `tag` with its registered loader, unless it is defined already. */
export async function loadElement(tag: string): Promise<void> {
  if (!customElements.get(tag)) await definers.get(tag)?.();
}
