import type { LessonBase, LessonKindDefinition } from '@lms-kit/core';

/**
 * A SCORM package as one lesson of a native course:
 * `{ "kind": "scorm", "src": "packages/fire-safety.zip" }`. `src` is the URL of the .zip, or of an
 * unpacked package folder (ending in `/`) served as it is. `item` picks one item of the package;
 * without it the lesson plays every launchable item of the default organization in order.
 */
export interface ScormLesson extends LessonBase {
  kind: 'scorm';
  src: string;
  /** Identifier of the manifest item to launch. */
  item?: string;
  /**
   * Further items this lesson plays when sequencing delivers them: items hidden from the outline
   * (`isvisible="false"`) that come after `item` (a package played as a course puts them here).
   */
  items?: string[];
  /** Height of the content frame in CSS pixels. Default 560. */
  height?: number;
}

declare module '@lms-kit/core' {
  interface LessonKinds {
    scorm: ScormLesson;
  }
}

/** Validation of `scorm` lessons; registered where courses are validated (it loads with validation, not with the page). */
export const scormLessonKind: LessonKindDefinition = {
  kind: 'scorm',
  // A SCO may report passed or failed, so a SCORM lesson can open a remedial lesson.
  assessment: true,
  validate(lesson) {
    lesson.url('src', { required: true });
    lesson.string('item');
    lesson.stringArray('items');
    lesson.number('height', { min: 100, max: 5000 });
  },
};
