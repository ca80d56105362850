/**
 * Registers a tag unless it is taken. When another copy of LMS Kit (a different version bundled by
 * a plugin, say) got there first, its element stays and we warn instead of breaking the page.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, element);
  else if (existing !== element) console.warn(`<${tag}> is already defined by another copy of LMS Kit; the first definition is kept.`);
}
