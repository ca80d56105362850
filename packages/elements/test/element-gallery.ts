import { fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { browserSigner, issueCertificateIfDue } from '@lms-kit/certificates';
import { applyLessonResult, createProgress, learnerFromActor, uuid, type Course } from '@lms-kit/core';
import type { Quiz } from '@lms-kit/core/quiz';
import type { EngagementConfig } from '@lms-kit/core';
import { MemoryAdapter, observeStorage } from '@lms-kit/storage';
import type { LmsProvider, LmsQuiz } from '@lms-kit/elements';
import '@lms-kit/elements/all';
// <lms-progress> loads when its tag appears; these tests read it as soon as it is in the page.
import '@lms-kit/elements/define/lms-progress';
import '@lms-kit/elements/define/lms-document-lesson';
import '@lms-kit/elements/define/lms-video-lesson';

/**
 * Every element on one page, in one interface locale, in the states a learner meets first: a course
 * under way, its progress, a quiz before and during an attempt, a certificate, its status, the
 * verification form. Course and quiz content is Greek (`lang="el"`) so that it can never pass for an
 * interface string in any locale under test.
 */
const LEARNER_NAME = 'Ἀδὰ Λάβλεϊς';
const learner = learnerFromActor({ mbox: 'ada@example.com', name: LEARNER_NAME });

const course = (id: string, lessons: number): Course => ({
  schema: 1,
  id,
  title: 'Ἀσφάλεια τροφίμων',
  language: 'el',
  modules: [
    {
      id: 'm1',
      title: 'Βασικά',
      lessons: Array.from({ length: lessons }, (_, i) => ({
        id: `l${i + 1}`,
        kind: 'text' as const,
        title: `Μάθημα ${i + 1}`,
        html: `<p>Κείμενο ${i + 1}</p>`,
        minutes: 5,
        ...(i === lessons - 1 ? { prerequisites: ['l1'] } : {}),
      })),
    },
  ],
  certificate: { issuer: { name: 'Φούρνος Βορρά' }, validity: { months: 12 } },
});

const quiz: Quiz = {
  schema: 1,
  id: 'gallery-quiz',
  title: 'Ἔλεγχος ψυγείου',
  language: 'el',
  passingScore: { percent: 50 },
  maxAttempts: 3,
  questions: [1, 2].map((n) => ({
    id: `q${n}`,
    type: 'choice' as const,
    text: `<p>Ἐρώτηση ${n}</p>`,
    choices: [
      { id: 'a', text: 'Σωστό', correct: true },
      { id: 'b', text: 'Λάθος' },
    ],
  })),
};

const engagement: EngagementConfig = {
  levels: [
    { id: 'new', title: 'Νέος', minPoints: 0 },
    { id: 'member', title: 'Μέλος', minPoints: 20 },
  ],
  badges: [
    {
      id: 'finisher',
      title: 'Τερματιστής',
      description: 'Τέλος ενότητας.',
      rule: { type: 'module-completed', courseId: 'gallery-ongoing', moduleId: 'm1' },
    },
  ],
};

export const GALLERY_ELEMENTS = [
  'lms-badges',
  'lms-course-player',
  'lms-progress',
  'lms-quiz.intro',
  'lms-quiz.attempt',
  'lms-certificate',
  'lms-certificate-status',
  'lms-certificate-verify',
  'lms-document-lesson',
  'lms-video-lesson',
];

/** `theme`: the provider's `theme` attribute (light when absent). */
export async function renderGallery(locale: string, theme?: string): Promise<LmsProvider> {
  const storage = observeStorage(new MemoryAdapter());
  const ongoing = course('gallery-ongoing', 3);
  const done = course('gallery-done', 2);
  const at = new Date(Date.now() - 86_400_000);
  await storage.updateProgress({ learnerId: learner.id, courseId: ongoing.id }, () =>
    applyLessonResult(createProgress(ongoing, learner.id, uuid(), at), ongoing, 'l2', { completed: true }, at),
  );
  let progress = createProgress(done, learner.id, uuid(), at);
  for (const lesson of done.modules[0].lessons) progress = applyLessonResult(progress, done, lesson.id, { completed: true }, at);
  await storage.updateProgress({ learnerId: learner.id, courseId: done.id }, () => progress);
  await storage.setValue(`lms-kit:course-outline:${done.id}`, done);
  await storage.setValue(`lms-kit:course-outline:${ongoing.id}`, ongoing);
  await issueCertificateIfDue({ course: done, learner, storage, signer: browserSigner(), now: at });

  const provider = await fixture<LmsProvider>(html`
    <lms-provider
      learner-email="ada@example.com"
      learner-name=${LEARNER_NAME}
      locale=${locale}
      theme=${ifDefined(theme)}
      .storage=${storage}
    >
      <div class="gallery" style="display: grid; gap: 1rem; inline-size: 56rem">
        <lms-course-player data-gallery="lms-course-player" .course=${ongoing}></lms-course-player>
        <lms-badges data-gallery="lms-badges" .config=${engagement}></lms-badges>
        <lms-progress data-gallery="lms-progress" course=${ongoing.id}></lms-progress>
        <lms-quiz data-gallery="lms-quiz.intro" .quiz=${quiz}></lms-quiz>
        <lms-quiz data-gallery="lms-quiz.attempt" .quiz=${{ ...quiz, id: 'gallery-quiz-2' }}></lms-quiz>
        <lms-certificate data-gallery="lms-certificate" course=${done.id}></lms-certificate>
        <lms-certificate-status data-gallery="lms-certificate-status" course=${done.id}></lms-certificate-status>
        <lms-certificate-verify data-gallery="lms-certificate-verify"></lms-certificate-verify>
        <lms-document-lesson
          data-gallery="lms-document-lesson"
          .lesson=${{ id: 'doc', kind: 'document', title: 'Ἔγγραφο', src: '/test/pages/missing.pdf', display: 'link' }}
        ></lms-document-lesson>
        <lms-video-lesson
          data-gallery="lms-video-lesson"
          .lesson=${{ id: 'video', kind: 'video', title: 'Βίντεο', src: '/test/pages/missing.mp4' }}
        ></lms-video-lesson>
      </div>
    </lms-provider>
  `);
  const loaded = (name: string, ready: (root: ShadowRoot) => boolean) =>
    waitUntil(
      () => {
        const root = provider.querySelector(`[data-gallery="${name}"]`)?.shadowRoot;
        return root && !root.querySelector('[aria-busy="true"]') && ready(root);
      },
      `${name} did not render in ${locale}`,
      { timeout: 15_000 },
    );
  await loaded('lms-course-player', (root) => !!root.querySelector('.nav') && !!root.querySelector('.view-host > *'));
  await loaded('lms-badges', (root) => !!root.querySelector('h2') && !root.textContent?.includes('…'));
  await loaded('lms-progress', (root) => !!root.querySelector('[part="base"]')?.textContent?.trim());
  await loaded('lms-quiz.intro', (root) => !!root.querySelector('.start'));
  await loaded('lms-quiz.attempt', (root) => !!root.querySelector('.start'));
  const attempt = provider.querySelector('[data-gallery="lms-quiz.attempt"]') as LmsQuiz;
  (attempt.shadowRoot!.querySelector('.start') as HTMLButtonElement).click();
  await loaded('lms-quiz.attempt', (root) => !!root.querySelector('.submit'));
  await loaded('lms-certificate', (root) => !!root.querySelector('[part="base"]')?.textContent?.trim());
  await loaded('lms-certificate-status', (root) => !!root.querySelector('[part="base"]')?.textContent?.trim());
  await loaded('lms-certificate-verify', (root) => !!root.querySelector('button'));
  await loaded('lms-document-lesson', (root) => !!root.querySelector('a'));
  await loaded('lms-video-lesson', (root) => !!root.querySelector('[part="base"]')?.textContent?.includes('.'));
  return provider;
}

export function galleryElement(provider: LmsProvider, name: string): HTMLElement {
  return provider.querySelector(`[data-gallery="${name}"]`) as HTMLElement;
}
