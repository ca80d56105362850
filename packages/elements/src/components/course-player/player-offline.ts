import { toLmsError, type Course } from '@lms-kit/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { LmsErrorEvent } from '../../events/error.js';
import { LmsOfflineChangeEvent } from '../../events/offline-change.js';
import type { Translate } from '../../i18n/localize.js';
import type { StorageAdapter } from '@lms-kit/storage';
import type { CourseOffline } from '../../offline/course-offline.js';
import type * as OfflinePanel from './offline-panel.js';

type OfflinePanelModule = typeof OfflinePanel;

/** What the player gives its offline part. */
export interface PlayerOfflineHost extends ReactiveControllerHost, HTMLElement {
  offline: boolean;
  offlineFiles: string[];
  src?: string;
  locale: string;
  /** The copy switched to a new version: the player loads the course again. */
  reloadCourse(): void;
  announce(message: string): void;
}

/**
 * The player's offline part: the banner while the network is off, and with `offline` the panel of the
 * course's copy, whose code (CourseOffline, the panel) loads only then.
 */
export class PlayerOffline implements ReactiveController {
  private copy?: CourseOffline;
  private panel?: OfflinePanelModule;
  private loading?: string;
  private networkOff = typeof navigator !== 'undefined' && navigator.onLine === false;
  private readonly onNetwork = () => {
    this.networkOff = !navigator.onLine;
    this.host.requestUpdate();
  };

  constructor(
    private readonly host: PlayerOfflineHost,
    private readonly t: Translate,
    /** The learner's storage (a cmi5 package's copy lists the AU URLs it imported there). */
    private readonly storage: () => StorageAdapter | undefined = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('online', this.onNetwork);
    addEventListener('offline', this.onNetwork);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.onNetwork);
    removeEventListener('offline', this.onNetwork);
    this.copy?.dispose();
    this.copy = undefined;
  }

  /** Follows the course shown: a copy for `offline` players with `src`, none otherwise. */
  follow(course: Course | undefined): void {
    const { host } = this;
    const url = host.offline && host.src && course ? new URL(host.src, document.baseURI).href : undefined;
    if (this.copy && (this.copy.courseUrl !== url || !host.isConnected)) {
      this.copy.dispose();
      this.copy = undefined;
    }
    if (url && course && !this.copy && host.isConnected) void this.attach(url, course);
  }

  private async attach(url: string, course: Course): Promise<void> {
    if (this.loading === url) return;
    this.loading = url;
    const { host } = this;
    try {
      const panel = await import('./offline-panel.js');
      if (this.loading !== url || this.copy) return;
      this.panel = panel;
      this.copy = new panel.CourseOffline(
        {
          requestUpdate: () => host.requestUpdate(),
          courseUpdated: () => {
            host.announce(this.t('offline.updated'));
            host.reloadCourse();
          },
          offlineChanged: (detail) => host.dispatchEvent(new LmsOfflineChangeEvent(detail)),
          failed: (error) => host.dispatchEvent(new LmsErrorEvent({ error, recoverable: true })),
        },
        url,
        course,
        /\.(zip|xml)$/i.test(new URL(url).pathname),
        () => host.offlineFiles,
        this.storage,
      );
      host.requestUpdate();
    } catch (error) {
      host.dispatchEvent(new LmsErrorEvent({ error: toLmsError(error, 'offline/unavailable'), recoverable: true }));
    } finally {
      if (this.loading === url) this.loading = undefined;
    }
  }

  /** The banner (a polite live region, filled while the network is off) and the panel. */
  render() {
    return html`<div aria-live="polite">
        ${this.networkOff ? html`<p class="notice" part="offline-banner">${this.t('player.offlineBanner')}</p>` : nothing}
      </div>
      ${this.copy && this.panel ? this.panel.renderOfflinePanel(this.copy, this.t, this.host.locale) : nothing}`;
  }
}
