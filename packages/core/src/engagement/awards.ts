import type { CourseProgress } from '../progress/model.js';
import { awardId, type AwardReason, type EngagementConfig, type PointsAward } from './model.js';

/** One finished try of an assessment, oldest first per lesson (from the learner's attempts). */
export interface AssessmentOutcome {
  courseId: string;
  lessonId: string;
  passed?: boolean;
  at: string;
}

export interface AwardFacts {
  learnerId: string;
  progresses: readonly CourseProgress[];
  outcomes?: readonly AssessmentOutcome[];
  /** Days with learning activity, `YYYY-MM-DD` in the learner's time zone. */
  activeDays?: readonly string[];
  /** Awards already in the ledger. */
  ledger: readonly PointsAward[];
  now: Date;
}

/**
 * The awards the learner's records earn that the ledger does not hold yet. Pure and deterministic:
 * running it again over the same records returns nothing new, so two tabs or a retry never pay twice.
 * A lesson whose points grow (a better quiz score) earns the difference, under an id carrying the new
 * total, so the ledger keeps both steps and the total stays right.
 */
export function newAwards(config: EngagementConfig, facts: AwardFacts): PointsAward[] {
  const known = new Set(facts.ledger.map((award) => award.id));
  const paidBySource = new Map<string, number>();
  for (const award of facts.ledger) {
    const key = `${award.reason}|${baseSource(award.source)}`;
    paidBySource.set(key, (paidBySource.get(key) ?? 0) + award.points);
  }
  const awards: PointsAward[] = [];
  const awardedAt = facts.now.toISOString();
  const add = (reason: AwardReason, source: string, points: number, courseId?: string) => {
    const id = awardId(facts.learnerId, reason, source);
    if (points <= 0 || known.has(id)) return;
    known.add(id);
    awards.push({ id, learnerId: facts.learnerId, reason, source, courseId, points, awardedAt });
  };
  /** Tops a growing amount up to `total`, in a step named after the new total. */
  const topUp = (reason: AwardReason, source: string, total: number, courseId: string) => {
    const paid = paidBySource.get(`${reason}|${source}`) ?? 0;
    if (total > paid) add(reason, paid === 0 ? source : `${source}@${total}`, total - paid, courseId);
  };

  for (const progress of facts.progresses) {
    for (const [lessonId, lesson] of Object.entries(progress.lessons)) {
      if (lesson.status !== 'completed') continue;
      const source = `${progress.courseId}/${lessonId}`;
      topUp('lesson-completed', source, lesson.points ?? 0, progress.courseId);
      const scaled = lesson.score?.scaled;
      if (config.points?.quizScore && scaled !== undefined && Number.isFinite(scaled)) {
        topUp('quiz-score', source, Math.round(config.points.quizScore * Math.min(1, Math.max(0, scaled))), progress.courseId);
      }
    }
  }

  if (config.points?.firstTry) {
    const first = new Map<string, AssessmentOutcome>();
    for (const outcome of [...(facts.outcomes ?? [])].sort((a, b) => a.at.localeCompare(b.at))) {
      const key = `${outcome.courseId}/${outcome.lessonId}`;
      if (!first.has(key)) first.set(key, outcome);
    }
    for (const [source, outcome] of first) if (outcome.passed) add('first-try', source, config.points.firstTry, outcome.courseId);
  }

  if (config.points?.streakDay) {
    for (const day of streakDays(facts.activeDays ?? [])) add('streak', day, config.points.streakDay);
  }
  return awards;
}

/** Days that continue a streak (the second day of a run and after). */
function streakDays(activeDays: readonly string[]): string[] {
  const sorted = [...new Set(activeDays)].sort();
  const result: string[] = [];
  let previous: number | undefined;
  let run = 0;
  for (const day of sorted) {
    const n = Date.parse(`${day}T00:00:00Z`) / 86_400_000;
    run = previous !== undefined && n === previous + 1 ? run + 1 : 1;
    if (run >= 2) result.push(day);
    previous = n;
  }
  return result;
}

const baseSource = (source: string) => source.replace(/@\d+$/, '');
