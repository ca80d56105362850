/**
 * The contract of a quiz graded elsewhere (`"grading": "server"`): a server that holds the answer key,
 * hands out the questions of each attempt without it, keeps the clock and the attempt count, and grades.
 * `@lms-kit/storage/http` implements it against the LMS Kit server; `QuizSession` uses it.
 */
import type { QuizAttempt } from './attempt.js';
import type { Question, Quiz } from './model.js';

/** One attempt as the grader lets the page see it. */
export interface RemoteAttemptView {
  attempt: QuizAttempt;
  /** The attempt's questions in the order shown; the answer key only where review allows it. */
  questions: Question[];
  /** Attempts left (a number; `null` when unlimited, as JSON has no Infinity). */
  left: number | null;
  /** Whether `questions` carry the right answers (review after submit, when the quiz allows it). */
  correctAnswersShown: boolean;
  /** The grader's clock when it answered: deadlines are on it. */
  serverTime: string;
}

export interface RemoteQuizState {
  /** The quiz's settings, with no question. */
  quiz: Quiz;
  courseId: string;
  activityId: string;
  attempts: QuizAttempt[];
  left: number | null;
  /** Questions in an attempt (fixed ones and draws). */
  questionCount: number;
  serverTime: string;
}

export interface RemoteQuizGrader {
  state(quizId: string): Promise<RemoteQuizState>;
  /** Starts an attempt, or resumes the one in progress. */
  start(quizId: string): Promise<RemoteAttemptView>;
  answer(quizId: string, attemptId: string, questionId: string, value: unknown): Promise<{ attempt: QuizAttempt; serverTime: string }>;
  submit(quizId: string, attemptId: string): Promise<RemoteAttemptView>;
  review(quizId: string, attemptId: string): Promise<RemoteAttemptView>;
}
