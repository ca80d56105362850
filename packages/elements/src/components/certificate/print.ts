/**
 * Printing one certificate from a page full of other things: for the duration, every element that
 * is not the certificate or one of its ancestors is hidden, the ancestors lose their layout
 * constraints (a sidebar column would squeeze it), and the page is landscape A4 or Letter.
 * `@page` only works in the document's own styles, hence a stylesheet adopted by the document
 * (constructed, not a `<style>` element, which a CSP of `style-src 'self'` blocks).
 */
export function isolateForPrint(element: HTMLElement, paper: 'a4' | 'letter'): () => void {
  const marked: Element[] = [];
  for (let node: Element | null = element.parentElement; node && node !== document.documentElement; node = node.parentElement) {
    node.setAttribute('data-lms-print-path', '');
    marked.push(node);
  }
  element.setAttribute('data-lms-printing', '');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
@page { size: ${paper === 'letter' ? 'letter' : 'A4'} landscape; margin: 10mm; }
@media print {
  body *:not([data-lms-print-path]):not([data-lms-printing]):not([data-lms-printing] *) { display: none !important; }
  [data-lms-print-path] { display: block !important; position: static !important; inline-size: auto !important; max-inline-size: none !important;
    margin: 0 !important; padding: 0 !important; border: 0 !important; box-shadow: none !important; background: none !important; }
  [data-lms-printing] { margin: 0 !important; }
}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    element.removeAttribute('data-lms-printing');
    marked.forEach((node) => node.removeAttribute('data-lms-print-path'));
  };
}
