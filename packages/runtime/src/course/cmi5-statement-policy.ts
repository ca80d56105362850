import type { Course } from '@lms-kit/core';

/**
 * Whether a course session (and so `<lms-course-player>`) makes its own xAPI statements for a course. Not for cmi5 courses: under their
 * registration only the AUs and the LMS side state anything, and only what cmi5 defines (one
 * "launched" per AU session, "satisfied", "abandoned", "waived": cmi5 9.3). The player's launched,
 * initialized, experienced, progressed and completed would break "one launched per registration" and
 * give the LRS a second, differently typed view of the cmi5 course activity.
 */
export function playerMakesStatements(course: Course): boolean {
  // The cmi5-au lesson kind is registered by the elements' cmi5 support, so it is compared as a plain string.
  return !course.modules.some((module) => module.lessons.some((lesson) => (lesson.kind as string) === 'cmi5-au'));
}
