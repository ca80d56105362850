import { html, nothing, type TemplateResult } from 'lit';
import type { Question, Quiz } from '@lms-kit/core/quiz';
import {
  QUESTION_TYPES,
  answerLines,
  getAt,
  questionTemplate,
  withAnswerLines,
  type EditableQuestionType,
} from '@lms-kit/runtime/authoring';
import { fieldId, type EditorContext } from './editor-context.js';
import { choice, errorText, field } from './fields.js';
import { importQuestions, type ImportFormat } from './quiz-import.js';

/** Fields a question's own form shows; the validator's other issues of the question go under its answers. */
const OWN_FIELDS = ['text', 'weight', 'feedback.correct', 'feedback.incorrect'];

/**
 * A quiz lesson's quiz, compactly: settings, every question (any core type: text, points, answers as
 * lines, feedback, bank), banks with how many questions each attempt draws, and an import of GIFT,
 * Aiken or Moodle XML text.
 */
export function renderQuizForm(ctx: EditorContext, path: string): TemplateResult {
  const quiz = getAt(ctx.draft.course, path) as Quiz | undefined;
  if (!quiz) return html``;
  const all = [
    ...(quiz.questions ?? []).map((question, i) => ({ question, path: `${path}.questions[${i}]`, bank: '' })),
    ...(quiz.banks ?? []).flatMap((bank, b) =>
      bank.questions.map((question, i) => ({ question, path: `${path}.banks[${b}].questions[${i}]`, bank: bank.id })),
    ),
  ];
  const feedback = (['after-submit', 'immediate', 'none'] as const).map((mode): [string, string] => [mode, ctx.t(`editor.option.${mode}`)]);
  return html`<fieldset>
      <legend>${ctx.t('editor.kind.quiz')}</legend>
      ${field(ctx, `${path}.passingScore.percent`, ctx.t('editor.field.passingPercent'), 'number')}
      ${field(ctx, `${path}.maxAttempts`, ctx.t('editor.field.maxAttempts'), 'number')}
      ${choice(ctx, `${path}.feedback`, ctx.t('editor.field.feedback'), feedback, 'after-submit')}
    </fieldset>
    ${all.map((entry, index) => renderQuestion(ctx, path, quiz, entry, index + 1))}
    <div class="row-actions">
      <label class="visually-hidden" for="new-question-type">${ctx.t('editor.field.questionType')}</label>
      <select id="new-question-type">
        ${QUESTION_TYPES.map((type) => html`<option value=${type}>${ctx.t(`editor.type.${type}`)}</option>`)}
      </select>
      <button class="action secondary" @click=${(event: Event) => addQuestion(ctx, path, quiz, event)}>
        ${ctx.t('editor.addQuestion')}
      </button>
      <button class="action secondary" @click=${() => addBank(ctx, path, quiz)}>${ctx.t('editor.addBank')}</button>
    </div>
    ${(quiz.banks ?? []).map((bank, b) => {
      const d = (quiz.draw ?? []).findIndex((rule) => rule.bank === bank.id);
      return html`<fieldset>
        <legend>${bank.title ?? bank.id}</legend>
        ${field(ctx, `${path}.banks[${b}].title`, ctx.t('editor.field.title'))}
        ${d >= 0 ? field(ctx, `${path}.draw[${d}].count`, ctx.t('editor.field.drawCount', { bank: bank.title ?? bank.id }), 'number') : nothing}
      </fieldset>`;
    })}
    ${renderImport(ctx, path, quiz)}`;
}

interface Entry {
  question: Question;
  path: string;
  bank: string;
}

function renderQuestion(ctx: EditorContext, quizPath: string, quiz: Quiz, entry: Entry, number: number): TemplateResult {
  const { question, path } = entry;
  const lines = answerLines(question);
  const answersId = `${fieldId(path)}-answers`;
  const other = ctx.draft.issuesAt(path).filter((issue) => !OWN_FIELDS.some((name) => issue.path === `${path}.${name}`));
  const setType = (event: Event) => {
    const type = (event.target as HTMLSelectElement).value as EditableQuestionType;
    ctx.edit(path, {
      ...questionTemplate(type, question.id),
      text: question.text,
      ...(question.weight === undefined ? {} : { weight: question.weight }),
    });
  };
  return html`<fieldset class="question">
    <legend>${ctx.t('editor.question', { number })}</legend>
    <div class="field">
      <label for="${fieldId(path)}-type">${ctx.t('editor.field.questionType')}</label>
      <select id="${fieldId(path)}-type" @change=${setType}>
        ${QUESTION_TYPES.map((type) => html`<option value=${type} ?selected=${type === question.type}>${ctx.t(`editor.type.${type}`)}</option>`)}
      </select>
    </div>
    ${field(ctx, `${path}.text`, ctx.t('editor.field.questionText'), 'textarea')}
    ${field(ctx, `${path}.weight`, ctx.t('editor.field.weight'), 'number')}
    ${
      question.type === 'true-false'
        ? html`<div class="field check">
            <input
              id="${fieldId(path)}-correct"
              type="checkbox"
              .checked=${(question as { correct?: boolean }).correct === true}
              @change=${(event: Event) => ctx.edit(`${path}.correct`, (event.target as HTMLInputElement).checked)}
            /><label for="${fieldId(path)}-correct">${ctx.t('editor.field.correct')}</label>
          </div>`
        : nothing
    }
    ${
      lines === undefined
        ? errorText(
            answersId,
            other.map((issue) => issue.message),
          )
        : html`<div class="field">
            <label for=${answersId}>${ctx.t('editor.field.answers')}</label>
            <textarea
              id=${answersId}
              rows="4"
              aria-describedby="${answersId}-help${other.length ? ` ${answersId}-error` : ''}"
              aria-invalid=${other.length ? 'true' : nothing}
              .value=${lines}
              @input=${(event: Event) => ctx.edit(path, withAnswerLines(question, (event.target as HTMLTextAreaElement).value))}
            ></textarea>
            <p class="hint" id="${answersId}-help">${ctx.t('editor.field.answersHelp')}</p>
            ${errorText(
              answersId,
              other.map((issue) => `${issue.path.slice(path.length + 1)}: ${issue.message}`),
            )}
          </div>`
    }
    ${field(ctx, `${path}.feedback.correct`, ctx.t('editor.field.feedbackCorrect'), 'textarea')}
    ${field(ctx, `${path}.feedback.incorrect`, ctx.t('editor.field.feedbackIncorrect'), 'textarea')}
    ${
      quiz.banks?.length
        ? html`<div class="field">
            <label for="${fieldId(path)}-bank">${ctx.t('editor.field.bank')}</label>
            <select
              id="${fieldId(path)}-bank"
              @change=${(event: Event) => moveToBank(ctx, quizPath, question.id, (event.target as HTMLSelectElement).value)}
            >
              <option value="" ?selected=${entry.bank === ''}>${ctx.t('editor.noBank')}</option>
              ${quiz.banks.map((bank) => html`<option value=${bank.id} ?selected=${bank.id === entry.bank}>${bank.title ?? bank.id}</option>`)}
            </select>
          </div>`
        : nothing
    }
    <button class="action secondary" @click=${() => removeQuestion(ctx, quizPath, question.id)}>
      ${ctx.t('editor.deleteQuestion', { number })}
    </button>
  </fieldset>`;
}

function renderImport(ctx: EditorContext, path: string, quiz: Quiz): TemplateResult {
  const run = (event: Event) => {
    const box = (event.target as HTMLElement).closest('fieldset') as HTMLFieldSetElement;
    const format = (box.querySelector('select') as HTMLSelectElement).value as ImportFormat;
    const text = box.querySelector('textarea') as HTMLTextAreaElement;
    void importQuestions(format, text.value, quiz).then(
      (questions) => {
        ctx.edit(`${path}.questions`, [...(quiz.questions ?? []), ...questions]);
        ctx.announce(ctx.t('editor.imported', { count: questions.length }));
        text.value = '';
      },
      (error: unknown) => ctx.announce(ctx.t('editor.importFailed', { message: error instanceof Error ? error.message : String(error) })),
    );
  };
  return html`<fieldset>
    <legend>${ctx.t('editor.import')}</legend>
    <div class="field">
      <label for="import-format">${ctx.t('editor.importFormat')}</label>
      <select id="import-format">
        <option value="gift">GIFT</option>
        <option value="aiken">Aiken</option>
        <option value="moodle">Moodle XML</option>
      </select>
    </div>
    <div class="field">
      <label for="import-text">${ctx.t('editor.importText')}</label>
      <textarea id="import-text" rows="4"></textarea>
    </div>
    <button class="action secondary" @click=${run}>${ctx.t('editor.import')}</button>
  </fieldset>`;
}

function freeQuestionId(quiz: Quiz): string {
  const taken = new Set([...(quiz.questions ?? []), ...(quiz.banks ?? []).flatMap((bank) => bank.questions)].map((q) => q.id));
  let n = taken.size + 1;
  while (taken.has(`q${n}`)) n++;
  return `q${n}`;
}

function addQuestion(ctx: EditorContext, path: string, quiz: Quiz, event: Event): void {
  const type = ((event.target as HTMLElement).parentElement?.querySelector('select') as HTMLSelectElement).value;
  ctx.edit(`${path}.questions`, [...(quiz.questions ?? []), questionTemplate(type as EditableQuestionType, freeQuestionId(quiz))]);
}

function addBank(ctx: EditorContext, path: string, quiz: Quiz): void {
  const n = (quiz.banks?.length ?? 0) + 1;
  const id = `bank-${n}`;
  ctx.draft.update((course) => {
    const target = getAt(course, path) as Quiz;
    target.banks = [...(target.banks ?? []), { id, title: `Bank ${n}`, questions: [] }];
    target.draw = [...(target.draw ?? []), { bank: id, count: 1 }];
  });
}

/** Takes the question out of wherever it is and puts it in the bank (or among every attempt's questions). */
function moveToBank(ctx: EditorContext, path: string, questionId: string, bankId: string): void {
  ctx.draft.update((course) => {
    const quiz = getAt(course, path) as Quiz;
    const lists = [quiz.questions ?? [], ...(quiz.banks ?? []).map((bank) => bank.questions)];
    const from = lists.find((list) => list.some((q) => q.id === questionId));
    if (!from) return;
    const [question] = from.splice(
      from.findIndex((q) => q.id === questionId),
      1,
    );
    const bank = quiz.banks?.find((item) => item.id === bankId);
    (bank ? bank.questions : (quiz.questions ??= [])).push(question);
  });
}

function removeQuestion(ctx: EditorContext, path: string, questionId: string): void {
  ctx.draft.update((course) => {
    const quiz = getAt(course, path) as Quiz;
    quiz.questions = quiz.questions?.filter((q) => q.id !== questionId);
    for (const bank of quiz.banks ?? []) bank.questions = bank.questions.filter((q) => q.id !== questionId);
  });
}
