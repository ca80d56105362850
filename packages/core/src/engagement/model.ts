/**
 * Points, levels and badges: declared in a site's engagement config (or a course's `engagement`), never
 * hard-coded. Every point is an award record with its reason and source, so a total is derived and can be
 * audited, and the same award is never counted twice: its id is made from learner, reason and source.
 * Reference: packages/core/README.md ("Engagement").
 */

/** Why points were given. */
export type AwardReason = 'lesson-completed' | 'quiz-score' | 'first-try' | 'streak' | 'badge';

/** One entry of the points ledger. */
export interface PointsAward {
  /** `awardId(learnerId, reason, source)`: writing the same award again changes nothing. */
  id: string;
  learnerId: string;
  reason: AwardReason;
  /** What earned it: `<courseId>/<lessonId>` for a lesson, the streak's last day, a badge id… */
  source: string;
  courseId?: string;
  points: number;
  awardedAt: string;
}

/** A level a learner reaches at `minPoints` total points. */
export interface Level {
  id: string;
  title: string;
  minPoints: number;
}

/** What a badge asks for; checked against the learner's records whenever progress changes. */
export type BadgeRule =
  /** Every required lesson of one module (of one course) completed. */
  | { type: 'module-completed'; courseId: string; moduleId: string }
  /** One course completed (and passed, with `passed: true`). */
  | { type: 'course-completed'; courseId: string; passed?: boolean }
  /** A quiz (assessment lesson) with a best score of at least `minScore` (0..1), in any course or in `courseId`. */
  | { type: 'quiz-score'; minScore: number; courseId?: string }
  /** Learning on `days` consecutive days. */
  | { type: 'streak'; days: number }
  /** Every course carrying `tag` completed. */
  | { type: 'courses-with-tag'; tag: string }
  /** A points total of at least `min`. */
  | { type: 'points'; min: number };

export interface BadgeDefinition {
  id: string;
  title: string;
  /** How to earn it, shown on the locked badge. */
  description: string;
  /** Image URL (http(s) or relative). */
  image?: string;
  rule: BadgeRule;
  /** Points given when the badge is earned. */
  points?: number;
}

/** Points given beyond those a lesson declares. */
export interface PointsRules {
  /** Points for a quiz at 100 %, given in proportion to its best score (a bonus over the lesson's own points). */
  quizScore?: number;
  /** Points for an assessment passed on the first attempt. */
  firstTry?: number;
  /** Points for each day of a streak from its second day on. */
  streakDay?: number;
}

export interface EngagementConfig {
  points?: PointsRules;
  levels?: Level[];
  badges?: BadgeDefinition[];
}

/** A course as the badge rules see it: its id, tags and which lessons each module requires. */
export interface CourseFacts {
  id: string;
  tags?: string[];
  modules: Array<{ id: string; lessonIds: string[] }>;
  /** Ids of the assessment lessons (quizzes, assessments), for `quiz-score` rules. */
  assessmentIds?: string[];
}

/** A badge's state for one learner: earned, or how far along the learner is. */
export interface BadgeState {
  badge: BadgeDefinition;
  earned: boolean;
  /** Progress towards the rule, e.g. 3 of 5 streak days. */
  current: number;
  required: number;
}

export const awardId = (learnerId: string, reason: AwardReason, source: string): string => `${learnerId}|${reason}|${source}`;
