import { fixture, html, waitUntil } from '@open-wc/testing';
import type { Quiz } from '@lms-kit/core/quiz';
import { MemoryAdapter, type StorageAdapter } from '@lms-kit/storage';
import type { LmsProvider } from '@lms-kit/elements';
import '@lms-kit/elements/all';
import '@lms-kit/elements/define/lms-quiz';
import type { LmsQuiz } from '@lms-kit/elements/define/lms-quiz';

export interface QuizFixture {
  provider: LmsProvider;
  quiz: LmsQuiz;
  root: ShadowRoot;
  storage: StorageAdapter;
}

/** A provider with memory storage (unless given) and an `<lms-quiz>` showing `quiz` (object or URL). */
export async function renderQuiz(
  quiz: Quiz | string,
  storage: StorageAdapter = new MemoryAdapter(),
  grading = false,
): Promise<QuizFixture> {
  const provider = await fixture<LmsProvider>(
    html`<lms-provider learner-email="sam@example.com" learner-name="Sam" locale="en" .storage=${storage}>
      ${typeof quiz === 'string' ? html`<lms-quiz src=${quiz} ?grading=${grading}></lms-quiz>` : html`<lms-quiz .quiz=${quiz} ?grading=${grading}></lms-quiz>`}
    </lms-provider>`,
  );
  const element = provider.querySelector('lms-quiz') as LmsQuiz;
  await waitUntil(() => element.shadowRoot?.querySelector('[part="base"]:not([aria-busy="true"])'), 'quiz did not load', { timeout: 5000 });
  await element.updateComplete;
  return { provider, quiz: element, root: element.shadowRoot as ShadowRoot, storage };
}

export function q(root: ShadowRoot, questionId: string): HTMLFieldSetElement {
  return root.querySelector(`[data-question="${questionId}"]`) as HTMLFieldSetElement;
}

/** Sets a form control's value as a learner does: input then change. */
export function type(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

export function click(root: ParentNode, selector: string): void {
  (root.querySelector(selector) as HTMLElement).click();
}

export async function settle(element: LmsQuiz): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 30));
  await element.session.settled();
  await element.updateComplete;
}
