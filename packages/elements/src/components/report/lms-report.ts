import { localReports } from '@lms-kit/storage';
import { toLmsError, type LmsError } from '@lms-kit/core';
import type { Quiz } from '@lms-kit/core/quiz';
import {
  isEmptyReport,
  mayUse,
  reportSource,
  reportTables,
  toCsv,
  type ReportData,
  type ReportTable,
  type ReportView,
} from '@lms-kit/runtime/report';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LmsErrorEvent } from '../../events/error.js';
import { registerMessages } from '../../i18n/localize.js';
import { managementMessages } from '../../i18n/messages-en-management.js';
import type { MessageId } from '../../i18n/messages-en.js';
import { LmsElement } from '../../lessons/lms-element.js';
import { tokens } from '../../styles/shared.styles.js';
import { managementStyles } from '../shared/management.styles.js';
import { chartStyles } from './report-chart.styles.js';
import { renderTable } from './report-table.js';
import { chartsOf, type ChartOf } from './report-charts.js';

registerMessages('en', managementMessages);

type State = { state: 'loading' } | { state: 'forbidden' } | { state: 'error'; error: LmsError } | { state: 'ready'; data: ReportData };

const VIEWS: ReportView[] = ['course', 'items', 'learner', 'groups', 'compliance'];

/**
 * @tag lms-report
 * @summary Reports for instructors and admins: a course (enrolled, started, completed, passed,
 * completions over time, reach and drop-off per lesson, time, score distribution), quiz item
 * analysis, one learner across courses, group comparison and compliance (overdue, certificates
 * expiring). Aggregates come from the storage (SQL on the server); charts (uPlot) each have a table
 * with their data; every table downloads as CSV. On a browser-only storage it shows the local learner.
 *
 * @csspart base - The wrapper.
 * @csspart filters - The filter form.
 * @csspart chart - A chart.
 * @csspart table - A table.
 * @event lms-error - The report could not be loaded. `detail: { error, recoverable }`
 */
export class LmsReport extends LmsElement {
  static override styles = [
    tokens,
    managementStyles,
    chartStyles,
    css`
      .cards {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space, 1rem);
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
        gap: var(--_space, 1rem);
      }
      .table-wrap {
        overflow-x: auto;
        margin-block: 1rem;
      }
      caption,
      .caption {
        text-align: start;
        font-weight: 600;
        padding-block: 0.5rem;
      }
      .grid .row {
        display: grid;
        border-block-end: 1px solid var(--_border);
        padding: 0.25rem 0.5rem;
        font-size: 0.875rem;
        inline-size: 100%;
      }
      .grid .head {
        font-weight: 600;
      }
      .scroller {
        block-size: 24rem;
        overflow: auto;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: end;
      }
      @media print {
        .scroller {
          block-size: auto;
          overflow: visible;
        }
      }
    `,
  ];

  /** `course` (default), `items`, `learner`, `groups` or `compliance`. */
  @property({ reflect: true }) view: ReportView = 'course';
  /** The course of the course, items, groups and compliance views. */
  @property() course?: string;
  /** The learner of the learner view. */
  @property() learner?: string;
  /** Filters: members of a group, last activity from / before (ISO dates), a course version. */
  @property() group?: string;
  @property() from?: string;
  @property() to?: string;
  @property() version?: string;
  /** Compliance: certificates expiring within this many days. Default 30. */
  @property({ type: Number }) days = 30;
  /**
   * Item analysis: the course's quiz files (JSON, GIFT or Aiken; space-separated URLs), so questions
   * and the most chosen wrong answers read as the learners saw them instead of ids.
   */
  @property({ attribute: 'quiz-src' }) quizSrc?: string;
  /** Item analysis: the quizzes themselves, instead of `quiz-src`. */
  @property({ attribute: false }) quizzes?: Quiz[];

  @state() private report: State = { state: 'loading' };
  private generation = 0;

  protected override servicesChanged(): void {
    void this.load();
  }

  private first = true;

  /** A changed view or filter loads the report again (the first render waits for the services). */
  protected override willUpdate(changed: Map<string, unknown>): void {
    const keys = ['view', 'course', 'learner', 'group', 'from', 'to', 'version', 'days', 'quizSrc', 'quizzes'];
    if (!this.first && this.services.value && keys.some((k) => changed.has(k))) void this.load();
    this.first = false;
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('report')) void this.drawCharts().catch((error: unknown) => console.error('LMS Kit could not draw a chart:', error));
  }

  /** Loads the report again. */
  async load(): Promise<void> {
    const services = this.services.value;
    if (!services) return;
    const generation = ++this.generation;
    if (!mayUse('report', services.roles ?? [], services.reports !== undefined)) {
      this.report = { state: 'forbidden' };
      return;
    }
    this.report = { state: 'loading' };
    try {
      const source = reportSource(services.reports ?? localReports(services.storage, services.learner.id));
      const filters = {
        groupId: this.group || undefined,
        from: this.from || undefined,
        to: this.to || undefined,
        version: this.version || undefined,
      };
      const data = await source.load({
        view: this.view,
        courseId: this.course,
        learnerId: this.learner ?? (services.reports ? undefined : services.learner.id),
        filters,
        days: this.days,
        quizzes: this.view === 'items' ? await this.quizDefinitions() : undefined,
      });
      if (generation === this.generation) this.report = { state: 'ready', data };
    } catch (error) {
      if (generation !== this.generation) return;
      const lmsError = toLmsError(error, 'report/unavailable');
      this.report = lmsError.code === 'auth/forbidden' ? { state: 'forbidden' } : { state: 'error', error: lmsError };
      this.dispatchEvent(new LmsErrorEvent({ error: lmsError, recoverable: true }));
    }
  }

  private loadedQuizzes = new Map<string, Promise<Quiz | undefined>>();

  /** The quizzes that name the item analysis's questions and answers; one that cannot load leaves its ids. */
  private async quizDefinitions(): Promise<Quiz[]> {
    if (this.quizzes) return this.quizzes;
    const sources = (this.quizSrc ?? '').split(/\s+/).filter(Boolean);
    if (!sources.length) return [];
    // The quiz parsers load only for an item analysis that names its quizzes.
    const { loadQuiz } = await import('../../quiz/load-quiz.js');
    for (const src of sources)
      if (!this.loadedQuizzes.has(src))
        this.loadedQuizzes.set(
          src,
          loadQuiz(src, undefined).then(
            ({ quiz }) => quiz,
            (error: unknown) => {
              this.dispatchEvent(new LmsErrorEvent({ error: toLmsError(error, 'quiz/load-failed'), recoverable: true }));
              return undefined;
            },
          ),
        );
    const quizzes = await Promise.all(sources.map((src) => this.loadedQuizzes.get(src)));
    return quizzes.filter((quiz): quiz is Quiz => quiz !== undefined);
  }

  /** The tables of the report shown now. */
  get tables(): ReportTable<never>[] {
    return this.report.state === 'ready' ? reportTables(this.report.data) : [];
  }

  /** A table as CSV (UTF-8 with BOM, localized headers, raw values: fractions, milliseconds, ISO dates). */
  csv(tableId: string): string {
    const table = this.tables.find((t) => t.id === tableId);
    if (!table) return '';
    return toCsv(
      table.columns.map((c) => ({ header: this.header(c.key), value: c.value })),
      table.rows,
    );
  }

  private header(key: string): string {
    return this.t(`report.col.${key}` as MessageId);
  }

  private download(tableId: string): void {
    const url = URL.createObjectURL(new Blob([this.csv(tableId)], { type: 'text/csv;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `${this.view}-${tableId}.csv` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private applyFilters(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    this.view = (text('view') as ReportView | undefined) ?? 'course';
    this.group = text('group');
    this.from = text('from');
    this.to = text('to');
    this.version = text('version');
    if (form.has('learner')) this.learner = text('learner');
    if (form.has('days')) this.days = Number(text('days') ?? 30);
  }

  protected override render() {
    return html`<section part="base" aria-labelledby="report-title">
      <h2 id="report-title">${this.t('report.title')}: ${this.t(`report.view.${this.view}` as MessageId)}</h2>
      ${this.renderFilters()} ${this.renderBody()}
    </section>`;
  }

  private renderFilters() {
    const field = (name: string, label: MessageId, value: string | number | undefined, type = 'text') =>
      html`<div>
        <label for="f-${name}">${this.t(label)}</label><input id="f-${name}" name=${name} type=${type} .value=${String(value ?? '')} />
      </div>`;
    return html`<form class="filters" part="filters" aria-label=${this.t('report.filters')} @submit=${this.applyFilters}>
      <div>
        <label for="f-view">${this.t('report.view')}</label>
        <select id="f-view" name="view">
          ${VIEWS.map((v) => html`<option value=${v} ?selected=${v === this.view}>${this.t(`report.view.${v}` as MessageId)}</option>`)}
        </select>
      </div>
      ${field('group', 'report.filter.group', this.group)} ${field('from', 'report.filter.from', this.from, 'date')}
      ${field('to', 'report.filter.to', this.to, 'date')} ${field('version', 'report.filter.version', this.version)}
      ${this.view === 'learner' ? field('learner', 'report.filter.learner', this.learner) : nothing}
      ${this.view === 'compliance' ? field('days', 'report.filter.days', this.days, 'number') : nothing}
      <button class="action" type="submit">${this.t('report.apply')}</button>
      <button class="action secondary" type="button" @click=${() => window.print()}>${this.t('report.print')}</button>
    </form>`;
  }

  private renderBody() {
    const report = this.report;
    switch (report.state) {
      case 'loading':
        return html`<p aria-busy="true">${this.t('manage.loading')}</p>`;
      case 'forbidden':
        return html`<p class="notice" role="alert">${this.t('manage.forbidden')}</p>`;
      case 'error':
        return html`<p class="error" role="alert">${this.t('manage.error', { message: report.error.message })}</p>
          <button class="action secondary" @click=${() => void this.load()}>${this.t('manage.retry')}</button>`;
      case 'ready': {
        const tables = this.tables;
        const local = !this.services.value?.reports;
        const empty = isEmptyReport(report.data);
        return html`${local ? html`<p class="notice">${this.t('report.localOnly')}</p>` : nothing}
        ${
          empty
            ? html`<p>${this.t('report.empty')}</p>`
            : html`${this.renderCharts(chartsOf(report.data, (id) => this.t(id)))} ${tables.map((table) => this.renderOneTable(table))}`
        }`;
      }
    }
  }

  private renderCharts(charts: ChartOf[]) {
    if (!charts.length) return nothing;
    return html`<div class="charts">
      ${charts.map(
        (chart) =>
          html`<figure part="chart" class="panel" aria-labelledby="chart-${chart.table}">
            <figcaption id="chart-${chart.table}">
              ${this.t(`report.table.${chart.table}` as MessageId)}.
              ${this.t('report.chartTable', { table: this.t(`report.table.${chart.table}` as MessageId) })}
            </figcaption>
            <div class="chart" data-chart=${chart.table} aria-hidden="true"></div>
          </figure>`,
      )}
    </div>`;
  }

  private renderOneTable(table: ReportTable<never>) {
    const caption = this.t(`report.table.${table.id}` as MessageId);
    const actions = html`<button class="action secondary" type="button" @click=${() => this.download(table.id)}>
      ${this.t('report.exportCsv', { table: caption })}
    </button>`;
    return html`<div part="table">${renderTable(table, { caption, header: (k) => this.header(k), locale: this.locale, actions })}</div>`;
  }

  private drawn = new Map<Element, { destroy(): void }>();

  /** Charts are drawn after render, with uPlot loaded on first use (a chunk of its own). */
  private async drawCharts(): Promise<void> {
    if (this.report.state !== 'ready') return;
    const specs = chartsOf(this.report.data, (id) => this.t(id));
    const hosts = [...this.renderRoot.querySelectorAll<HTMLElement>('.chart[data-chart]')];
    for (const [host, chart] of this.drawn)
      if (!hosts.includes(host as HTMLElement)) {
        chart.destroy();
        this.drawn.delete(host);
      }
    if (!hosts.some((h) => !this.drawn.has(h))) return;
    const { drawChart } = await import('./report-chart.js');
    for (const host of hosts) {
      const spec = specs.find((s) => s.table === host.dataset.chart);
      if (!spec || this.drawn.has(host) || !host.isConnected) continue;
      host.replaceChildren();
      this.drawn.set(host, drawChart(host, spec, Math.max(240, host.clientWidth || 320)));
    }
  }
}
