import { isLmsError, toLmsError, type LmsError } from '@lms-kit/core';
import { gradingQueue, type GradingQueue, type GradingTask } from '@lms-kit/runtime/grading';
import { mayUse } from '@lms-kit/runtime/report';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { LmsErrorEvent } from '../../events/error.js';
import { registerMessages } from '../../i18n/localize.js';
import { managementMessages } from '../../i18n/messages-en-management.js';
import { LmsElement } from '../../lessons/lms-element.js';
import { createSanitizer } from '../../lessons/sanitize.js';
import { tokens } from '../../styles/shared.styles.js';
import { managementStyles } from '../shared/management.styles.js';

registerMessages('en', managementMessages);

type View = { state: 'loading' } | { state: 'forbidden' } | { state: 'error'; error: LmsError } | { state: 'ready'; tasks: GradingTask[] };

/**
 * @tag lms-grading
 * @summary The queue of answers waiting for a person (essays, long fill-in, questions marked
 * `manual`): the question, its rubric, the learner's answer (sanitized), points and feedback. Saving
 * completes the attempt and sends `scored`/`passed`/`failed`. On a server, the attempts the signed-in
 * instructor may grade; on a browser-only storage, the local learner's own (self-study).
 *
 * @csspart base - The wrapper.
 * @csspart task - One attempt to grade.
 * @csspart save - The "Save grade" button.
 * @event lms-error - The queue could not be read or a grade could not be saved. `detail: { error, recoverable }`
 */
export class LmsGrading extends LmsElement {
  static override styles = [tokens, managementStyles];

  /** Only attempts of this course. */
  @property() course?: string;

  @state() private view: View = { state: 'loading' };
  @state() private message = '';
  private sanitize: (html: string) => string = () => '';
  private generation = 0;

  private queue(): GradingQueue | undefined {
    const services = this.services.value;
    if (!services) return undefined;
    return gradingQueue(services.storage, services.learner, services.grading);
  }

  protected override servicesChanged(): void {
    void this.load();
  }

  /** A grade saved in another tab, or a new attempt submitted, changes the queue. */
  protected override storageChanged(change: { type: string }): void {
    if (change.type === 'attempt' && this.view.state === 'ready') void this.load();
  }

  private first = true;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (!this.first && changed.has('course')) void this.load();
    this.first = false;
  }

  /** Reads the queue again. */
  async load(): Promise<void> {
    const services = this.services.value;
    const queue = this.queue();
    if (!services || !queue) return;
    const generation = ++this.generation;
    if (!mayUse('grading', services.roles ?? [], queue.mode === 'server')) {
      this.view = { state: 'forbidden' };
      return;
    }
    this.view = { state: 'loading' };
    try {
      const [tasks, sanitize] = await Promise.all([queue.list(this.course), createSanitizer()]);
      if (generation !== this.generation) return;
      this.sanitize = sanitize;
      this.view = { state: 'ready', tasks };
    } catch (error) {
      if (generation !== this.generation) return;
      this.fail(error, 'grading/unavailable');
    }
  }

  private fail(error: unknown, code: 'grading/unavailable'): void {
    const lmsError = toLmsError(error, code);
    this.view = lmsError.code === 'auth/forbidden' ? { state: 'forbidden' } : { state: 'error', error: lmsError };
    this.dispatchEvent(new LmsErrorEvent({ error: lmsError, recoverable: true }));
  }

  private async save(task: GradingTask, event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const queue = this.queue();
    if (!queue) return;
    const form = new FormData(event.target as HTMLFormElement);
    const grades = task.items.map((item) => ({
      questionId: item.questionId,
      credit: item.weight > 0 ? Math.min(item.weight, Math.max(0, Number(form.get(`points-${item.questionId}`)))) / item.weight : 0,
      feedback: String(form.get(`feedback-${item.questionId}`) ?? '').trim() || undefined,
    }));
    try {
      await queue.save(task, grades);
      this.message = this.t('grading.saved');
    } catch (error) {
      if (!isLmsError(error, 'grading/conflict')) return this.fail(error, 'grading/unavailable');
      this.message = this.t('grading.conflict');
    }
    await this.load();
  }

  protected override render() {
    const view = this.view;
    const status = html`<p role="status" class="visually-hidden">${this.message}</p>`;
    switch (view.state) {
      case 'loading':
        return html`<div part="base" aria-busy="true"><p>${this.t('manage.loading')}</p></div>`;
      case 'forbidden':
        return html`<div part="base"><p class="notice" role="alert">${this.t('manage.forbidden')}</p></div>`;
      case 'error':
        return html`<div part="base">
          <p class="error" role="alert">${this.t('manage.error', { message: view.error.message })}</p>
          <button class="action secondary" @click=${() => void this.load()}>${this.t('manage.retry')}</button>
        </div>`;
      case 'ready':
        return html`<section part="base" aria-labelledby="title">
          <h2 id="title">${this.t('grading.title')}</h2>
          ${this.queue()?.mode === 'self-study' ? html`<p class="notice">${this.t('grading.selfStudy')}</p>` : nothing} ${status}
          ${view.tasks.length ? view.tasks.map((task) => this.renderTask(task)) : html`<p>${this.t('grading.empty')}</p>`}
        </section>`;
    }
  }

  private renderTask(task: GradingTask) {
    const id = `t-${task.attempt.id}`;
    const learner = task.learnerName || task.attempt.learnerId;
    return html`<form class="panel" part="task" aria-labelledby=${id} @submit=${(e: SubmitEvent) => void this.save(task, e)}>
      <h3 id=${id}>${this.t('grading.attempt', { learner, quiz: task.quizTitle })}</h3>
      ${task.items.map((item) => {
        const answer = typeof item.answer === 'string' ? item.answer : item.answer === undefined ? '' : JSON.stringify(item.answer);
        const q = `${id}-${item.questionId}`;
        return html`<fieldset>
          <legend>${this.t('grading.question')}: ${item.title ?? item.questionId}</legend>
          <div>${unsafeHTML(this.sanitize(item.text))}</div>
          ${
            item.rubric
              ? html`<h4>${this.t('grading.rubric')}</h4>
                  <div>${unsafeHTML(this.sanitize(item.rubric))}</div>`
              : nothing
          }
          ${
            item.graderNotes
              ? html`<h4>${this.t('grading.notes')}</h4>
                  <div>${unsafeHTML(this.sanitize(item.graderNotes))}</div>`
              : nothing
          }
          <h4>${this.t('grading.answer')}</h4>
          <blockquote>${answer ? unsafeHTML(this.sanitize(answer)) : this.t('grading.noAnswer')}</blockquote>
          <label for="${q}-points">${this.t('grading.points', { max: item.weight })}</label>
          <input id="${q}-points" name="points-${item.questionId}" type="number" min="0" max=${item.weight} step="any" required />
          <label for="${q}-feedback">${this.t('grading.feedback')}</label>
          <textarea id="${q}-feedback" name="feedback-${item.questionId}" rows="3"></textarea>
        </fieldset>`;
      })}
      <button class="action" part="save" type="submit">${this.t('grading.save')}</button>
    </form>`;
  }
}
