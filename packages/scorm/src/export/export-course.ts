import { LmsError, courseLessons, parseCourse, type Course, type ValidationIssue } from '@lms-kit/core';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { cmi5Structure } from './cmi5-structure.js';
import { courseFileReferences, normalizePath } from './course-files.js';
import { launchPage } from './launch-page.js';
import { packageBridge, type ExportFormat } from './package-bridge.js';
import { scormManifest } from './scorm-manifest.js';

export type FileContent = Uint8Array | string | Blob;

export interface ExportRuntime {
  /**
   * URL of the module that defines `<lms-course-player>`, relative to the package (a file in `files`,
   * e.g. `lms-kit/lms-kit.js`, the CDN bundle of `@lms-kit/elements`) or absolute (a CDN).
   */
  entry: string;
  /** Files of the runtime, by path inside the package. */
  files?: Record<string, FileContent>;
}

export interface ExportOptions {
  format: ExportFormat;
  runtime: ExportRuntime;
  /** The course's own files (videos, documents, text fragments…), by the relative path the course uses. */
  files?: Record<string, FileContent>;
}

export interface ExportedPackage {
  /** The zip, ready to upload to an LMS. */
  zip: Uint8Array;
  /** A file name for it: `<course id>-<format>.zip`. */
  fileName: string;
  /** Every path inside the zip. */
  files: string[];
}

export const LAUNCH_PAGE = 'index.html';
const BRIDGE = 'lms-kit-bridge.js';

/**
 * Exports a native course as a SCORM 1.2, SCORM 2004 4th edition or cmi5 package: the course JSON, its
 * files, the runtime and a launch page whose `<lms-course-player>` plays the same lesson views and
 * reports completion, score and bookmark to the LMS. The course is validated first
 * (`course/invalid`), and every file it refers to must be given (`export/missing-file`).
 */
export async function exportCoursePackage(input: unknown, options: ExportOptions): Promise<ExportedPackage> {
  const course = parseCourse(input);
  const entries = new Map<string, Uint8Array>();
  const add = async (path: string, content: FileContent) => entries.set(normalizePath(path), await bytesOf(content));
  for (const [path, content] of Object.entries(options.files ?? {})) await add(path, content);
  for (const [path, content] of Object.entries(options.runtime.files ?? {})) await add(path, content);

  const issues: ValidationIssue[] = courseFileReferences(course)
    .filter((path) => !entries.has(path))
    .map((path) => ({ path, message: `the course refers to "${path}", which is not among the files given` }));
  if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(options.runtime.entry) && !entries.has(normalizePath(options.runtime.entry))) {
    issues.push({ path: 'runtime.entry', message: `the runtime entry "${options.runtime.entry}" is not among the runtime files` });
  }
  if (issues.length) {
    throw new LmsError('export/missing-file', `The package would be incomplete: ${issues.map((issue) => issue.message).join('; ')}.`, {
      issues,
    });
  }

  entries.set('course.json', strToU8(JSON.stringify(course, null, 2)));
  entries.set(LAUNCH_PAGE, strToU8(launchPage(course, options.runtime.entry, BRIDGE)));
  const bridgeArguments = [options.format, questionTypes(course)].map((value) => JSON.stringify(value)).join(', ');
  entries.set(BRIDGE, strToU8(`(${packageBridge.toString()})(${bridgeArguments});\n`));
  const descriptor = options.format === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml';
  const files = [...entries.keys()].sort();
  entries.set(
    descriptor,
    strToU8(
      options.format === 'cmi5'
        ? cmi5Structure(course, LAUNCH_PAGE)
        : scormManifest(course, options.format === 'scorm12' ? '1.2' : '2004', LAUNCH_PAGE, files),
    ),
  );
  const zippable: Zippable = {};
  for (const path of [descriptor, ...files]) zippable[path] = entries.get(path)!;
  return { zip: zipSync(zippable, { level: 9 }), fileName: `${course.id}-${options.format}.zip`, files: [descriptor, ...files] };
}

/** The type of each question of the course's inline quizzes, by `<quiz id>/<question id>` (and by lesson id). */
function questionTypes(course: Course): Record<string, string> {
  const types: Record<string, string> = {};
  for (const lesson of courseLessons(course)) {
    if (lesson.kind !== 'quiz' || !lesson.quiz) continue;
    const quiz = lesson.quiz;
    for (const question of [...(quiz.questions ?? []), ...(quiz.banks ?? []).flatMap((bank) => bank.questions)]) {
      types[`${quiz.id}/${question.id}`] = question.type;
      types[`${lesson.id}/${question.id}`] = question.type;
    }
  }
  return types;
}

async function bytesOf(content: FileContent): Promise<Uint8Array> {
  if (typeof content === 'string') return strToU8(content);
  if (content instanceof Uint8Array) return content;
  return new Uint8Array(await content.arrayBuffer());
}
