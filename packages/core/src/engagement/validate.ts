import { LmsError, formatIssues, type ValidationIssue } from '../errors.js';
import { FieldChecker, IssueList, describeType, isObject, joinPath } from '../course/checks.js';
import type { EngagementConfig } from './model.js';

const RULE_TYPES = ['module-completed', 'course-completed', 'quiz-score', 'streak', 'courses-with-tag', 'points'] as const;

/** Checks an engagement config (points, levels, badges) and returns every problem found. */
export function validateEngagementConfig(input: unknown): ValidationIssue[] {
  const report = new IssueList();
  if (!isObject(input)) {
    report.add('', `an engagement config must be a JSON object, got ${describeType(input)}`);
    return report.issues;
  }
  const config = new FieldChecker(input, '', report);
  const points = config.object_('points');
  for (const key of ['quizScore', 'firstTry', 'streakDay']) points?.number(key, { min: 0, integer: true });

  const levelIds = new Set<string>();
  eachObject(config, 'levels', (level, path) => {
    const id = level.string('id', { required: true });
    if (id && levelIds.has(id)) report.add(joinPath(path, 'id'), `duplicate level id "${id}"`);
    if (id) levelIds.add(id);
    level.string('title', { required: true });
    level.number('minPoints', { required: true, min: 0, integer: true });
  });

  const badgeIds = new Set<string>();
  eachObject(config, 'badges', (badge, path) => {
    const id = badge.string('id', { required: true });
    if (id && badgeIds.has(id)) report.add(joinPath(path, 'id'), `duplicate badge id "${id}"`);
    if (id) badgeIds.add(id);
    badge.string('title', { required: true });
    badge.string('description', { required: true });
    badge.url('image');
    badge.number('points', { min: 0, integer: true });
    const rule = badge.object_('rule', { required: true });
    if (rule) checkRule(rule);
  });
  return report.issues;
}

function checkRule(rule: FieldChecker): void {
  switch (rule.oneOf('type', RULE_TYPES, { required: true })) {
    case 'module-completed':
      rule.string('courseId', { required: true });
      rule.string('moduleId', { required: true });
      break;
    case 'course-completed':
      rule.string('courseId', { required: true });
      rule.boolean('passed');
      break;
    case 'quiz-score':
      rule.number('minScore', { required: true, min: 0, max: 1 });
      rule.string('courseId');
      break;
    case 'streak':
      rule.number('days', { required: true, min: 1, integer: true });
      break;
    case 'courses-with-tag':
      rule.string('tag', { required: true });
      break;
    case 'points':
      rule.number('min', { required: true, min: 1, integer: true });
      break;
  }
}

function eachObject(parent: FieldChecker, key: string, check: (item: FieldChecker, path: string) => void): void {
  (parent.array(key) ?? []).forEach((value, index) => {
    const path = joinPath(parent.at(key), index);
    if (isObject(value)) check(new FieldChecker(value, path, parent.report), path);
    else parent.report.add(path, `must be an object, got ${describeType(value)}`);
  });
}

/** Returns the config typed, or throws `LmsError('engagement/invalid-config')` listing every problem. */
export function parseEngagementConfig(input: unknown): EngagementConfig {
  const issues = validateEngagementConfig(input);
  if (issues.length > 0) {
    throw new LmsError('engagement/invalid-config', `The engagement config is not valid:\n${formatIssues(issues)}`, { issues });
  }
  return input as EngagementConfig;
}
