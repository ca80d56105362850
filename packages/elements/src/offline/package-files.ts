import type { Course } from '@lms-kit/core';
import type { StorageAdapter } from '@lms-kit/storage';
import type { Cmi5CourseRecord } from '@lms-kit/xapi/cmi5';

/**
 * Files a SCORM or cmi5 package needs from outside the zip, for its offline copy: resources whose
 * `href` or files resolve (with their `xml:base`) to absolute URLs, and cmi5 AUs launched from an
 * absolute URL. Only those of this site's origin are kept: another origin's files are that site's to
 * serve, and reading them here would need it to allow it (CORS).
 */
export async function packageExternalFiles(url: string, course: Course, storage?: StorageAdapter): Promise<string[]> {
  const cmi5 = course.modules.flatMap((module) => module.lessons).find((lesson) => lesson.kind === 'cmi5-au');
  const urls = cmi5 ? await cmi5AuUrls(cmi5 as unknown as { cmi5: { courseKey: string } }, storage) : await scormFiles(url);
  return [...new Set(urls.filter((file) => /^https?:/i.test(file) && new URL(file).origin === location.origin))];
}

async function scormFiles(url: string): Promise<string[]> {
  const { openPackage } = await import('@lms-kit/scorm/runtime');
  const { manifest } = await openPackage(url);
  return Object.values(manifest.resources).flatMap((resource) => [...(resource.href ? [resource.href] : []), ...resource.files]);
}

async function cmi5AuUrls(lesson: { cmi5: { courseKey: string } }, storage?: StorageAdapter): Promise<string[]> {
  if (!storage) return [];
  const { Cmi5Collections, allAus } = await import('@lms-kit/xapi/cmi5');
  const record = await storage.getRecord<Cmi5CourseRecord>(Cmi5Collections.courses, lesson.cmi5.courseKey);
  return record ? allAus(record.structure.children).map((au) => au.url) : [];
}
