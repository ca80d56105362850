import type { Course, Lesson } from '../course/model.js';
import { uuid } from '../ids.js';
import type { Learner } from '../learner.js';
import type { CourseProgress, LessonResult } from '../progress/model.js';
import { toIsoDuration } from './duration.js';
import type { Activity, Agent, Statement, StatementContext, StatementResult, Verb } from './model.js';
import { ActivityTypes, Extensions, PLATFORM, Verbs } from './vocabulary.js';

export interface StatementInput {
  actor: Agent;
  verb: Verb;
  object: Activity;
  result?: StatementResult;
  context?: StatementContext;
  timestamp?: Date;
}

/** A complete statement with its id fixed now, so a resend after a timeout can never duplicate it. */
export function buildStatement(input: StatementInput): Statement {
  const statement: Statement = {
    id: uuid(),
    actor: input.actor,
    verb: input.verb,
    object: input.object,
    timestamp: (input.timestamp ?? new Date()).toISOString(),
  };
  if (input.result) statement.result = input.result;
  if (input.context) statement.context = input.context;
  return statement;
}

export function courseActivityId(course: Course): string {
  return course.activityId ?? `urn:lms-kit:course:${course.id}`;
}

export function lessonActivityId(course: Course, lessonId: string): string {
  const base = courseActivityId(course);
  return base.startsWith('urn:') ? `${base}:lesson:${lessonId}` : `${base.replace(/\/$/, '')}/lessons/${encodeURIComponent(lessonId)}`;
}

function languageMap(course: Course, text: string): Record<string, string> {
  return { [course.language ?? 'und']: text };
}

export function courseActivity(course: Course): Activity {
  return {
    objectType: 'Activity',
    id: courseActivityId(course),
    definition: { type: ActivityTypes.course, name: languageMap(course, course.title) },
  };
}

const LESSON_TYPES: Record<string, string> = { video: ActivityTypes.video, document: ActivityTypes.document };

export function lessonActivity(course: Course, lesson: Lesson): Activity {
  return {
    objectType: 'Activity',
    id: lessonActivityId(course, lesson.id),
    definition: { type: LESSON_TYPES[lesson.kind] ?? ActivityTypes.lesson, name: languageMap(course, lesson.title) },
  };
}

/**
 * Builds the statements a course session produces. One instance per (learner, course, registration)
 * keeps every statement's context consistent.
 */
export class CourseStatements {
  constructor(
    private readonly course: Course,
    private readonly learner: Learner,
    private readonly registration: string,
  ) {}

  private context(withParent: boolean): StatementContext {
    const context: StatementContext = { registration: this.registration, platform: PLATFORM };
    if (this.course.language) context.language = this.course.language;
    if (withParent) context.contextActivities = { parent: [courseActivity(this.course)] };
    return context;
  }

  private build(verb: Verb, object: Activity, result?: StatementResult, timestamp?: Date): Statement {
    return buildStatement({
      actor: this.learner.actor,
      verb,
      object,
      result,
      context: this.context(object.id !== courseActivityId(this.course)),
      timestamp,
    });
  }

  courseLaunched(now?: Date): Statement {
    return this.build(Verbs.launched, courseActivity(this.course), undefined, now);
  }

  lessonInitialized(lesson: Lesson, now?: Date): Statement {
    return this.build(Verbs.initialized, lessonActivity(this.course, lesson), undefined, now);
  }

  lessonExperienced(lesson: Lesson, durationMs: number, now?: Date): Statement {
    return this.build(Verbs.experienced, lessonActivity(this.course, lesson), { duration: toIsoDuration(durationMs) }, now);
  }

  lessonProgressed(lesson: Lesson, fraction: number, now?: Date): Statement {
    const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
    return this.build(Verbs.progressed, lessonActivity(this.course, lesson), { extensions: { [Extensions.progress]: percent } }, now);
  }

  lessonCompleted(lesson: Lesson, result: LessonResult, durationMs: number, now?: Date): Statement {
    const statementResult: StatementResult = { completion: true, duration: toIsoDuration(durationMs) };
    if (result.passed !== undefined) statementResult.success = result.passed;
    if (result.score) statementResult.score = result.score;
    return this.build(Verbs.completed, lessonActivity(this.course, lesson), statementResult, now);
  }

  courseProgressed(percent: number, now?: Date): Statement {
    return this.build(Verbs.progressed, courseActivity(this.course), { extensions: { [Extensions.progress]: percent } }, now);
  }

  /**
   * The course completed, after `durationMs` (or the time in `progress`), with the course's own result
   * when its content rolled one up (success and score).
   */
  courseCompleted(durationMs: number | CourseProgress, now?: Date): Statement {
    const result = typeof durationMs === 'number' ? undefined : durationMs.result;
    const ms = typeof durationMs === 'number' ? durationMs : durationMs.timeSpentMs;
    const statementResult: StatementResult = { completion: true, duration: toIsoDuration(ms) };
    if (result?.passed !== undefined) statementResult.success = result.passed;
    if (result?.score) statementResult.score = result.score;
    return this.build(Verbs.completed, courseActivity(this.course), statementResult, now);
  }
}
