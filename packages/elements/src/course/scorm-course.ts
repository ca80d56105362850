import type { LoadedCourse } from '@lms-kit/core';

/** A SCORM package as a course: its organization is the outline, each launchable item a lesson. */
export async function loadScormCourse(url: string): Promise<LoadedCourse> {
  const [{ openPackage, packageCourse }, { parseCourse }] = await Promise.all([
    import('@lms-kit/scorm/runtime'),
    import('./validate-course.js'),
  ]);
  const opened = await openPackage(url);
  return { course: parseCourse(packageCourse(opened.manifest, url)), baseUrl: url };
}
