import { levelFor, totalPoints, type BadgeDefinition, type EngagementConfig, type LevelState, type PointsAward } from '@lms-kit/core';
import type { StorageAdapter, StoredRecord } from '@lms-kit/storage';
import { BADGES_COLLECTION, POINTS_COLLECTION, type EarnedBadgeRecord } from './engagement-session.js';

export interface EngagementSummary {
  points: number;
  level: LevelState;
  /** Earned badges, newest first, at most `latest` of them. */
  latestBadges: Array<{ badge: BadgeDefinition; earnedAt: string }>;
  /** How many badges the learner has earned in all. */
  earnedCount: number;
}

/**
 * A learner's points, level and latest badges, read from the ledger as it is stored (locally or on
 * the server). Read-only: awarding stays with `EngagementSession`, so a dashboard never pays twice.
 */
export async function readEngagementSummary(
  storage: StorageAdapter,
  learnerId: string,
  config: EngagementConfig,
  latest = 3,
): Promise<EngagementSummary> {
  const [ledger, earned] = await Promise.all([
    storage.listRecords<PointsAward & StoredRecord>(POINTS_COLLECTION, { learnerId }),
    storage.listRecords<EarnedBadgeRecord>(BADGES_COLLECTION, { learnerId }),
  ]);
  const points = totalPoints(ledger.filter((award) => award.learnerId === learnerId));
  const definitions = new Map((config.badges ?? []).map((badge) => [badge.id, badge]));
  const mine = earned
    .filter((record) => record.learnerId === learnerId && definitions.has(record.badgeId))
    .sort((a, b) => b.earnedAt.localeCompare(a.earnedAt));
  return {
    points,
    level: levelFor(config.levels ?? [], points),
    latestBadges: mine.slice(0, latest).map((record) => ({ badge: definitions.get(record.badgeId)!, earnedAt: record.earnedAt })),
    earnedCount: mine.length,
  };
}
