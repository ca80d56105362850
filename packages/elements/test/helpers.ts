import { fixture, html, waitUntil } from '@open-wc/testing';
import type { Course } from '@lms-kit/core';
import { MemoryAdapter, type StorageAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/all';
import type { LmsCoursePlayer, LmsProvider } from '@lms-kit/elements';

export const LEARNER = 'mailto:ada@example.com';

export interface PlayerFixture {
  provider: LmsProvider;
  player: LmsCoursePlayer;
  storage: StorageAdapter;
  /** The player's shadow root. */
  root: ShadowRoot;
}

/** A provider with a storage adapter (memory unless given) and a player showing `course`. */
export async function renderPlayer(
  course: Course | string,
  storage: StorageAdapter = new MemoryAdapter(),
  locale?: string,
): Promise<PlayerFixture> {
  const provider = await fixture<LmsProvider>(
    html`<lms-provider learner-email="ada@example.com" learner-name="Ada" locale=${locale ?? 'en'} .storage=${storage}>
      ${typeof course === 'string' ? html`<lms-course-player src=${course}></lms-course-player>` : html`<lms-course-player .course=${course}></lms-course-player>`}
    </lms-provider>`,
  );
  const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
  await waitUntil(() => player.progress !== undefined && player.currentLessonId !== undefined, 'player did not load the course', {
    timeout: 15000,
  });
  await player.updateComplete;
  return { provider, player, storage, root: player.shadowRoot as ShadowRoot };
}

/** Waits until the open lesson's view is mounted and its content shown. */
export async function lessonView(player: LmsCoursePlayer): Promise<HTMLElement & { contentReady: Promise<unknown> }> {
  const root = player.shadowRoot as ShadowRoot;
  const mounted = () =>
    root.querySelector('.view-host')?.firstElementChild as
      (HTMLElement & { contentReady: Promise<unknown>; lesson?: { id: string } }) | null;
  await waitUntil(() => mounted()?.lesson?.id === player.currentLessonId, 'lesson view not mounted', { timeout: 15000 });
  const view = mounted() as HTMLElement & { contentReady: Promise<unknown> };
  await view.contentReady;
  return view;
}

export function outlineButton(player: LmsCoursePlayer, lessonId: string): HTMLButtonElement {
  return (player.shadowRoot as ShadowRoot).querySelector(`button[data-lesson="${lessonId}"]`) as HTMLButtonElement;
}

export async function waitForStatus(player: LmsCoursePlayer, lessonId: string, status: string): Promise<void> {
  await waitUntil(() => player.progress?.lessons[lessonId]?.status === status, `${lessonId} never became ${status}`, { timeout: 15000 });
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
