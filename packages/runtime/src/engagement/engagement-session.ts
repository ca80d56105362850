import {
  dayOf,
  evaluateBadges,
  levelFor,
  newAwards,
  totalPoints,
  type AssessmentOutcome,
  type BadgeState,
  type CourseFacts,
  type CourseProgress,
  type EngagementConfig,
  type LevelState,
  type PointsAward,
} from '@lms-kit/core';
import type { Attempt, StoredRecord } from '@lms-kit/storage';
import { Session } from '../session.js';
import { serialQueue } from '../serial-queue.js';
import type { SessionOptions, SessionServices } from '../services.js';

/** Storage collections of the ledger and of earned badges. */
export const POINTS_COLLECTION = 'points';
export const BADGES_COLLECTION = 'badges';

export interface EarnedBadgeRecord extends StoredRecord {
  learnerId: string;
  badgeId: string;
  earnedAt: string;
}

export interface EngagementState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  points: number;
  level: LevelState;
  badges: BadgeState[];
  /** The ledger, newest first. */
  awards: PointsAward[];
  error?: unknown;
}

export interface EngagementEvents {
  /** Points were given (one event per award, after it is stored). */
  'lms-points-award': { award: PointsAward; total: number };
  /** A badge was earned (after it is stored). */
  'lms-badge-earned': { badge: BadgeState['badge']; earnedAt: string };
}

export interface EngagementOptions extends SessionOptions {
  /**
   * The courses the rules talk about (ids, tags, modules' required lessons, assessment lessons), or a
   * function that finds them for the courses the learner has progress in.
   */
  courses?: CourseFacts[] | ((courseIds: string[]) => Promise<CourseFacts[]>);
  /** The learner's IANA time zone for streak days. Default: the browser's. */
  timeZone?: string;
}

/**
 * Keeps one learner's points ledger and badges up to date with their records: after every progress or
 * attempt change (in this tab or another) it derives what the records earn, stores only what the ledger
 * lacks, and tells listeners once per new award or badge. Award and badge ids are deterministic, and
 * tabs take turns through a Web Lock, so two tabs or a retry never pay twice or toast twice.
 */
export class EngagementSession extends Session<EngagementState, EngagementEvents> {
  private services?: SessionServices;
  private state: EngagementState = { status: 'idle', points: 0, level: {}, badges: [], awards: [] };
  private readonly queue = serialQueue();
  private unsubscribe?: () => void;

  constructor(
    private readonly config: EngagementConfig,
    private readonly options: EngagementOptions = {},
  ) {
    super();
    this.services = options.services;
  }

  /** Reads the ledger, brings it up to date, and follows storage changes from then on. */
  async start(services = this.services): Promise<void> {
    if (!services) throw new Error('EngagementSession.start needs storage and a learner');
    this.services = services;
    this.unsubscribe?.();
    this.unsubscribe = services.storage.subscribe((change) => {
      const mine = 'learnerId' in change && change.learnerId === services.learner.id;
      if (mine && (change.type === 'progress' || change.type === 'attempt')) void this.refresh();
      if (change.type === 'record' && (change.collection === POINTS_COLLECTION || change.collection === BADGES_COLLECTION))
        void this.reload();
    });
    this.update({ status: 'loading' });
    await this.refresh();
  }

  /** Derives and stores what the learner's records earn now. */
  refresh(): Promise<void> {
    return this.queue(() => withLearnerLock(this.services!.learner.id, () => this.award()));
  }

  override dispose(): void {
    this.unsubscribe?.();
    super.dispose();
  }

  protected snapshotState(): EngagementState {
    return { ...this.state };
  }

  private async award(): Promise<void> {
    const { storage, learner } = this.services!;
    try {
      const { progresses, attempts, ledger, earnedRecords, activeDays, courses, now } = await this.read();
      const awards = newAwards(this.config, { learnerId: learner.id, progresses, outcomes: outcomesOf(attempts), activeDays, ledger, now });
      const earned = new Set(earnedRecords.map((record) => record.badgeId));
      const badgeFacts = { progresses, courses, activeDays, today: dayOf(now, this.options.timeZone) };
      const badges = evaluateBadges(this.config.badges ?? [], { ...badgeFacts, points: totalPoints([...ledger, ...awards]), earned });
      const newBadges = badges.filter((state) => state.earned && !earned.has(state.badge.id));
      for (const { badge } of newBadges) {
        if (badge.points) awards.push(badgeAward(learner.id, badge.id, badge.points, now, ledger));
      }
      const fresh = awards.filter((award) => award.points > 0 && !ledger.some((known) => known.id === award.id));
      for (const award of fresh) await storage.putRecord(POINTS_COLLECTION, { ...award });
      for (const { badge } of newBadges) {
        await storage.putRecord(BADGES_COLLECTION, {
          id: `${learner.id}|${badge.id}`,
          learnerId: learner.id,
          badgeId: badge.id,
          earnedAt: now.toISOString(),
        });
      }
      const all = [...ledger, ...fresh];
      // Measured again with the badges' own points, so "35 of 100" matches the total shown.
      const nowEarned = new Set([...earned, ...newBadges.map((state) => state.badge.id)]);
      this.setLedger(all, evaluateBadges(this.config.badges ?? [], { ...badgeFacts, points: totalPoints(all), earned: nowEarned }));
      const total = this.state.points;
      for (const award of fresh) this.emit('lms-points-award', { award, total });
      for (const { badge } of newBadges) this.emit('lms-badge-earned', { badge, earnedAt: now.toISOString() });
    } catch (error) {
      this.update({ status: 'error', error });
    }
  }

  /** Another tab stored awards: show them without awarding again. */
  private reload(): Promise<void> {
    return this.queue(async () => {
      const { progresses, ledger, earnedRecords, activeDays, courses, now } = await this.read();
      const earned = new Set(earnedRecords.map((record) => record.badgeId));
      const badges = evaluateBadges(this.config.badges ?? [], {
        progresses,
        courses,
        activeDays,
        today: dayOf(now, this.options.timeZone),
        points: totalPoints(ledger),
        earned,
      });
      this.setLedger(ledger, badges);
    });
  }

  private async read() {
    const { storage, learner } = this.services!;
    const [progresses, attempts, ledger, earnedRecords] = await Promise.all([
      storage.listProgress(learner.id),
      storage.listAttempts({ learnerId: learner.id }),
      storage.listRecords<PointsAward & StoredRecord>(POINTS_COLLECTION, { learnerId: learner.id }),
      storage.listRecords<EarnedBadgeRecord>(BADGES_COLLECTION, { learnerId: learner.id }),
    ]);
    const activeDays = activeDaysOf(progresses, attempts, this.options.timeZone);
    const given = this.options.courses ?? [];
    const courses = typeof given === 'function' ? await given(progresses.map((p) => p.courseId)) : given;
    return { progresses, attempts, ledger, earnedRecords, activeDays, courses, now: this.now() };
  }

  private setLedger(ledger: PointsAward[], badges: BadgeState[]): void {
    const points = totalPoints(ledger);
    const awards = [...ledger].sort((a, b) => b.awardedAt.localeCompare(a.awardedAt));
    this.update({ status: 'ready', points, level: levelFor(this.config.levels ?? [], points), badges, awards, error: undefined });
  }

  private update(patch: Partial<EngagementState>): void {
    this.state = { ...this.state, ...patch };
    this.changed();
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}

function badgeAward(learnerId: string, badgeId: string, points: number, now: Date, ledger: PointsAward[]): PointsAward {
  const id = `${learnerId}|badge|${badgeId}`;
  const known = ledger.find((award) => award.id === id);
  return known ?? { id, learnerId, reason: 'badge', source: badgeId, points, awardedAt: now.toISOString() };
}

/** The first try of each assessment decides first-try points: finished quiz attempts, oldest first. */
function outcomesOf(attempts: Attempt[]): AssessmentOutcome[] {
  return attempts
    .filter((attempt) => attempt.status === 'completed')
    .map((attempt) => {
      const result = (attempt.data as { result?: { passed?: boolean } } | undefined)?.result;
      return { courseId: attempt.courseId, lessonId: attempt.activityId, passed: result?.passed, at: attempt.startedAt };
    });
}

/** Days the learner did something: lessons opened or completed, attempts made. */
function activeDaysOf(progresses: CourseProgress[], attempts: Attempt[], timeZone?: string): string[] {
  const days = new Set<string>();
  for (const progress of progresses) {
    for (const lesson of Object.values(progress.lessons)) {
      days.add(dayOf(lesson.openedAt, timeZone));
      if (lesson.completedAt) days.add(dayOf(lesson.completedAt, timeZone));
    }
  }
  for (const attempt of attempts) days.add(dayOf(attempt.startedAt, timeZone));
  return [...days];
}

/** Runs `step` while no other tab of this origin does it for the same learner (Web Locks), or directly where there are none. */
function withLearnerLock<T>(learnerId: string, step: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request(`lms-kit:engagement:${learnerId}`, step) as Promise<T>) : step();
}
