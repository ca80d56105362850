import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isLmsError, MAX_COMMENT_LENGTH, mentionParts, toLmsError, type DiscussionComment, type LmsError } from '@lms-kit/core';
import { localNotes } from '@lms-kit/storage';
import { DiscussionSession } from '@lms-kit/runtime/engagement';
import { LmsElement } from '../../lessons/lms-element.js';
import { tokens } from '../../styles/shared.styles.js';
import { registerMessages } from '../../i18n/localize.js';
import { discussionMessages } from '../../i18n/messages-en-discussion.js';
import { LmsErrorEvent } from '../../events/error.js';
import { discussionStyles } from './lms-discussion.styles.js';

registerMessages('en', discussionMessages);

/** What the learner is doing with one comment: replying to it, editing it, or confirming its deletion. */
type Action = { kind: 'reply' | 'edit' | 'delete'; id: string } | undefined;

/**
 * @tag lms-discussion
 * @summary A lesson's discussion: threads and replies, `@` mentions of the course's instructors, edit
 * and delete of one's own comments, hide and pin for moderators (the server decides who may). Other
 * tabs update at once, other learners' comments within the poll interval. On a browser-only storage it
 * is the learner's private notes, and says so. Comments are plain text.
 *
 * @csspart base - The wrapper.
 * @csspart form - The form of a new comment.
 * @csspart comment - One comment.
 * @csspart mention - A mention of an instructor.
 *
 * @event lms-error - The discussion could not be loaded. `detail: { error, recoverable }`
 */
export class LmsDiscussion extends LmsElement {
  static override styles = [tokens, discussionStyles];

  /** The course id. */
  @property() course = '';

  /** The lesson id. */
  @property() lesson = '';

  /** How often a shared discussion looks for other learners' comments, in ms (0: never). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 15_000;

  @state() private action: Action;
  @state() private status = '';
  @state() private failure?: { id: string; message: string };
  private session?: DiscussionSession;
  private sessionKey?: string;
  private stopListening?: () => void;

  protected override servicesChanged(): void {
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.closeSession();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.sessionKey = undefined; // reopened on the next update
  }

  private closeSession(): void {
    this.stopListening?.();
    this.session?.dispose();
    this.session = undefined;
  }

  protected override willUpdate(): void {
    const services = this.services.value;
    if (!services || !this.course || !this.lesson || !this.isConnected) return;
    const key = JSON.stringify([services.learner.id, services.storage.scope, !!services.discussion, this.course, this.lesson]);
    if (key === this.sessionKey) return;
    this.sessionKey = key;
    this.closeSession();
    const store = services.discussion ?? localNotes(services.storage, { id: services.learner.id, name: services.learner.actor.name });
    // Tabs of the same learner tell each other; other learners' comments come by polling.
    const channelKey = `${store.shared ? 'shared' : 'notes'}:${services.storage.scope}:${services.learner.id}`;
    const session = new DiscussionSession({ store, courseId: this.course, lessonId: this.lesson, pollMs: this.pollInterval, channelKey });
    const stops = [
      session.subscribe(() => this.requestUpdate()),
      session.on('lms-discussion-update', () => {
        this.status = this.t('discussion.updated');
      }),
    ];
    this.stopListening = () => stops.forEach((stop) => stop());
    this.session = session;
    void session.start().then(() => {
      const { error } = session.getState();
      if (error) this.dispatchEvent(new LmsErrorEvent({ error, recoverable: true }));
    });
  }

  /** Runs a write; on failure the text stays where it was typed and the reason is shown beside it. */
  private async write(id: string, work: () => Promise<unknown>, done: string): Promise<boolean> {
    this.failure = undefined;
    try {
      await work();
      this.status = this.t(done as 'discussion.posted');
      return true;
    } catch (error) {
      this.failure = { id, message: this.reason(toLmsError(error, 'storage/failed')) };
      return false;
    }
  }

  private reason(error: LmsError): string {
    if (isLmsError(error, 'discussion/rate-limited')) return this.t('discussion.rateLimited');
    if (isLmsError(error, 'discussion/empty')) return this.t('discussion.emptyError');
    if (isLmsError(error, 'discussion/too-long')) return this.t('discussion.tooLong', { max: MAX_COMMENT_LENGTH, count: this.draftLength });
    if (isLmsError(error, 'auth/forbidden')) return this.t('discussion.forbidden');
    return this.t('discussion.failed');
  }

  private draftLength = 0;

  private async submit(event: SubmitEvent, id: string, send: (body: string) => Promise<unknown>, done: string): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = form.elements.namedItem('body') as HTMLTextAreaElement;
    this.draftLength = field.value.trim().length;
    if (await this.write(id, () => send(field.value), done)) {
      form.reset();
      const opener = this.action?.id;
      this.action = undefined;
      await this.updateComplete;
      this.focusComment(opener);
    } else field.focus();
  }

  private focusComment(id: string | undefined): void {
    const target = id && this.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"] .actions button`);
    (target || this.shadowRoot?.querySelector<HTMLElement>('#new-body'))?.focus();
  }

  private async open(action: Action): Promise<void> {
    this.action = action;
    this.failure = undefined;
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('[data-action-field]')?.focus();
  }

  protected override render() {
    const state = this.session?.getState();
    const shared = state?.shared ?? !!this.services.value?.discussion;
    return html`<section part="base" aria-labelledby="heading">
      <h2 id="heading">${this.t(shared ? 'discussion.heading' : 'discussion.notesHeading')}</h2>
      ${shared ? nothing : html`<p class="muted" data-private>${this.t('discussion.private')}</p>`}
      <form part="form" @submit=${(e: SubmitEvent) => this.submit(e, 'new', (body) => this.session!.post(body), 'discussion.posted')}>
        <label for="new-body">${this.t(shared ? 'discussion.newLabel' : 'discussion.notesNewLabel')}</label>
        <textarea id="new-body" name="body" rows="3" maxlength=${MAX_COMMENT_LENGTH} aria-describedby="hint"></textarea>
        <p id="hint" class="muted">
          ${state?.instructors.length ? this.t('discussion.mentionHint', { names: state.instructors.join(', ') }) : nothing}
        </p>
        ${this.renderFailure('new')}
        <div><button class="action" type="submit">${this.t('discussion.post')}</button></div>
      </form>
      <p role="status" class="muted">${this.status}</p>
      ${this.renderList()}
    </section>`;
  }

  private renderList() {
    const state = this.session?.getState();
    if (!state || state.status === 'idle' || state.status === 'loading') return html`<p>${this.t('discussion.loading')}</p>`;
    if (state.status === 'error') return html`<p role="alert">${this.t('discussion.error')}</p>`;
    if (!state.threads.length) return html`<p>${this.t(state.shared ? 'discussion.empty' : 'discussion.notesEmpty')}</p>`;
    return html`<ol class="threads">
        ${state.threads.map(
          (thread) =>
            html`<li>
              ${this.renderComment(thread, true)}
              ${
                thread.replies.length
                  ? html`<ol class="replies">
                      ${thread.replies.map((reply) => html`<li>${this.renderComment(reply, false)}</li>`)}
                    </ol>`
                  : nothing
              }
              ${this.action?.kind === 'reply' && this.action.id === thread.id ? this.renderReplyForm(thread) : nothing}
            </li>`,
        )}
      </ol>
      ${
        state.hasMore
          ? html`<button class="action secondary" type="button" @click=${() => this.session?.loadMore()}>
              ${this.t('discussion.more')}
            </button>`
          : nothing
      }`;
  }

  private name(comment: DiscussionComment): string {
    if (comment.mine) return this.t('discussion.you');
    return comment.author.name ?? this.t('discussion.anonymous');
  }

  private renderComment(comment: DiscussionComment, thread: boolean) {
    const state = this.session!.getState();
    const editing = this.action?.kind === 'edit' && this.action.id === comment.id;
    const instructors = state.instructors;
    return html`<article part="comment" data-id=${comment.id} aria-label=${this.name(comment)} class=${comment.hidden ? 'hidden' : ''}>
      <header>
        <strong>${this.name(comment)}</strong>
        <time datetime=${comment.createdAt}>${new Date(comment.createdAt).toLocaleString(this.locale)}</time>
        ${comment.editedAt ? html`<span class="muted">(${this.t('discussion.edited')})</span>` : nothing}
        ${comment.pinned ? html`<span class="tag">${this.t('discussion.pinned')}</span>` : nothing}
        ${comment.hidden ? html`<span class="tag">${this.t('discussion.hidden')}</span>` : nothing}
      </header>
      ${
        comment.deleted
          ? html`<p class="muted">${this.t('discussion.deleted')}</p>`
          : editing
            ? this.renderEditForm(comment)
            : html`<p class="body">
                ${mentionParts(comment.body, instructors).map((part) =>
                  part.mention ? html`<strong part="mention" class="mention">${part.text}</strong>` : part.text,
                )}
              </p>`
      }
      ${comment.deleted || editing ? nothing : this.renderActions(comment, thread, state.moderator)}
    </article>`;
  }

  private renderActions(comment: DiscussionComment, thread: boolean, moderator: boolean) {
    if (this.action?.kind === 'delete' && this.action.id === comment.id)
      return html`<div class="confirm" role="group" aria-label=${this.t('discussion.confirmDelete')}>
        <span>${this.t('discussion.confirmDelete')}</span>
        <button
          class="action danger"
          type="button"
          data-action-field
          @click=${async () => {
            if (await this.write(comment.id, () => this.session!.remove(comment.id), 'discussion.removed')) {
              this.action = undefined;
              await this.updateComplete;
              this.focusComment(undefined);
            }
          }}
        >
          ${this.t('discussion.delete')}
        </button>
        <button class="action secondary" type="button" @click=${() => this.close(comment.id)}>${this.t('discussion.cancel')}</button>
        ${this.renderFailure(comment.id)}
      </div>`;
    const moderate = (change: { hidden?: boolean; pinned?: boolean }) =>
      this.write(comment.id, () => this.session!.moderate(comment.id, change), 'discussion.saved');
    return html`<div class="actions">
      ${thread ? html`<button type="button" @click=${() => this.open({ kind: 'reply', id: comment.id })}>${this.t('discussion.reply')}</button>` : nothing}
      ${
        comment.mine
          ? html`<button type="button" @click=${() => this.open({ kind: 'edit', id: comment.id })}>${this.t('discussion.edit')}</button>
              <button type="button" @click=${() => this.open({ kind: 'delete', id: comment.id })}>${this.t('discussion.delete')}</button>`
          : nothing
      }
      ${
        moderator
          ? html`<button type="button" @click=${() => moderate({ hidden: !comment.hidden })}>
                ${this.t(comment.hidden ? 'discussion.show' : 'discussion.hide')}
              </button>
              ${
                thread
                  ? html`<button type="button" @click=${() => moderate({ pinned: !comment.pinned })}>
                      ${this.t(comment.pinned ? 'discussion.unpin' : 'discussion.pin')}
                    </button>`
                  : nothing
              }`
          : nothing
      }
      ${this.action ? nothing : this.renderFailure(comment.id)}
    </div>`;
  }

  private async close(id: string): Promise<void> {
    this.action = undefined;
    this.failure = undefined;
    await this.updateComplete;
    this.focusComment(id);
  }

  private renderReplyForm(thread: DiscussionComment) {
    return html`<form
      class="inline"
      @submit=${(e: SubmitEvent) => this.submit(e, thread.id, (body) => this.session!.post(body, thread.id), 'discussion.posted')}
    >
      <label for="reply-body">${this.t('discussion.replyLabel', { name: this.name(thread) })}</label>
      <textarea id="reply-body" name="body" rows="2" maxlength=${MAX_COMMENT_LENGTH} data-action-field></textarea>
      ${this.renderFailure(thread.id)}
      <div>
        <button class="action" type="submit">${this.t('discussion.post')}</button>
        <button class="action secondary" type="button" @click=${() => this.close(thread.id)}>${this.t('discussion.cancel')}</button>
      </div>
    </form>`;
  }

  private renderEditForm(comment: DiscussionComment) {
    return html`<form
      class="inline"
      @submit=${(e: SubmitEvent) => this.submit(e, comment.id, (body) => this.session!.edit(comment.id, body), 'discussion.saved')}
    >
      <label for="edit-body">${this.t('discussion.editLabel')}</label>
      <textarea id="edit-body" name="body" rows="3" maxlength=${MAX_COMMENT_LENGTH} data-action-field .value=${comment.body}></textarea>
      ${this.renderFailure(comment.id)}
      <div>
        <button class="action" type="submit">${this.t('discussion.save')}</button>
        <button class="action secondary" type="button" @click=${() => this.close(comment.id)}>${this.t('discussion.cancel')}</button>
      </div>
    </form>`;
  }

  private renderFailure(id: string) {
    return this.failure?.id === id ? html`<p role="alert" class="error">${this.failure.message}</p>` : nothing;
  }
}
