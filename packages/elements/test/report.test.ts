import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { learnerFromActor, type CourseProgress } from '@lms-kit/core';
import { parseQuiz, type FillInQuestion } from '@lms-kit/core/quiz';
import { MemoryAdapter, observeStorage } from '@lms-kit/storage';
import { QuizSession } from '@lms-kit/runtime';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import { answerText, toCsv } from '@lms-kit/runtime/report';
import type { LmsProvider, LmsReport } from '@lms-kit/elements';
import '@lms-kit/elements/all';
import { call, freshTenant, lmsServer, tokenFor } from '../../../test/helpers/server.js';

/** <lms-report>: states, charts with their tables, CSV content, roles through the real server. */
const day = (n: number) => `2026-03-0${n}T10:00:00.000Z`;
function progress(learnerId: string, done: number, score: number | null, completedDay?: number): CourseProgress {
  const lessons: CourseProgress['lessons'] = {};
  for (let i = 0; i <= done && i < 3; i++)
    lessons[`l${i}`] = { status: i < done ? 'completed' : 'in-progress', openedAt: day(1), timeSpentMs: 60_000 };
  return {
    learnerId,
    courseId: 'food-safety',
    registration: 'r',
    lessons,
    timeSpentMs: 60_000 * (done + 1),
    startedAt: day(1),
    updatedAt: day(completedDay ?? 1),
    ...(completedDay
      ? { completedAt: day(completedDay), result: { completed: true, passed: (score ?? 0) >= 0.5, score: { scaled: score ?? 0 } } }
      : {}),
  };
}

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

async function renderReport(storage: unknown, attrs: { view?: string; course?: string } = {}): Promise<LmsReport> {
  const provider = await fixture<LmsProvider>(
    html`<lms-provider learner-email="ada@example.com" locale="en" .storage=${storage}>
      <lms-report view=${attrs.view ?? 'course'} course=${attrs.course ?? 'food-safety'}></lms-report>
    </lms-provider>`,
  );
  const report = provider.querySelector('lms-report') as LmsReport;
  await waitUntil(
    () =>
      customElements.get('lms-report') &&
      report.shadowRoot?.querySelector('[part="base"]') &&
      !report.shadowRoot.querySelector('[aria-busy]'),
    'report did not load',
    {
      timeout: 15000,
    },
  );
  return report;
}

describe('CSV export', () => {
  it('writes UTF-8 with a BOM, CRLF, RFC 4180 quoting and a guard against formulas', async () => {
    const rows = [
      { name: '=HYPERLINK("http://evil")', note: 'plain', n: -3 },
      { name: 'Zoë, "the baker"', note: 'line\nbreak', n: 0.5 },
      { name: '+1 555', note: '@SUM(A1)', n: null },
      { name: '-x', note: ' padded ', n: 12 },
    ];
    const csv = toCsv(
      [
        { header: 'Name', value: (r: (typeof rows)[number]) => r.name },
        { header: 'Note', value: (r) => r.note },
        { header: 'N', value: (r) => r.n },
      ],
      rows,
    );
    expect(csv).to.equal(
      '\uFEFFName,Note,N\r\n' +
        `"'=HYPERLINK(""http://evil"")",plain,-3\r\n` +
        '"Zoë, ""the baker""","line\nbreak",0.5\r\n' +
        "'+1 555,'@SUM(A1),\r\n" +
        '\'-x," padded ",12\r\n',
    );
    const bytes = new Uint8Array(await new Blob([csv]).arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3, 7))).to.equal('Name');
  });
});

describe('<lms-report> over browser storage (the local learner)', function () {
  // The first render loads the report's chunk (charts, virtualizer) on a machine other tests share.
  this.timeout(60_000);
  it('shows the empty state, then the learner’s course with charts, their tables and CSV', async () => {
    const empty = await renderReport(new MemoryAdapter());
    expect(text(empty)).to.contain('No data yet');
    await expect(empty).to.be.accessible();

    const storage = new MemoryAdapter();
    await storage.updateProgress({ learnerId: 'mailto:ada@example.com', courseId: 'food-safety' }, () =>
      progress('mailto:ada@example.com', 3, 0.9, 2),
    );
    const report = await renderReport(storage);
    expect(text(report)).to.contain('Only this browser’s learner is shown');
    await waitUntil(() => report.shadowRoot!.querySelectorAll('[data-chart] canvas').length === 3, 'charts not drawn', { timeout: 10000 });
    for (const figure of report.shadowRoot!.querySelectorAll('figure')) {
      const table = figure.querySelector('.chart')!.getAttribute('data-chart');
      expect(report.shadowRoot!.getElementById(`table-${table}`), `table of ${table}`).to.exist;
      expect(figure.querySelector('.chart')!.getAttribute('aria-hidden')).to.equal('true');
    }
    await expect(report).to.be.accessible();
    expect(report.csv('lessons')).to.equal(
      '\uFEFFLesson,Reached,Completed,Stopped here,Time spent\r\nl0,1,1,0,60000\r\nl1,1,1,0,60000\r\nl2,1,1,0,60000\r\n',
    );
    expect(report.csv('completion')).to.equal('\uFEFFDate,Completed\r\n2026-03-02,1\r\n');
  });
});

describe('<lms-report> over the server (PostgreSQL)', function () {
  this.timeout(90_000);
  let base: string;
  let tenant: string;
  let ian: string;
  before(async function () {
    this.timeout(180_000);
    [base] = await lmsServer('postgres');
  });
  beforeEach(async () => {
    tenant = freshTenant('report-ui');
    const admin = await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
    ian = await tokenFor({ sub: 'mailto:ian@example.com', tenant, roles: ['instructor'] });
    await call(base, admin, 'PUT', 'v1/courses/food-safety', { title: 'Food safety', instructors: ['mailto:ian@example.com'] });
    await call(base, admin, 'PUT', 'v1/groups/bakers', { name: 'Bakers' });
    await call(base, admin, 'PUT', `v1/groups/bakers/members/${encodeURIComponent('mailto:ian@example.com')}`, { role: 'instructor' });
    const adminStorage = new HttpStorageAdapter({ endpoint: base, token: admin });
    const seeds: Array<[string, number, number | null, number?]> = [
      ['a', 3, 0.95, 2],
      ['b', 3, 0.55, 3],
      ['c', 1, null],
      ['d', 0, null],
      ['e', 3, 0.3, 3],
    ];
    for (const [name, done, score, completed] of seeds) {
      const id = `mailto:${name}@example.com`;
      await call(base, admin, 'PUT', `v1/groups/bakers/members/${encodeURIComponent(id)}`, {});
      await call(base, admin, 'POST', 'v1/enrollments', { courseId: 'food-safety', learnerId: id });
      await adminStorage.updateProgress({ learnerId: id, courseId: 'food-safety' }, () => progress(id, done, score, completed));
    }
  });

  it('shows an instructor the course aggregates from SQL with charts and tables, and other views', async () => {
    const report = await renderReport(new HttpStorageAdapter({ endpoint: base, token: ian }));
    await waitUntil(() => report.shadowRoot!.querySelectorAll('[data-chart] canvas').length === 3, 'charts not drawn', { timeout: 10000 });
    expect(report.csv('totals')).to.equal('\uFEFFEnrolled,Started,Completed,Passed,Median time\r\n5,5,3,2,240000\r\n');
    expect(report.csv('completion')).to.equal('\uFEFFDate,Completed\r\n2026-03-02,1\r\n2026-03-03,2\r\n');
    expect(report.csv('learners').split('\r\n')).to.have.length(7);
    expect(report.csv('learners').split('\r\n')[1]).to.match(/^mailto:a@example\.com,1,3,0\.95,240000,\d{4}-\d\d-\d\dT/);
    await expect(report).to.be.accessible();

    report.view = 'groups';
    await waitUntil(() => report.csv('groups').includes('Bakers'), 'no groups view', { timeout: 10000 });
    expect(report.csv('groups')).to.equal('\uFEFFGroup,Learners,Started,Completed,Score,Median time\r\nBakers,5,5,3,0.6,240000\r\n');
    await expect(report).to.be.accessible();
    report.view = 'compliance';
    await waitUntil(() => report.tables.some((t) => t.id === 'overdue'), 'no compliance view', { timeout: 10000 });
    await expect(report).to.be.accessible();
  });

  it('filters by group and date range through the filter form (keyboard)', async () => {
    const report = await renderReport(new HttpStorageAdapter({ endpoint: base, token: ian }));
    const form = report.shadowRoot!.querySelector('form.filters') as HTMLFormElement;
    (form.querySelector('#f-from') as HTMLInputElement).value = '2026-03-03';
    // Typed by keyboard; the date field is set directly (its typing order depends on the locale).
    (form.querySelector('#f-group') as HTMLInputElement).focus();
    await sendKeys({ type: 'bakers' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => report.csv('totals').includes('\r\n5,2,2,1,'), 'filter not applied', { timeout: 10000 });
  });

  it('item analysis names the most chosen wrong answer as the learners saw it, from the real fridge-check quiz', async () => {
    const quiz = parseQuiz(await (await fetch('/demo/course/quizzes/fridge-check.json')).json());
    // Three learners take the quiz through the headless session on the server: one right, two with the same mistakes.
    const right = { 'warm-fridge': ['recheck'], 'custard-out': false, 'fridge-max': '5', shelves: { chicken: 'bottom', cakes: 'top' } };
    const wrong = { 'warm-fridge': ['restart'], 'custard-out': true, 'fridge-max': '8', shelves: { chicken: 'top', cakes: 'bottom' } };
    for (const [name, answers] of [
      ['a', right],
      ['b', wrong],
      ['c', wrong],
    ] as const) {
      const token = await tokenFor({ sub: `mailto:${name}@example.com`, tenant, roles: ['learner'] });
      const session = new QuizSession({
        services: {
          storage: observeStorage(new HttpStorageAdapter({ endpoint: base, token })),
          learner: learnerFromActor({ mbox: `mailto:${name}@example.com` }),
        },
      });
      await session.open(quiz, { courseId: 'food-safety', activityId: 'fridge-check' });
      await session.start();
      for (const [id, value] of Object.entries(answers)) session.answer(id, value);
      session.answer('label', name === 'a' ? ['what', 'made', 'use-by'] : ['what', 'supplier']);
      session.answer('confidence', 'mostly');
      expect(await session.submit()).to.equal(true);
      await session.settled();
      session.dispose();
    }

    const provider = await fixture<LmsProvider>(
      html`<lms-provider learner-email="ian@example.com" locale="en" .storage=${new HttpStorageAdapter({ endpoint: base, token: ian })}>
        <lms-report view="items" course="food-safety" quiz-src="/demo/course/quizzes/fridge-check.json"></lms-report>
      </lms-provider>`,
    );
    const report = provider.querySelector('lms-report') as LmsReport;
    await waitUntil(() => report.tables.some((t) => t.id === 'items' && t.rows.length > 0), 'no item analysis', { timeout: 15000 });
    const rows = Object.fromEntries(
      report
        .csv('items')
        .split('\r\n')
        .slice(1, -1)
        .map((line) => [line.split(',')[0], line]),
    );
    expect(rows['Warm fridge at noon']).to.contain(',Switch the fridge off and on again,2,');
    expect(rows['Custard tarts on the counter']).to.contain(',true,2,');
    expect(rows['Highest fridge temperature']).to.contain(',8,2,');
    expect(rows['Which shelf?']).to.contain(',Raw chicken → Top shelf; Cream cakes → Bottom shelf,2,');
    expect(rows.Labels).to.contain(',What it is; Who delivered it,2,');
    expect(text(report)).to.contain('Switch the fridge off and on again').and.not.contain('["restart"]');
    await expect(report).to.be.accessible();
  });

  it('shows free-text answers as plain text, never as markup', () => {
    const question: FillInQuestion = { id: 'f', type: 'fill-in', text: '<p>Name it</p>', blanks: [{ accept: ['x'] }] };
    expect(answerText(question, ['<img src="data:," onerror="window.hacked=1">Salt <b>and</b> fat'])).to.equal('Salt and fat');
    expect(answerText(question, ['a'.repeat(400)])).to.have.length(160);
  });

  it('renders "not available for your role" for a learner, and the server refuses the report anyway', async () => {
    const ada = await tokenFor({ sub: 'mailto:a@example.com', tenant, roles: ['learner'] });
    const storage = new HttpStorageAdapter({ endpoint: base, token: ada });
    const report = await renderReport(storage);
    expect(text(report)).to.contain('Not available for your role');
    await expect(report).to.be.accessible();
    expect(await storage.courseSummary('food-safety').catch((e: { code: string }) => e.code)).to.equal('auth/forbidden');
  });

  it('shows the error state when the server cannot be reached', async () => {
    const report = await renderReport(new HttpStorageAdapter({ endpoint: 'http://127.0.0.1:9/', token: ian }));
    expect(text(report)).to.contain('could not be loaded');
    await expect(report).to.be.accessible();
  });
});
