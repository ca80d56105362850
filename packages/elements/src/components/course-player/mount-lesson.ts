import type { Course, Lesson, LessonState } from '@lms-kit/core';
import type { Translate } from '../../i18n/localize.js';
import type { LessonViewElement } from '../../lessons/lesson-view.js';
import { loadLessonView } from '../../lessons/registry.js';

export interface MountOptions {
  lesson?: Lesson;
  course?: Course;
  registration?: string;
  baseUrl?: string;
  savedState?: LessonState;
  completed: boolean;
  /** False once the learner has moved on while the view was loading. */
  isCurrent: () => boolean;
  scrollContainer?: HTMLElement;
  /** Level of the lesson title's heading: the view's own headings go below it. */
  headingLevel: number;
  t: Translate;
}

/** Loads the view for a lesson's kind, puts it in `host`, and restores the scroll position. */
export async function mountLessonView(host: HTMLElement, options: MountOptions): Promise<void> {
  const { lesson, savedState, scrollContainer } = options;
  if (!lesson) return;
  let tag: string;
  try {
    tag = await loadLessonView(lesson.kind);
  } catch (error) {
    if (!options.isCurrent()) return;
    const message = document.createElement('p');
    message.className = 'error';
    message.setAttribute('role', 'alert');
    message.textContent = options.t('lesson.loadFailed', { message: (error as Error).message });
    host.replaceChildren(message);
    return;
  }
  if (!options.isCurrent()) return;
  const view = document.createElement(tag) as LessonViewElement;
  Object.assign(view, {
    lesson,
    course: options.course,
    registration: options.registration,
    baseUrl: options.baseUrl,
    savedState,
    completed: options.completed,
    headingLevel: options.headingLevel,
  });
  host.replaceChildren(view);
  if (scrollContainer) scrollContainer.scrollTop = 0;
  await view.contentReady;
  if (scrollContainer && savedState?.scroll && options.isCurrent()) {
    scrollContainer.scrollTop = savedState.scroll * (scrollContainer.scrollHeight - scrollContainer.clientHeight);
  }
}
