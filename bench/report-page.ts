/**
 * In the page of report-server.node.mjs: `<lms-report>` over `HttpStorageAdapter` against the real
 * server, and the same render from the same data already in the page (the baseline): time to the
 * first data render, a scroll through the virtualized learners table, CSV export of every row.
 */
import type { CourseSummary, Page, ProgressQuery, ProgressRow, StorageAdapter } from '@lms-kit/storage';
import { MemoryAdapter } from '@lms-kit/storage';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import '@lms-kit/elements/all';
import type { LmsReport } from '@lms-kit/elements';
import type { BenchResult } from './support.js';

/** The server's answers, held in the page: what rendering costs without the network and SQL. */
class InPage extends MemoryAdapter {
  constructor(
    private readonly rows: ProgressRow[],
    private readonly summary: CourseSummary,
  ) {
    super();
  }
  async roles() {
    return ['admin'];
  }
  async courseSummary(): Promise<CourseSummary> {
    return this.summary;
  }
  async queryProgress(query: ProgressQuery): Promise<Page<ProgressRow>> {
    const start = query.after ? this.rows.findIndex((r) => r.learnerId > query.after!) : 0;
    const items = this.rows.slice(start, start + (query.limit ?? 100));
    return { items, next: start + items.length < this.rows.length ? items[items.length - 1].learnerId : null };
  }
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function renderReport(storage: StorageAdapter, course: string, learners: number): Promise<{ ms: number; report: LmsReport }> {
  document.body.replaceChildren();
  const start = performance.now();
  const provider = document.createElement('lms-provider');
  provider.setAttribute('learner-email', 'admin@example.com');
  (provider as unknown as { storage: StorageAdapter }).storage = storage;
  const report = document.createElement('lms-report') as LmsReport;
  report.setAttribute('course', course);
  provider.append(report);
  document.body.append(provider);
  for (;;) {
    const root = report.shadowRoot;
    root?.querySelector('.scroller')?.scrollIntoView();
    const figures = root?.querySelectorAll('figure[part="chart"]').length ?? 0;
    const ready =
      root?.querySelector(`[aria-rowcount="${learners + 1}"] [role="row"][aria-rowindex="2"]`) &&
      figures > 0 &&
      root.querySelectorAll('[data-chart] canvas').length === figures;
    if (ready) return { ms: performance.now() - start, report };
    if (performance.now() - start > 120_000) throw new Error('The report did not render in 2 minutes');
    await frame();
  }
}

const JUMPS = 20;

/**
 * Scrolls the learners table through its whole height in `JUMPS` jumps (the last to the very end), each
 * timed until the rows at the new position are drawn: what a reader dragging the scrollbar waits for.
 */
async function scrollThrough(report: LmsReport, learners: number): Promise<{ ms: number; perJump: number; maxRows: number }> {
  const scroller = report.shadowRoot!.querySelector<HTMLElement>(`[aria-rowcount="${learners + 1}"] .scroller`)!;
  scroller.scrollTop = 0;
  await frame();
  const inView = () => {
    const box = scroller.getBoundingClientRect();
    return [...scroller.querySelectorAll('[role="row"]')].some((row) => {
      const r = row.getBoundingClientRect();
      return r.bottom > box.top && r.top < box.bottom;
    });
  };
  let maxRows = 0;
  const start = performance.now();
  for (let jump = 1; jump <= JUMPS; jump++) {
    const last = jump === JUMPS;
    for (;;) {
      scroller.scrollTop = last ? scroller.scrollHeight : ((scroller.scrollHeight - scroller.clientHeight) * jump) / JUMPS;
      await frame();
      maxRows = Math.max(maxRows, scroller.querySelectorAll('[role="row"]').length);
      if (last ? scroller.querySelector(`[aria-rowindex="${learners + 1}"]`) : inView()) break;
      if (performance.now() - start > 120_000) throw new Error('The table did not scroll through in 2 minutes');
    }
  }
  const ms = performance.now() - start;
  return { ms, perJump: ms / JUMPS, maxRows };
}

function exportCsv(report: LmsReport): { ms: number; bytes: number } {
  const start = performance.now();
  const csv = report.csv('learners');
  const ms = performance.now() - start;
  return { ms, bytes: new TextEncoder().encode(csv).length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (n: number) => Number(n.toFixed(1));

export default async function measure(endpoint: string, token: string, course: string, learners: number, runs = 3): Promise<BenchResult[]> {
  const http = new HttpStorageAdapter({ endpoint, token });
  const server: number[] = [];
  let report!: LmsReport;
  for (let i = 0; i < runs; i++) ({ ms: server[i], report } = await renderReport(http, course, learners));
  const scroll = await scrollThrough(report, learners);
  const csvServer = [exportCsv(report), exportCsv(report), exportCsv(report)];

  // Baseline: the same answers, read once, then rendered from the page's memory.
  const rows: ProgressRow[] = [];
  let after: string | undefined;
  do {
    const page = await http.queryProgress({ courseId: course, limit: 1000, after });
    rows.push(...page.items);
    after = page.next ?? undefined;
  } while (after);
  const inPage = new InPage(rows, await http.courseSummary(course));
  const local: number[] = [];
  for (let i = 0; i < runs; i++) ({ ms: local[i], report } = await renderReport(inPage, course, learners));
  const scrollLocal = await scrollThrough(report, learners);
  const csvLocal = [exportCsv(report), exportCsv(report), exportCsv(report)];

  const n = learners.toLocaleString('en');
  return [
    {
      name: `report on the server: ${n} learners, first data render`,
      value: round(median(server)),
      unit: 'ms',
      note: `median of ${runs}; from data in the page: ${round(median(local))} ms`,
    },
    {
      name: `report on the server: scroll through ${n} rows`,
      value: round(scroll.ms),
      unit: 'ms',
      note: `${JUMPS} jumps to the end, ${round(scroll.perJump)} ms each, at most ${scroll.maxRows} rows in the DOM; from data in the page: ${round(scrollLocal.ms)} ms`,
    },
    {
      name: `report on the server: CSV of ${n} rows`,
      value: round(median(csvServer.map((c) => c.ms))),
      unit: 'ms',
      note: `${(csvServer[0].bytes / 1024).toFixed(0)} KiB; from data in the page: ${round(median(csvLocal.map((c) => c.ms)))} ms`,
    },
  ];
}
