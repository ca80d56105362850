import { html, nothing, type TemplateResult } from 'lit';
import type { EditorContext } from './editor-context.js';
import { checkbox, choice, field } from './fields.js';

/** Course settings: title, description, language, order, completion points, certificate. */
export function renderCourseForm(ctx: EditorContext): TemplateResult {
  const course = ctx.draft.course;
  const toggleCertificate = (event: Event) =>
    ctx.edit('certificate', (event.target as HTMLInputElement).checked ? { issuer: { name: course.title } } : undefined);
  return html`<section class="form" aria-labelledby="form-title">
    <h3 id="form-title">${ctx.t('editor.course')}</h3>
    ${field(ctx, 'title', ctx.t('editor.field.title'))} ${field(ctx, 'id', ctx.t('editor.field.id'))}
    ${field(ctx, 'description', ctx.t('editor.field.description'), 'textarea')} ${field(ctx, 'language', ctx.t('editor.field.language'))}
    ${checkbox(ctx, 'sequential', ctx.t('editor.field.sequential'))}
    ${field(ctx, 'completion.minPoints', ctx.t('editor.field.minPoints'), 'number')}
    <div class="field check">
      <input id="certificate-on" type="checkbox" .checked=${course.certificate !== undefined} @change=${toggleCertificate} />
      <label for="certificate-on">${ctx.t('editor.field.certificate')}</label>
    </div>
    ${
      course.certificate
        ? html`<fieldset>
            <legend>${ctx.t('editor.field.certificate')}</legend>
            ${field(ctx, 'certificate.issuer.name', ctx.t('editor.field.issuer'))}
            ${field(ctx, 'certificate.validity.months', ctx.t('editor.field.validityMonths'), 'number')}
            ${choice(ctx, 'certificate.issueWhen', ctx.t('editor.field.issueWhen'), [
              ['completed', ctx.t('editor.option.completed')],
              ['passed', ctx.t('editor.option.passed')],
            ])}
          </fieldset>`
        : nothing
    }
  </section>`;
}

/** A module: title, description and prerequisites. */
export function renderModuleForm(ctx: EditorContext, path: string): TemplateResult {
  return html`<section class="form" aria-labelledby="form-title">
    <h3 id="form-title">${ctx.t('editor.field.module')}</h3>
    ${field(ctx, `${path}.title`, ctx.t('editor.field.title'))}
    ${field(ctx, `${path}.description`, ctx.t('editor.field.description'), 'textarea')}
    ${field(ctx, `${path}.prerequisites`, ctx.t('editor.field.prerequisites'), 'list')}
  </section>`;
}
