import { applyCourseResult, courseLessons, type Course, type CourseResult, type LessonAvailability } from '@lms-kit/core';
import type { ScormLesson } from '@lms-kit/scorm';
import type { PackageSequencer, RootStatus } from '@lms-kit/scorm/runtime';
import type { CourseRules, CourseRulesContext } from '../course/course-rules.js';
import { governed, packageSequencer } from './sequencers.js';

/**
 * SCORM 2004 sequencing over a course whose lessons are the items of one sequenced package (the package
 * played as a course, or a course made of its items): the engine decides which lessons may be chosen
 * and why not (the outline's locks), where Previous and Next lead, which lesson it delivers, and, when
 * the package is the whole course, the course's completion and success (its rolled-up root status).
 * Courses without such lessons get no rules; a package played as one lesson is sequenced by its view.
 */
export async function createCourseRules(context: CourseRulesContext): Promise<CourseRules | undefined> {
  const { course, services } = context;
  if (!course || !services) return undefined;
  const lessons = courseLessons(course);
  const items = lessons.filter((lesson): lesson is ScormLesson => lesson.kind === 'scorm' && !!(lesson as ScormLesson).item);
  const sources = new Set(items.map((lesson) => new URL(lesson.src, document.baseURI).href));
  if (sources.size !== 1) return undefined;
  const runtime = await import('@lms-kit/scorm/runtime');
  const opened = await runtime.openPackage([...sources][0], document.baseURI);
  if (!runtime.PackageSequencer.needed(opened.manifest)) return undefined;
  const sequencer = await packageSequencer(runtime, opened.manifest, services, course.id);
  return new SequencedCourse(sequencer, items, items.length === lessons.length ? course : undefined, context);
}

class SequencedCourse implements CourseRules {
  availability?: LessonAvailability;
  private readonly lessonOf = new Map<string, string>();
  private readonly itemOf = new Map<string, string>();
  /** Lessons that play items hidden from the outline, by item. */
  private readonly hostOf = new Map<string, string>();
  private reported?: string;

  constructor(
    private readonly sequencer: PackageSequencer,
    lessons: ScormLesson[],
    /** The course, when the package is all of it: the package's root status is the course's result. */
    private readonly wholeCourse: Course | undefined,
    private readonly context: CourseRulesContext,
  ) {
    for (const lesson of lessons) {
      this.lessonOf.set(lesson.item as string, lesson.id);
      this.itemOf.set(lesson.id, lesson.item as string);
      for (const hidden of lesson.items ?? []) this.hostOf.set(hidden, lesson.id);
    }
    governed.add(sequencer);
    sequencer.addEventListener('deliver', this.onDeliver);
    sequencer.addEventListener('availability', this.onChange);
    // The root's status as the session ended (exit all), before a new session starts a new attempt.
    sequencer.addEventListener('end', this.onChange);
    this.refresh();
  }

  step(step: 1 | -1, lessonId?: string, go?: boolean): boolean | undefined {
    if (!lessonId || !this.itemOf.has(lessonId)) return undefined;
    const request = step === 1 ? 'continue' : 'previous';
    const possible = this.sequencer.canFlow(request);
    if (go && possible) this.sequencer.flow(request);
    return possible;
  }

  dispose(): void {
    governed.delete(this.sequencer);
    this.sequencer.removeEventListener('deliver', this.onDeliver);
    this.sequencer.removeEventListener('availability', this.onChange);
    this.sequencer.removeEventListener('end', this.onChange);
  }

  /** The engine delivered an activity: it is open to the learner now, and the player goes there. */
  private onDeliver = (event: Event): void => {
    this.onChange();
    const itemId = (event as CustomEvent<string>).detail;
    const lessonId = this.lessonOf.get(itemId) ?? this.hostOf.get(itemId);
    if (lessonId) this.context.navigate?.(lessonId);
  };

  private onChange = (): void => {
    this.refresh();
    const { progress } = this.context;
    if (progress) this.context.setProgress(progress);
  };

  private refresh(): void {
    const availability: LessonAvailability = {};
    for (const [item, hold] of this.sequencer.availability()) {
      const lessonId = this.lessonOf.get(item);
      if (lessonId) availability[lessonId] = { type: 'sequencing', hold };
    }
    this.availability = availability;
    this.report(this.sequencer.rootStatus());
  }

  /** The package's rolled-up status becomes the course's result, through the course's progress. */
  private report(status: RootStatus | undefined): void {
    const course = this.wholeCourse;
    if (!status || !course) return;
    const result: CourseResult = { completed: status.completed };
    if (status.passed !== undefined) result.passed = status.passed;
    if (status.score !== undefined) result.score = { scaled: status.score };
    const key = JSON.stringify(result);
    if (key === this.reported) return;
    this.reported = key;
    void this.context.update((progress) => applyCourseResult(progress, course, result, new Date()));
  }
}
