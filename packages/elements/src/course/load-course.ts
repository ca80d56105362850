import { LmsError, type Course, type LoadedCourse } from '@lms-kit/core';

/** Fetches and validates a course document; relative lesson URLs later resolve against its URL. */
export async function loadCourse(src: string, signal?: AbortSignal): Promise<LoadedCourse> {
  const url = new URL(src, document.baseURI).href;
  // A SCORM package (.zip, or an unpacked folder's manifest) plays as a course of its own.
  if (/(\.zip|imsmanifest\.xml)$/i.test(new URL(url).pathname)) return (await import('./scorm-course.js')).loadScormCourse(url);
  void import('@lms-kit/core/validate'); // fetched alongside the course
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new LmsError('course/load-failed', `Could not download the course from ${url} (offline or blocked).`, { cause: error });
  }
  if (!response.ok) {
    throw new LmsError('course/load-failed', `Could not download the course from ${url}: HTTP ${response.status}.`);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw new LmsError('course/invalid', `The course at ${url} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
      issues: [{ path: '', message: 'not valid JSON' }],
    });
  }
  return { course: await parseCourseLazily(json), baseUrl: response.url || url };
}

/** Validation is loaded with the first course, not with the page: progress views never need it. */
export async function parseCourseLazily(json: unknown): Promise<Course> {
  const { parseCourse } = await import('./validate-course.js');
  return parseCourse(json);
}
