/**
 * Bulk import files (CSV, first line the header), checked row by row before anything is written:
 * every bad row is reported as `row 14, column email: not an address` (row 1 is the header).
 *   users:        id, name, email, roles (learner|instructor|admin), groups (ids, |-separated), teaches (group ids)
 *   groups:       id, name
 *   enrollments:  course, learner or group, due (ISO date, optional)
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

export type ImportKind = 'users' | 'groups' | 'enrollments';

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export interface UserRow {
  id: string;
  name: string | null;
  email: string | null;
  roles: string[];
  groups: string[];
  teaches: string[];
}
export interface GroupRow {
  id: string;
  name: string | null;
}
export interface EnrollmentRow {
  course: string;
  learner: string | null;
  group: string | null;
  due: string | null;
}

const COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  users: { required: ['id'], optional: ['name', 'email', 'roles', 'groups', 'teaches'] },
  groups: { required: ['id'], optional: ['name'] },
  enrollments: { required: ['course'], optional: ['learner', 'group', 'due'] },
};
const ROLES = new Set(['learner', 'instructor', 'admin']);
const email = z.email();
const list = (value: string | undefined) =>
  (value ?? '')
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean);

export interface ParsedImport<Row> {
  rows: Row[];
  problems: RowProblem[];
}

export function parseImport(kind: 'users', csv: string): ParsedImport<UserRow>;
export function parseImport(kind: 'groups', csv: string): ParsedImport<GroupRow>;
export function parseImport(kind: 'enrollments', csv: string): ParsedImport<EnrollmentRow>;
export function parseImport(kind: ImportKind, csv: string): ParsedImport<unknown>;
export function parseImport(kind: ImportKind, csv: string): ParsedImport<unknown> {
  const problems: RowProblem[] = [];
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      bom: true,
    });
  } catch (error) {
    return {
      rows: [],
      problems: [{ row: Number((error as { lines?: number }).lines ?? 1), column: '', message: `not CSV: ${(error as Error).message}` }],
    };
  }
  const header = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]
    .split(',')
    .map((h) => h.trim().toLowerCase());
  const { required, optional } = COLUMNS[kind];
  for (const column of required) if (!header.includes(column)) problems.push({ row: 1, column, message: 'missing column' });
  for (const column of header)
    if (!required.includes(column) && !optional.includes(column)) problems.push({ row: 1, column, message: 'unknown column' });
  if (problems.length) return { rows: [], problems };

  const rows: unknown[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const row = info.lines;
    const bad = (column: string, message: string) => problems.push({ row, column, message });
    const before = problems.length;
    const v = (column: string) => record[column] || null;
    if (kind === 'users' || kind === 'groups') {
      if (!v('id')) bad('id', 'required');
      else if (seen.has(v('id')!)) bad('id', `same id as row ${seen.get(v('id')!)}`);
      else seen.set(v('id')!, row);
    }
    if (kind === 'users') {
      if (v('email') && !email.safeParse(v('email')).success) bad('email', 'not an address');
      const roles = list(record.roles);
      for (const role of roles) if (!ROLES.has(role)) bad('roles', `unknown role "${role}" (learner, instructor or admin)`);
      if (problems.length === before)
        rows.push({
          id: v('id')!,
          name: v('name'),
          email: v('email')?.toLowerCase() ?? null,
          roles: roles.length ? roles : ['learner'],
          groups: list(record.groups),
          teaches: list(record.teaches),
        } satisfies UserRow);
    } else if (kind === 'groups') {
      if (problems.length === before) rows.push({ id: v('id')!, name: v('name') } satisfies GroupRow);
    } else {
      if (!v('course')) bad('course', 'required');
      if (!v('learner') === !v('group')) bad(v('learner') ? 'group' : 'learner', 'give a learner or a group, not both');
      if (v('due') && (!/^\d{4}-\d{2}-\d{2}/.test(v('due')!) || Number.isNaN(Date.parse(v('due')!)))) bad('due', 'not a date (YYYY-MM-DD)');
      const key = `${v('course')}|${v('learner') ?? ''}|${v('group') ?? ''}`;
      if (seen.has(key)) bad(v('learner') ? 'learner' : 'group', `same enrollment as row ${seen.get(key)}`);
      else seen.set(key, row);
      if (problems.length === before)
        rows.push({ course: v('course')!, learner: v('learner'), group: v('group'), due: v('due') } satisfies EnrollmentRow);
    }
  }
  return { rows, problems };
}

export const describeProblem = (p: RowProblem) => `row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`;
