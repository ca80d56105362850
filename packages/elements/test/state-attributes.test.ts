/**
 * The state a page styles on: elements reflect where the learner is (`status`, `completed`) as
 * attributes, and the player's outline names each lesson's state in its part names. A stylesheet of
 * the page styles them with attribute and `::part()` selectors; the test reads the computed styles.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { browserSigner, issueCertificateIfDue } from '@lms-kit/certificates';
import type { Course } from '@lms-kit/core';
import { MemoryAdapter, observeStorage } from '@lms-kit/storage';
import type { LmsCertificateStatus, LmsCoursePlayer, LmsProgress } from '@lms-kit/elements';
import { certifiedCourse, completedIn, learner } from '../../certificates/test/support.js';
import { choiceQuiz } from '../../../test/helpers/quizzes.js';
import { outlineButton, waitForStatus } from './helpers.js';
import { click, q, renderQuiz, settle } from './quiz-helpers.js';
import '@lms-kit/elements/all';
// <lms-progress> loads when its tag appears; these tests read it as soon as it is in the page.
import '@lms-kit/elements/define/lms-progress';
// Loaded by <lms-progress> when a course has a certificate; here on its own.
import '@lms-kit/elements/define/lms-certificate-status';

const PAGE_STYLES = `
  lms-course-player[status='in-progress'] { outline-color: rgb(1, 0, 0); }
  lms-course-player[status='completed'][completed] { outline-color: rgb(2, 0, 0); }
  lms-course-player::part(outline-lesson-completed) { color: rgb(0, 128, 0); }
  lms-course-player::part(outline-lesson-available) { color: rgb(0, 0, 128); }
  lms-course-player::part(outline-lesson-locked) { color: rgb(128, 0, 0); }
  lms-progress[status='not-started'] { outline-color: rgb(3, 0, 0); }
  lms-progress[status='in-progress'] { outline-color: rgb(4, 0, 0); }
  lms-progress[status='completed'][completed] { outline-color: rgb(5, 0, 0); }
  lms-quiz[status='not-started'] { outline-color: rgb(6, 0, 0); }
  lms-quiz[status='in-progress']:not([completed]) { outline-color: rgb(7, 0, 0); }
  lms-quiz[status='passed'][completed] { outline-color: rgb(8, 0, 0); }
  lms-quiz[status='failed'][completed] { outline-color: rgb(9, 0, 0); }
  lms-certificate-status[status='valid'] { outline-color: rgb(10, 0, 0); }
  lms-certificate-status[status='expired'] { outline-color: rgb(11, 0, 0); }
`;

/** Two lessons to complete, and an optional one kept locked by a points rule the course cannot reach. */
const course: Course = {
  schema: 1,
  id: 'styled-states',
  title: 'Styled states',
  language: 'en',
  modules: [
    {
      id: 'm1',
      title: 'Module one',
      lessons: [
        { id: 'first', kind: 'text', title: 'First', html: '<p>One</p>' },
        { id: 'second', kind: 'text', title: 'Second', html: '<p>Two</p>', prerequisites: ['first'] },
        { id: 'bonus', kind: 'text', title: 'Bonus', html: '<p>Bonus</p>', optional: true, unlock: { points: 1000 } },
      ],
    },
  ],
};

const outlineColor = (element: Element) => getComputedStyle(element).outlineColor;
const waitForStyle = (element: Element, read: (element: Element) => string, value: string, what: string) =>
  waitUntil(() => read(element) === value, `${what}: ${read(element)} is not ${value}`, { timeout: 10_000 });

describe('State attributes styled from the page', function () {
  // Whole courses and quiz attempts, on a loaded machine.
  this.timeout(60_000);
  const sheet = new CSSStyleSheet();
  before(() => {
    sheet.replaceSync(PAGE_STYLES);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  after(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((other) => other !== sheet);
  });

  it('the player and <lms-progress> reflect status and completed; outline lessons carry their state as part names', async () => {
    const provider = await fixture(
      html`<lms-provider learner-email="ada@example.com" locale="en" .storage=${new MemoryAdapter()}>
        <lms-course-player .course=${course}></lms-course-player>
        <lms-progress course="styled-states"></lms-progress>
        <lms-progress src="/demo/course/food-safety.json"></lms-progress>
      </lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    const [progress, notStarted] = [...provider.querySelectorAll('lms-progress')] as LmsProgress[];

    await waitForStyle(notStarted, outlineColor, 'rgb(3, 0, 0)', 'a course not started');
    expect(notStarted.getAttribute('status')).to.equal('not-started');
    expect(notStarted.hasAttribute('completed')).to.equal(false);

    await waitForStatus(player, 'first', 'completed');
    await waitForStyle(player, outlineColor, 'rgb(1, 0, 0)', 'the player in progress');
    expect(player.status).to.equal('in-progress');
    expect(player.hasAttribute('completed')).to.equal(false);
    await waitForStyle(progress, outlineColor, 'rgb(4, 0, 0)', '<lms-progress> in progress');
    const color = (lessonId: string) => getComputedStyle(outlineButton(player, lessonId)).color;
    await waitUntil(() => color('first') === 'rgb(0, 128, 0)', `a completed lesson: ${color('first')}`);
    expect(color('second'), 'an available lesson').to.equal('rgb(0, 0, 128)');
    expect(color('bonus'), 'a locked lesson').to.equal('rgb(128, 0, 0)');

    outlineButton(player, 'second').click();
    await waitForStyle(player, outlineColor, 'rgb(2, 0, 0)', 'the completed player');
    expect(player.completed).to.equal(true);
    await waitForStyle(progress, outlineColor, 'rgb(5, 0, 0)', 'the completed <lms-progress>');
    expect(progress.status).to.equal('completed');
    expect(color('second')).to.equal('rgb(0, 128, 0)');
    expect(color('bonus'), 'still locked').to.equal('rgb(128, 0, 0)');
    await expect(player).to.be.accessible();
  });

  it('<lms-quiz> reflects its latest attempt: not started, in progress, failed, passed', async () => {
    const { quiz, root } = await renderQuiz(choiceQuiz(1, { maxAttempts: 2, passingScore: { percent: 100 } }));
    await waitForStyle(quiz, outlineColor, 'rgb(6, 0, 0)', 'no attempt yet');
    click(root, 'button.start');
    await settle(quiz);
    await waitForStyle(quiz, outlineColor, 'rgb(7, 0, 0)', 'an attempt in progress');
    click(root, 'button.submit');
    await waitForStyle(quiz, outlineColor, 'rgb(9, 0, 0)', 'a failed attempt');
    click(root, 'button.retry');
    await settle(quiz);
    await waitForStyle(quiz, outlineColor, 'rgb(7, 0, 0)', 'the second attempt in progress');
    (q(root, 'q1').querySelector('input[value="a"]') as HTMLInputElement).click();
    await settle(quiz);
    click(root, 'button.submit');
    await waitForStyle(quiz, outlineColor, 'rgb(8, 0, 0)', 'a passed attempt');
    expect([quiz.status, quiz.completed]).to.deep.equal(['passed', true]);
  });

  it('<lms-certificate-status> reflects a valid and an expired certificate', async () => {
    const statusFor = async (issuedAt: Date) => {
      const rule = certifiedCourse({ validity: { months: 12 } });
      const storage = observeStorage(await completedIn(rule, issuedAt));
      await issueCertificateIfDue({ course: rule, learner, storage, signer: browserSigner(), now: issuedAt });
      const provider = await fixture(
        html`<lms-provider learner-email="jamie@example.com" locale="en" .storage=${storage}>
          <lms-certificate-status course=${rule.id}></lms-certificate-status>
        </lms-provider>`,
      );
      return provider.querySelector('lms-certificate-status') as LmsCertificateStatus;
    };
    const valid = await statusFor(new Date(Date.now() - 30 * 86_400_000));
    await waitForStyle(valid, outlineColor, 'rgb(10, 0, 0)', 'a valid certificate');
    const expired = await statusFor(new Date(Date.now() - 400 * 86_400_000));
    await waitForStyle(expired, outlineColor, 'rgb(11, 0, 0)', 'an expired certificate');
    expect(expired.status).to.equal('expired');
  });
});
