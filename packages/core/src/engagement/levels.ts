import type { Level, PointsAward } from './model.js';

/** The learner's total, derived from the ledger (each award counted once even if listed twice). */
export function totalPoints(awards: readonly PointsAward[]): number {
  const seen = new Map<string, number>();
  for (const award of awards) seen.set(award.id, award.points);
  let total = 0;
  for (const points of seen.values()) total += points;
  return total;
}

export interface LevelState {
  current?: Level;
  next?: Level;
  /** Points still needed for `next`. */
  toNext?: number;
}

/** Where `points` stands among `levels` (in any order). */
export function levelFor(levels: readonly Level[], points: number): LevelState {
  const sorted = [...levels].sort((a, b) => a.minPoints - b.minPoints);
  const current = sorted.filter((level) => level.minPoints <= points).at(-1);
  const next = sorted.find((level) => level.minPoints > points);
  return { current, next, toNext: next ? next.minPoints - points : undefined };
}
