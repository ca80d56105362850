import { WatchTracker, type VideoLesson, type WatchedRanges } from '@lms-kit/core';
import { css, html, nothing, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import { formatPercent } from '../../i18n/localize.js';
import { LessonViewElement } from '../../lessons/lesson-view.js';
import { tokens } from '../../styles/shared.styles.js';

const QUARTILES = [0.25, 0.5, 0.75];

/**
 * @tag lms-video-lesson
 * @summary Shows a `video` lesson with the browser's own accessible controls and captions. Counts
 * only what is really watched (seeking ahead adds nothing) and completes at `completeAt` percent.
 *
 * @csspart base - The figure holding the video.
 * @csspart video - The `<video>` element.
 * @csspart watched - The "n% watched" line.
 */
export class LmsVideoLesson extends LessonViewElement<VideoLesson> {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      figure {
        margin: 0;
      }
      video {
        inline-size: 100%;
        max-block-size: 70vh;
        background: var(--_media);
        border-radius: var(--_radius);
      }
      figcaption {
        color: var(--_muted);
        font-size: 0.875rem;
        margin-block-start: 0.25rem;
      }
    `,
  ];

  @query('video') private video?: HTMLVideoElement;
  @state() private fraction = 0;
  @state() private failed = false;
  private tracker = new WatchTracker();
  private reportedCompletion = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lesson') || changed.has('savedState')) {
      const saved = this.savedState?.data as { ranges?: WatchedRanges } | undefined;
      this.tracker = new WatchTracker(saved?.ranges ?? []);
      this.reportedCompletion = false;
      this.failed = false;
    }
  }

  private get completeAt(): number {
    return (this.lesson?.completeAt ?? 90) / 100;
  }

  private onLoadedMetadata(): void {
    const video = this.video;
    const position = this.savedState?.position;
    if (video && position && position < video.duration - 1) video.currentTime = position;
    this.fraction = this.tracker.fraction(video?.duration ?? 0);
  }

  /** Playback starts: anchor the range here. */
  private onPlay(): void {
    const video = this.video;
    if (video) this.tracker.update(video.currentTime, performance.now(), video.playbackRate);
  }

  private onTimeUpdate(): void {
    const video = this.video;
    if (!video || video.seeking || video.paused) return;
    this.tracker.update(video.currentTime, performance.now(), video.playbackRate);
    this.record();
  }

  /** Paused or ended: count up to where playback stopped, then start a new range next time. */
  private onStop(): void {
    const video = this.video;
    if (video && !video.seeking) this.tracker.update(video.currentTime, performance.now(), video.playbackRate);
    this.tracker.interrupt();
    this.record();
  }

  private record(): void {
    const video = this.video;
    if (!video) return;
    const before = this.fraction;
    this.fraction = this.tracker.fraction(video.duration);
    this.reportPosition({ position: video.currentTime, data: { ranges: this.tracker.ranges } });
    if (!this.reportedCompletion && !this.completed && this.fraction >= this.completeAt) {
      this.reportedCompletion = true;
      this.reportResult({ completed: true, progress: this.fraction });
    } else if (QUARTILES.some((q) => before < q && this.fraction >= q)) {
      this.reportResult({ progress: this.fraction });
    }
  }

  /** The browser tries the next `<source>` (another rendition, e.g. the one an offline copy kept); only the last failing is a failure. */
  private onSourceError(event: Event): void {
    if (!(event.target as Element).nextElementSibling?.matches('source')) this.failed = true;
  }

  private interrupt(): void {
    this.tracker.interrupt();
  }

  protected override render() {
    const lesson = this.lesson;
    if (!lesson) return nothing;
    const src = this.resolveUrl(lesson.src);
    return html`<figure part="base">
      <video
        part="video"
        controls
        playsinline
        preload="metadata"
        aria-label=${lesson.title}
        poster=${lesson.poster ? this.resolveUrl(lesson.poster) : nothing}
        @loadedmetadata=${this.onLoadedMetadata}
        @play=${this.onPlay}
        @timeupdate=${this.onTimeUpdate}
        @seeking=${this.interrupt}
        @pause=${this.onStop}
        @ended=${this.onStop}
        @error=${() => (this.failed = true)}
      >
        <source src=${src} type=${lesson.type ?? nothing} @error=${this.onSourceError} />
        ${(lesson.sources ?? []).map(
          (source) => html`<source src=${this.resolveUrl(source.src)} type=${source.type ?? nothing} @error=${this.onSourceError} />`,
        )}
        ${(lesson.captions ?? []).map(
          (track, index) =>
            html`<track
              kind=${track.kind ?? 'captions'}
              src=${this.resolveUrl(track.src)}
              srclang=${track.srclang}
              label=${track.label}
              ?default=${index === 0}
            />`,
        )}
      </video>
      <figcaption part="watched">
        ${this.t('video.watched', { percent: formatPercent(this.locale, Math.floor(this.fraction * 100)) })}
      </figcaption>
      ${
        this.failed
          ? html`<p class="error" role="alert">${this.t('video.failed')} <a href=${src} download>${this.t('video.download')}</a></p>`
          : nothing
      }
    </figure>`;
  }
}
