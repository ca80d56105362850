/** The `lang` that applies to a node, across shadow roots: the closest element's `lang` attribute. */
export function langOf(node: Node): string | undefined {
  for (let current: Node | null = node; current; current = current.parentNode ?? (current as ShadowRoot).host ?? null) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang') ?? undefined;
  }
  return undefined;
}

const SKIPPED = new Set(['STYLE', 'SCRIPT', 'TEMPLATE', 'svg']);
const LABEL_ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext'];

/** Every element under `root`, shadow roots included. */
export function* deepElements(root: Element | ShadowRoot): Generator<Element> {
  for (const child of root.children) {
    if (SKIPPED.has(child.tagName)) continue;
    yield child;
    if (child.shadowRoot) yield* deepElements(child.shadowRoot);
    yield* deepElements(child);
  }
}

/**
 * The interface text of an element: its text nodes and label attributes (aria-label, title…) whose
 * `lang` is `locale`, i.e. not course content marked with its own language.
 */
export function interfaceText(element: Element, locale: string): string[] {
  const texts: string[] = [];
  for (const el of [element, ...deepElements(element.shadowRoot ?? element)]) {
    if (langOf(el) !== locale) continue;
    for (const attribute of LABEL_ATTRIBUTES) {
      const value = el.getAttribute(attribute);
      if (value) texts.push(value);
    }
    for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) texts.push(node.textContent.trim());
  }
  return texts;
}

/** What is left of a text once every bracketed pseudo-locale message (nested ones too) is taken out. */
export function outsideBrackets(text: string): string {
  let rest = text;
  for (let previous = ''; previous !== rest;) {
    previous = rest;
    rest = rest.replace(/\[[^[\]]*\]/g, ' ');
  }
  return rest;
}

/** Labels in `locale` whose text does not fit their box, described for a failure message. */
export function clippedLabels(name: string, element: Element, locale: string): string[] {
  const clipped: string[] = [];
  for (const el of deepElements(element.shadowRoot!)) {
    if (!el.matches('button, label, legend, summary, th, a, [role="heading"], [part~="status"]')) continue;
    if (langOf(el) !== locale || el.getClientRects().length === 0 || getComputedStyle(el).display === 'inline') continue;
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      clipped.push(
        `${name}: <${el.localName}> “${el.textContent?.trim()}” (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`,
      );
  }
  return clipped;
}
