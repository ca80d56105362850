/**
 * The page side of a server-graded quiz: what the grader last said (the attempt's questions without the
 * key, attempts left, whether review shows the right answers) and the offset of the grader's clock, on
 * which deadlines are kept.
 */
import { LmsError } from '@lms-kit/core';
import type { Quiz, QuizAttempt, RemoteAttemptView, RemoteQuizGrader, RemoteQuizState } from '@lms-kit/core/quiz';
import type { SessionServices } from '../services.js';

/** The grader of the provider's storage (`HttpStorageAdapter.quizzes`), or the one given. */
export function findGrader(services: SessionServices, given?: RemoteQuizGrader): RemoteQuizGrader {
  const grader = given ?? (services.storage as { quizzes?: RemoteQuizGrader }).quizzes;
  if (!grader) throw new LmsError('quiz/no-services', 'A server-graded quiz needs storage on an LMS Kit server (HttpStorageAdapter).');
  return grader;
}

export class RemoteQuiz {
  left = Infinity;
  correctAnswersShown = false;
  /** Questions per attempt, as the server says (the page holds only the attempt's). */
  questionCount?: number;
  /** Grader's clock minus ours, in ms. */
  offsetMs = 0;

  constructor(
    readonly grader: RemoteQuizGrader,
    private readonly clock: () => Date,
  ) {}

  /** The grader's time now. */
  now(): Date {
    return new Date(this.clock().getTime() + this.offsetMs);
  }

  private heard(serverTime: string, left: number | null): void {
    this.offsetMs = Date.parse(serverTime) - this.clock().getTime();
    this.left = left ?? Infinity;
  }

  /** The quiz as the page may hold it: the settings, with the questions of the attempt shown. */
  fromState(state: RemoteQuizState): Quiz {
    this.heard(state.serverTime, state.left);
    this.questionCount = state.questionCount;
    return { ...state.quiz, questions: [] };
  }

  fromView(quiz: Quiz, view: RemoteAttemptView): { quiz: Quiz; attempt: QuizAttempt } {
    this.heard(view.serverTime, view.left);
    this.correctAnswersShown = view.correctAnswersShown;
    return { quiz: { ...quiz, questions: view.questions }, attempt: view.attempt };
  }
}
