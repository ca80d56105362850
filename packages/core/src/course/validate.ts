import { LmsError, formatIssues, type ValidationIssue } from '../errors.js';
import { FieldChecker, IssueList, describeType, isObject, joinPath } from './checks.js';
import { checkCertificateRule } from './certificate-rule.js';
import { getLessonKind, isAssessmentLesson, lessonKindNames } from './lesson-kinds.js';
import { COURSE_SCHEMA, type Course } from './model.js';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const ID_HINT = 'must start with a letter or digit and contain only letters, digits, ".", "_", ":" or "-"';

interface NodeRef {
  id: string;
  path: string;
  type: 'module' | 'lesson';
  moduleId?: string;
  object: Record<string, unknown>;
}

/** Checks a course document and returns every problem found; an empty list means it is valid. */
export function validateCourse(input: unknown): ValidationIssue[] {
  const report = new IssueList();
  if (!isObject(input)) {
    report.add('', `a course must be a JSON object, got ${describeType(input)}`);
    return report.issues;
  }
  const course = new FieldChecker(input, '', report);
  const schema = course.number('schema', { required: true, integer: true });
  if (schema !== undefined && schema !== COURSE_SCHEMA) {
    report.add('schema', `unsupported schema version ${schema} (this version of LMS Kit reads ${COURSE_SCHEMA})`);
    return report.issues;
  }
  course.string('id', { required: true, pattern: ID_PATTERN, patternHint: ID_HINT });
  course.string('title', { required: true });
  course.string('version');
  course.string('description');
  course.string('language');
  course.stringArray('tags');
  course.string('activityId', { pattern: /^[a-z][a-z0-9+.-]*:\S+$/i, patternHint: 'must be an absolute IRI' });
  course.boolean('sequential');
  course.boolean('discussion');

  const nodes = collectNodes(course);
  checkUniqueIds(nodes, report);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  for (const node of nodes) checkReferences(node, byId, report);
  checkCompletionRule(course, byId);
  checkCertificateRule(course, (id) => byId.get(id)?.type === 'module');
  if (report.ok) checkNoCycles(input as unknown as Course, nodes, report);
  return report.issues;
}

/** Returns the course typed, or throws `LmsError('course/invalid')` listing every problem. */
export function parseCourse(input: unknown): Course {
  const issues = validateCourse(input);
  if (issues.length > 0) {
    const code = issues.some((issue) => issue.path === 'schema' && issue.message.startsWith('unsupported'))
      ? 'course/unsupported-schema'
      : 'course/invalid';
    throw new LmsError(code, `The course is not valid:\n${formatIssues(issues)}`, { issues });
  }
  return input as Course;
}

function collectNodes(course: FieldChecker): NodeRef[] {
  const nodes: NodeRef[] = [];
  const modules = course.array('modules', { required: true, nonEmpty: true }) ?? [];
  modules.forEach((moduleValue, moduleIndex) => {
    const modulePath = joinPath('modules', moduleIndex);
    if (!isObject(moduleValue)) {
      course.report.add(modulePath, `must be an object, got ${describeType(moduleValue)}`);
      return;
    }
    const module = new FieldChecker(moduleValue, modulePath, course.report);
    const moduleId = module.string('id', { required: true, pattern: ID_PATTERN, patternHint: ID_HINT });
    module.string('title', { required: true });
    module.string('description');
    module.stringArray('prerequisites');
    if (moduleId) nodes.push({ id: moduleId, path: modulePath, type: 'module', object: moduleValue });
    const lessons = module.array('lessons', { required: true, nonEmpty: true }) ?? [];
    lessons.forEach((lessonValue, lessonIndex) => {
      const lessonPath = joinPath(module.at('lessons'), lessonIndex);
      if (!isObject(lessonValue)) {
        course.report.add(lessonPath, `must be an object, got ${describeType(lessonValue)}`);
        return;
      }
      const lesson = new FieldChecker(lessonValue, lessonPath, course.report);
      const lessonId = checkLessonFields(lesson);
      if (lessonId) nodes.push({ id: lessonId, path: lessonPath, type: 'lesson', moduleId, object: lessonValue });
    });
  });
  return nodes;
}

function checkLessonFields(lesson: FieldChecker): string | undefined {
  const id = lesson.string('id', { required: true, pattern: ID_PATTERN, patternHint: ID_HINT });
  lesson.string('title', { required: true });
  lesson.string('description');
  lesson.number('minutes', { min: 0 });
  lesson.number('points', { min: 0 });
  lesson.stringArray('prerequisites');
  lesson.string('remedialFor');
  lesson.boolean('optional');
  lesson.boolean('discussion');
  lesson.object_('unlock')?.number('points', { required: true, min: 0 });
  const kind = lesson.string('kind', { required: true });
  if (kind !== undefined) {
    const definition = getLessonKind(kind);
    if (definition) definition.validate(lesson);
    else lesson.report.add(lesson.at('kind'), `unknown lesson kind "${kind}" (known: ${lessonKindNames().join(', ')})`);
  }
  return id;
}

function checkUniqueIds(nodes: NodeRef[], report: IssueList): void {
  const seen = new Map<string, string>();
  for (const node of nodes) {
    const first = seen.get(node.id);
    if (first) report.add(joinPath(node.path, 'id'), `duplicate id "${node.id}" (also used at ${first})`);
    else seen.set(node.id, node.path);
  }
}

function checkReferences(node: NodeRef, byId: Map<string, NodeRef>, report: IssueList): void {
  const prerequisites = node.object.prerequisites;
  if (Array.isArray(prerequisites)) {
    prerequisites.forEach((ref, index) => {
      if (typeof ref !== 'string') return;
      const path = joinPath(joinPath(node.path, 'prerequisites'), index);
      if (ref === node.id) report.add(path, 'a lesson or module cannot require itself');
      else if (!byId.has(ref)) report.add(path, `unknown lesson or module "${ref}"`);
    });
  }
  const remedialFor = node.object.remedialFor;
  if (node.type === 'lesson' && typeof remedialFor === 'string') {
    const path = joinPath(node.path, 'remedialFor');
    const target = byId.get(remedialFor);
    if (!target || target.type !== 'lesson') report.add(path, `unknown lesson "${remedialFor}"`);
    else if (target.id === node.id) report.add(path, 'a lesson cannot be remedial for itself');
    else if (!isAssessmentLesson(target.object)) {
      report.add(path, `"${remedialFor}" is not an assessment (it never reports passed or failed)`);
    }
  }
}

function checkCompletionRule(course: FieldChecker, byId: Map<string, NodeRef>): void {
  const rule = course.object_('completion');
  if (!rule) return;
  rule.number('minPoints', { min: 0 });
  rule.stringArray('lessons')?.forEach((id, index) => {
    if (byId.get(id)?.type !== 'lesson') course.report.add(joinPath(rule.at('lessons'), index), `unknown lesson "${id}"`);
  });
}

/** A prerequisite cycle would lock its lessons forever, so it is an authoring error. */
function checkNoCycles(course: Course, nodes: NodeRef[], report: IssueList): void {
  const edges = dependencyEdges(course);
  const state = new Map<string, 'visiting' | 'done'>();
  const pathOf = new Map(nodes.map((node) => [node.id, node.path]));
  const visit = (id: string, trail: string[]): boolean => {
    if (state.get(id) === 'done') return false;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      report.add(joinPath(pathOf.get(id) ?? '', 'prerequisites'), `prerequisites form a cycle: ${cycle.join(' → ')}`);
      return true;
    }
    state.set(id, 'visiting');
    for (const next of edges.get(id) ?? []) if (visit(next, [...trail, id])) return true;
    state.set(id, 'done');
    return false;
  };
  for (const node of nodes) if (visit(node.id, [])) return;
}

/** What each lesson or module waits for, including the implicit waits of `sequential` and modules. */
function dependencyEdges(course: Course): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  const add = (from: string, to: string) => edges.set(from, [...(edges.get(from) ?? []), to]);
  let previousRequired: string | undefined;
  for (const module of course.modules) {
    for (const ref of module.prerequisites ?? []) add(module.id, ref);
    for (const lesson of module.lessons) {
      add(module.id, lesson.id);
      for (const ref of module.prerequisites ?? []) add(lesson.id, ref);
      for (const ref of lesson.prerequisites ?? []) add(lesson.id, ref);
      if (lesson.remedialFor) add(lesson.id, lesson.remedialFor);
      const required = !lesson.optional && lesson.remedialFor === undefined;
      if (course.sequential && required && previousRequired) add(lesson.id, previousRequired);
      if (required) previousRequired = lesson.id;
    }
  }
  return edges;
}
