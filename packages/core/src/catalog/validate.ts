import { LmsError, formatIssues, type ValidationIssue } from '../errors.js';
import { FieldChecker, IssueList, describeType, isObject, joinPath } from '../course/checks.js';
import { CATALOG_SCHEMA, type Catalog } from './model.js';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const ID_HINT = 'must start with a letter or digit and contain only letters, digits, ".", "_", ":" or "-"';
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

function isoDate(entry: FieldChecker, key: string): void {
  const value = entry.string(key);
  if (value !== undefined && Number.isNaN(Date.parse(value))) entry.report.add(entry.at(key), 'must be an ISO 8601 date');
}

/** Checks one catalog entry (a course the site offers) at `path`. */
export function checkCatalogEntry(entry: FieldChecker): string | undefined {
  const id = entry.string('id', { required: true, pattern: ID_PATTERN, patternHint: ID_HINT });
  entry.string('title', { required: true });
  entry.string('description');
  entry.url('url');
  entry.url('src');
  entry.string('version');
  entry.number('durationMinutes', { min: 0 });
  entry.string('language', { pattern: LANGUAGE, patternHint: 'must be a BCP 47 language tag such as "en" or "pt-BR"' });
  entry.stringArray('tags');
  const prerequisites = entry.stringArray('prerequisites');
  if (id && prerequisites?.includes(id)) entry.report.add(entry.at('prerequisites'), 'a course cannot be its own prerequisite');
  entry.boolean('required');
  entry.boolean('selfEnroll');
  isoDate(entry, 'publishedAt');
  isoDate(entry, 'availableFrom');
  const enrollment = entry.object_('enrollment');
  if (enrollment) {
    enrollment.boolean('assigned');
    isoDate(enrollment, 'dueAt');
  }
  return id;
}

/** Checks a catalog document and returns every problem found; an empty list means it is valid. */
export function validateCatalog(input: unknown): ValidationIssue[] {
  const report = new IssueList();
  if (!isObject(input)) {
    report.add('', `a catalog must be a JSON object, got ${describeType(input)}`);
    return report.issues;
  }
  const catalog = new FieldChecker(input, '', report);
  const schema = catalog.number('schema', { required: true, integer: true });
  if (schema !== undefined && schema !== CATALOG_SCHEMA) {
    report.add('schema', `unsupported schema version ${schema} (this version of LMS Kit reads ${CATALOG_SCHEMA})`);
    return report.issues;
  }
  catalog.string('title');
  catalog.number('newDays', { min: 0, integer: true });
  const courses = catalog.array('courses', { required: true }) ?? [];
  const seen = new Map<string, number>();
  courses.forEach((value, index) => {
    const path = joinPath('courses', index);
    if (!isObject(value)) return report.add(path, `must be an object, got ${describeType(value)}`);
    const id = checkCatalogEntry(new FieldChecker(value, path, report));
    if (id === undefined) return;
    if (seen.has(id)) report.add(joinPath(path, 'id'), `same id as courses[${seen.get(id)}]`);
    else seen.set(id, index);
  });
  courses.forEach((value, index) => {
    const prerequisites = isObject(value) && Array.isArray(value.prerequisites) ? value.prerequisites : [];
    for (const ref of prerequisites)
      if (typeof ref === 'string' && !seen.has(ref))
        report.add(joinPath(joinPath('courses', index), 'prerequisites'), `no course "${ref}" in the catalog`);
  });
  return report.issues;
}

/** Returns the catalog typed, or throws `LmsError('catalog/invalid')` listing every problem. */
export function parseCatalog(input: unknown): Catalog {
  const issues = validateCatalog(input);
  if (issues.length > 0) throw new LmsError('catalog/invalid', `The catalog is not valid:\n${formatIssues(issues)}`, { issues });
  return input as Catalog;
}
