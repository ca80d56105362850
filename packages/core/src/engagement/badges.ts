import type { CourseProgress } from '../progress/model.js';
import { currentStreak } from './streak.js';
import type { BadgeDefinition, BadgeRule, BadgeState, CourseFacts } from './model.js';

export interface BadgeFacts {
  progresses: readonly CourseProgress[];
  courses: readonly CourseFacts[];
  points: number;
  /** Days with learning activity, `YYYY-MM-DD` in the learner's time zone. */
  activeDays?: readonly string[];
  /** Today in the learner's time zone, for streaks. */
  today?: string;
  /** Badges already earned: earned stays earned even if a record changes later (a course reopened for renewal). */
  earned?: ReadonlySet<string>;
}

/** Every badge with whether it is earned and how far along the learner is. */
export function evaluateBadges(badges: readonly BadgeDefinition[], facts: BadgeFacts): BadgeState[] {
  return badges.map((badge) => {
    const { current, required } = measure(badge.rule, facts);
    const earned = (facts.earned?.has(badge.id) ?? false) || current >= required;
    return { badge, earned, current: earned ? required : current, required };
  });
}

function measure(rule: BadgeRule, facts: BadgeFacts): { current: number; required: number } {
  const progressOf = (courseId: string) => facts.progresses.find((p) => p.courseId === courseId);
  const isDone = (progress: CourseProgress | undefined, lessonId: string) => progress?.lessons[lessonId]?.status === 'completed';
  switch (rule.type) {
    case 'module-completed': {
      const lessons = facts.courses.find((c) => c.id === rule.courseId)?.modules.find((m) => m.id === rule.moduleId)?.lessonIds ?? [];
      const progress = progressOf(rule.courseId);
      return { current: lessons.filter((id) => isDone(progress, id)).length, required: Math.max(1, lessons.length) };
    }
    case 'course-completed': {
      const progress = progressOf(rule.courseId);
      const done = Boolean(progress?.completedAt) && (!rule.passed || progress?.result?.passed !== false);
      return { current: done ? 1 : 0, required: 1 };
    }
    case 'quiz-score': {
      const best = Math.max(
        0,
        ...facts.progresses
          .filter((p) => !rule.courseId || p.courseId === rule.courseId)
          .flatMap((p) => {
            const assessments = facts.courses.find((c) => c.id === p.courseId)?.assessmentIds;
            return Object.entries(p.lessons)
              .filter(([id]) => !assessments || assessments.includes(id))
              .map(([, lesson]) => lesson.score?.scaled ?? 0);
          }),
      );
      // Measured in whole percent so the badge shows "72 of 90".
      return { current: Math.round(best * 100), required: Math.round(rule.minScore * 100) };
    }
    case 'streak': {
      const today = facts.today ?? new Date().toISOString().slice(0, 10);
      return { current: Math.min(rule.days, currentStreak(facts.activeDays ?? [], today).days), required: rule.days };
    }
    case 'courses-with-tag': {
      const tagged = facts.courses.filter((course) => course.tags?.includes(rule.tag));
      return {
        current: tagged.filter((course) => progressOf(course.id)?.completedAt).length,
        required: Math.max(1, tagged.length),
      };
    }
    case 'points':
      return { current: Math.min(facts.points, rule.min), required: rule.min };
  }
}
