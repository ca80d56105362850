import type { FieldChecker } from './checks.js';

const ABSOLUTE_HTTP_URL = /^https?:\/\/\S+$/i;

/**
 * Checks a course's `certificate` block and reports each problem at its path
 * (`certificate.validity.months`, `certificate.renewal.module`…). `isModule` tells whether an id names a module.
 */
export function checkCertificateRule(course: FieldChecker, isModule: (id: string) => boolean): void {
  const rule = course.object_('certificate');
  if (!rule) return;
  rule.oneOf('template', ['classic', 'modern'] as const);
  rule.string('title', { required: rule.has('title') });
  const issuer = rule.object_('issuer', { required: true });
  issuer?.string('name', { required: true });
  issuer?.string('url', { pattern: ABSOLUTE_HTTP_URL, patternHint: 'must be an absolute http(s) URL' });
  if (rule.object.validity !== null) {
    const validity = rule.object_('validity');
    const months = validity?.number('months', { integer: true, min: 1, max: 1200 });
    const days = validity?.number('days', { integer: true, min: 1, max: 36500 });
    if (validity && months === undefined && days === undefined && !validity.has('months') && !validity.has('days')) {
      rule.report.add(rule.at('validity'), 'give `months` and/or `days`, or `null` for a certificate that never expires');
    }
  }
  rule.oneOf('issueWhen', ['completed', 'passed'] as const);
  rule.number('minScore', { min: 0, max: 100 });
  rule.url('verifyUrl');
  const renewal = rule.object_('renewal');
  if (!renewal) return;
  const reopen = renewal.oneOf('reopen', ['course', 'module'] as const, { required: true });
  const module = renewal.string('module', { required: reopen === 'module' });
  if (module !== undefined && !isModule(module)) renewal.report.add(renewal.at('module'), `unknown module "${module}"`);
  if (module !== undefined && reopen === 'course') renewal.report.add(renewal.at('module'), 'only used with `"reopen": "module"`');
  renewal.number('remindDays', { integer: true, min: 0, max: 3650 });
}
