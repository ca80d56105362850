/**
 * Leaderboard reads: ranked by a server of many learners (`HttpStorageAdapter.leaderboard`), or, on a
 * browser-only storage, the one local learner's total from their points ledger (`localLeaderboard`).
 */
import type { PointsAward } from '@lms-kit/core';
import type { StorageAdapter, StoredRecord } from './adapter.js';

export type LeaderboardScope = 'site' | 'course' | 'group';
export type LeaderboardPeriod = 'all' | 'week' | 'month';

export interface LeaderboardQuery {
  scope?: LeaderboardScope;
  /** The course of a `course` scope. */
  courseId?: string;
  /** The group of a `group` scope. */
  groupId?: string;
  period?: LeaderboardPeriod;
  /** How many learners from the top (default 10). */
  limit?: number;
  /** Learners shown above and below the caller (default 2). */
  around?: number;
}

export interface LeaderboardRow {
  /** 1 + the number of learners with more points: ties share a rank. */
  rank: number;
  points: number;
  /** The pseudonym, else the name (null with neither); staff looking at their group see names. */
  name: string | null;
  you: boolean;
  /** Only for staff looking at a group they teach or administer. */
  learnerId?: string;
}

export interface LeaderboardMembership {
  optedIn: boolean;
  pseudonym: string | null;
}

export type Leaderboard =
  | { enabled: false }
  | {
      enabled: true;
      scope: LeaderboardScope;
      /** `all`, `week:2026-W49` (ISO week, UTC) or `month:2026-12`. */
      period: string;
      top: LeaderboardRow[];
      /** The caller with the learners just above and below. */
      nearby: LeaderboardRow[];
      you: LeaderboardRow & LeaderboardMembership;
    };

/** What the `<lms-leaderboard>` element reads. */
export interface LeaderboardReads {
  read(query?: LeaderboardQuery): Promise<Leaderboard>;
  membership(): Promise<LeaderboardMembership>;
  setMembership(optIn: boolean, pseudonym?: string | null): Promise<LeaderboardMembership>;
}

/** The key of the period `date` falls in (UTC): `all`, `week:2026-W49` (ISO week) or `month:2026-12`. */
export function leaderboardPeriodKey(period: LeaderboardPeriod, date: Date): string {
  if (period === 'all') return 'all';
  if (period === 'month') return `month:${date.toISOString().slice(0, 7)}`;
  // ISO week: the week with the year's first Thursday is week 1; weeks start on Monday.
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `week:${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * The local learner alone (a browser keeps no one else's records): their points of the period and
 * scope, ranked first. Groups are a server's: a group board has no one. Opting in needs a server.
 */
export function localLeaderboard(
  storage: StorageAdapter,
  learner: { id: string; name?: string },
  now = () => new Date(),
): LeaderboardReads {
  const membership: LeaderboardMembership = { optedIn: false, pseudonym: null };
  return {
    async read(query = {}) {
      const period = leaderboardPeriodKey(query.period ?? 'all', now());
      const awards = await storage.listRecords<PointsAward & StoredRecord>('points', { learnerId: learner.id });
      const points = awards
        .filter((a) => query.scope !== 'course' || a.courseId === query.courseId)
        .filter((a) => period === 'all' || leaderboardPeriodKey(query.period!, new Date(a.awardedAt)) === period)
        .reduce((sum, a) => sum + (Number.isInteger(a.points) && a.points > 0 ? a.points : 0), 0);
      const you = { rank: 1, points, name: learner.name ?? null, you: true };
      return {
        enabled: true,
        scope: query.scope ?? 'site',
        period,
        top: query.scope === 'group' ? [] : [you],
        nearby: [you],
        you: { ...you, ...membership },
      };
    },
    membership: async () => membership,
    setMembership: async () => membership,
  };
}
