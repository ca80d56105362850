import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toLmsError, type LmsError } from '@lms-kit/core';
import {
  localLeaderboard,
  type Leaderboard,
  type LeaderboardPeriod,
  type LeaderboardReads,
  type LeaderboardRow,
  type LeaderboardScope,
} from '@lms-kit/storage';
import { LmsElement } from '../../lessons/lms-element.js';
import { tokens } from '../../styles/shared.styles.js';
import { registerMessages } from '../../i18n/localize.js';
import { engagementMessages } from '../../i18n/messages-en-engagement.js';
import { LmsErrorEvent } from '../../events/error.js';
import type { MessageId } from '../../i18n/messages-en.js';
import { leaderboardStyles } from './lms-leaderboard.styles.js';

registerMessages('en', engagementMessages);

type View = { state: 'loading' } | { state: 'error'; error: LmsError } | { state: 'ready'; board: Leaderboard; local: boolean };

const PERIODS: LeaderboardPeriod[] = ['week', 'month', 'all'];

/**
 * @tag lms-leaderboard
 * @summary Learners ranked by points for a site, a course or a group, this week, this month or for all
 * time. Ranks are computed by the server (`HttpStorageAdapter`) over the learners who chose to be
 * shown; the learner sees the top and where they stand, and chooses whether to be shown, under a
 * pseudonym if they like. The tenant turns the leaderboard on. On a browser-only storage it shows the
 * local learner alone, and says so.
 *
 * @csspart base - The wrapper.
 * @csspart table - The ranking table.
 * @csspart you - The signed-in learner's row.
 * @csspart opt-in - The form to be shown or hidden.
 *
 * @event lms-error - The leaderboard could not be loaded or the choice not saved. `detail: { error, recoverable }`
 */
export class LmsLeaderboard extends LmsElement {
  static override styles = [tokens, leaderboardStyles];

  /** Whom to rank: the whole site, one `course` or one `group`. */
  @property() scope: LeaderboardScope = 'site';

  /** The course of a `course` scope. */
  @property() course?: string;

  /** The group of a `group` scope. */
  @property() group?: string;

  /** The period shown first (the learner can change it). */
  @property({ reflect: true }) period: LeaderboardPeriod = 'week';

  /** How many learners from the top. */
  @property({ type: Number }) limit = 10;

  @state() private view: View = { state: 'loading' };
  @state() private saved = false;
  private loadedFor?: string;

  protected override servicesChanged(): void {
    this.requestUpdate();
  }

  private reads(): { reads: LeaderboardReads; local: boolean } | undefined {
    const services = this.services.value;
    if (!services) return undefined;
    if (services.leaderboard) return { reads: services.leaderboard, local: false };
    const { id, actor } = services.learner;
    return { reads: localLeaderboard(services.storage, { id, name: actor.name }), local: true };
  }

  protected override willUpdate(): void {
    const services = this.services.value;
    const key = services && JSON.stringify([services.learner.id, this.scope, this.course, this.group, this.period, this.limit]);
    if (key && key !== this.loadedFor) {
      this.loadedFor = key;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const source = this.reads();
    if (!source) return;
    const key = this.loadedFor;
    try {
      const board = await source.reads.read({
        scope: this.scope,
        courseId: this.course,
        groupId: this.group,
        period: this.period,
        limit: this.limit,
      });
      if (key === this.loadedFor) this.view = { state: 'ready', board, local: source.local };
    } catch (error) {
      const lmsError = toLmsError(error, 'storage/failed');
      if (key === this.loadedFor) this.view = { state: 'error', error: lmsError };
      this.dispatchEvent(new LmsErrorEvent({ error: lmsError, recoverable: true }));
    }
  }

  private async saveMembership(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const optIn = (form.elements.namedItem('opt-in') as HTMLInputElement).checked;
    const pseudonym = (form.elements.namedItem('pseudonym') as HTMLInputElement).value.trim();
    try {
      await this.reads()?.reads.setMembership(optIn, pseudonym || null);
      this.saved = true;
      this.loadedFor = undefined;
      this.requestUpdate();
    } catch (error) {
      this.dispatchEvent(new LmsErrorEvent({ error: toLmsError(error, 'storage/failed'), recoverable: true }));
    }
  }

  protected override render() {
    return html`<section part="base" aria-labelledby="heading">
      <h2 id="heading">${this.t('leaderboard.heading')}</h2>
      <label
        >${this.t('leaderboard.period')}
        <select
          @change=${(e: Event) => {
            this.period = (e.target as HTMLSelectElement).value as LeaderboardPeriod;
            this.saved = false;
          }}
        >
          ${PERIODS.map((p) => html`<option value=${p} ?selected=${p === this.period}>${this.t(`leaderboard.period.${p}` as MessageId)}</option>`)}
        </select></label
      >
      ${this.renderBody()}
    </section>`;
  }

  private renderBody() {
    const view = this.view;
    if (view.state === 'loading') return html`<p role="status">${this.t('leaderboard.loading')}</p>`;
    if (view.state === 'error') return html`<p role="alert">${this.t('leaderboard.error')}</p>`;
    const { board, local } = view;
    if (!board.enabled) return html`<p>${this.t('leaderboard.off')}</p>`;
    const inTop = board.top.some((r) => r.you);
    return html`${local ? html`<p class="muted" data-local>${this.t('leaderboard.local')}</p>` : nothing}
    ${board.top.length ? this.renderTable(this.t('leaderboard.top'), board.top) : html`<p>${this.t('leaderboard.empty')}</p>`}
    ${!inTop && !local ? this.renderTable(this.t('leaderboard.nearby'), board.nearby) : nothing}
    ${local ? nothing : this.renderOptIn(board.you.optedIn, board.you.pseudonym)}`;
  }

  private renderTable(caption: string, rows: LeaderboardRow[]) {
    return html`<table part="table">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col" class="number">${this.t('leaderboard.rank')}</th>
          <th scope="col">${this.t('leaderboard.learner')}</th>
          <th scope="col" class="number">${this.t('leaderboard.points')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((row) => {
          const name = row.name ?? (row.you ? this.t('leaderboard.youAlone') : this.t('leaderboard.anonymous'));
          return html`<tr part=${row.you ? 'you' : nothing} aria-current=${row.you ? 'true' : nothing}>
            <td class="number">${row.rank}</td>
            <th scope="row">${row.you ? this.t('leaderboard.you', { name }) : name}</th>
            <td class="number">${row.points}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  private renderOptIn(optedIn: boolean, pseudonym: string | null) {
    return html`<form part="opt-in" @submit=${this.saveMembership}>
      <label><input type="checkbox" name="opt-in" .checked=${optedIn} /> ${this.t('leaderboard.optIn')}</label>
      <label
        >${this.t('leaderboard.pseudonym')} <input name="pseudonym" maxlength="40" autocomplete="nickname" .value=${pseudonym ?? ''}
      /></label>
      <button class="action" type="submit">${this.t('leaderboard.save')}</button>
      <span role="status">${this.saved ? this.t('leaderboard.saved') : nothing}</span>
      ${optedIn ? nothing : html`<p class="muted">${this.t('leaderboard.hidden')}</p>`}
    </form>`;
  }
}
