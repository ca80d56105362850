import type { FieldChecker } from './checks.js';
import { builtinLessonKinds } from './builtin-kinds.js';

/**
 * A lesson kind tells validation which fields its lessons need. Rendering is registered separately
 * by `@lms-kit/elements`, so headless tools (importers, exporters, servers) can validate courses
 * without any DOM code.
 */
export interface LessonKindDefinition {
  kind: string;
  /** Checks the kind's own fields; the common lesson fields are already checked. */
  validate(lesson: FieldChecker): void;
  /** Whether lessons of this kind report passed/failed, so they can be the target of `remedialFor`. */
  assessment?: boolean | ((lesson: Record<string, unknown>) => boolean);
}

const kinds = new Map<string, LessonKindDefinition>(builtinLessonKinds.map((definition) => [definition.kind, definition]));

export function registerLessonKind(definition: LessonKindDefinition): void {
  kinds.set(definition.kind, definition);
}

export function getLessonKind(kind: string): LessonKindDefinition | undefined {
  return kinds.get(kind);
}

export function lessonKindNames(): string[] {
  return [...kinds.keys()];
}

export function isAssessmentLesson(lesson: Record<string, unknown>): boolean {
  const assessment = kinds.get(String(lesson.kind))?.assessment;
  return typeof assessment === 'function' ? assessment(lesson) : Boolean(assessment);
}
