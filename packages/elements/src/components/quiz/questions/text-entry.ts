import { numericPattern, type FillInQuestion, type LongFillInQuestion, type NumericQuestion } from '@lms-kit/core/quiz';
import { html, nothing } from 'lit';
import type { QuestionRenderContext } from './types.js';

const valueOf = (event: Event) => (event.target as HTMLInputElement | HTMLTextAreaElement).value;

/** One labelled input per blank; `{{n}}` in the text shows where each goes. */
export function renderFillIn(context: QuestionRenderContext<FillInQuestion>) {
  const { question, t } = context;
  const values = Array.isArray(context.value) ? (context.value as string[]) : [];
  return html`<div class="blanks">
    ${question.blanks.map((blank, index) => {
      const id = `${context.id}-b${index}`;
      // Every blank's value as shown, this one as just typed.
      const blanksWith = (event: Event) => {
        const next = question.blanks.map((_b, i) => values[i] ?? '');
        next[index] = valueOf(event);
        return next;
      };
      return html`<div class="field">
        <label for=${id}>${blank.label ?? t('quiz.blank', { index: index + 1 })}</label>
        <input
          id=${id}
          type="text"
          part="input"
          autocomplete="off"
          spellcheck="false"
          .value=${values[index] ?? ''}
          ?disabled=${context.disabled}
          @input=${(event: Event) => context.draft(blanksWith(event))}
          @change=${(event: Event) => context.answer(blanksWith(event))}
        />
        ${context.marked && context.showCorrect ? html`<span class="right-answer">${t('quiz.rightAnswer', { answer: blank.accept.join(' / ') })}</span>` : nothing}
      </div>`;
    })}
  </div>`;
}

export function renderNumeric(context: QuestionRenderContext<NumericQuestion>) {
  const { question, t } = context;
  const id = `${context.id}-n`;
  const answers = question.answers.map((a) => numericPattern(a).replace('[:]', ' – ')).join(' / ');
  return html`<div class="field">
    <label for=${id}>${t('quiz.answer')}</label>
    <span class="with-unit">
      <input
        id=${id}
        type="text"
        inputmode="decimal"
        part="input"
        autocomplete="off"
        .value=${typeof context.value === 'string' ? context.value : ''}
        ?disabled=${context.disabled}
        @input=${(event: Event) => context.draft(valueOf(event))}
        @change=${(event: Event) => context.answer(valueOf(event))}
      />
      ${question.unit ? html`<span>${question.unit}</span>` : nothing}
    </span>
    ${context.marked && context.showCorrect ? html`<span class="right-answer">${t('quiz.rightAnswer', { answer: answers })}</span>` : nothing}
  </div>`;
}

export function renderLongFillIn(context: QuestionRenderContext<LongFillInQuestion>) {
  const id = `${context.id}-e`;
  return html`<div class="field">
    <label for=${id}>${context.t('quiz.answer')}</label>
    <textarea
      id=${id}
      part="input"
      rows="6"
      maxlength=${context.question.maxLength ?? nothing}
      .value=${typeof context.value === 'string' ? context.value : ''}
      ?disabled=${context.disabled}
      @input=${(event: Event) => context.draft(valueOf(event))}
      @change=${(event: Event) => context.answer(valueOf(event))}
    ></textarea>
  </div>`;
}
