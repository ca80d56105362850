import { html, nothing, type TemplateResult } from 'lit';
import type { Lesson, Module } from '@lms-kit/core';
import { EDITABLE_LESSON_KINDS, moveByStep } from '@lms-kit/runtime/authoring';
import { issuesAt, type EditorContext } from './editor-context.js';

export type Selection = { type: 'course' } | { type: 'module' | 'lesson'; id: string };

export interface OutlineContext extends EditorContext {
  selection: Selection;
  select(selection: Selection): void;
  addLesson(moduleId: string, kind: string): void;
  remove(id: string, title: string): void;
  /** Moves focus back to the item once the outline has rendered again. */
  focusItem(id: string): void;
}

/**
 * The outline: modules and their lessons as buttons that open their form. Alt+Up/Down moves the
 * focused item (announced), items are draggable (a lesson dropped on a lesson goes before it, on a
 * module to its end), each has a delete button.
 */
export function renderOutline(ctx: OutlineContext): TemplateResult {
  const modules = ctx.draft.course.modules;
  return html`<section class="outline" aria-labelledby="outline-title">
    <h3 id="outline-title">${ctx.t('editor.outline')}</h3>
    <p class="hint" id="outline-help">${ctx.t('editor.outlineHelp')}</p>
    <button class="item" aria-current=${ctx.selection.type === 'course' ? 'true' : nothing} @click=${() => ctx.select({ type: 'course' })}>
      ${ctx.t('editor.course')}
    </button>
    ${
      modules.length
        ? html`<ol class="modules">
            ${modules.map((module) => renderModule(ctx, module))}
          </ol>`
        : html`<p>${ctx.t('editor.empty')}</p>`
    }
    <button class="action" part="add-module" @click=${() => addModule(ctx)}>${ctx.t('editor.addModule')}</button>
  </section>`;
}

function addModule(ctx: OutlineContext): void {
  const id = ctx.draft.addModule(ctx.t('editor.newModule', { number: ctx.draft.course.modules.length + 1 }));
  ctx.select({ type: 'module', id });
}

function renderModule(ctx: OutlineContext, module: Module): TemplateResult {
  const kindId = `kind-${module.id}`;
  return html`<li class="module" @dragover=${allowDrop} @drop=${(event: DragEvent) => drop(ctx, event, module.id)}>
    ${itemRow(ctx, module.id, module.title, 'module')}
    <ol class="lessons">
      ${module.lessons.map(
        (lesson) =>
          html`<li @dragover=${allowDrop} @drop=${(event: DragEvent) => drop(ctx, event, module.id, lesson.id)}>
            ${itemRow(ctx, lesson.id, lesson.title, 'lesson', lesson)}
          </li>`,
      )}
    </ol>
    <div class="add-lesson">
      <label class="visually-hidden" for=${kindId}>${ctx.t('editor.lessonKind')}</label>
      <select id=${kindId}>
        ${EDITABLE_LESSON_KINDS.map((kind) => html`<option value=${kind}>${ctx.t(`editor.kind.${kind}`)}</option>`)}
      </select>
      <button
        class="action secondary"
        @click=${(event: Event) => ctx.addLesson(module.id, ((event.target as HTMLElement).previousElementSibling as HTMLSelectElement).value)}
      >
        ${ctx.t('editor.addLesson')}
      </button>
    </div>
  </li>`;
}

function itemRow(ctx: OutlineContext, id: string, title: string, type: 'module' | 'lesson', lesson?: Lesson): TemplateResult {
  const path = ctx.draft.pathOf(id) ?? '';
  const invalid = ctx.draft.issuesAt(path).length > 0 || issuesAt(ctx.draft, path).length > 0;
  const current = ctx.selection.type === type && ctx.selection.id === id;
  return html`<div
    class="row"
    draggable="true"
    @dragstart=${(event: DragEvent) => event.dataTransfer?.setData('application/x-lms-kit-item', id)}
  >
    <button
      class="item ${type}"
      data-id=${id}
      aria-current=${current ? 'true' : nothing}
      aria-describedby="outline-help"
      @click=${() => ctx.select({ type, id })}
      @keydown=${(event: KeyboardEvent) => moveKeys(ctx, event, id)}
    >
      ${lesson ? html`<span class="kind">${ctx.t(`editor.kind.${lesson.kind as 'text'}`)}</span>` : nothing}${title}${
        invalid ? html`<span class="flag" aria-hidden="true">!</span>` : nothing
      }
    </button>
    <button class="icon" aria-label=${ctx.t('editor.delete', { title })} @click=${() => ctx.remove(id, title)}>✕</button>
  </div>`;
}

function moveKeys(ctx: OutlineContext, event: KeyboardEvent, id: string): void {
  if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
  event.preventDefault();
  if (!moveByStep(ctx.draft, id, event.key === 'ArrowUp' ? -1 : 1)) return;
  ctx.announce(movedMessage(ctx, id));
  ctx.focusItem(id);
}

/** Where an item is now, in words, for the live region. */
function movedMessage(ctx: EditorContext, id: string): string {
  const modules = ctx.draft.course.modules;
  const m = modules.findIndex((module) => module.id === id);
  if (m >= 0) return ctx.t('editor.movedModule', { title: modules[m].title, position: m + 1, total: modules.length });
  const module = modules.find((item) => item.lessons.some((lesson) => lesson.id === id)) as Module;
  const index = module.lessons.findIndex((lesson) => lesson.id === id);
  return ctx.t('editor.moved', {
    title: module.lessons[index].title,
    position: index + 1,
    total: module.lessons.length,
    module: module.title,
  });
}

function allowDrop(event: DragEvent): void {
  if (event.dataTransfer?.types.includes('application/x-lms-kit-item')) event.preventDefault();
}

function drop(ctx: OutlineContext, event: DragEvent, moduleId: string, beforeLessonId?: string): void {
  const id = event.dataTransfer?.getData('application/x-lms-kit-item');
  if (!id || id === beforeLessonId) return;
  event.preventDefault();
  event.stopPropagation();
  const modules = ctx.draft.course.modules;
  const isModule = modules.some((module) => module.id === id);
  if (isModule) {
    if (id !== moduleId)
      ctx.draft.moveModule(
        id,
        modules.findIndex((module) => module.id === moduleId),
      );
  } else {
    const target = modules.find((module) => module.id === moduleId) as Module;
    const without = target.lessons.filter((lesson) => lesson.id !== id);
    const index = beforeLessonId ? without.findIndex((lesson) => lesson.id === beforeLessonId) : without.length;
    ctx.draft.moveLesson(id, moduleId, index);
  }
  ctx.announce(movedMessage(ctx, id));
}
