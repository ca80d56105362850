import { useEffect, useMemo, useState } from 'react';
import { toLmsError, type Course, type LmsError, type LoadedCourse } from '@lms-kit/core';
import { CourseSession, type CourseSessionOptions, type CourseSessionState } from '@lms-kit/runtime/course';
import type { SessionServices } from '@lms-kit/runtime';
import { useConnected } from './use-connected.js';
import { useSessionState } from './use-session-state.js';

export interface UseCourseSessionOptions extends Omit<CourseSessionOptions, 'services'> {
  /** Storage and learner (e.g. `createIndexedDbStorage()` and `learnerFromActor(…)`); a new value starts a new session. */
  services: SessionServices | undefined;
  /** The course (parsed JSON), or `{ course, baseUrl }`; keep the same object between renders. */
  course: Course | LoadedCourse | undefined;
}

export interface CourseSessionHook {
  /** The session: `open(lessonId)`, `step(1, true)`, `report({ result })`, `on('lms-course-complete', …)`. */
  session: CourseSession;
  /** Its state, re-rendered on every change: `state.state` has lesson states, percent and points. */
  state: CourseSessionState;
  /** Why the course could not start (no services, storage refused), if it could not. */
  error?: LmsError;
}

const asLoaded = (course: Course | LoadedCourse): LoadedCourse => ('modules' in course ? { course } : course);

/**
 * A learner taking a course in a UI of your own: the headless `CourseSession` that `<lms-course-player>`
 * uses, started with `course` and kept connected to the page while the component is mounted. The other
 * options (clock, statement sink, course rules, certificates) are read when the session is created.
 */
export function useCourseSession({ services, course, ...options }: UseCourseSessionOptions): CourseSessionHook {
  // A session belongs to one learner's storage: new services, new session.
  const session = useMemo(() => new CourseSession({ ...options, services }), [services]);
  const [error, setError] = useState<LmsError>();
  useConnected(session);
  useEffect(() => {
    if (!course || !services) return;
    setError(undefined);
    session.start(asLoaded(course), services).catch((reason: unknown) => setError(toLmsError(reason, 'course/load-failed')));
  }, [session, course, services]);
  return { session, state: useSessionState(session), error };
}
