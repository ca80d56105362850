import { css } from 'lit';
import { tokens } from '../../styles/shared.styles.js';

export const quizStyles = [
  tokens,
  css`
    :host {
      display: block;
      line-height: 1.5;
    }
    [part='base'] {
      max-inline-size: var(--lms-quiz-max-width, 48rem);
    }
    .heading {
      font-size: 1.25rem;
      font-weight: 600;
      margin: 0 0 0.5rem;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: baseline;
      justify-content: space-between;
    }
    .timer {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      padding: 0.25rem 0.75rem;
      border-radius: var(--_radius);
      background: var(--_subtle);
    }
    .info {
      color: var(--_muted);
      padding-inline-start: 1.25rem;
    }
    .questions {
      list-style: none;
      padding: 0;
      margin: 1rem 0;
      display: grid;
      gap: var(--_space, 1rem);
    }
    fieldset.question {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.75rem 1rem 1rem;
      margin: 0;
      min-inline-size: 0;
    }
    fieldset.correct {
      border-color: var(--_success);
    }
    fieldset.incorrect {
      border-color: var(--_danger);
    }
    /* Floated, the legend sits inside the box like the rest of the question. */
    legend {
      float: inline-start;
      inline-size: 100%;
      padding: 0;
      margin-block-end: 0.5rem;
    }
    legend + * {
      clear: both;
    }
    .result-heading,
    .review-heading {
      font-size: 1.1rem;
      font-weight: 600;
      margin-block: 0.5rem;
    }
    legend .number {
      display: block;
      font-size: 0.875rem;
      color: var(--_muted);
    }
    legend .text > :first-child {
      margin-block-start: 0.25rem;
    }
    legend .text img,
    legend .text video {
      max-inline-size: 100%;
      block-size: auto;
    }
    .options {
      display: grid;
      gap: 0.25rem;
    }
    .likert .options {
      grid-auto-flow: column;
      grid-auto-columns: 1fr;
    }
    .option label {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
      padding: 0.375rem 0.5rem;
      border-radius: var(--_radius);
      cursor: pointer;
    }
    .option label:hover {
      background: var(--_subtle);
    }
    .option-text > :first-child {
      margin-block-start: 0;
    }
    .option-text > :last-child {
      margin-block-end: 0;
    }
    .badge.right,
    .right-answer {
      color: var(--_success);
      font-size: 0.875rem;
      font-weight: 600;
    }
    .field {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: center;
      margin-block: 0.5rem;
    }
    .field label {
      min-inline-size: 8rem;
    }
    input[type='text'],
    input[type='number'],
    select,
    textarea {
      font: inherit;
      padding: 0.375rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: inherit;
    }
    textarea {
      inline-size: 100%;
      box-sizing: border-box;
    }
    /* Reviewed answers are disabled controls: keep them as legible as the rest of the text. */
    input:disabled,
    select:disabled,
    textarea:disabled {
      opacity: 1;
      color: var(--_text);
      -webkit-text-fill-color: var(--_text);
    }
    input[type='radio']:disabled,
    input[type='checkbox']:disabled {
      appearance: none;
      flex: none;
      inline-size: 1rem;
      block-size: 1rem;
      margin: 0;
      border: 2px solid var(--_text);
      border-radius: 50%;
      align-self: center;
    }
    input[type='checkbox']:disabled {
      border-radius: 0.1875rem;
    }
    input[type='radio']:disabled:checked {
      background: radial-gradient(var(--_text) 40%, transparent 45%);
    }
    input[type='checkbox']:disabled:checked {
      background: var(--_text);
      box-shadow: inset 0 0 0 2px var(--_surface);
    }
    @media (forced-colors: active) {
      input[type='radio']:disabled,
      input[type='checkbox']:disabled {
        appearance: auto;
      }
    }
    .sequence,
    .steps {
      padding-inline-start: 1.5rem;
      display: grid;
      gap: 0.375rem;
    }
    .sequence li {
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .sequence li,
    .sequence .move {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
    .item-text {
      flex: 1;
    }
    .move button {
      font: inherit;
      min-inline-size: 2.25rem;
      min-block-size: 2.25rem;
      border: 1px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_accent);
      cursor: pointer;
    }
    .move button:disabled {
      border-color: var(--_border);
      color: var(--_muted);
      cursor: default;
    }
    .hint {
      color: var(--_muted);
      font-size: 0.875rem;
      margin: 0.25rem 0;
    }
    .verdict {
      margin-block-start: 0.75rem;
      padding: 0.5rem 0.75rem;
      border-radius: var(--_radius);
      background: var(--_subtle);
    }
    .verdict p {
      margin: 0;
    }
    .correct .verdict-text {
      color: var(--_success);
    }
    .incorrect .verdict-text {
      color: var(--_danger);
    }
    .feedback > :first-child {
      margin-block-start: 0.25rem;
    }
    .choice-feedback {
      margin-inline-start: 2rem;
      color: var(--_muted);
    }
    .check {
      margin-block-start: 0.5rem;
    }
    .result {
      padding: var(--_space, 1rem);
      border-radius: var(--_radius);
      background: var(--_subtle);
      margin-block: 1rem;
    }
    .result .outcome {
      font-size: 1.25rem;
      font-weight: 700;
      margin: 0;
    }
    .result.passed .outcome {
      color: var(--_success);
    }
    .result.failed .outcome {
      color: var(--_danger);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
    }
    .grading {
      margin-block-start: 0.75rem;
      padding-block-start: 0.75rem;
      border-block-start: 1px dashed var(--_border);
    }
    .issues {
      padding-inline-start: 1.25rem;
    }
  `,
];
