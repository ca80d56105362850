import { expect } from '@open-wc/testing';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import { closeTab, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';
import { freshTenant, lmsServer, tokenFor } from '../../../test/helpers/server.js';

/**
 * Cross-device resume: two separate browser profiles (nothing shared but the server), the same
 * learner token. What the learner did on the first follows them to the second.
 */
const learnerId = 'mailto:ada@example.com';
const COURSE = '/test/pages/resume-course.json';
const body = `window.player.shadowRoot.querySelector('.lesson-body')`;

describe('server: cross-device resume', function () {
  this.timeout(120_000);
  let endpoint: string;
  let token: string;

  before(async function () {
    this.timeout(180_000);
    [endpoint] = await lmsServer('postgres');
  });

  beforeEach(async () => {
    token = await tokenFor({ sub: learnerId, tenant: freshTenant('devices'), name: 'Ada' });
  });

  const playerUrl = () =>
    `/test/pages/server-player.html?endpoint=${encodeURIComponent(endpoint)}&token=${encodeURIComponent(token)}&src=${encodeURIComponent(COURSE)}`;

  it('resumes the course player at the same lesson and scroll position in another browser profile', async () => {
    const laptop = await openTab(playerUrl(), { isolated: true });
    try {
      await waitInTab(laptop, `window.player?.progress?.lessons.l1?.status === 'completed'`, 20_000);
      await evalInTab(laptop, `window.player.goToLesson('l2')`);
      await waitInTab(laptop, `${body}.scrollHeight > ${body}.clientHeight * 2`);
      await evalInTab(
        laptop,
        `(${body}.scrollTop = (${body}.scrollHeight - ${body}.clientHeight) / 2, ${body}.dispatchEvent(new Event('scroll')))`,
      );
      // Saved on the server (the save delay passes while the learner reads).
      const server = new HttpStorageAdapter({ endpoint, token });
      for (
        let i = 0;
        i < 100 && !((await server.getLessonState({ learnerId, courseId: 'resume-course', lessonId: 'l2' }))?.scroll ?? 0);
        i++
      )
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await evalInTab<string[]>(laptop, 'window.errors')).length).to.equal(0);
    } finally {
      await closeTab(laptop);
    }

    const phone = await openTab(playerUrl(), { isolated: true });
    try {
      await waitInTab(phone, `window.player?.currentLessonId === 'l2'`, 20_000);
      await waitInTab(phone, `${body}?.scrollTop > 0`);
      const fraction = await evalInTab<number>(phone, `${body}.scrollTop / (${body}.scrollHeight - ${body}.clientHeight)`);
      expect(fraction).to.be.closeTo(0.5, 0.03);
      expect(await evalInTab(phone, `window.player.progress.lessons.l1.status`)).to.equal('completed');
    } finally {
      await closeTab(phone);
    }
  });

  it('carries a quiz attempt in progress, SCORM suspend data and cmi5 state to the other profile', async () => {
    const tabs = [
      await openTab('/test/pages/server-tab.html', { isolated: true }),
      await openTab('/test/pages/server-tab.html', { isolated: true }),
    ];
    try {
      await Promise.all(tabs.map((tab) => waitInTab(tab, 'window.ready')));
      const adapter = `new window.lms.HttpStorageAdapter({ endpoint: ${JSON.stringify(endpoint)}, token: ${JSON.stringify(token)} })`;
      const now = new Date().toISOString();
      await evalInTab(
        tabs[0],
        `(async () => {
          const storage = ${adapter};
          await storage.putAttempt({ id: 'quiz-1-attempt', learnerId: '${learnerId}', courseId: 'food-safety', activityId: 'fridge-quiz', status: 'in-progress',
            startedAt: '${now}', updatedAt: '${now}', data: { answers: { q1: ['b'] }, currentQuestion: 2, deadline: '${now}' } });
          await storage.updateLessonState({ learnerId: '${learnerId}', courseId: 'scorm-northwind', lessonId: 'sco-1' }, () => ({
            learnerId: '${learnerId}', courseId: 'scorm-northwind', lessonId: 'sco-1', updatedAt: '${now}',
            data: { cmi: { suspend_data: 'page=7;answers=ACD', location: 'p7', entry: 'resume' } } }));
          await storage.setValue('cmi5:state:reg-1:au-1', { launchMode: 'Normal', moveOn: 'CompletedOrPassed', at: new Date('${now}') });
          return true;
        })()`,
      );
      const read = await evalInTab<{ attempt: unknown; suspend: string; cmi5: { launchMode: string; isDate: boolean } }>(
        tabs[1],
        `(async () => {
          const storage = ${adapter};
          const [attempt] = await storage.listAttempts({ learnerId: '${learnerId}', activityId: 'fridge-quiz' });
          const state = await storage.getLessonState({ learnerId: '${learnerId}', courseId: 'scorm-northwind', lessonId: 'sco-1' });
          const cmi5 = await storage.getValue('cmi5:state:reg-1:au-1');
          return { attempt: attempt.data, suspend: state.data.cmi.suspend_data, cmi5: { launchMode: cmi5.launchMode, isDate: cmi5.at instanceof Date } };
        })()`,
      );
      expect(read.attempt).to.deep.equal({ answers: { q1: ['b'] }, currentQuestion: 2, deadline: now });
      expect(read.suspend).to.equal('page=7;answers=ACD');
      expect(read.cmi5).to.deep.equal({ launchMode: 'Normal', isDate: true });
    } finally {
      for (const tab of tabs) await closeTab(tab);
    }
  });
});
