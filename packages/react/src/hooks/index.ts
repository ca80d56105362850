/**
 * React hooks over LMS Kit's headless sessions (`@lms-kit/runtime`): build your own course or quiz UI
 * with the same progress, resume, statements and rules as the elements. No custom element is defined.
 */
export { useSessionState, type ObservableSession } from './use-session-state.js';
export { useConnected } from './use-connected.js';
export { useCourseSession, type UseCourseSessionOptions, type CourseSessionHook } from './use-course-session.js';
export { useQuizSession, type UseQuizSessionOptions, type QuizSessionHook } from './use-quiz-session.js';
