/** The leaderboard routes of an LMS Kit server (`/v1/leaderboard`): ranks are computed there, in SQL. */
import type { Leaderboard, LeaderboardMembership, LeaderboardQuery, LeaderboardReads } from '../leaderboard.js';
import type { ServerClient } from './client.js';

export class LeaderboardClient implements LeaderboardReads {
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
