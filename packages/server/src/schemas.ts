/** Request bodies, validated before any SQL runs. Records are open objects: the browser's model owns their fields. */
import { z } from 'zod';

const id = z.string().min(1).max(512);
export const progressBody = z.object({
  value: z.looseObject({ learnerId: id, courseId: id, lessons: z.record(z.string(), z.unknown()) }),
});
export const lessonStateBody = z.object({ value: z.looseObject({ learnerId: id, courseId: id, lessonId: id }) });
export const attemptBody = z.looseObject({
  id,
  learnerId: id,
  courseId: id,
  activityId: id,
  status: z.enum(['in-progress', 'completed', 'pending-grading', 'abandoned']),
  startedAt: z.string().min(1),
  updatedAt: z.string().min(1),
});
export const attemptQuery = z.object({ learner: id, course: id.optional(), activity: id.optional() });
export const valueBody = z.object({ value: z.unknown().refine((v) => v !== undefined, 'a value is required') });
export const recordBody = z.looseObject({ id, learnerId: id.optional(), courseId: id.optional() });
export const recordQuery = z.object({ learner: id.optional(), course: id.optional() });
export const statementsBody = z.object({ statements: z.array(z.looseObject({ id: z.uuid() })).max(1000) });
export const outboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000), after: z.coerce.number().int().optional() });
export const seqsBody = z.object({ seqs: z.array(z.number().int()).max(10000) });
export const learnerQuery = z.object({ learner: id });
export const groupBody = z.object({ name: z.string().max(200).optional() });
export const memberBody = z.object({ role: z.enum(['learner', 'instructor']).default('learner') });
export const courseBody = z.object({
  title: z.string().max(500).optional(),
  selfEnroll: z.boolean().default(false),
  instructors: z.array(id).max(1000).default([]),
});
export const enrollmentBody = z
  .object({ courseId: id, learnerId: id.optional(), groupId: id.optional(), dueAt: z.iso.datetime({ offset: true }).optional() })
  .refine((b) => (b.learnerId === undefined) !== (b.groupId === undefined), 'enroll either a learnerId or a groupId');
export const reportQuery = z.object({
  course: id.optional(),
  group: id.optional(),
  learner: id.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  /** Cursor: the last learner id of the previous page. */
  after: z.string().max(512).optional(),
});
const day = z.iso.datetime({ offset: true }).or(z.iso.date());
export const summaryQuery = z.object({ group: id.optional(), from: day.optional(), to: day.optional(), version: id.optional() });
export const itemQuery = z.object({ activity: id.optional(), group: id.optional() });
export const complianceQuery = z.object({ course: id.optional(), days: z.coerce.number().int().min(0).max(3650).optional() });
export const gradingQuery = z.object({ course: id.optional(), limit: z.coerce.number().int().min(1).max(500).optional() });
export const gradeBody = z.object({
  /** The version the grader read: a grade on a changed attempt is refused (409). */
  version: z.number().int().min(1),
  grades: z
    .array(z.object({ questionId: id, credit: z.number().min(0).max(1), feedback: z.string().max(20_000).optional() }))
    .min(1)
    .max(200),
});
export const importBody = z.object({ csv: z.string().max(20 * 1024 * 1024), dryRun: z.boolean().default(false) });
export const lrsBody = z
  .object({
    endpoint: z.url({ protocol: /^https?$/ }),
    version: z.enum(['1.0.3', '2.0']).default('1.0.3'),
    username: z.string().max(500).optional(),
    password: z.string().max(500).optional(),
  })
  .refine((b) => (b.username === undefined) === (b.password === undefined), 'give both username and password, or neither');
export const quizBody = z.object({
  /** The course the quiz belongs to; a quiz on its own page: `quiz:<id>` (the default). */
  courseId: id.optional(),
  /** The xAPI activity of the quiz (inside a course: the lesson's); default the quiz's own. */
  activityId: id.optional(),
  quiz: z.looseObject({ id, grading: z.literal('server') }),
});
export const answerBody = z.object({ value: z.unknown().refine((v) => v !== undefined, 'a value is required') });
export const tenantSettingsBody = z.object({
  anonymous: z.boolean().optional(),
  /** The leaderboard (off by default: learners' points are shown to others only where the tenant allows it). */
  leaderboard: z.object({ enabled: z.boolean() }).optional(),
  /** Reminders posted to the site's `webhook` (which sends its emails): a course due within `dueSoonDays`, a certificate expiring within `remindDays`. */
  reminders: z
    .object({
      webhook: z.url({ protocol: /^https?$/ }),
      dueSoonDays: z.number().int().min(0).max(365).optional(),
      remindDays: z.number().int().min(0).max(365).optional(),
    })
    .optional(),
});
export const credentialBody = z.object({
  credential: z.looseObject({
    id: z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/i, 'must be urn:uuid:<uuid>'),
    issuer: z.looseObject({}),
    validFrom: z.string().min(1),
    credentialSubject: z.looseObject({}),
    lmsKit: z.looseObject({ learnerId: id, courseId: id }),
  }),
});

/** An award of the points ledger, as the leaderboard counts it. */
export const pointsAwardBody = z.looseObject({ learnerId: id, points: z.number().int().min(0).max(10_000) });
export const leaderboardQuery = z
  .object({
    scope: z.enum(['site', 'course', 'group']).default('site'),
    course: id.optional(),
    group: id.optional(),
    period: z.enum(['all', 'week', 'month']).default('all'),
    limit: z.coerce.number().int().min(1).max(100).default(10),
    /** Learners shown above and below the caller. */
    around: z.coerce.number().int().min(0).max(10).default(2),
  })
  .refine((q) => q.scope !== 'course' || q.course, 'a course scope needs `course`')
  .refine((q) => q.scope !== 'group' || q.group, 'a group scope needs `group`');
export const leaderboardMemberBody = z.object({
  optIn: z.boolean(),
  /** Shown instead of the learner's name; letters, digits, spaces and simple punctuation. */
  pseudonym: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[\p{L}\p{N} ._'-]+$/u, "letters, digits, spaces and . _ ' -")
    .nullable()
    .optional(),
});
export const courseContentBody = z.object({ course: z.looseObject({ id }) });
/** Paths a batch may write: the learner's own records, as `HttpStorageAdapter` writes them one by one. */
const BATCH_PATH = /^\/?v1\/(progress|lesson-states|attempts|values|records|outbox)(\/[^?#]*)?$/;
export const batchBody = z.object({
  items: z
    .array(
      z.object({
        method: z.enum(['PUT', 'POST', 'DELETE']),
        path: z.string().max(2000).regex(BATCH_PATH, 'a write of /v1/progress, lesson-states, attempts, values, records or outbox'),
        /** The item's own precondition, as the header of a single write: `"3"` or `*`. */
        ifMatch: z.string().max(40).optional(),
        ifNoneMatch: z.literal('*').optional(),
        body: z.unknown().optional(),
      }),
    )
    .min(1)
    .max(100),
});
