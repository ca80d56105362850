/**
 * CSV that spreadsheets open correctly: UTF-8 with a byte order mark (Excel reads the encoding from
 * it), CRLF line ends and RFC 4180 quoting. A cell that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'` (OWASP CSV injection).
 */
export interface CsvColumn<T> {
  /** Header text (already localized). */
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, escaped: numbers stay numbers (a negative number is data, not a formula). */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export const CSV_BOM = '\uFEFF';

/** The whole table as text, BOM first. */
export function toCsv<T>(columns: CsvColumn<T>[], rows: Iterable<T>): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** The table as a Blob to download (`text/csv;charset=utf-8`). */
export function csvBlob<T>(columns: CsvColumn<T>[], rows: Iterable<T>): Blob {
  return new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' });
}
