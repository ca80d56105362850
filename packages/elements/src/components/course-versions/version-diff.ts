import type { ChangeList, ChangeSummary } from '@lms-kit/core/authoring';
import { html, nothing } from 'lit';
import type { Translate } from '../../i18n/localize.js';
import type { MessageId } from '../../i18n/messages-en.js';

/** The diff view of two versions: one list per kind of change, only those that have items. */
export function renderDiff(changes: ChangeSummary, t: Translate, language: string | undefined) {
  if (changes.empty) return html`<p>${t('versions.noChanges')}</p>`;
  const lang = language ?? nothing;
  const list = (heading: MessageId, items: Array<{ id: string; title: string }>) =>
    items.length
      ? html`<h4>${t(heading)}</h4>
          <ul>
            ${items.map((item) => html`<li><span lang=${lang}>${item.title}</span> <code>${item.id}</code></li>`)}
          </ul>`
      : nothing;
  const kinds = (prefix: 'lessons' | 'questions', changes: ChangeList) => [
    list(`versions.${prefix}Added`, changes.added),
    list(`versions.${prefix}Removed`, changes.removed),
    list(`versions.${prefix}Changed`, changes.changed),
  ];
  return html`${kinds('lessons', changes.lessons)}${kinds('questions', changes.questions)}
  ${list(
    'versions.moved',
    changes.moved.map((id) => ({ id, title: id })),
  )}`;
}

export const countChanges = (changes: ChangeSummary) => ({
  added: changes.lessons.added.length + changes.questions.added.length,
  removed: changes.lessons.removed.length + changes.questions.removed.length,
  changed: changes.lessons.changed.length + changes.questions.changed.length + changes.moved.length,
});
