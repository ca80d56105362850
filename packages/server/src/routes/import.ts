/** Bulk import for admins: a dry run reports every bad row; the import itself is all or nothing, and idempotent. */
import { assertAdmin } from '../access.js';
import { route } from '../api.js';
import { HttpError } from '../errors.js';
import { importEnrollments, importGroups, importUsers } from '../import/apply.js';
import { describeProblem, parseImport, type EnrollmentRow, type GroupRow, type ImportKind, type UserRow } from '../import/rows.js';
import { importBody } from '../schemas.js';
import { audit } from './admin.js';

export const importRoutes = [
  route({
    method: 'post',
    path: '/v1/import/:kind',
    tag: 'admin',
    summary:
      'Imports a CSV of `users`, `groups` or `enrollments`. With `dryRun` nothing is written and every bad row is listed; otherwise a file with bad rows is refused whole (422).',
    body: importBody,
    async handler({ db, who, params, body }) {
      assertAdmin(who);
      const kind = params.kind as ImportKind;
      if (!['users', 'groups', 'enrollments'].includes(kind)) throw new HttpError(404, 'server/not-found', `No import of ${kind}.`);
      const { rows, problems } = parseImport(kind, body.csv);
      const report = {
        kind,
        rows: rows.length + new Set(problems.filter((p) => p.row > 1).map((p) => p.row)).size,
        valid: rows.length,
        problems: problems.map((p) => ({ ...p, text: describeProblem(p) })),
      };
      if (body.dryRun) return { ...report, dryRun: true };
      if (problems.length) {
        throw new HttpError(
          422,
          'import/invalid-rows',
          `${problems.length} problem(s): ${describeProblem(problems[0])}`,
          problems.map((p) => ({ path: `row ${p.row}.${p.column}`, message: p.message })),
        );
      }
      const counts = await db.transaction(async (tx) => {
        const done =
          kind === 'users'
            ? await importUsers(tx, who.tenant, rows as UserRow[])
            : kind === 'groups'
              ? await importGroups(tx, who.tenant, rows as GroupRow[])
              : await importEnrollments(tx, who.tenant, rows as EnrollmentRow[]);
        await audit(tx, who, `import.${kind}`, null, { rows: rows.length, ...done });
        return done;
      });
      return { ...report, dryRun: false, ...counts };
    },
  }),
];
