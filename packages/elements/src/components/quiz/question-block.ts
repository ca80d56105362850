import { isAnswered, questionCredit, type Question, type QuestionResponse, type QuestionResult } from '@lms-kit/core/quiz';
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { contentDirection } from '../../i18n/direction.js';
import type { Translate } from '../../i18n/localize.js';
import { builtinRenderers, questionView } from './questions/index.js';
import type { QuestionRenderContext } from './questions/types.js';

export interface QuestionBlockOptions {
  /** The quiz's language: the question's text is content, marked with its own `lang` and `dir`. */
  language?: string;
  question: Question;
  /** The same question as authored (HTML not sanitized), for scoring an immediate check. */
  original: Question;
  index: number;
  total: number;
  response?: QuestionResponse;
  order?: string[];
  /** The attempt is submitted: show the review. */
  review: boolean;
  /** Per-question result once submitted. */
  result?: QuestionResult;
  feedbackMode: 'immediate' | 'after-submit' | 'none';
  showCorrect: boolean;
  grading: boolean;
  t: Translate;
  answer(value: unknown): void;
  draft(value: unknown): void;
  check(): void;
  grade(credit: number, feedback: string): void;
  focus(selector: string): void;
  announce(message: string): void;
}

/** The verdict of a question: from the attempt's result, or computed for an immediate check. */
function verdict(
  options: QuestionBlockOptions,
): { kind: 'correct' | 'incorrect' | 'partial' | 'pending' | 'unanswered' | 'unscored'; text: string } | undefined {
  const { t, result, original, response } = options;
  if (result) {
    if (!result.answered && result.credit !== null) return { kind: 'unanswered', text: t('quiz.notAnswered') };
    if (result.max === 0) return { kind: 'unscored', text: t('quiz.unscored') };
    if (result.credit === null) return { kind: 'pending', text: t('quiz.awaitingGrade') };
    if (result.credit === 1) return { kind: 'correct', text: t('quiz.correct') };
    if (result.credit === 0) return { kind: 'incorrect', text: t('quiz.incorrect') };
    return { kind: 'partial', text: t('quiz.partial', { points: result.points, max: result.max }) };
  }
  if (!response?.checked || !isAnswered(original, response)) return undefined;
  const credit = questionCredit(original, response);
  if (credit === 'pending') return { kind: 'pending', text: t('quiz.awaitingGrade') };
  return credit === 1
    ? { kind: 'correct', text: t('quiz.correct') }
    : credit === 0
      ? { kind: 'incorrect', text: t('quiz.incorrect') }
      : { kind: 'partial', text: t('quiz.partial', { points: Math.round(credit * 100) / 100, max: 1 }) };
}

/** Author text with `{{n}}` blank markers shown as "(n)". */
function questionText(question: Question): string {
  return question.type === 'fill-in' ? question.text.replace(/\{\{(\d+)\}\}/g, '<span class="blank-ref">___ ($1)</span>') : question.text;
}

export function renderQuestionBlock(options: QuestionBlockOptions): TemplateResult {
  const { question, t, review, response } = options;
  const checked = response?.checked === true;
  const withFeedback = options.feedbackMode !== 'none' && (review || checked);
  const judged = withFeedback ? verdict(options) : undefined;
  const id = `q-${question.id}`;
  const context: QuestionRenderContext = {
    question,
    value: response?.value,
    order: options.order,
    disabled: review || checked,
    marked: withFeedback,
    showCorrect: options.showCorrect && withFeedback,
    id,
    t,
    answer: options.answer,
    draft: options.draft,
    focus: options.focus,
    announce: options.announce,
  };
  const feedback = question.feedback;
  const specific =
    judged && feedback
      ? { correct: feedback.correct, incorrect: feedback.incorrect, partial: feedback.partial ?? feedback.incorrect }[
          judged.kind as 'correct'
        ]
      : undefined;
  const custom = questionView(question);
  const renderer = builtinRenderers[question.type];
  let body: unknown;
  if (renderer) body = renderer(context);
  else if (custom) {
    const tag = unsafeStatic(custom.tag);
    body = staticHtml`<${tag}
      .question=${question}
      .value=${response?.value}
      .disabled=${context.disabled}
      .marked=${context.marked}
      .showCorrect=${context.showCorrect}
      @lms-question-input=${(event: CustomEvent<{ value: unknown }>) => options.answer(event.detail.value)}
    ></${tag}>`;
  } else body = html`<p class="error">${t('quiz.unknownType', { type: question.type })}</p>`;
  const grade = response?.grade;
  return html`<fieldset class="question ${judged?.kind ?? ''}" part="question" id=${id} data-question=${question.id}>
    <legend>
      <span class="number">${t('quiz.questionNumber', { index: options.index + 1, total: options.total })}</span>
      <span class="text" lang=${options.language ?? nothing} dir=${contentDirection(options.language)}
        >${unsafeHTML(questionText(question))}</span
      >
    </legend>
    ${body}
    ${
      options.feedbackMode === 'immediate' && !review && !checked
        ? html`<button
            type="button"
            class="action secondary check"
            ?disabled=${!isAnswered(options.original, response)}
            @click=${options.check}
          >
            ${t('quiz.check')}
          </button>`
        : nothing
    }
    ${
      judged || grade
        ? html`<div class="verdict" part="feedback">
            ${judged ? html`<p class="verdict-text"><strong>${judged.text}</strong></p>` : nothing}
            ${specific ? html`<div class="feedback">${unsafeHTML(specific)}</div>` : nothing}
            ${withFeedback && feedback?.general ? html`<div class="feedback">${unsafeHTML(feedback.general)}</div>` : nothing}
            ${grade?.feedback ? html`<div class="feedback"><strong>${t('quiz.gradedFeedback')}:</strong> ${grade.feedback}</div>` : nothing}
          </div>`
        : nothing
    }
    ${options.grading && review && question.type === 'long-fill-in' ? renderGrading(options, id) : nothing}
  </fieldset>`;
}

/** The grader's form for an answer written in words: points and feedback. */
function renderGrading(options: QuestionBlockOptions, id: string) {
  const { t, question, response } = options;
  const max = question.weight ?? 1;
  const notes = (question as { graderNotes?: string }).graderNotes;
  return html`<form
    class="grading"
    part="grading"
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      const form = new FormData(event.target as HTMLFormElement);
      options.grade(Math.min(max, Math.max(0, Number(form.get('points')))) / max, String(form.get('feedback') ?? ''));
    }}
  >
    <p class="grading-title"><strong>${t('quiz.grade')}</strong></p>
    ${notes ? html`<div class="notes"><strong>${t('quiz.graderNotes')}:</strong> ${unsafeHTML(notes)}</div>` : nothing}
    <div class="field">
      <label for=${`${id}-points`}>${t('quiz.gradePoints', { max })}</label>
      <input
        id=${`${id}-points`}
        name="points"
        type="number"
        min="0"
        max=${max}
        step="any"
        required
        .value=${response?.grade ? String(response.grade.credit * max) : ''}
      />
    </div>
    <div class="field">
      <label for=${`${id}-feedback`}>${t('quiz.gradeFeedback')}</label>
      <textarea id=${`${id}-feedback`} name="feedback" rows="3" .value=${response?.grade?.feedback ?? ''}></textarea>
    </div>
    <button class="action" type="submit">${t('quiz.gradeSave')}</button>
  </form>`;
}
