import type { CourseDraft } from './course-draft.js';

/**
 * Moves a module or a lesson one place up (-1) or down (+1), as Alt+Arrow does in an outline: a
 * lesson at the edge of its module goes to the end of the module before or the start of the module
 * after. Returns false when there is nowhere to go.
 */
export function moveByStep(draft: CourseDraft, id: string, delta: -1 | 1): boolean {
  const modules = draft.course.modules;
  const moduleIndex = modules.findIndex((module) => module.id === id);
  if (moduleIndex >= 0) {
    const to = moduleIndex + delta;
    if (to < 0 || to >= modules.length) return false;
    draft.moveModule(id, to);
    return true;
  }
  const m = modules.findIndex((module) => module.lessons.some((lesson) => lesson.id === id));
  if (m < 0) return false;
  const index = modules[m].lessons.findIndex((lesson) => lesson.id === id);
  const to = index + delta;
  if (to >= 0 && to < modules[m].lessons.length) {
    draft.moveLesson(id, modules[m].id, to);
    return true;
  }
  const next = modules[m + delta];
  if (!next) return false;
  draft.moveLesson(id, next.id, delta < 0 ? next.lessons.length : 0);
  return true;
}
