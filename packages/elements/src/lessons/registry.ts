import { LmsError } from '@lms-kit/core';
import type { CourseRulesContext, CreateCourseRules } from '@lms-kit/runtime/course';

/** How `<lms-course-player>` shows a lesson kind: a custom element, loaded the first time it is needed. */
export interface LessonViewDefinition {
  tag: string;
  /** Imports the module that defines `tag`. */
  load: () => Promise<unknown>;
  /** Imports the rules the kind adds to a whole course (SCORM sequencing), for courses with lessons of this kind. */
  rules?: () => Promise<{ createCourseRules: CreateCourseRules }>;
  /** Imports what the view loads later on its own (a quiz's model, the sanitizer), so an offline copy keeps it too. */
  later?: () => Promise<unknown>;
}

/** Lesson kinds and their views; the built-in ones are registered by the `define/` entry points. */
const views = new Map<string, LessonViewDefinition>();

/** Adds a lesson kind to the player (its validation is registered with `registerLessonKind` from core). */
export function registerLessonView(kind: string, definition: LessonViewDefinition): void {
  views.set(kind, definition);
}

/** The rules the course's lesson kinds add to it (those of the first kind that has any), or undefined. */
export async function loadCourseRules(context: CourseRulesContext) {
  for (const module of context.course?.modules ?? [])
    for (const lesson of module.lessons) {
      const rules = views.get(lesson.kind)?.rules;
      if (rules) return (await rules()).createCourseRules(context);
    }
}

/** Loads every module a kind's lessons may need (view, course rules, what the view loads later); for offline copies. */
export async function loadLessonKindCode(kind: string): Promise<void> {
  const view = views.get(kind);
  await Promise.all([loadLessonView(kind), view?.rules?.(), view?.later?.()]);
}

/** Loads the view of a kind and returns its tag name. */
export async function loadLessonView(kind: string): Promise<string> {
  const view = views.get(kind);
  if (!view) throw new LmsError('lesson/unknown-kind', `No view is registered for lessons of kind "${kind}".`);
  if (!customElements.get(view.tag)) {
    try {
      await view.load();
    } catch (error) {
      throw new LmsError('lesson/load-failed', `Could not load the code that shows "${kind}" lessons.`, { cause: error });
    }
  }
  return view.tag;
}
