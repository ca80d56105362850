import { css } from 'lit';

export const discussionStyles = css`
  :host {
    display: block;
  }
  [part='base'] {
    display: grid;
    gap: 0.75rem;
  }
  h2 {
    margin: 0;
    font-size: 1.125rem;
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  form {
    display: grid;
    gap: 0.375rem;
  }
  form div {
    display: flex;
    gap: 0.5rem;
  }
  textarea {
    font: inherit;
    inline-size: 100%;
    box-sizing: border-box;
    padding: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  ol.replies {
    margin-block-start: 0.5rem;
    padding-inline-start: 1.5rem;
    border-inline-start: 2px solid var(--_border);
  }
  article {
    display: grid;
    gap: 0.25rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  article.hidden {
    background: var(--_subtle);
    border-style: dashed;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: baseline;
  }
  time {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .tag {
    font-size: 0.8125em;
    padding-inline: 0.375rem;
    border-radius: var(--_radius);
    background: var(--_subtle);
    border: 1px solid var(--_border);
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .mention {
    color: var(--_accent);
  }
  .actions,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .actions button {
    font: inherit;
    font-size: 0.875em;
    background: none;
    border: none;
    padding: 0.125rem 0.25rem;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  button.action.danger {
    background: var(--_danger);
    border-color: var(--_danger);
  }
`;
