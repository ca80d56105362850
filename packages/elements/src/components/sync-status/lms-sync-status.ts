import type { LrsSync, SyncStatus } from '@lms-kit/xapi';

/** What the element reads from a sync: its status as it changes, and `resume()` for the "Try again" button. */
export type SyncStatusSource = Pick<LrsSync, 'subscribe' | 'resume'>;
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LmsElement } from '../../lessons/lms-element.js';
import { tokens } from '../../styles/shared.styles.js';
import { registerMessages } from '../../i18n/localize.js';
import { syncMessages } from '../../i18n/messages-en-sync.js';

// Registered here, not only by importing the strings module: bundlers that trust `sideEffects` drop bare imports.
registerMessages('en', syncMessages);

/**
 * @tag lms-sync-status
 * @summary How the learner's records are syncing to the Learning Record Store: "3 records waiting to
 * sync", an LRS that cannot be reached, a sync paused because the LRS refused the credentials (with a
 * button to try again), and records the LRS refused. Shown by `<lms-progress>` when the provider
 * has `lrs`; can be placed anywhere inside the provider too.
 *
 * @csspart base - The wrapper.
 * @csspart retry - The "Try again" button of a paused sync.
 *
 * @cssproperty --lms-color-muted - Colour of the text. Default `#4b5563`.
 * @cssproperty --lms-color-danger - Colour of a paused sync and refused records. Default `#b91c1c`.
 */
export class LmsSyncStatus extends LmsElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        font-size: 0.875rem;
      }
      p {
        margin: 0.25rem 0;
        color: var(--_muted);
      }
      button.action {
        margin-inline-start: 0.5rem;
        padding: 0.125rem 0.5rem;
      }
    `,
  ];

  /** The sync to show; default: the one of the nearest `<lms-provider>`. */
  @property({ attribute: false }) sync?: SyncStatusSource;

  @state() private status?: SyncStatus;
  private unsubscribe?: () => void;
  private watched?: SyncStatusSource;

  private get source(): SyncStatusSource | undefined {
    return this.sync ?? this.services.value?.sync;
  }

  protected override willUpdate(): void {
    const source = this.source;
    if (source === this.watched) return;
    this.unsubscribe?.();
    this.watched = source;
    this.unsubscribe = source?.subscribe((status) => (this.status = status));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.watched = undefined;
  }

  protected override render() {
    const status = this.status;
    if (!status) return nothing;
    const stopped = status.lrs.find((lrs) => lrs.state === 'stopped');
    const waiting = status.lrs.find((lrs) => lrs.state === 'waiting');
    let line: string;
    if (status.pending === 0) line = this.t('sync.synced');
    else if (status.syncing) line = this.t('sync.sending', { count: status.pending });
    else line = this.t('sync.waiting', { count: status.pending });
    const retryTime = waiting?.retryAt
      ? new Intl.DateTimeFormat(this.locale, { timeStyle: 'short' }).format(new Date(waiting.retryAt))
      : '';
    return html`<div part="base">
      <p role="status">${line}</p>
      ${waiting && !stopped ? html`<p>${this.t('sync.retrying', { time: retryTime })}</p>` : nothing}
      ${
        stopped
          ? html`<p class="error" role="alert">
              ${this.t('sync.stopped', { message: stopped.error?.message ?? '' })}
              <button class="action secondary" part="retry" @click=${() => void this.source?.resume()}>${this.t('sync.retry')}</button>
            </p>`
          : nothing
      }
      ${status.deadLetters > 0 ? html`<p class="error">${this.t('sync.deadLetters', { count: status.deadLetters })}</p>` : nothing}
    </div>`;
  }
}
