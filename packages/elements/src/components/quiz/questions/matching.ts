import { plainText, type MatchingQuestion } from '@lms-kit/core/quiz';
import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ordered, type QuestionRenderContext } from './types.js';

/** One labelled select per source: usable with keyboard and screen readers, no dragging needed. */
export function renderMatching(context: QuestionRenderContext<MatchingQuestion>) {
  const { question, t } = context;
  const pairs = typeof context.value === 'object' && context.value !== null ? (context.value as Record<string, string>) : {};
  const targets = ordered(question.targets, context.order);
  const right = new Map(question.pairs.map((p) => [p.source, p.target]));
  return html`<div class="matching">
    ${question.sources.map((source) => {
      const id = `${context.id}-${source.id}`;
      const answer = question.targets.find((target) => target.id === right.get(source.id));
      return html`<div class="field pair" part="pair">
        <label for=${id}>${unsafeHTML(source.text)}</label>
        <select
          id=${id}
          part="input"
          ?disabled=${context.disabled}
          @change=${(event: Event) => context.answer({ ...pairs, [source.id]: (event.target as HTMLSelectElement).value })}
        >
          <option value="" ?selected=${!pairs[source.id]}>${t('quiz.choose')}</option>
          ${targets.map((target) => html`<option value=${target.id} ?selected=${pairs[source.id] === target.id}>${plainText(target.text)}</option>`)}
        </select>
        ${context.marked && context.showCorrect ? html`<span class="right-answer">${t('quiz.rightAnswer', { answer: answer ? plainText(answer.text) : '—' })}</span>` : nothing}
      </div>`;
    })}
  </div>`;
}
