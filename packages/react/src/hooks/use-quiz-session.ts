import { useEffect, useMemo, useState } from 'react';
import { toLmsError, type LmsError } from '@lms-kit/core';
import type { Quiz } from '@lms-kit/core/quiz';
import { QuizSession, type QuizContext, type QuizSessionState } from '@lms-kit/runtime/quiz';
import type { SessionOptions, SessionServices } from '@lms-kit/runtime';
import { useConnected } from './use-connected.js';
import { useSessionState } from './use-session-state.js';

export interface UseQuizSessionOptions extends Omit<SessionOptions, 'services'> {
  /** Storage and learner; a new value starts a new session. */
  services: SessionServices | undefined;
  /** The quiz (parsed JSON); keep the same object between renders. */
  quiz: Quiz | undefined;
  /** Where the quiz is (a course lesson: `quizLessonContext(course, lesson, registration)`); on its own page, leave it out. */
  context?: QuizContext;
}

export interface QuizSessionHook {
  /** The session: `start()`, `answer(questionId, value)`, `submit()`, `on('lms-attempt-complete', …)`. */
  session: QuizSession;
  /** Its state, re-rendered on every change: the attempts and the one in progress. */
  state: QuizSessionState;
  /** Why the quiz could not open, if it could not. */
  error?: LmsError;
}

/**
 * A quiz in a UI of your own: the headless `QuizSession` that `<lms-quiz>` uses, opened on `quiz`.
 * Attempts resume after a reload or in another tab, with the same answers, order and clock.
 */
export function useQuizSession({ services, quiz, context, ...options }: UseQuizSessionOptions): QuizSessionHook {
  const session = useMemo(() => new QuizSession({ ...options, services }), [services]);
  const [error, setError] = useState<LmsError>();
  useConnected(session);
  useEffect(() => {
    if (!quiz || !services) return;
    setError(undefined);
    session.open(quiz, context, services).catch((reason: unknown) => setError(toLmsError(reason, 'quiz/load-failed')));
  }, [session, quiz, context, services]);
  return { session, state: useSessionState(session), error };
}
