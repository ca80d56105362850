import type { LessonResult, LmsError } from '@lms-kit/core';
import type { AttemptResult } from '@lms-kit/core/quiz';

/** Where the learner is inside a lesson, saved so they can resume there. */
export interface LessonPosition {
  /** Seconds into a video or audio. */
  position?: number;
  /** Fraction 0..1 of the lesson scrolled. */
  scroll?: number;
  /** Kind-specific state (watched ranges, SCORM CMI data, quiz answers…). */
  data?: unknown;
}

/** What the lesson being shown reports: a result and/or a position to keep. */
export interface LessonReport {
  result?: LessonResult;
  position?: LessonPosition;
}

export interface LessonCompleteDetail {
  courseId: string;
  lessonId: string;
  result: LessonResult;
}

export interface CourseCompleteDetail {
  courseId: string;
  completedAt: string;
  points: number;
}

export interface ProgressChangeDetail {
  courseId: string;
  /** 0..100 */
  percent: number;
  completedLessons: number;
  requiredLessons: number;
  points: number;
  completed: boolean;
}

export interface ErrorDetail {
  error: LmsError;
  /** True when the session keeps working (e.g. a save failed but the learner can go on). */
  recoverable: boolean;
}

export interface QuizStartDetail {
  quizId: string;
  attemptId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** ISO time the attempt is submitted at, when the quiz has a time limit. */
  deadline?: string;
}

export interface QuestionAnswerDetail {
  quizId: string;
  attemptId: string;
  questionId: string;
  response: unknown;
  /** True when the learner checked the answer (immediate feedback): it is final. */
  checked: boolean;
}

export interface QuizSubmitDetail {
  quizId: string;
  attemptId: string;
  /** Questions with no answer yet. */
  unanswered: number;
  /** True when the deadline submits the attempt; that submission cannot be cancelled. */
  auto: boolean;
}

export interface AttemptCompleteDetail {
  quizId: string;
  attemptId: string;
  attempt: number;
  /** Score, pass/fail (undefined without a passing score or while pending) and each question's result. */
  result: AttemptResult;
  /** An answer waits for a person to grade it: the final result comes with a later event. */
  pending: boolean;
}
