import type { Course, CourseState, LessonStatus } from '@lms-kit/core';
import { html, nothing } from 'lit';
import { contentDirection } from '../../i18n/direction.js';
import type { Translate } from '../../i18n/localize.js';
import { statusIcon } from '../../styles/icons.js';
import { describeLockReasons } from './lock-reasons.js';

export interface OutlineOptions {
  course: Course;
  state: CourseState;
  currentLessonId?: string;
  t: Translate;
  onSelect: (lessonId: string) => void;
  /** The course's language: titles are content, marked with their own `lang` and `dir`. */
  language?: string;
  /** The language of one string by path (`<module>/title`, `<module>/<lesson>/title`), for courses whose variants fall back to the base. */
  langOf?: (path: string) => string | undefined;
}

/**
 * The course outline: modules with their lessons as buttons. One button is in the tab order
 * (the current lesson); arrow keys, Home and End move between lessons.
 */
export function renderOutline({ course, state, currentLessonId, t, onSelect, language, langOf = () => language }: OutlineOptions) {
  const lang = (path: string) => langOf(path) ?? nothing;
  const dir = (path: string) => contentDirection(langOf(path));
  return html`<ol class="modules" @keydown=${onOutlineKeydown}>
    ${course.modules.map((module) => {
      const moduleView = state.modules.find((m) => m.id === module.id);
      return html`<li class="module" part="outline-module outline-module-${moduleView?.status ?? 'available'}">
        <span class="module-title" id="module-${module.id}" lang=${lang(`${module.id}/title`)} dir=${dir(`${module.id}/title`)}
          >${module.title}</span
        >
        <span class="module-status">${t(`status.${moduleView?.status ?? 'available'}`)}</span>
        <ol class="lessons" aria-labelledby="module-${module.id}">
          ${module.lessons.map((lesson) => {
            const view = state.lessons[lesson.id];
            const locked = view.lockReasons.length > 0;
            const current = lesson.id === currentLessonId;
            const reasonId = `lock-${lesson.id}`;
            return html`<li>
              <button
                type="button"
                part=${lessonParts(view.status, locked, current)}
                class="lesson-button status-${view.status}"
                data-lesson=${lesson.id}
                tabindex=${current ? 0 : -1}
                aria-current=${current ? 'step' : nothing}
                aria-disabled=${locked ? 'true' : nothing}
                aria-describedby=${locked ? reasonId : nothing}
                @click=${() => onSelect(lesson.id)}
              >
                ${statusIcon(view.status)}
                <span class="lesson-title" lang=${lang(`${module.id}/${lesson.id}/title`)} dir=${dir(`${module.id}/${lesson.id}/title`)}
                  >${lesson.title}</span
                >
                <span class="visually-hidden">, ${t(`status.${view.status}`)}</span>
                ${lesson.minutes ? html`<span class="minutes">${t('player.minutes', { count: lesson.minutes })}</span>` : nothing}
              </button>
              ${locked ? html`<p class="lock-reason" id=${reasonId}>${describeLockReasons(course, view.lockReasons, t)}</p>` : nothing}
            </li>`;
          })}
        </ol>
      </li>`;
    })}
  </ol>`;
}

/** A lesson button's part names: its state too, so a page can style `::part(outline-lesson-completed)`. */
function lessonParts(status: LessonStatus, locked: boolean, current: boolean): string {
  const states = new Set([`outline-lesson-${status}`, locked ? 'outline-lesson-locked' : '', current ? 'outline-lesson-current' : '']);
  return ['outline-lesson', ...states].filter(Boolean).join(' ');
}

function onOutlineKeydown(event: KeyboardEvent): void {
  const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button[data-lesson]')];
  const index = buttons.indexOf(event.target as HTMLButtonElement);
  if (index < 0) return;
  const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
  if (target === undefined) return;
  event.preventDefault();
  const next = buttons[Math.max(0, Math.min(buttons.length - 1, target))];
  buttons.forEach((button) => (button.tabIndex = button === next ? 0 : -1));
  next.focus();
}
