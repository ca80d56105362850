import { css } from 'lit';
import { tokens } from '../../styles/shared.styles.js';

export const playerStyles = [
  tokens,
  css`
    :host {
      display: block;
      container-type: inline-size;
    }
    [part='base'] {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      overflow: hidden;
    }
    .header {
      padding: 1rem 1.25rem;
      border-block-end: 1px solid var(--_border);
    }
    .title {
      margin-block-end: 0.5rem;
      font-size: 1.25rem;
      font-weight: 700;
    }
    .bar {
      block-size: 0.5rem;
      border-radius: 999px;
      background: var(--_subtle);
      overflow: hidden;
    }
    .bar > div {
      block-size: 100%;
      background: var(--_success);
      transition: inline-size 0.3s;
    }
    .summary {
      color: var(--_muted);
      font-size: 0.875rem;
      margin: 0.25rem 0 0;
    }
    .notice {
      margin: 0;
      padding: 0.75rem 1.25rem;
      border-block-end: 1px solid var(--_border);
      display: flex;
      gap: var(--_space, 1rem);
      align-items: center;
      justify-content: space-between;
    }
    .notice.success {
      background: color-mix(in srgb, var(--_success) 12%, var(--_surface));
    }
    .notice.offline {
      flex-wrap: wrap;
    }
    .offline-bar {
      flex: 1 1 8rem;
    }
    .offline-actions {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .notice.error {
      background: color-mix(in srgb, var(--_danger) 10%, var(--_surface));
    }
    .layout {
      display: grid;
      grid-template-columns: var(--lms-outline-width, 18rem) 1fr;
    }
    @container (max-width: 40rem) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
    nav {
      border-inline-end: 1px solid var(--_border);
      padding: 0.75rem;
      background: var(--_subtle);
      overflow: auto;
      max-block-size: var(--lms-player-height, min(80vh, 44rem));
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .module + .module {
      margin-block-start: 0.75rem;
    }
    .module-title {
      font-weight: 600;
    }
    .module-status {
      color: var(--_muted);
      font-size: 0.8125rem;
      margin-inline-start: 0.25rem;
    }
    .lesson-button {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      inline-size: 100%;
      text-align: start;
      font: inherit;
      color: inherit;
      background: none;
      border: 0;
      border-radius: var(--_radius);
      padding: 0.375rem 0.5rem;
      cursor: pointer;
    }
    .lesson-button:hover {
      background: var(--_surface);
    }
    .lesson-button[aria-current] {
      background: var(--_surface);
      box-shadow: inset 3px 0 0 var(--_accent);
      font-weight: 600;
    }
    .lesson-button[aria-disabled='true'] {
      color: var(--_muted);
      cursor: not-allowed;
    }
    .icon {
      flex: none;
      align-self: center;
    }
    .status-completed .icon {
      color: var(--_success);
    }
    .minutes {
      margin-inline-start: auto;
      color: var(--_muted);
      font-size: 0.8125rem;
      white-space: nowrap;
    }
    .lock-reason {
      margin: 0 0 0.25rem 2rem;
      font-size: 0.8125rem;
      color: var(--_muted);
    }
    .lesson {
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
    }
    .lesson-title {
      padding: 1rem 1.25rem 0.5rem;
      font-size: 1.125rem;
      font-weight: 700;
    }
    /* Positioned, it holds the views' visually hidden live regions inside its scroll box. */
    .lesson-body {
      position: relative;
      padding: 0 1.25rem 1rem;
      overflow: auto;
      max-block-size: var(--lms-player-height, min(80vh, 44rem));
    }
    .nav {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space, 1rem);
      padding: 0.75rem 1.25rem;
      border-block-start: 1px solid var(--_border);
      margin-block-start: auto;
    }
    .discussion {
      padding: 0.75rem 1.25rem;
      border-block-start: 1px solid var(--_border);
    }
    .position {
      color: var(--_muted);
      font-size: 0.875rem;
    }
    .issues {
      font-family: ui-monospace, monospace;
      font-size: 0.8125rem;
    }
    .loading {
      padding: 1.25rem;
    }
  `,
];
