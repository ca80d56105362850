import { html, nothing, type TemplateResult } from 'lit';
import type { Course } from '@lms-kit/core';
import type { EditorContext } from './editor-context.js';
import type { DraftSaveState } from './lms-course-editor.js';

export type ExportFormat = 'json' | 'scorm12' | 'scorm2004' | 'cmi5';

export interface ToolbarActions {
  undo(): void;
  redo(): void;
  save(): void;
  publish(): void;
  exportAs(format: ExportFormat): void;
}

/** Title, undo/redo, the draft's state, Save and Publish (disabled while invalid) and the exports. */
export function renderToolbar(ctx: EditorContext, state: DraftSaveState, error: string, actions: ToolbarActions): TemplateResult {
  const { draft } = ctx;
  const invalid = !draft.valid;
  const describedBy = invalid ? 'issues-title' : nothing;
  const status = {
    idle: '',
    saving: ctx.t('editor.draftSaving'),
    saved: ctx.t('editor.draftSaved'),
    failed: ctx.t('editor.draftFailed', { message: error }),
  }[state];
  const exports: Array<[ExportFormat, 'editor.exportJson' | 'editor.exportScorm12' | 'editor.exportScorm2004' | 'editor.exportCmi5']> = [
    ['json', 'editor.exportJson'],
    ['scorm12', 'editor.exportScorm12'],
    ['scorm2004', 'editor.exportScorm2004'],
    ['cmi5', 'editor.exportCmi5'],
  ];
  return html`<header class="toolbar" part="toolbar">
    <h2 id="editor-title">${ctx.t('editor.title')}: ${draft.course.title}</h2>
    <div class="buttons">
      <button class="action secondary" ?disabled=${!draft.canUndo} aria-keyshortcuts="Control+Z" @click=${actions.undo}>
        ${ctx.t('editor.undo')}
      </button>
      <button class="action secondary" ?disabled=${!draft.canRedo} aria-keyshortcuts="Control+Shift+Z" @click=${actions.redo}>
        ${ctx.t('editor.redo')}
      </button>
      <span
        class=${state === 'failed' ? 'draft-state error' : 'draft-state'}
        aria-live="polite"
        aria-busy=${state === 'saving' ? 'true' : 'false'}
        >${status}</span
      >
      <button class="action" part="save" ?disabled=${invalid} aria-describedby=${describedBy} @click=${actions.save}>
        ${ctx.t('editor.save')}
      </button>
      <button class="action" part="publish" ?disabled=${invalid} aria-describedby=${describedBy} @click=${actions.publish}>
        ${ctx.t('editor.publish')}
      </button>
    </div>
    <div class="buttons" role="group" aria-label=${ctx.t('editor.export')}>
      ${exports.map(
        ([format, label]) =>
          html`<button class="action secondary" ?disabled=${invalid} data-export=${format} @click=${() => actions.exportAs(format)}>
            ${ctx.t(label)}
          </button>`,
      )}
    </div>
  </header>`;
}

/** While the course is invalid: how many problems, each a button that opens its field. */
export function renderIssues(ctx: EditorContext, show: (path: string) => void): TemplateResult | typeof nothing {
  const issues = ctx.draft.issues;
  if (!issues.length) return nothing;
  return html`<div class="issues" part="issues">
    <p id="issues-title">${ctx.t('editor.invalid', { count: issues.length })}</p>
    <ul>
      ${issues.slice(0, 20).map((issue) => html`<li><button class="link" @click=${() => show(issue.path)}>${issue.path}: ${issue.message}</button></li>`)}
    </ul>
  </div>`;
}

/** The course as a learner takes it, on a memory storage so the author's tries leave no trace. */
export function renderPreview(ctx: EditorContext, course: Course | undefined, baseUrl: string | undefined): TemplateResult {
  return html`<section class="preview" aria-labelledby="preview-title">
    <h3 id="preview-title">${ctx.t('editor.preview')}</h3>
    ${ctx.draft.valid ? nothing : html`<p class="hint">${ctx.t('editor.previewStale')}</p>`}
    ${
      course
        ? html`<lms-provider storage-type="memory">
            <lms-course-player .course=${baseUrl ? withBase(course, baseUrl) : course} heading-level="4" hide-title></lms-course-player>
          </lms-provider>`
        : nothing
    }
  </section>`;
}

/** Relative lesson URLs of the preview resolve against `baseUrl`, as they would against the course document. */
function withBase(course: Course, baseUrl: string): Course {
  const copy = structuredClone(course);
  for (const lesson of copy.modules.flatMap((module) => module.lessons) as Array<{ src?: string }>) {
    if (lesson.src) lesson.src = new URL(lesson.src, baseUrl).href;
  }
  return copy;
}
