import type { Question } from '@lms-kit/core/quiz';
import type { TemplateResult } from 'lit';
import type { Translate } from '../../../i18n/localize.js';

/** What a question renderer gets: the question (HTML sanitized), the answer, and what to show. */
export interface QuestionRenderContext<Q extends Question = Question> {
  question: Q;
  value: unknown;
  /** Shuffled order of the question's parts for this attempt. */
  order?: string[];
  /** No more changes: submitted, checked, or review. */
  disabled: boolean;
  /** Show which parts are right (review, or after an immediate check). */
  marked: boolean;
  /** The right answers may be shown. */
  showCorrect: boolean;
  /** Unique prefix for ids and radio names. */
  id: string;
  t: Translate;
  answer(value: unknown): void;
  /** An answer being typed (each keystroke), saved after a pause so a reload keeps it. */
  draft(value: unknown): void;
  /** Moves focus, after the next render, to the element matching `selector` in the question. */
  focus(selector: string): void;
  announce(message: string): void;
}

export type QuestionRenderer<Q extends Question = Question> = (context: QuestionRenderContext<Q>) => TemplateResult;

/** Orders items by the attempt's stored order (authored order when there is none). */
export function ordered<T extends { id: string }>(items: T[], order: string[] | undefined): T[] {
  if (!order) return items;
  const byId = new Map(items.map((item) => [item.id, item]));
  const shown = order.map((id) => byId.get(id)).filter((item): item is T => item !== undefined);
  return [...shown, ...items.filter((item) => !order.includes(item.id))];
}
