/** Text and attribute values written into XML: the five characters XML reserves, escaped. */
export function xmlText(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`);
}

/** An `xs:ID` (NCName) made from any id: manifests refuse identifiers that start with a digit or hold `:`/spaces. */
export function xmlId(value: string): string {
  const id = value.replace(/[^A-Za-z0-9._-]+/g, '-');
  return /^[A-Za-z_]/.test(id) ? id : `id-${id}`;
}
