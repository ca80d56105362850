import { plainText, type SequencingQuestion } from '@lms-kit/core/quiz';
import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ordered, type QuestionRenderContext } from './types.js';

/** A list reordered with Move up/down buttons or Alt + arrow keys; focus stays with the moved item. */
export function renderSequencing(context: QuestionRenderContext<SequencingQuestion>) {
  const { question, t } = context;
  const order = Array.isArray(context.value) ? (context.value as string[]) : (context.order ?? question.items.map((i) => i.id));
  const items = ordered(question.items, order);
  const move = (index: number, step: -1 | 1, button: 'up' | 'down') => {
    const to = index + step;
    if (to < 0 || to >= items.length) return;
    const next = items.map((i) => i.id);
    [next[index], next[to]] = [next[to], next[index]];
    const id = items[index].id;
    context.answer(next);
    // At either end the button pressed is disabled: focus its neighbour instead.
    const edge = (button === 'up' && to === 0) || (button === 'down' && to === items.length - 1);
    context.focus(`[data-item="${id}"] button.${edge ? (button === 'up' ? 'down' : 'up') : button}`);
    context.announce(t('quiz.moved', { item: plainText(items[index].text), position: to + 1, total: items.length }));
  };
  return html`<p class="hint" id=${`${context.id}-hint`}>${context.disabled ? nothing : t('quiz.orderHint')}</p>
    <ol class="sequence" part="sequence" aria-describedby=${`${context.id}-hint`}>
      ${items.map((item, index) => {
        const name = plainText(item.text);
        const right = context.marked && context.showCorrect ? question.items.findIndex((i) => i.id === item.id) + 1 : 0;
        return html`<li
          data-item=${item.id}
          part="sequence-item"
          @keydown=${(event: KeyboardEvent) => {
            if (!event.altKey || context.disabled || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
            event.preventDefault();
            move(index, event.key === 'ArrowUp' ? -1 : 1, event.key === 'ArrowUp' ? 'up' : 'down');
          }}
        >
          <span class="item-text">${unsafeHTML(item.text)}</span>
          ${right ? html`<span class="right-answer">${t('quiz.rightAnswer', { answer: String(right) })}</span>` : nothing}
          <span class="move">
            <button
              type="button"
              class="up"
              aria-label=${t('quiz.moveUp', { item: name })}
              ?disabled=${context.disabled || index === 0}
              @click=${() => move(index, -1, 'up')}
            >
              ↑
            </button>
            <button
              type="button"
              class="down"
              aria-label=${t('quiz.moveDown', { item: name })}
              ?disabled=${context.disabled || index === items.length - 1}
              @click=${() => move(index, 1, 'down')}
            >
              ↓
            </button>
          </span>
        </li>`;
      })}
    </ol>`;
}
