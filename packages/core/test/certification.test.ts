import { expect } from '@open-wc/testing';
import {
  applyLessonResult,
  certificateEligibility,
  certificateExpiry,
  certificateTimeline,
  claimCertificate,
  computeCourseState,
  courseScore,
  createProgress,
  reopenForRenewal,
  validateCourse,
  type Course,
  type CourseCertificateRule,
  type CourseProgress,
  type LessonResult,
} from '@lms-kit/core';
import { ruleCourse } from '../../../test/helpers/courses.js';

const t0 = new Date('2026-01-31T10:00:00Z');

function course(certificate: Partial<CourseCertificateRule> = {}): Course {
  return ruleCourse({ certificate: { issuer: { name: 'Northwind Bakery' }, ...certificate } });
}

function progressAfter(c: Course, steps: Array<[string, LessonResult]>): CourseProgress {
  return steps.reduce((p, [id, result]) => applyLessonResult(p, c, id, result, t0), createProgress(c, 'learner', 'reg', t0));
}

const allDone = (checkResult: LessonResult): Array<[string, LessonResult]> => [
  ['welcome', { completed: true }],
  ['read-more', { completed: true }],
  ['check', checkResult],
  ['bonus', { completed: true }],
];

describe('certification rules', () => {
  it('validates the certificate block with a path for each problem', () => {
    const bad = {
      ...ruleCourse(),
      certificate: {
        template: 'fancy',
        issuer: { url: 'intranet' },
        validity: { weeks: 3 },
        issueWhen: 'attended',
        minScore: 120,
        renewal: { reopen: 'module', module: 'welcome', remindDays: -1 },
      },
    };
    const issues = validateCourse(bad).map((issue) => issue.path);
    expect(issues).to.have.members([
      'certificate.template',
      'certificate.issuer.name',
      'certificate.issuer.url',
      'certificate.validity',
      'certificate.issueWhen',
      'certificate.minScore',
      'certificate.renewal.module',
      'certificate.renewal.remindDays',
    ]);
    expect(validateCourse({ ...ruleCourse(), certificate: { issuer: { name: 'X' }, validity: null } })).to.deep.equal([]);
    expect(validateCourse({ ...ruleCourse(), certificate: { issuer: { name: 'X' }, renewal: { reopen: 'module' } } })[0]).to.deep.equal({
      path: 'certificate.renewal.module',
      message: 'required',
    });
    expect(validateCourse({ ...ruleCourse(), certificate: 'yes' })[0].path).to.equal('certificate');
  });

  it('issues on completion, on a pass, or from a minimum score, once per completion', () => {
    const passedRun = allDone({ completed: true, passed: true, score: { scaled: 0.9 } });
    const failedRun = allDone({ completed: true, passed: false, score: { raw: 4, min: 0, max: 10 } });
    expect(certificateEligibility(course(), progressAfter(course(), passedRun.slice(0, 2))).reason).to.equal('not-completed');
    expect(certificateEligibility(course(), progressAfter(course(), failedRun))).to.deep.equal({
      eligible: true,
      reason: undefined,
      score: 40,
      passed: false,
    });
    expect(certificateEligibility(course({ issueWhen: 'passed' }), progressAfter(course(), failedRun)).reason).to.equal('not-passed');
    expect(certificateEligibility(course({ minScore: 80 }), progressAfter(course(), failedRun)).reason).to.equal('score-too-low');
    expect(certificateEligibility(course({ minScore: 80, issueWhen: 'passed' }), progressAfter(course(), passedRun)).eligible).to.equal(
      true,
    );
    const claimed = claimCertificate(progressAfter(course(), passedRun), 'cert-1', t0);
    expect(claimCertificate(claimed, 'cert-2', t0).certificateId).to.equal('cert-1');
    expect(certificateEligibility(course(), claimed).reason).to.equal('already-issued');
    expect(certificateEligibility(ruleCourse(), claimed).reason).to.equal('no-certificate');
    expect(courseScore(course(), progressAfter(course(), passedRun))).to.equal(90);
  });

  it('computes calendar expiry and the renewal window', () => {
    expect(certificateExpiry(t0, { months: 1 })?.toISOString()).to.equal('2026-02-28T10:00:00.000Z');
    expect(certificateExpiry(t0, { months: 12, days: 1 })?.toISOString()).to.equal('2027-02-01T10:00:00.000Z');
    expect(certificateExpiry(t0, null)).to.equal(undefined);
    const expires = '2026-03-01T00:00:00.000Z';
    expect(certificateTimeline(expires, new Date('2026-01-01T00:00:00Z'))).to.equal('valid');
    expect(certificateTimeline(expires, new Date('2026-02-10T00:00:00Z'))).to.equal('expiring');
    expect(certificateTimeline(expires, new Date('2026-02-10T00:00:00Z'), 7)).to.equal('valid');
    expect(certificateTimeline(expires, new Date('2026-03-01T00:00:00Z'))).to.equal('expired');
    expect(certificateTimeline(undefined, new Date('2099-01-01T00:00:00Z'))).to.equal('valid');
  });

  it('renews by reopening the whole course, keeping the old completion in history', () => {
    const c = course({ renewal: { reopen: 'course' } });
    const done = claimCertificate(progressAfter(c, allDone({ completed: true, passed: true })), 'cert-1', t0);
    const later = new Date('2027-01-20T08:00:00Z');
    const renewed = reopenForRenewal(done, c, 'cert-1', later);
    expect(renewed.completedAt).to.equal(undefined);
    expect(renewed.certificateId).to.equal(undefined);
    expect(renewed.lessons).to.deep.equal({});
    expect(renewed.lastLessonId).to.equal('welcome');
    expect(renewed.history).to.deep.equal([
      { completedAt: done.completedAt, certificateId: 'cert-1', reopenedAt: later.toISOString(), lessons: done.lessons },
    ]);
    expect(computeCourseState(c, renewed).completed).to.equal(false);
    expect(reopenForRenewal(renewed, c, 'cert-1', later)).to.equal(renewed);
  });

  it('renews a designated recertification module only', () => {
    const c = course({ renewal: { reopen: 'module', module: 'practice' } });
    const done = claimCertificate(progressAfter(c, allDone({ completed: true, passed: true })), 'cert-1', t0);
    const renewed = reopenForRenewal(done, c, 'cert-1', t0);
    expect(Object.keys(renewed.lessons)).to.have.members(['welcome', 'read-more']);
    expect(Object.keys(renewed.history?.[0].lessons ?? {})).to.have.members(['check', 'bonus']);
    const state = computeCourseState(c, renewed);
    expect(state.completed).to.equal(false);
    expect(state.nextLessonId).to.equal('check');
    const retaken = applyLessonResult(renewed, c, 'check', { completed: true, passed: true }, t0);
    const again = applyLessonResult(retaken, c, 'bonus', { completed: true }, t0);
    expect(again.completedAt).to.be.a('string');
    expect(certificateEligibility(c, again).eligible).to.equal(true);
  });
});
