import type { QuizLesson } from '../quiz/model.js';
import type { SessionLesson } from '../sessions/model.js';

/**
 * Course JSON, schema version 1: course → modules → lessons.
 * The document is data an author writes by hand or a tool exports; `validateCourse` checks it.
 * Reference: packages/core/README.md ("Course JSON").
 */
export const COURSE_SCHEMA = 1;

export interface Course {
  schema: typeof COURSE_SCHEMA;
  /** Stable identifier: progress is stored under it, so changing it starts learners over. */
  id: string;
  /** Author's version of the content, recorded with progress and certificates. */
  version?: string;
  title: string;
  description?: string;
  /** BCP 47 language of the content, e.g. `en` or `ar`. */
  language?: string;
  /** Topics for catalogs and badge rules (`"safety"`, `"onboarding"`). */
  tags?: string[];
  /** xAPI activity IRI of the course. Defaults to `urn:lms-kit:course:<id>`. */
  activityId?: string;
  /** Each lesson opens only once the required lesson before it is completed. */
  sequential?: boolean;
  /** Show a discussion (`<lms-discussion>`) under every lesson; a lesson's own `discussion` wins. */
  discussion?: boolean;
  completion?: CourseCompletionRule;
  /** Issue a certificate when the course is completed (see `CourseCertificateRule`). */
  certificate?: CourseCertificateRule;
  modules: Module[];
  /**
   * Language variants that share this course's structure, by BCP 47 language (`fr`, `ar`): only their
   * translated strings, so the base stays the one structure; untranslated strings fall back to the base.
   */
  variants?: Record<string, CourseVariant>;
}

/** A language variant: each translated string by path (as `translatableStrings` names them) and the base text it was translated from. */
export interface CourseVariant {
  strings: Record<string, { source: string; target: string }>;
}

export interface CourseCompletionRule {
  /** Lessons that must be completed; defaults to every lesson that is neither optional nor remedial. */
  lessons?: string[];
  /** Points the learner must also have earned. */
  minPoints?: number;
}

/**
 * When and how a course issues a certificate, how long it is valid and how it is renewed.
 * Reference: packages/core/README.md ("Certificates").
 */
export interface CourseCertificateRule {
  /** Layout of the certificate: `classic` (default) or `modern`. */
  template?: 'classic' | 'modern';
  /** Heading printed on the certificate. Default: "Certificate of completion" in the learner's language. */
  title?: string;
  /** Who issues it; `url` is the issuer's site. */
  issuer: { name: string; url?: string };
  /** How long a certificate stays valid; omitted or `null`: it never expires. */
  validity?: CertificateValidity | null;
  /** `completed` (default): the course is completed. `passed`: completed and every assessment passed. */
  issueWhen?: 'completed' | 'passed';
  /** Score (0..100, the average of the scored lessons) also needed. */
  minScore?: number;
  /** Page that verifies certificates; the QR code links to `<verifyUrl>?certificate=<id>`. Relative to the course document. */
  verifyUrl?: string;
  /** How an expiring certificate is renewed. Default: the whole course is taken again. */
  renewal?: CertificateRenewalRule;
}

export interface CertificateValidity {
  months?: number;
  days?: number;
}

export interface CertificateRenewalRule {
  /** `course`: every lesson is taken again; `module`: only the lessons of `module`, the recertification module. */
  reopen: 'course' | 'module';
  module?: string;
  /** Days before expiry from which learners are told to renew. Default 30. */
  remindDays?: number;
}

export interface Module {
  id: string;
  title: string;
  description?: string;
  /** Lesson or module ids that must be completed before any lesson of this module opens. */
  prerequisites?: string[];
  lessons: Lesson[];
}

export interface LessonBase {
  /** Unique within the course (module ids share the same namespace). */
  id: string;
  kind: string;
  title: string;
  description?: string;
  /** Estimated minutes, shown in the outline. */
  minutes?: number;
  /** Points awarded when the lesson is completed (and not failed). */
  points?: number;
  /** Lesson or module ids that must be completed first. */
  prerequisites?: string[];
  /** Opens once the learner has earned at least this many points. */
  unlock?: { points: number };
  /** Id of an assessment lesson: this lesson opens only after that assessment was failed. */
  remedialFor?: string;
  /** Not needed for course completion. */
  optional?: boolean;
  /** Show a discussion under this lesson (`true`) or not (`false`), whatever the course's `discussion`. */
  discussion?: boolean;
}

export interface TextLesson extends LessonBase {
  kind: 'text';
  /** HTML body (sanitized before display). Either `html` or `src`. */
  html?: string;
  /** URL of an HTML fragment, relative to the course document. */
  src?: string;
  /** `view` (default): completed when opened; `scroll-end`: when read to the end. */
  completion?: 'view' | 'scroll-end';
}

export interface CaptionTrack {
  src: string;
  srclang: string;
  label: string;
  kind?: 'captions' | 'subtitles' | 'descriptions';
}

export interface VideoSource {
  src: string;
  type?: string;
  /** What tells it apart in a choice, e.g. `360p`. */
  label?: string;
}

export interface VideoLesson extends LessonBase {
  kind: 'video';
  src: string;
  /** MIME type of `src`, e.g. `video/webm`, when the URL does not tell. */
  type?: string;
  poster?: string;
  captions?: CaptionTrack[];
  /**
   * Other renditions of the same video (a lower resolution, another format), tried in order after `src`.
   * An offline copy that has no room for `src` can keep one of these instead.
   */
  sources?: VideoSource[];
  /** Percent of the video that must actually be watched (not skipped) to complete it. Default 90. */
  completeAt?: number;
}

export interface DocumentLesson extends LessonBase {
  kind: 'document';
  src: string;
  /** `inline` shows a PDF in the page; `link` opens it in a new tab. Default: inline for `.pdf`, else link. */
  display?: 'inline' | 'link';
}

export interface EmbedLesson extends LessonBase {
  kind: 'embed';
  src: string;
  /** Height of the frame in CSS pixels. Default 480. */
  height?: number;
  /** Iframe `allow` (permissions policy), e.g. `fullscreen`. */
  allow?: string;
  /**
   * `view` (default): completed when shown. `message`: the framed page reports its result with
   * `parent.postMessage({ type: 'lms-kit:result', completed, passed, score }, '*')`.
   */
  completion?: 'view' | 'message';
}

/**
 * Lesson kinds by name. Packages that add a kind augment this interface:
 * `declare module '@lms-kit/core' { interface LessonKinds { scorm: ScormLesson } }`.
 */
export interface LessonKinds {
  text: TextLesson;
  video: VideoLesson;
  document: DocumentLesson;
  embed: EmbedLesson;
  quiz: QuizLesson;
  session: SessionLesson;
}

export type Lesson = LessonKinds[keyof LessonKinds];

/** A course as loaded from a URL: relative lesson URLs resolve against `baseUrl`. */
export interface LoadedCourse {
  course: Course;
  baseUrl?: string;
}

export function courseLessons(course: Course): Lesson[] {
  return course.modules.flatMap((module) => module.lessons);
}

export function findLesson(course: Course, lessonId: string): Lesson | undefined {
  return courseLessons(course).find((lesson) => lesson.id === lessonId);
}

export function moduleOfLesson(course: Course, lessonId: string): Module | undefined {
  return course.modules.find((module) => module.lessons.some((lesson) => lesson.id === lessonId));
}

/** A remedial lesson is a branch, not part of the main path; optional lessons are skippable. */
export function isRequiredLesson(lesson: LessonBase): boolean {
  return !lesson.optional && lesson.remedialFor === undefined;
}
