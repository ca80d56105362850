/**
 * Namespace-tolerant reading of manifest XML. Authoring tools disagree on prefixes and on the case of
 * some attributes (`adlcp:scormtype` in 1.2, `adlcp:scormType` in 2004), so elements and attributes are
 * matched by local name, case-insensitively for attributes.
 */
export function childElements(element: Element, localName?: string): Element[] {
  const found: Element[] = [];
  for (const child of Array.from(element.children)) if (!localName || child.localName === localName) found.push(child);
  return found;
}

export function childElement(element: Element, localName: string): Element | undefined {
  return childElements(element, localName)[0];
}

export function textOf(element: Element | undefined): string | undefined {
  const text = element?.textContent?.trim();
  return text ? text : undefined;
}

export function attribute(element: Element, localName: string): string | undefined {
  const wanted = localName.toLowerCase();
  for (const attr of Array.from(element.attributes)) {
    if (attr.localName.toLowerCase() === wanted) return attr.value.trim();
  }
  return undefined;
}

export function booleanAttribute(element: Element, localName: string): boolean | undefined {
  const value = attribute(element, localName);
  if (value === undefined) return undefined;
  return value.toLowerCase() === 'true' || value === '1';
}

export function numberAttribute(element: Element, localName: string): number | undefined {
  const value = attribute(element, localName);
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** `xml:base` of an element (the attribute is in the XML namespace). */
export function xmlBase(element: Element): string {
  return element.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'base')?.trim() ?? '';
}

/** Joins package-relative paths, resolving `.` and `..`; undefined when the result would leave the package. */
export function joinPackagePath(...parts: string[]): string | undefined {
  const joined = parts.filter(Boolean).reduce((base, part) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(part) || part.startsWith('/')) return part;
    if (!base) return part;
    return base.endsWith('/') ? base + part : `${base}/${part}`;
  }, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(joined)) return joined; // an absolute URL: content hosted elsewhere
  const [path, query = ''] = splitQuery(joined.replace(/\\/g, '/'));
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else segments.push(segment);
  }
  const trailing = path.endsWith('/') && segments.length ? '/' : '';
  return segments.join('/') + trailing + query;
}

function splitQuery(path: string): [string, string] {
  const index = path.search(/[?#]/);
  return index < 0 ? [path, ''] : [path.slice(0, index), path.slice(index)];
}
