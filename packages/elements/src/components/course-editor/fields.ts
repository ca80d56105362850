import { html, nothing, type TemplateResult } from 'lit';
import { getAt } from '@lms-kit/runtime/authoring';
import { fieldId, issuesAt, type EditorContext } from './editor-context.js';

type Kind = 'text' | 'url' | 'number' | 'textarea' | 'list';

/**
 * One labelled field bound to a path of the course, validated as the author types: the core
 * validator's message for that path is shown under it, tied with aria-describedby and aria-invalid.
 * `list` edits a string array as comma-separated text.
 */
export function field(ctx: EditorContext, path: string, label: string, kind: Kind = 'text', help?: string): TemplateResult {
  const id = fieldId(path);
  const issues = issuesAt(ctx.draft, path);
  const raw = getAt(ctx.draft.course, path);
  const value = kind === 'list' ? ((raw as string[] | undefined) ?? []).join(', ') : raw === undefined ? '' : String(raw);
  const described = [help ? `${id}-help` : '', issues.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  const onInput = (event: Event) => ctx.edit(path, parse(kind, (event.target as HTMLInputElement).value));
  const common = { id, described: described || nothing, invalid: issues.length ? 'true' : nothing };
  const control =
    kind === 'textarea'
      ? html`<textarea
          id=${common.id}
          rows="3"
          aria-describedby=${common.described}
          aria-invalid=${common.invalid}
          .value=${value}
          @input=${onInput}
        ></textarea>`
      : html`<input
          id=${common.id}
          type=${kind === 'number' ? 'number' : kind === 'url' ? 'url' : 'text'}
          aria-describedby=${common.described}
          aria-invalid=${common.invalid}
          .value=${value}
          @input=${onInput}
        />`;
  return html`<div class="field">
    <label for=${id}>${label}</label>${control}${help ? html`<p class="hint" id="${id}-help">${help}</p>` : nothing}
    ${errorText(
      id,
      issues.map((issue) => issue.message),
    )}
  </div>`;
}

/** A checkbox bound to a boolean path (unchecked removes it). */
export function checkbox(ctx: EditorContext, path: string, label: string): TemplateResult {
  const id = fieldId(path);
  const onChange = (event: Event) => ctx.edit(path, (event.target as HTMLInputElement).checked || undefined);
  return html`<div class="field check">
    <input id=${id} type="checkbox" .checked=${getAt(ctx.draft.course, path) === true} @change=${onChange} /><label for=${id}
      >${label}</label
    >
  </div>`;
}

/** A select bound to a path; `options` are values with their labels. */
export function choice(ctx: EditorContext, path: string, label: string, options: Array<[string, string]>, fallback = ''): TemplateResult {
  const id = fieldId(path);
  const issues = issuesAt(ctx.draft, path);
  const value = String(getAt(ctx.draft.course, path) ?? fallback);
  const onChange = (event: Event) => ctx.edit(path, (event.target as HTMLSelectElement).value || undefined);
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select
      id=${id}
      aria-invalid=${issues.length ? 'true' : nothing}
      aria-describedby=${issues.length ? `${id}-error` : nothing}
      @change=${onChange}
    >
      ${options.map(([option, text]) => html`<option value=${option} ?selected=${option === value}>${text}</option>`)}
    </select>
    ${errorText(
      id,
      issues.map((issue) => issue.message),
    )}
  </div>`;
}

export function errorText(id: string, messages: string[]): TemplateResult | typeof nothing {
  return messages.length ? html`<p class="error" id="${id}-error">${messages.join(' · ')}</p>` : nothing;
}

function parse(kind: Kind, text: string): unknown {
  if (kind === 'number') return text.trim() === '' ? undefined : Number(text);
  if (kind === 'list')
    return text.trim() === ''
      ? undefined
      : text
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean);
  if (kind === 'textarea' || kind === 'url') return text === '' && kind === 'textarea' ? undefined : text;
  return text;
}
