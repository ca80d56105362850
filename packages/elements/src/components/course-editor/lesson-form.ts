import { html, nothing, type TemplateResult } from 'lit';
import type { Lesson } from '@lms-kit/core';
import { fieldId, type EditorContext } from './editor-context.js';
import { checkbox, choice, field } from './fields.js';
import { renderQuizForm } from './quiz-form.js';

export interface LessonFormContext extends EditorContext {
  /** The rich-text editor's host for the text lesson at `path` (Tiptap mounts into it). */
  richText(path: string, label: string): TemplateResult;
  moveToModule(lessonId: string, moduleId: string): void;
}

/** The form of a lesson: what every kind has (title, module, rules), then its kind's own fields. */
export function renderLessonForm(ctx: LessonFormContext, lesson: Lesson, path: string): TemplateResult {
  const modules = ctx.draft.course.modules;
  const moduleId = modules.find((module) => module.lessons.some((item) => item.id === lesson.id))?.id;
  return html`<section class="form" aria-labelledby="form-title">
    <h3 id="form-title">${ctx.t(`editor.kind.${lesson.kind as 'text'}`)}: ${lesson.title}</h3>
    ${field(ctx, `${path}.title`, ctx.t('editor.field.title'))}
    <div class="field">
      <label for="lesson-module">${ctx.t('editor.field.module')}</label>
      <select id="lesson-module" @change=${(event: Event) => ctx.moveToModule(lesson.id, (event.target as HTMLSelectElement).value)}>
        ${modules.map((module) => html`<option value=${module.id} ?selected=${module.id === moduleId}>${module.title}</option>`)}
      </select>
    </div>
    ${kindFields(ctx, lesson, path)}
    <fieldset>
      <legend>${ctx.t('editor.field.completion')}</legend>
      ${field(ctx, `${path}.points`, ctx.t('editor.field.points'), 'number')}
      ${field(ctx, `${path}.unlock.points`, ctx.t('editor.field.unlockPoints'), 'number')}
      ${field(ctx, `${path}.prerequisites`, ctx.t('editor.field.prerequisites'), 'list')}
      ${field(ctx, `${path}.minutes`, ctx.t('editor.field.minutes'), 'number')}
      ${checkbox(ctx, `${path}.optional`, ctx.t('editor.field.optional'))}
    </fieldset>
  </section>`;
}

function kindFields(ctx: LessonFormContext, lesson: Lesson, path: string): TemplateResult | typeof nothing {
  const option = (value: 'view' | 'scroll-end' | 'message' | 'inline' | 'link'): [string, string] => [
    value,
    ctx.t(`editor.option.${value}`),
  ];
  switch (lesson.kind) {
    case 'text':
      return html`${ctx.richText(`${path}.html`, ctx.t('editor.field.body'))}
      ${choice(ctx, `${path}.completion`, ctx.t('editor.field.completion'), [option('view'), option('scroll-end')])}`;
    case 'video':
      return html`${urlWithUpload(ctx, `${path}.src`, ctx.t('editor.field.src'), 'video/*')}
      ${urlWithUpload(ctx, `${path}.captions[0].src`, ctx.t('editor.field.captions'), '.vtt,text/vtt')}
      ${
        lesson.captions?.length
          ? html`${field(ctx, `${path}.captions[0].srclang`, ctx.t('editor.field.captionsLang'))}
            ${field(ctx, `${path}.captions[0].label`, ctx.t('editor.field.title'))}`
          : nothing
      }`;
    case 'document':
      return html`${urlWithUpload(ctx, `${path}.src`, ctx.t('editor.field.src'), '.pdf,application/pdf')}
      ${choice(ctx, `${path}.display`, ctx.t('editor.field.display'), [option('inline'), option('link')], 'inline')}`;
    case 'embed':
      return html`${field(ctx, `${path}.src`, ctx.t('editor.field.src'), 'url')}
      ${field(ctx, `${path}.height`, ctx.t('editor.field.height'), 'number')}
      ${choice(ctx, `${path}.completion`, ctx.t('editor.field.completion'), [option('view'), option('message')])}`;
    case 'quiz':
      return renderQuizForm(ctx, `${path}.quiz`);
    case 'scorm':
      return urlWithUpload(ctx, `${path}.src`, ctx.t('editor.field.src'), '.zip,application/zip');
    default:
      return nothing;
  }
}

/** A URL field and, when the page lets the editor upload, a file input that fills it. */
function urlWithUpload(ctx: LessonFormContext, path: string, label: string, accept: string): TemplateResult {
  const captions = path.endsWith('captions[0].src');
  const onFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const url = await ctx.upload(file).catch(() => undefined);
    if (url === undefined) return;
    if (captions) {
      const base = path.slice(0, -'[0].src'.length);
      ctx.edit(base, [{ src: url, srclang: ctx.draft.course.language ?? 'en', label: file.name.replace(/\.vtt$/i, ''), kind: 'captions' }]);
    } else ctx.edit(path, url);
  };
  return html`${field(ctx, path, label, 'url')}
  ${
    ctx.canUpload
      ? html`<div class="field">
          <label for="${fieldId(path)}-file">${ctx.t('editor.field.upload')} (${label})</label>
          <input id="${fieldId(path)}-file" type="file" accept=${accept} @change=${onFile} />
        </div>`
      : nothing
  }`;
}
