import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { getAt, type CourseDraft } from '@lms-kit/runtime/authoring';
import type { MessageId } from '../../i18n/messages-en.js';
import { fieldId, issuesAt } from './editor-context.js';
import { errorText } from './fields.js';
import type { RichText, RichTextCommand } from './rich-text.js';

const COMMANDS: Array<[RichTextCommand, MessageId]> = [
  ['bold', 'editor.rich.bold'],
  ['italic', 'editor.rich.italic'],
  ['heading', 'editor.rich.heading'],
  ['bulletList', 'editor.rich.bulletList'],
  ['orderedList', 'editor.rich.orderedList'],
];

/**
 * The one rich-text field the editor shows at a time (the open text lesson's body): mounts Tiptap
 * into its box, writes its sanitized HTML to the draft, and takes the draft's HTML back after an undo.
 */
export class RichTextHost {
  private mounted?: { path: string; box: HTMLElement; editor?: RichText; emitted: string };

  constructor(private readonly t: (id: MessageId) => string) {}

  render(path: string, label: string, draft: CourseDraft): TemplateResult {
    const id = fieldId(path);
    const issues = issuesAt(draft, path);
    const html_ = String(getAt(draft.course, path) ?? '');
    const run = (command: RichTextCommand) => this.mounted?.editor?.run(command);
    return html`<div class="field">
      <span class="label" id="${id}-label">${label}</span>
      <div class="rich-toolbar" role="group" aria-label=${this.t('editor.rich.toolbar')}>
        ${COMMANDS.map(([command, text]) => html`<button type="button" class="action secondary" @click=${() => run(command)}>${this.t(text)}</button>`)}
      </div>
      <div
        class="rich-text"
        id=${id}
        aria-invalid=${issues.length ? 'true' : 'false'}
        ${ref((box) => this.attach(box as HTMLElement | undefined, path, html_, draft))}
      ></div>
      ${errorText(
        id,
        issues.map((issue) => issue.message),
      )}
    </div>`;
  }

  private attach(box: HTMLElement | undefined, path: string, value: string, draft: CourseDraft): void {
    if (!box) return;
    const current = this.mounted;
    if (current && current.box === box && current.path === path) {
      if (value !== current.emitted) current.editor?.setHtml(value);
      return;
    }
    this.destroy();
    const mounted: NonNullable<RichTextHost['mounted']> = { path, box, emitted: value };
    this.mounted = mounted;
    void import('./rich-text.js').then(async ({ mountRichText }) => {
      const editor = await mountRichText(box, {
        html: value,
        labelledBy: `${fieldId(path)}-label`,
        onChange: (next) => {
          mounted.emitted = next;
          draft.update((course) => setHtmlAt(course, path, next), { merge: path });
        },
      });
      if (this.mounted === mounted) mounted.editor = editor;
      else editor.destroy();
    });
  }

  destroy(): void {
    this.mounted?.editor?.destroy();
    this.mounted = undefined;
  }
}

function setHtmlAt(course: unknown, path: string, value: string): void {
  const at = path.lastIndexOf('.');
  (getAt(course, path.slice(0, at)) as Record<string, unknown>)[path.slice(at + 1)] = value;
}
