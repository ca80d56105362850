import { LmsError, type Course, type LoadedCourse } from '@lms-kit/core';
import type { LmsServices } from '../context/services.js';

/**
 * Fetches and validates a course document; relative lesson URLs later resolve against its URL.
 * A SCORM or cmi5 package (a `.zip`, `imsmanifest.xml` or `cmi5.xml`) is imported by code loaded only then.
 */
export async function loadCourse(src: string, signal?: AbortSignal, services?: LmsServices): Promise<LoadedCourse> {
  const url = new URL(src, document.baseURI).href;
  // A package plays as a course of its own; the code for its standard loads only then.
  const kind = /\.(zip|xml)$/i.test(new URL(url).pathname) ? await (await import('./package-kind.js')).packageKind(url, signal) : undefined;
  if (kind === 'scorm') return (await import('./scorm-course.js')).loadScormCourse(url);
  if (kind === 'cmi5') return (await import('../cmi5/load-cmi5-course.js')).loadCmi5Course(url, signal, services);
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
