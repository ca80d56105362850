import { computeCourseState, createProgress, applyLessonResult, type Course } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/all';
import type { LmsCoursePlayer } from '@lms-kit/elements';
import { medianMs, type BenchResult } from './support.js';

function bigCourse(modules: number, lessonsPerModule: number): Course {
  return {
    schema: 1,
    id: `big-${modules}x${lessonsPerModule}`,
    title: 'Big course',
    sequential: true,
    modules: Array.from({ length: modules }, (_, m) => ({
      id: `m${m}`,
      title: `Module ${m}`,
      prerequisites: m > 0 ? [`m${m - 1}`] : [],
      lessons: Array.from({ length: lessonsPerModule }, (_, l) => ({
        id: `m${m}-l${l}`,
        kind: 'text' as const,
        title: `Lesson ${l}`,
        html: `<p>Lesson ${l}</p>`,
        points: 1,
        unlock: l === lessonsPerModule - 1 ? { points: m * lessonsPerModule } : undefined,
      })),
    })),
  };
}

/** How the course rules and the player scale with course size. */
export default async function (): Promise<BenchResult[]> {
  const course = bigCourse(20, 25);
  let progress = createProgress(course, 'learner', 'reg', new Date());
  for (const lesson of course.modules.slice(0, 10).flatMap((m) => m.lessons)) {
    progress = applyLessonResult(progress, course, lesson.id, { completed: true }, new Date());
  }
  const engine = await medianMs(() => computeCourseState(course, progress), 50, 5);

  const render = await medianMs(
    async () => {
      const player = document.createElement('lms-course-player') as LmsCoursePlayer;
      const provider = document.createElement('lms-provider');
      provider.setAttribute('learner-email', 'bench@example.com');
      (provider as unknown as { storage: MemoryAdapter }).storage = new MemoryAdapter();
      player.course = course;
      provider.append(player);
      document.body.append(provider);
      await new Promise<void>((resolve) => {
        const check = () => (player.shadowRoot?.querySelector('lms-text-lesson') ? resolve() : requestAnimationFrame(check));
        check();
      });
      provider.remove();
    },
    9,
    2,
  );

  return [
    { name: 'progress rules: computeCourseState, 500 lessons', value: engine, unit: 'ms', note: 'median of 50' },
    { name: 'player: course of 500 lessons to first lesson shown', value: render, unit: 'ms', note: 'median of 9, memory storage' },
  ];
}
