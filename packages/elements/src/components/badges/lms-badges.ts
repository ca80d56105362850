import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  courseFacts,
  parseEngagementConfig,
  toLmsError,
  type BadgeState,
  type CourseFacts,
  type EngagementConfig,
  type LevelState,
} from '@lms-kit/core';
import { EngagementSession, type EngagementEvents } from '@lms-kit/runtime/engagement';
import { LmsElement } from '../../lessons/lms-element.js';
import { SessionController } from '../../controllers/session-controller.js';
import { tokens } from '../../styles/shared.styles.js';
import { registerMessages } from '../../i18n/localize.js';
import { engagementMessages } from '../../i18n/messages-en-engagement.js';
import type { MessageId } from '../../i18n/messages-en.js';
import { LmsBadgeEarnedEvent, LmsPointsAwardEvent } from '../../events/engagement-events.js';
import { LmsErrorEvent } from '../../events/error.js';
import { badgesStyles } from './lms-badges.styles.js';
import { readCourseOutline } from '../../course/course-outline-store.js';

registerMessages('en', engagementMessages);

/** How long an award stays on screen (it stays in the live region's history for screen readers). */
const TOAST_MS = 6000;

/**
 * @tag lms-badges
 * @summary The learner's points, level and badges: earned badges, and the ones still to earn with how to
 * earn them and how far along the learner is. Awards are given as the learner's records change (in this
 * tab or another) and announced in a polite live region, as a toast that respects reduced motion.
 * Points and badges are declared in an engagement config (`config` or `src`), never hard-coded.
 *
 * @csspart base - The wrapper.
 * @csspart points - The points total and level.
 * @csspart level-progress - The bar towards the next level.
 * @csspart badge - One badge (also `earned` or `locked`).
 * @csspart toast - The award announcement.
 *
 * @event lms-points-award - Points were stored in the learner's ledger. `detail: { award, total }`.
 * @event lms-badge-earned - A badge was earned and stored. `detail: { badge, earnedAt }`.
 * @event lms-error - The config could not be loaded or the ledger could not be read. `detail: { error, recoverable }`.
 */
export class LmsBadges extends LmsElement {
  static override styles = [tokens, badgesStyles];

  /** The engagement config (points, levels, badges). */
  @property({ attribute: false }) config?: EngagementConfig;

  /** URL of the engagement config JSON, when `config` is not set. */
  @property() src?: string;

  /**
   * The courses the badge rules talk about (ids, tags, required lessons per module). Default: the
   * outlines the players of this site stored for the courses the learner has started.
   */
  @property({ attribute: false }) courses?: CourseFacts[];

  /** The learner's IANA time zone for streak days. Default: the browser's. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  @state() private loadError?: unknown;
  @state() private announcement = '';
  private readonly controller = new SessionController<EngagementSession, EngagementEvents>(this, {
    'lms-points-award': LmsPointsAwardEvent,
    'lms-badge-earned': LmsBadgeEarnedEvent,
  });
  private loadedFrom?: string;
  private startedWith?: unknown;
  private toastTimer?: ReturnType<typeof setTimeout>;

  protected override servicesChanged(): void {
    this.requestUpdate();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (this.src && !this.config && this.loadedFrom !== this.src) void this.load(this.src);
    if (changed.has('config') && this.config && !this.loadedFrom) this.checkConfig(this.config);
    const services = this.services.value;
    const key = services && this.config ? [services.storage, services.learner.id, this.config, this.courses, this.timeZone] : undefined;
    if (!key || this.loadError || (Array.isArray(this.startedWith) && key.every((part, i) => (this.startedWith as unknown[])[i] === part)))
      return;
    this.startedWith = key;
    this.controller.session?.dispose();
    const storage = services!.storage;
    const courses =
      this.courses ??
      (async (ids: string[]) =>
        (await Promise.all(ids.map((id) => readCourseOutline(storage, id)))).filter((o) => o !== undefined).map(courseFacts));
    const session = new EngagementSession(this.config!, { courses, timeZone: this.timeZone });
    this.controller.attach(session);
    session.on('lms-points-award', ({ award }) =>
      this.announce(this.t('badges.award', { points: award.points, reason: this.t(`badges.reason.${award.reason}` as MessageId) })),
    );
    session.on('lms-badge-earned', ({ badge }) => this.announce(this.t('badges.badgeEarned', { title: badge.title })));
    void session.start({ storage: services!.storage, learner: services!.learner }).then(() => {
      const { error } = session.getState();
      if (error) this.dispatchEvent(new LmsErrorEvent({ error: toLmsError(error, 'storage/failed'), recoverable: true }));
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.toastTimer);
  }

  /** A config set as a property gets the same checks as one loaded from `src` (its image URLs included). */
  private checkConfig(config: EngagementConfig): void {
    try {
      parseEngagementConfig(config);
      this.loadError = undefined;
    } catch (error) {
      this.loadError = error;
      this.dispatchEvent(new LmsErrorEvent({ error: toLmsError(error, 'engagement/invalid-config'), recoverable: false }));
    }
  }

  private async load(src: string): Promise<void> {
    this.loadedFrom = src;
    try {
      const response = await fetch(new URL(src, document.baseURI));
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${src}`);
      this.config = parseEngagementConfig(await response.json());
      this.loadError = undefined;
    } catch (error) {
      this.loadError = error;
      this.dispatchEvent(new LmsErrorEvent({ error: toLmsError(error, 'engagement/invalid-config'), recoverable: false }));
    }
  }

  private announce(text: string): void {
    // Several awards at once are read together rather than each replacing the last.
    this.announcement = this.announcement && this.toastTimer ? `${this.announcement} · ${text}` : text;
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => {
      this.announcement = '';
      this.toastTimer = undefined;
    }, TOAST_MS);
  }

  protected override render() {
    const state = this.controller.session?.getState();
    let body;
    if (this.loadError || state?.status === 'error') body = html`<p role="alert">${this.t('badges.error')}</p>`;
    else if (!this.config && !this.src) body = html`<p>${this.t('badges.noConfig')}</p>`;
    else if (!state || state.status === 'loading' || state.status === 'idle') body = html`<p>${this.t('badges.loading')}</p>`;
    else body = this.renderLedger(state.points, state.level, state.badges);
    return html`<section part="base" aria-labelledby="heading">
      <h2 id="heading">${this.t('badges.heading')}</h2>
      ${body}
      <div part="toast" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }

  private renderLedger(points: number, level: LevelState, badges: BadgeState[]) {
    const earned = badges.filter((b) => b.earned);
    const locked = badges.filter((b) => !b.earned);
    const span = level.next ? level.next.minPoints - (level.current?.minPoints ?? 0) : 0;
    return html`<div part="points">
        <p class="total">${this.t('badges.points', { count: points })}</p>
        ${level.current ? html`<p>${this.t('badges.level', { level: level.current.title })}</p>` : nothing}
        ${
          level.next
            ? html`<p class="muted" id="to-next">${this.t('badges.toNext', { count: level.toNext ?? 0, level: level.next.title })}</p>
                <progress part="level-progress" aria-labelledby="to-next" max=${span} value=${span - (level.toNext ?? 0)}></progress>`
            : nothing
        }
      </div>
      ${badges.length === 0 ? html`<p>${this.t('badges.none')}</p>` : nothing}
      ${
        earned.length
          ? html`<h3>${this.t('badges.earnedHeading')}</h3>
              <ul role="list">
                ${earned.map((b) => this.renderBadge(b))}
              </ul>`
          : nothing
      }
      ${
        locked.length
          ? html`<h3>${this.t('badges.lockedHeading')}</h3>
              <ul role="list">
                ${locked.map((b) => this.renderBadge(b))}
              </ul>`
          : nothing
      }`;
  }

  private renderBadge({ badge, earned, current, required }: BadgeState) {
    const progressText = this.t('badges.progress', { current, required });
    return html`<li part="badge ${earned ? 'earned' : 'locked'}" class=${earned ? 'earned' : 'locked'} data-badge=${badge.id}>
      ${badge.image ? html`<img src=${badge.image} alt="" />` : nothing}
      <span class="title">${badge.title}</span>
      <span class="muted">${badge.description}</span>
      ${
        earned
          ? html`<span class="earned-mark">${this.t('badges.earned')}</span>`
          : html`<span class="muted"
              ><progress max=${required} value=${current} aria-label=${`${badge.title}: ${progressText}`}></progress> ${progressText}</span
            >`
      }
    </li>`;
  }
}
