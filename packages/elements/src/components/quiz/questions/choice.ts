import type { ChoiceQuestion, LikertQuestion, TrueFalseQuestion } from '@lms-kit/core/quiz';
import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ordered, type QuestionRenderContext } from './types.js';

interface Option {
  id: string;
  label: unknown;
  right?: boolean;
  feedback?: string;
}

/** Radio buttons or checkboxes; the question's fieldset and legend make them one labelled group. */
function options(
  context: QuestionRenderContext,
  list: Option[],
  multiple: boolean,
  selected: string[],
  pick: (id: string, on: boolean) => void,
) {
  const { t, marked, showCorrect } = context;
  return html`<div class="options" part="choices">
    ${list.map((option) => {
      const checked = selected.includes(option.id);
      return html`<div class="option ${checked ? 'chosen' : ''}" part="choice">
        <label>
          <input
            type=${multiple ? 'checkbox' : 'radio'}
            name=${context.id}
            value=${option.id}
            .checked=${checked}
            ?disabled=${context.disabled}
            @change=${(event: Event) => pick(option.id, (event.target as HTMLInputElement).checked)}
          />
          <span class="option-text">${option.label}</span>
          ${marked && showCorrect && option.right ? html`<span class="badge right">${t('quiz.rightChoice')}</span>` : nothing}
        </label>
        ${marked && checked && option.feedback ? html`<div class="feedback choice-feedback" part="feedback">${unsafeHTML(option.feedback)}</div>` : nothing}
      </div>`;
    })}
  </div>`;
}

export function renderChoice(context: QuestionRenderContext<ChoiceQuestion>) {
  const { question } = context;
  const selected = Array.isArray(context.value) ? (context.value as string[]) : [];
  const list = ordered(question.choices, context.order).map((c) => ({
    id: c.id,
    label: unsafeHTML(c.text),
    right: c.correct,
    feedback: c.feedback,
  }));
  return options(context, list, question.multiple === true, selected, (id, on) => {
    if (!question.multiple) context.answer([id]);
    else context.answer(on ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id));
  });
}

export function renderTrueFalse(context: QuestionRenderContext<TrueFalseQuestion>) {
  const { question, t } = context;
  const list = [
    { id: 'true', label: t('quiz.true'), right: question.correct, feedback: question.trueFeedback },
    { id: 'false', label: t('quiz.false'), right: !question.correct, feedback: question.falseFeedback },
  ];
  const selected = typeof context.value === 'boolean' ? [String(context.value)] : [];
  return options(context, list, false, selected, (id) => context.answer(id === 'true'));
}

/** A survey scale: the same radio group, laid out in a row, never marked right or wrong. */
export function renderLikert(context: QuestionRenderContext<LikertQuestion>) {
  const list = context.question.scale.map((s) => ({ id: s.id, label: unsafeHTML(s.text) }));
  const selected = typeof context.value === 'string' ? [context.value] : [];
  return html`<div class="likert">${options(context, list, false, selected, (id) => context.answer(id))}</div>`;
}
