import type { LmsError } from '@lms-kit/core';
import { html, nothing } from 'lit';
import { registerMessages, type Translate } from '../../i18n/localize.js';
import { offlineMessages } from '../../i18n/messages-en-offline.js';
import { cssomStyle } from '../../styles/cssom-style.js';
import type { CourseOffline } from '../../offline/course-offline.js';

registerMessages('en', offlineMessages);

export { CourseOffline } from '../../offline/course-offline.js';

/** "1.2 MB" in the locale's digits. */
export function formatBytes(locale: string, bytes: number): string {
  const [value, unit] =
    bytes >= 1e9
      ? [bytes / 1e9, 'gigabyte']
      : bytes >= 1e6
        ? [bytes / 1e6, 'megabyte']
        : bytes >= 1e3
          ? [bytes / 1e3, 'kilobyte']
          : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** The player's offline panel: the button, the download's progress, a video's choice, the copy's size and removal. */
export function renderOfflinePanel(offline: CourseOffline, t: Translate, locale: string) {
  const bytes = (value: number) => formatBytes(locale, value);
  const progress = offline.progress;
  const bar = progress
    ? html`<div
          class="bar offline-bar"
          part="offline-progress"
          role="progressbar"
          aria-label=${t('offline.progressLabel')}
          aria-valuemin="0"
          aria-valuemax=${progress.bytesTotal || 1}
          aria-valuenow=${progress.bytesDone}
          aria-valuetext=${t('offline.progress', {
            files: progress.filesDone,
            filesTotal: progress.filesTotal,
            bytes: bytes(progress.bytesDone),
            bytesTotal: bytes(progress.bytesTotal),
          })}
        >
          <div
            style=${cssomStyle({ 'inline-size': `${progress.bytesTotal ? Math.round((100 * progress.bytesDone) / progress.bytesTotal) : 0}%` })}
          ></div>
        </div>
        <span class="offline-text"
          >${t('offline.progress', {
            files: progress.filesDone,
            filesTotal: progress.filesTotal,
            bytes: bytes(progress.bytesDone),
            bytesTotal: bytes(progress.bytesTotal),
          })}</span
        >`
    : html`<span class="offline-text">${t('offline.preparing')}</span>`;
  const choice = offline.choice;
  let content;
  switch (offline.status) {
    case 'choosing':
      content = choice
        ? html`<span class="offline-text">${t('offline.videoTooLarge', { title: choice.title, bytes: bytes(choice.bytes) })}</span>
            <span class="offline-actions">
              ${choice.alternatives.map(
                (alternative) =>
                  html`<button class="action secondary" @click=${() => choice.answer(alternative.url)}>
                    ${t('offline.videoUse', { label: alternative.label ?? t('offline.videoSmaller'), bytes: bytes(alternative.bytes ?? 0) })}
                  </button>`,
              )}
              <button class="action secondary" @click=${() => choice.answer('skip')}>${t('offline.videoSkip')}</button>
            </span>`
        : nothing;
      break;
    case 'downloading':
      content = html`${bar}<button class="action secondary" @click=${() => offline.cancel()}>${t('offline.cancel')}</button>`;
      break;
    case 'interrupted':
      content = html`<span class="offline-text">${t('offline.interrupted')}</span>
        <span class="offline-actions">
          <button class="action" @click=${() => void offline.download()}>${t('offline.resume')}</button>
          <button class="action secondary" @click=${() => void offline.remove()}>${t('offline.remove')}</button>
        </span>`;
      break;
    case 'available':
      content = html`<span class="offline-text"
          >${
            offline.updating && progress
              ? t('offline.updating', { bytes: bytes(progress.bytesDone), bytesTotal: bytes(progress.bytesTotal) })
              : t('offline.available', { bytes: bytes(offline.copy?.bytes ?? 0) })
          }</span
        >
        <button class="action secondary" @click=${() => void offline.remove()}>${t('offline.remove')}</button>
        ${offline.error ? html`<span class="offline-text" role="alert">${failure(offline.error, t, bytes)}</span>` : nothing}`;
      break;
    case 'error':
      content = html`<span class="offline-text" role="alert">${failure(offline.error, t, bytes)}</span>
        <button class="action secondary" @click=${() => void offline.download()}>${t('offline.retry')}</button>`;
      break;
    default:
      content = html`<button class="action secondary" @click=${() => void offline.download()}>${t('offline.make')}</button>`;
  }
  return html`<div class="notice offline" part="offline" data-status=${offline.status}>${content}</div>`;
}

/** Why the copy could not be made or updated; for lack of room, with the bytes it needs and those free when known. */
function failure(error: LmsError | undefined, t: Translate, bytes: (value: number) => string) {
  if (error?.code !== 'offline/quota') return t('offline.failed', { message: error?.message ?? '' });
  const { needed, available } = error as LmsError & { needed?: number; available?: number };
  return needed === undefined || available === undefined
    ? t('offline.quota')
    : t('offline.quotaNeeded', { needed: bytes(needed), available: bytes(available) });
}
