import { css } from 'lit';

/** Three columns (outline, form, preview) that stack on narrow screens; logical properties only. */
export const editorStyles = css`
  :host {
    display: block;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    padding-block-end: 0.75rem;
    border-block-end: 1px solid var(--_border);
  }
  .toolbar h2 {
    margin: 0;
    font-size: 1.25rem;
    flex: 1 1 100%;
  }
  .buttons,
  .row-actions,
  .add-lesson {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .draft-state {
    color: var(--_muted);
    min-inline-size: 8rem;
  }
  .columns {
    display: grid;
    grid-template-columns: minmax(14rem, 1fr) minmax(18rem, 2fr) minmax(18rem, 2fr);
    gap: 1rem;
    margin-block-start: 1rem;
  }
  @media (max-width: 60rem) {
    .columns {
      grid-template-columns: 1fr;
    }
  }
  .outline ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .outline .lessons {
    padding-inline-start: 1rem;
  }
  .module {
    margin-block: 0.5rem;
    padding-block-end: 0.5rem;
    border-block-end: 1px solid var(--_border);
  }
  .row {
    display: flex;
    gap: 0.25rem;
    align-items: stretch;
  }
  button.item {
    flex: 1;
    font: inherit;
    text-align: start;
    padding: 0.375rem 0.5rem;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    cursor: grab;
  }
  button.item.module {
    font-weight: 600;
  }
  button.item[aria-current='true'] {
    border-color: var(--_accent);
    background: var(--_subtle);
  }
  .kind {
    display: inline-block;
    font-size: 0.75rem;
    color: var(--_muted);
    margin-inline-end: 0.375rem;
  }
  .flag {
    color: var(--_danger);
    font-weight: 700;
    margin-inline-start: 0.375rem;
  }
  button.icon {
    font: inherit;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_danger);
    cursor: pointer;
    padding-inline: 0.5rem;
  }
  button.link {
    font: inherit;
    background: none;
    border: none;
    padding: 0;
    color: var(--_danger);
    text-decoration: underline;
    cursor: pointer;
    text-align: start;
  }
  .field {
    margin-block: 0.5rem;
  }
  .field label,
  .field .label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
  .field.check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .field.check label {
    margin: 0;
  }
  input:not([type='checkbox']),
  textarea,
  select {
    font: inherit;
    box-sizing: border-box;
    inline-size: 100%;
    padding: 0.375rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875rem;
    margin-block: 0.25rem;
  }
  .error {
    margin-block: 0.25rem;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin-block: 0.75rem;
  }
  .rich-text {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-block-size: 8rem;
    padding-inline: 0.5rem;
  }
  .rich-text-body {
    min-block-size: 8rem;
    white-space: pre-wrap; /* what ProseMirror expects */
    outline: none;
  }
  .rich-text:focus-within {
    outline: var(--_focus);
  }
  .rich-toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin-block-end: 0.25rem;
  }
  .rich-toolbar .action {
    padding: 0.25rem 0.5rem;
  }
  .toast {
    display: flex;
    gap: 1rem;
    align-items: center;
    margin-block: 0.75rem;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_text);
    color: var(--_surface);
  }
  .issues {
    margin-block: 0.75rem;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_danger);
    background: var(--_subtle);
  }
  .issues ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .preview {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem;
  }
  h3 {
    font-size: 1.05rem;
    margin-block: 0.5rem;
  }
`;
