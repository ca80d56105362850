import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LmsError } from '@lms-kit/core';
import { serverSigner } from '@lms-kit/certificates';
import type { LmsCoursePlayer } from '@lms-kit/elements';
import '@lms-kit/elements/all';
import { applyLessonResult, createProgress, openLesson, type Course, type CourseProgress } from '@lms-kit/core';
import { answerQuestion, attemptStatus, gradingSnapshot, startAttempt, submitAttempt, type Quiz } from '@lms-kit/core/quiz';
import { lessonActivityId } from '@lms-kit/core/xapi';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import { call, freshTenant, lmsServer, tokenFor, type Backend } from '../../../test/helpers/server.js';

/** The grading queue and report views on the server: who may see and grade what, optimistic concurrency, statements. */
const enc = encodeURIComponent;
const ada = 'mailto:ada@example.com';
const bob = 'mailto:bob@example.com';
const cy = 'mailto:cy@example.com';
const ian = 'mailto:ian@example.com';

const quiz: Quiz = {
  schema: 1,
  id: 'bread',
  title: 'Bread',
  passingScore: { percent: 60 },
  questions: [
    { id: 'why', type: 'long-fill-in', text: 'Why does dough rise?', weight: 2, rubric: 'Mentions yeast and CO₂.' },
    {
      id: 'salt',
      type: 'choice',
      text: 'Salt?',
      choices: [
        { id: 'a', text: '2 %', correct: true },
        { id: 'b', text: '10 %' },
      ],
    },
  ],
};

/** The course the quiz is the last lesson of; its default completion rule: every required lesson. */
const course: Course = {
  schema: 1,
  id: 'baking',
  version: '1',
  title: 'Baking',
  language: 'en',
  certificate: { issuer: { name: 'Northwind Bakery' } },
  modules: [
    {
      id: 'm1',
      title: 'Bread',
      lessons: [
        { id: 'read', kind: 'text', title: 'Read', html: '<p>Flour, water, salt, yeast.</p>' },
        { id: 'exam', kind: 'quiz', title: 'Exam', quiz },
      ],
    },
  ],
};

/** A submitted attempt waiting for its essay, as the learner's quiz session stores it. */
function pendingAttempt(learnerId: string, id: string, choice: string, activityId = 'urn:lms-kit:quiz:bread') {
  const now = new Date('2026-01-01T10:00:00Z');
  let data = startAttempt(quiz, { number: 1, now });
  data = answerQuestion(data, 'why', '<b>Yeast</b> makes CO₂<img src=x onerror=alert(1)>', now);
  data = answerQuestion(data, 'salt', [choice], now);
  data = submitAttempt(quiz, data, now.toISOString(), now);
  data.grading = gradingSnapshot(quiz, data, { registration: id });
  return {
    id,
    learnerId,
    courseId: 'baking',
    activityId,
    status: attemptStatus(data),
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    data,
  };
}

for (const backend of ['postgres', 'pglite'] as Backend[])
  describe(`server on ${backend}: grading queue and report views`, function () {
    this.timeout(60_000);
    let base: string;
    let tenant: string;
    let admin: string;
    let learner: string;
    let instructor: string;

    before(async function () {
      this.timeout(180_000);
      [base] = await lmsServer(backend);
    });

    beforeEach(async () => {
      tenant = freshTenant('grading');
      admin = await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
      learner = await tokenFor({ sub: ada, tenant, roles: ['learner'], name: 'Ada' });
      instructor = await tokenFor({ sub: ian, tenant, roles: ['instructor'] });
      // Ian teaches the group "bakers" (Ada); Bob is in no group of his.
      expect((await call(base, admin, 'PUT', 'v1/groups/bakers', { name: 'Bakers' })).status).to.equal(204);
      expect((await call(base, admin, 'PUT', `v1/groups/bakers/members/${enc(ada)}`, {})).status).to.equal(204);
      expect((await call(base, admin, 'PUT', `v1/groups/bakers/members/${enc(ian)}`, { role: 'instructor' })).status).to.equal(204);
      const bobToken = await tokenFor({ sub: bob, tenant });
      expect((await call(base, learner, 'PUT', 'v1/attempts/a1', pendingAttempt(ada, 'a1', 'a'))).status).to.equal(204);
      expect((await call(base, bobToken, 'PUT', 'v1/attempts/b1', pendingAttempt(bob, 'b1', 'b'))).status).to.equal(204);
    });

    it('lists pending attempts to those who may grade them and refuses learners (403)', async () => {
      const refused = await call(base, learner, 'GET', 'v1/grading/pending');
      expect(refused.status).to.equal(403);
      expect(refused.body.error.code).to.equal('auth/forbidden');
      const mine = await call(base, instructor, 'GET', 'v1/grading/pending');
      expect(mine.body.items.map((i: { attempt: { id: string } }) => i.attempt.id)).to.deep.equal(['a1']);
      expect(mine.body.items[0]).to.include({ version: 1, learnerName: 'Ada' });
      expect(mine.body.items[0].attempt.data.grading.questions.why).to.include({ rubric: 'Mentions yeast and CO₂.', weight: 2 });
      const all = await call(base, admin, 'GET', 'v1/grading/pending?course=baking');
      expect(all.body.items.map((i: { attempt: { id: string } }) => i.attempt.id)).to.deep.equal(['a1', 'b1']);
    });

    it('grades over the version read: completes the attempt, queues scored/passed for the learner, a second grader gets 409', async () => {
      const ians = new HttpStorageAdapter({ endpoint: base, token: instructor });
      const [pending] = await ians.pendingGrading('baking');
      const saved = await ians.saveGrades(pending.attempt.id, pending.version, [
        { questionId: 'why', credit: 0.75, feedback: 'Good, name the gas.' },
      ]);
      expect(saved.version).to.equal(2);
      expect(saved.attempt.status).to.equal('completed');
      const result = (saved.attempt.data as { result: { raw: number; max: number; scaled: number; passed: boolean; pending: boolean } })
        .result;
      expect(result).to.include({ raw: 2.5, max: 3, scaled: 0.8333, passed: true, pending: false });
      expect(await ians.pendingGrading()).to.deep.equal([]);

      const again = await call(base, admin, 'POST', 'v1/grading/attempts/a1', { version: 1, grades: [{ questionId: 'why', credit: 0 }] });
      expect(again.status).to.equal(409);
      expect(again.body.error.code).to.equal('grading/conflict');
      expect(again.body.current.version).to.equal(2);
      const error = await ians.saveGrades('a1', 1, [{ questionId: 'why', credit: 0 }]).catch((e: LmsError) => e);
      expect((error as LmsError).code).to.equal('grading/conflict');

      const outbox = await call(base, learner, 'GET', 'v1/outbox?limit=10');
      const verbs = outbox.body.items.map((e: { statement: { verb: { id: string } } }) => e.statement.verb.id);
      expect(verbs).to.deep.equal(['http://adlnet.gov/expapi/verbs/scored', 'http://adlnet.gov/expapi/verbs/passed']);
      const scored = outbox.body.items[0].statement;
      expect(scored.actor).to.deep.equal({ objectType: 'Agent', mbox: ada });
      expect(scored.context.instructor).to.deep.equal({ objectType: 'Agent', mbox: ian });
      expect(scored.result.score).to.deep.equal({ scaled: 0.8333, raw: 2.5, min: 0, max: 3 });
      // The learner reads the grade and its feedback back.
      const mine = await call(base, learner, 'GET', 'v1/attempts/a1');
      expect(mine.body.data.responses.why.grade).to.include({ credit: 0.75, feedback: 'Good, name the gas.', grader: ian });
    });

    it('a saved grade completes the quiz lesson and the course in the learner’s progress; the certificate can be issued', async () => {
      const adas = new HttpStorageAdapter({ endpoint: base, token: learner });
      expect((await call(base, learner, 'PUT', 'v1/courses/baking/content', { course })).status).to.equal(403);
      expect(
        (await call(base, admin, 'PUT', 'v1/courses/baking/content', { course: { ...course, modules: 'no' } })).body.error.code,
      ).to.equal('course/invalid');
      expect((await call(base, admin, 'PUT', 'v1/courses/baking/content', { course })).status).to.equal(204);
      // Ada read the first lesson and submitted the exam: its essay waits, so the lesson is still open.
      const key = { learnerId: ada, courseId: 'baking' };
      await adas.updateProgress(key, () => {
        const now = new Date();
        const read = applyLessonResult(createProgress(course, ada, 'reg-1', now), course, 'read', { completed: true }, now);
        return openLesson(read, 'exam', now);
      });
      const before = await call(base, learner, 'GET', `v1/progress/${enc(ada)}/baking`);
      const examAttempt = pendingAttempt(ada, 'e1', 'a', lessonActivityId(course, 'exam'));
      expect((await call(base, learner, 'PUT', 'v1/attempts/e1', examAttempt)).status).to.equal(204);

      const saved = await call(base, instructor, 'POST', 'v1/grading/attempts/e1', {
        version: 1,
        grades: [{ questionId: 'why', credit: 1, feedback: 'Right.' }],
      });
      expect(saved.status).to.equal(200);
      expect(saved.body.progress).to.deep.equal({ lessonId: 'exam', version: before.body.version + 1, courseCompleted: true });

      // Without Ada doing anything: the server's record shows the lesson and the course complete, at a new version.
      const after = await call(base, learner, 'GET', `v1/progress/${enc(ada)}/baking`);
      expect(after.etag).to.equal(`"${before.body.version + 1}"`);
      const progress = after.body.value as CourseProgress;
      expect(progress.lessons.read.status).to.equal('completed');
      expect(progress.lessons.exam).to.include({ status: 'completed', passed: true });
      expect(progress.lessons.exam.score).to.deep.equal({ scaled: 1, raw: 3, min: 0, max: 3 });
      expect(progress.completedAt).to.be.a('string');
      const summary = await call(base, admin, 'GET', 'v1/reports/courses/baking/summary');
      expect(summary.body.completed).to.equal(1);

      // A page holding the older copy writes over the new version only after re-reading it (412, then its mutation again).
      let seen: CourseProgress | undefined;
      await adas.updateProgress(key, (current) => {
        seen = current as CourseProgress;
        return { ...(current as CourseProgress), lastLessonId: 'exam' };
      });
      expect(seen?.completedAt).to.equal(progress.completedAt);

      // Ada's page, reloaded: the course player shows the exam and the course complete, and gets the
      // certificate signed by the server (which checks completion in its own records).
      const signer = serverSigner({ endpoint: new URL('v1/certificates', base).href, fetch: adas.authorizedFetch });
      const provider = await fixture(
        html`<lms-provider
          learner-email="ada@example.com"
          .storage=${new HttpStorageAdapter({ endpoint: base, token: learner })}
          .certificateSigner=${signer}
          ><lms-course-player .course=${course}></lms-course-player
        ></lms-provider>`,
      );
      const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
      await waitUntil(() => player.getAttribute('status') === 'completed', 'the player shows the course complete', { timeout: 15_000 });
      expect(player.progress?.lessons.exam?.status).to.equal('completed');
      let issued: Array<{ jwt?: string; courseId: string }> = [];
      for (let i = 0; i < 75 && !issued.length; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        issued = (await call(base, learner, 'GET', `v1/records/certificates?learner=${enc(ada)}`)).body.items;
      }
      expect(issued).to.have.length(1);
      expect(issued[0].courseId).to.equal('baking');
      expect(issued[0].jwt).to.be.a('string');
    });

    it('refuses grades from learners, from instructors who do not teach the learner, and on one’s own attempt', async () => {
      const body = { version: 1, grades: [{ questionId: 'why', credit: 1 }] };
      expect((await call(base, learner, 'POST', 'v1/grading/attempts/a1', body)).status).to.equal(403);
      expect((await call(base, instructor, 'POST', 'v1/grading/attempts/b1', body)).status).to.equal(403);
      const bad = await call(base, instructor, 'POST', 'v1/grading/attempts/a1', {
        version: 1,
        grades: [{ questionId: 'why', credit: 2 }],
      });
      expect(bad.status).to.equal(400);
      expect((await call(base, admin, 'GET', 'v1/attempts/b1')).body.status).to.equal('pending-grading');
    });

    it('answers item analysis, group comparison, a learner across courses and compliance; learners get 403', async () => {
      const ians = new HttpStorageAdapter({ endpoint: base, token: instructor });
      await ians.saveGrades('a1', 1, [{ questionId: 'why', credit: 1 }]);
      const admins = new HttpStorageAdapter({ endpoint: base, token: admin });
      await admins.saveGrades('b1', 1, [{ questionId: 'why', credit: 0 }]);
      const items = await admins.itemAnalysis('baking');
      const salt = items.find((i) => i.questionId === 'salt')!;
      expect(salt).to.include({ answered: 2, pCorrect: 0.5, commonWrongCount: 1, discrimination: 1 });
      expect(salt.commonWrong).to.deep.equal(['b']);
      // Ian sees only Ada's attempt.
      expect((await ians.itemAnalysis('baking')).find((i) => i.questionId === 'salt')).to.include({ answered: 1, pCorrect: 1 });

      const now = Date.now();
      await call(base, admin, 'POST', 'v1/enrollments', {
        courseId: 'baking',
        learnerId: cy,
        dueAt: new Date(now - 86_400_000).toISOString(),
      });
      const soon = new Date(now + 10 * 86_400_000).toISOString();
      expect(
        (
          await call(base, learner, 'PUT', 'v1/records/certificates/c1', {
            id: 'c1',
            learnerId: ada,
            courseId: 'baking',
            issuedAt: '2025-01-01T00:00:00Z',
            expiresAt: soon,
          })
        ).status,
      ).to.equal(204);
      const compliance = await admins.compliance({ days: 30 });
      expect(compliance.overdue.map((o) => o.learnerId)).to.deep.equal([cy]);
      expect(compliance.expiring).to.deep.equal([{ learnerId: ada, courseId: 'baking', certificateId: 'c1', expiresAt: soon }]);
      expect((await admins.compliance({ days: 5 })).expiring).to.deep.equal([]);
      // Cy is not Ian's learner: not in his overdue list.
      expect((await ians.compliance()).overdue).to.deep.equal([]);

      await new HttpStorageAdapter({ endpoint: base, token: learner }).updateProgress({ learnerId: ada, courseId: 'baking' }, () => ({
        learnerId: ada,
        courseId: 'baking',
        registration: 'r',
        lessons: {},
        timeSpentMs: 60_000,
        startedAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
      }));
      const groups = await ians.groupComparison('baking');
      expect(groups).to.deep.equal([
        { groupId: 'bakers', name: 'Bakers', learners: 1, started: 1, completed: 0, meanScore: null, medianTimeMs: 60_000 },
      ]);
      const [row] = await ians.learnerReport(ada);
      expect(row).to.include({ courseId: 'baking', attempts: 1, bestScore: 1, pending: 0, certificateExpiresAt: soon });

      for (const path of [
        'v1/reports/courses/baking/items',
        'v1/reports/courses/baking/groups',
        `v1/reports/learners/${enc(ada)}`,
        'v1/reports/compliance',
      ])
        expect((await call(base, learner, 'GET', path)).status, path).to.equal(403);
    });
  });
