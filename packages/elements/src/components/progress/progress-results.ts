import type { CourseProgress, CourseResult, LessonBase, LessonProgress } from '@lms-kit/core';
import { html, nothing } from 'lit';
import type { CourseOutline } from '../../course/course-outline-store.js';
import { formatPercent, type Translate } from '../../i18n/localize.js';
import { resultMessages } from '../../i18n/messages-en-results.js';
import { registerMessages } from '../../i18n/localize.js';

// This chunk's English strings, registered when it loads.
registerMessages('en', resultMessages);

/**
 * The results of the lessons that report success or a score (SCORM packages, assessments): completion,
 * passed or not, and the best score; first the course's own, when its content rolled one up (a SCORM
 * 2004 package played as the course). Loaded by `<lms-progress>` only when there is such a result.
 */
export function renderResults(outline: Pick<CourseOutline, 'modules' | 'title'>, progress: CourseProgress, t: Translate, locale: string) {
  const lessons = outline.modules.flatMap((module) => module.lessons as LessonBase[]);
  const rows: Array<{ title: string; result: CourseResult | LessonProgress }> = lessons
    .map((lesson) => ({ title: lesson.title, result: progress.lessons[lesson.id] }))
    .filter(({ result }) => result && (result.passed !== undefined || result.score?.scaled !== undefined));
  if (progress.result) rows.unshift({ title: outline.title, result: progress.result });
  if (!rows.length) return nothing;
  return html`<p class="results-title">${t('results.title')}</p>
    <ul part="results">
      ${rows.map(({ title, result }) => {
        const completed = 'status' in result ? result.status === 'completed' : result.completed;
        const parts = [t(completed ? 'results.completed' : 'results.inProgress')];
        if (result.passed !== undefined) parts.push(t(result.passed ? 'results.passed' : 'results.failed'));
        const scaled = result.score?.scaled;
        if (scaled !== undefined) parts.push(t('results.score', { percent: formatPercent(locale, Math.round(scaled * 100)) }));
        return html`<li part="result">${title}: ${parts.join(', ')}</li>`;
      })}
    </ul>`;
}
