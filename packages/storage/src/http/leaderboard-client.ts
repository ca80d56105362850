/** The leaderboard routes of an LMS Kit server (`/v1/leaderboard`): ranks are computed there, in SQL. */
import type { ServerClient } from './client.js';

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

export class LeaderboardClient {
  constructor(private readonly client: ServerClient) {}

  /** `{ enabled: false }` while the tenant has the leaderboard off (the default). */
  async read(query: LeaderboardQuery = {}): Promise<Leaderboard> {
    const params = new URLSearchParams();
    const names = { scope: 'scope', courseId: 'course', groupId: 'group', period: 'period', limit: 'limit', around: 'around' } as const;
    for (const [field, name] of Object.entries(names)) {
      const value = query[field as keyof LeaderboardQuery];
      if (value !== undefined && value !== '') params.set(name, String(value));
    }
    return (await this.client.request<Leaderboard>('GET', `v1/leaderboard?${params}`)).body;
  }

  async membership(): Promise<LeaderboardMembership> {
    return (await this.client.request<LeaderboardMembership>('GET', `v1/leaderboard/me`)).body;
  }

  /** Opts the signed-in learner in (shown to others, under `pseudonym` when given) or out. */
  async setMembership(optIn: boolean, pseudonym?: string | null): Promise<LeaderboardMembership> {
    const body = { optIn, ...(optIn && pseudonym ? { pseudonym } : {}) };
    return (await this.client.request<LeaderboardMembership>('PUT', 'v1/leaderboard/me', { body })).body;
  }
}
