import { numericPattern, type PerformanceQuestion } from '@lms-kit/core/quiz';
import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { QuestionRenderContext } from './types.js';

/** The steps in order, each with a labelled input for the value it gives. */
export function renderPerformance(context: QuestionRenderContext<PerformanceQuestion>) {
  const { question, t } = context;
  const values = typeof context.value === 'object' && context.value !== null ? (context.value as Record<string, string>) : {};
  return html`<ol class="steps">
    ${question.steps.map((step) => {
      const id = `${context.id}-${step.id}`;
      const expected = step.numeric ? numericPattern(step.numeric).replace('[:]', ' – ') : (step.accept ?? []).join(' / ');
      return html`<li class="field">
        <label for=${id}>${unsafeHTML(step.text)}</label>
        <input
          id=${id}
          type="text"
          part="input"
          autocomplete="off"
          inputmode=${step.numeric ? 'decimal' : nothing}
          .value=${values[step.id] ?? ''}
          ?disabled=${context.disabled}
          @change=${(event: Event) => context.answer({ ...values, [step.id]: (event.target as HTMLInputElement).value })}
        />
        ${context.marked && context.showCorrect ? html`<span class="right-answer">${t('quiz.rightAnswer', { answer: expected })}</span>` : nothing}
      </li>`;
    })}
  </ol>`;
}
