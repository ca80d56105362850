import type { Agent, Score, Statement } from '@lms-kit/core';
import type { StoredRecord } from '@lms-kit/storage';
import type { Cmi5CourseStructure } from './structure.js';
import type { LaunchMode, MoveOn } from './vocabulary.js';

/** The record collections cmi5 keeps in the learner's storage (`putRecord`/`listRecords`). */
export const Cmi5Collections = {
  courses: 'cmi5-courses',
  files: 'cmi5-files',
  sessions: 'cmi5-sessions',
  auStatus: 'cmi5-au-status',
  satisfied: 'cmi5-satisfied',
  statements: 'cmi5-statements',
  documents: 'cmi5-documents',
} as const;

/** An imported course: its structure and the activity ids the LMS generated for it (cmi5 8.1.5, 9.4). */
export interface Cmi5CourseRecord extends StoredRecord {
  /** `courseKey`: stable for a course publisher id, so a new version keeps the learners' progress. */
  id: string;
  structure: Cmi5CourseStructure;
  /** Where relative AU URLs resolve: the package's files served by the service worker, or cmi5.xml's URL. */
  contentBase: string;
  /** Where the course was imported from. */
  source: string;
  /** Changes when the package changes: files are stored again only then. */
  fingerprint: string;
  importedAt: string;
  /** LMS activity ids, by publisher id: never equal to the publisher's own ids. */
  activityIds: Record<string, string>;
}

export type SessionState = 'launched' | 'initialized' | 'terminated' | 'abandoned';

/** One AU launch, from `launched` to `terminated` or `abandoned`. */
export interface Cmi5Session extends StoredRecord {
  id: string;
  learnerId: string;
  courseId: string;
  registration: string;
  /** Publisher id of the AU. */
  auId: string;
  /** LMS activity id of the AU (the launch URL's `activityId`). */
  activityId: string;
  actor: Agent;
  launchMode: LaunchMode;
  moveOn: MoveOn;
  masteryScore?: number;
  launchUrl: string;
  launchedAt: string;
  /** Secret half of the auth token handed out once by the fetch URL. */
  secret: string;
  tokenFetched: boolean;
  state: SessionState;
  /** The AU read its learner preferences (cmi5 11): only then may it send "initialized". */
  preferencesRead?: boolean;
  /** cmi5 defined verbs the AU used in this session. */
  verbs: string[];
  lastStatementAt?: string;
  endedAt?: string;
}

/** Where a learner stands with one AU in one registration. */
export interface Cmi5AuStatus extends StoredRecord {
  id: string;
  learnerId: string;
  courseId: string;
  registration: string;
  auId: string;
  completed: boolean;
  passed: boolean;
  failed: boolean;
  waived: boolean;
  satisfied: boolean;
  score?: Score;
  updatedAt: string;
}

export interface Cmi5StoredStatement extends StoredRecord {
  id: string;
  statement: Statement;
  registration?: string;
  sessionId?: string;
}

export interface Cmi5Document extends StoredRecord {
  id: string;
  contentType: string;
  body: string;
  etag: string;
  updated: string;
}

export const auStatusId = (registration: string, auId: string) => `${registration}|${auId}`;
export const satisfiedId = (registration: string, objectId: string) => `${registration}|${objectId}`;

/** A short, stable, non-cryptographic hash (FNV-1a, 32 bits) for ids derived from IRIs. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export function courseKeyOf(structure: Cmi5CourseStructure): string {
  return `cmi5-${shortHash(structure.id)}`;
}
