import type { CourseSummary, Page, ProgressQuery, ProgressRow } from '@lms-kit/storage';
import { MemoryAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/all';
import type { LmsReport } from '@lms-kit/elements';
import { medianMs, type BenchResult } from './support.js';

const LEARNERS = (globalThis as { benchLearners?: number }).benchLearners ?? 10_000;

/**
 * A backend answering for 10,000 learners as the server does (aggregates ready-made, progress rows
 * in pages of up to 1,000), so the numbers are the page's: reading the pages, rendering, CSV.
 * The SQL side is measured by server.node.mjs.
 */
class TenThousandLearners extends MemoryAdapter {
  private readonly rows: ProgressRow[] = Array.from({ length: LEARNERS }, (_, i) => ({
    learnerId: `mailto:learner${String(i).padStart(5, '0')}@example.com`,
    courseId: 'food-safety-basics',
    completed: i % 3 === 0,
    timeSpentMs: 60_000 * (i % 90),
    score: i % 3 === 0 ? (i % 100) / 100 : null,
    updatedAt: new Date(Date.UTC(2026, 10, 1 + (i % 28))).toISOString(),
    lessonsCompleted: i % 7,
  }));

  async roles() {
    return ['admin'];
  }

  async queryProgress(query: ProgressQuery): Promise<Page<ProgressRow>> {
    const start = query.after ? this.rows.findIndex((r) => r.learnerId > query.after!) : 0;
    const items = this.rows.slice(start, start + (query.limit ?? 100));
    return { items, next: start + items.length < this.rows.length ? items[items.length - 1].learnerId : null };
  }

  async courseSummary(courseId: string): Promise<CourseSummary> {
    return {
      courseId,
      enrolled: LEARNERS,
      started: LEARNERS,
      completed: Math.ceil(LEARNERS / 3),
      passed: Math.ceil(LEARNERS / 4),
      timeSpentMs: { total: 0, median: 45 * 60_000 },
      scoreDistribution: Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, count: 300 + i * 10 })),
      completionOverTime: Array.from({ length: 28 }, (_, d) => ({ date: `2026-11-${String(d + 1).padStart(2, '0')}`, completed: 119 })),
      lessons: Array.from({ length: 7 }, (_, l) => ({
        lessonId: `l${l}`,
        reached: LEARNERS - l * 900,
        completed: LEARNERS - l * 1100,
        dropOff: l * 200,
        timeSpentMs: 1,
      })),
    };
  }
}

/** `<lms-report>` with 10,000 learners: time to a usable report, and CSV export of the learners table. */
export default async function (): Promise<BenchResult[]> {
  let report!: LmsReport;
  const render = await medianMs(
    async () => {
      document.body.replaceChildren();
      const provider = document.createElement('lms-provider');
      provider.setAttribute('learner-email', 'admin@example.com');
      (provider as unknown as { storage: MemoryAdapter }).storage = new TenThousandLearners();
      report = document.createElement('lms-report') as LmsReport;
      report.setAttribute('course', 'food-safety-basics');
      provider.append(report);
      document.body.append(provider);
      await new Promise<void>((resolve) => {
        const check = () => {
          const root = report.shadowRoot;
          // Rows render once the table is in view: scroll to it as a reader would.
          root?.querySelector('.scroller')?.scrollIntoView();
          const ready =
            root?.querySelector(`[aria-rowcount="${LEARNERS + 1}"] [role="row"][aria-rowindex="2"]`) &&
            root.querySelectorAll('[data-chart] canvas').length === 3;
          return ready ? resolve() : requestAnimationFrame(check);
        };
        check();
      });
    },
    5,
    1,
  );
  const rowsInDom = report.shadowRoot!.querySelectorAll(`[aria-rowcount="${LEARNERS + 1}"] [role="row"]`).length;
  let bytes = 0;
  const csv = await medianMs(() => (bytes = report.csv('learners').length), 10, 2);
  return [
    {
      name: 'report: 10,000 learners, load + render (table, 3 charts)',
      value: render,
      unit: 'ms',
      note: `${rowsInDom} rows in the DOM (virtualized)`,
    },
    { name: 'report: CSV export of 10,000 learners', value: csv, unit: 'ms', note: `${(bytes / 1024).toFixed(0)} KiB` },
  ];
}
