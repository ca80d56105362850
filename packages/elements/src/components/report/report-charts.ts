import type { ReportData } from '@lms-kit/runtime/report';
import type { MessageId } from '../../i18n/messages-en.js';
import type { ChartSpec } from './report-chart.js';

/** A chart and the id of the table holding its data (its text alternative). */
export type ChartOf = ChartSpec & { table: string };

/** Colours are tokens, resolved on the chart's host when it is drawn (so they follow the theme). */
const ACCENT = 'accent';
const SUCCESS = 'success';
const DANGER = 'danger';

/** The charts of a report, from the same aggregates as its tables. */
export function chartsOf(data: ReportData, t: (id: MessageId) => string): ChartOf[] {
  switch (data.view) {
    case 'course': {
      const s = data.summary;
      const over = s.completionOverTime ?? [];
      let total = 0;
      const charts: ChartOf[] = [];
      if (over.length)
        charts.push({
          table: 'completion',
          kind: 'line',
          labels: over.map((p) => p.date),
          series: [{ label: t('report.col.completed'), values: over.map((p) => (total += p.completed)), color: SUCCESS }],
        });
      if (s.lessons.length)
        charts.push({
          table: 'lessons',
          kind: 'bars',
          labels: s.lessons.map((l) => l.lessonId),
          series: [
            { label: t('report.col.reached'), values: s.lessons.map((l) => l.reached), color: ACCENT },
            { label: t('report.col.dropOff'), values: s.lessons.map((l) => l.dropOff), color: DANGER },
          ],
        });
      charts.push({
        table: 'scores',
        kind: 'bars',
        labels: s.scoreDistribution.map((b) => String(Math.round(b.from * 100))),
        series: [{ label: t('report.col.learners'), values: s.scoreDistribution.map((b) => b.count), color: ACCENT }],
      });
      return charts;
    }
    case 'items':
      return data.items.length
        ? [
            {
              table: 'items',
              kind: 'bars',
              labels: data.items.map((i) => i.questionId),
              series: [{ label: t('report.col.correct'), values: data.items.map((i) => i.pCorrect), color: ACCENT }],
            },
          ]
        : [];
    case 'groups':
      return data.groups.length
        ? [
            {
              table: 'groups',
              kind: 'bars',
              labels: data.groups.map((g) => g.name ?? g.groupId),
              series: [
                { label: t('report.col.started'), values: data.groups.map((g) => g.started), color: ACCENT },
                { label: t('report.col.completed'), values: data.groups.map((g) => g.completed), color: SUCCESS },
              ],
            },
          ]
        : [];
    default:
      return [];
  }
}
