import type { Course } from '@lms-kit/core';
import type { ExportFormat } from './editor-parts.js';

export interface ExportSettings {
  /** Where the course's relative file URLs resolve. */
  baseUrl: string;
  /** The LMS Kit bundle the package's launch page loads. */
  runtimeUrl: string;
}

/**
 * Downloads the course as JSON, or as a SCORM 1.2, SCORM 2004 or cmi5 zip made by
 * `@lms-kit/scorm/export` (loaded with the first export) with the course's relative files fetched in.
 */
export async function exportCourse(course: Course, format: ExportFormat, settings: ExportSettings): Promise<void> {
  if (format === 'json') {
    download(new Blob([JSON.stringify(course, null, 2)], { type: 'application/json' }), `${course.id}.json`);
    return;
  }
  const { exportCoursePackage, courseFileReferences } = await import('@lms-kit/scorm/export');
  const files: Record<string, Blob> = {};
  for (const path of courseFileReferences(course)) {
    const response = await fetch(new URL(path, settings.baseUrl));
    if (response.ok) files[path] = await response.blob();
  }
  const { zip, fileName } = await exportCoursePackage(course, { format, files, runtime: { entry: settings.runtimeUrl } });
  download(new Blob([zip as BlobPart], { type: 'application/zip' }), fileName);
}

function download(blob: Blob, name: string): void {
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
