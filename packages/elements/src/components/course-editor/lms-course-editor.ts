import { toLmsError, type Course, type Lesson, type LmsError } from '@lms-kit/core';
import { CourseDraft, getAt, lessonTemplate, setAt, type EditableLessonKind } from '@lms-kit/runtime/authoring';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { loadElement } from '../../autoload.js';
import { registerElementLessonKinds } from '../../course/validate-course.js';
import { LmsErrorEvent } from '../../events/error.js';
import { LmsCoursePublishEvent, LmsCourseSaveEvent } from '../../events/course-save.js';
import { registerMessages } from '../../i18n/localize.js';
import { editorMessages } from '../../i18n/messages-en-editor.js';
import { LmsElement } from '../../lessons/lms-element.js';
import { tokens } from '../../styles/shared.styles.js';
import { editorStyles } from './course-editor.styles.js';
import { renderCourseForm, renderModuleForm } from './course-form.js';
import { fieldId } from './editor-context.js';
import { renderOutline, type OutlineContext, type Selection } from './editor-outline.js';
import { renderIssues, renderPreview, renderToolbar } from './editor-parts.js';
import { renderLessonForm, type LessonFormContext } from './lesson-form.js';
import { RichTextHost } from './rich-text-host.js';
import { uploadFile } from './upload.js';

registerMessages('en', editorMessages);

type View = { state: 'loading' } | { state: 'error'; error: LmsError } | { state: 'ready'; draft: CourseDraft };
export type DraftSaveState = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * @tag lms-course-editor
 * @summary Builds a course without writing JSON: modules and lessons (add, rename, reorder by
 * keyboard or drag, move between modules, delete with undo), a form for every lesson kind (rich text
 * through Tiptap, video with captions, document, embed, quiz with every question type, banks and
 * imports, SCORM package), completion, prerequisites, points and certificate rules. Every edit is
 * validated at its field and autosaved as a draft (the provider's storage: IndexedDB or the server);
 * Save and Publish stay disabled while the course is invalid. A live preview plays the course on a
 * memory storage, and the course exports as JSON, SCORM 1.2, SCORM 2004 or cmi5.
 *
 * @csspart base - The editor.
 * @csspart toolbar - Undo, redo, save, publish, export and the draft's state.
 * @csspart outline - Modules and lessons.
 * @csspart form - The form of the selected course, module or lesson.
 * @csspart preview - The live preview.
 * @csspart add-module - The "Add module" button.
 * @csspart toast - The "Deleted — Undo" notice.
 * @event lms-course-save - Save was pressed on a valid course. `detail: { course }`
 * @event lms-course-publish - Publish was pressed on a valid course; cancelable (a versioning module handles it). `detail: { course }`
 * @event lms-error - The draft could not be opened or saved, a file could not be uploaded, or an export failed. `detail: { error, recoverable }`
 */
export class LmsCourseEditor extends LmsElement {
  static override styles = [tokens, editorStyles];

  /** The course to edit (its saved draft, if any, is opened instead). Without it, a new course. */
  @property({ attribute: false }) course?: Course;
  /** Id of a new course (when `course` is not set). */
  @property({ attribute: 'course-id' }) courseId = 'new-course';
  /** Where uploaded files are PUT (`<upload-url><file name>`), e.g. a WebDAV or storage folder. */
  @property({ attribute: 'upload-url' }) uploadUrl?: string;
  /** Uploads a file and returns its URL; overrides `upload-url`. */
  @property({ attribute: false }) upload?: (file: File) => Promise<string>;
  /** Where the course's relative file URLs resolve (for exports and the preview). Default: the page. */
  @property({ attribute: 'base-url' }) baseUrl?: string;
  /** The LMS Kit bundle the exported packages load. Default: the CDN copy of this version. */
  @property({ attribute: 'runtime-url' }) runtimeUrl = 'https://cdn.jsdelivr.net/npm/@lms-kit/elements@0.1.0/cdn/lms-kit.js';

  @state() private view: View = { state: 'loading' };
  @state() private selection: Selection = { type: 'course' };
  @state() private saveState: DraftSaveState = 'idle';
  @state() private saveError = '';
  @state() private deleted?: string;
  @state() private announcement = '';
  @state() private previewCourse?: Course;
  private previewTimer?: ReturnType<typeof setTimeout>;
  private readonly richText = new RichTextHost((id) => this.t(id));
  private generation = 0;

  /** The draft being edited, once open. @readonly */
  get draft(): CourseDraft | undefined {
    return this.view.state === 'ready' ? this.view.draft : undefined;
  }

  constructor() {
    super();
    this.addEventListener('keydown', (event) => this.shortcut(event));
  }

  protected override servicesChanged(): void {
    void this.open();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('course') || changed.has('courseId')) && this.hasUpdated) void this.open();
  }

  /** Opens the draft of `course` (or of a new course) from the provider's storage. */
  async open(): Promise<void> {
    const services = this.services.value;
    if (!services) return;
    const generation = ++this.generation;
    this.view = { state: 'loading' };
    try {
      registerElementLessonKinds();
      const start: Course = this.course ?? { schema: 1, id: this.courseId, title: this.t('editor.title'), modules: [] };
      const [draft] = await Promise.all([
        CourseDraft.open(start, { storage: services.storage }),
        loadElement('lms-provider'),
        loadElement('lms-course-player'),
      ]);
      if (generation !== this.generation) return;
      draft.addEventListener('change', () => this.changed(draft));
      this.view = { state: 'ready', draft };
      this.schedulePreview(draft, 0);
    } catch (error) {
      if (generation !== this.generation) return;
      this.fail(error, 'storage/failed', false);
    }
  }

  private changed(draft: CourseDraft): void {
    this.requestUpdate();
    this.saveState = 'saving';
    const saved = draft.saved;
    saved.then(
      () => draft.saved === saved && (this.saveState = 'saved'),
      (error: unknown) => {
        this.saveState = 'failed';
        this.saveError = toLmsError(error, 'storage/failed').message;
        this.dispatchEvent(new LmsErrorEvent({ error: toLmsError(error, 'storage/failed'), recoverable: true }));
      },
    );
    this.schedulePreview(draft, 400);
  }

  /** The preview reloads the course: after a pause in typing, and only with a valid course. */
  private schedulePreview(draft: CourseDraft, delay: number): void {
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => {
      if (draft.valid) this.previewCourse = draft.publishable();
    }, delay);
  }

  private fail(error: unknown, code: 'storage/failed' | 'editor/upload-failed' | 'export/failed', recoverable = true): LmsError {
    const lmsError = toLmsError(error, code);
    if (!recoverable) this.view = { state: 'error', error: lmsError };
    this.dispatchEvent(new LmsErrorEvent({ error: lmsError, recoverable }));
    return lmsError;
  }

  private shortcut(event: KeyboardEvent): void {
    const draft = this.draft;
    if (!draft || !(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    // Inside the rich text, Tiptap's own history undoes typing.
    if ((key !== 'z' && key !== 'y') || event.composedPath().some((node) => (node as Element).classList?.contains('rich-text-body')))
      return;
    event.preventDefault();
    if (key === 'y' || event.shiftKey) draft.redo();
    else draft.undo();
    this.deleted = undefined;
  }

  /** Undoes the last edit (the toolbar's Undo, Ctrl+Z). */
  undo(): void {
    this.draft?.undo();
    this.deleted = undefined;
  }

  redo(): void {
    this.draft?.redo();
  }

  /** Dispatches `lms-course-save` with the validated course; does nothing while it is invalid. */
  save(): void {
    const draft = this.draft;
    if (!draft?.valid) return;
    this.dispatchEvent(new LmsCourseSaveEvent({ course: draft.publishable() }));
    this.announce(this.t('editor.saved'));
  }

  /** Dispatches the cancelable `lms-course-publish`: the seam for a versioning module. */
  publish(): void {
    const draft = this.draft;
    if (draft?.valid) this.dispatchEvent(new LmsCoursePublishEvent({ course: draft.publishable() }));
  }

  private announce(message: string): void {
    // Emptied first so the same message twice is read twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = message));
  }

  private context(draft: CourseDraft): OutlineContext & LessonFormContext {
    return {
      draft,
      t: (id, params) => this.t(id, params),
      edit: (path, value) => {
        draft.update((course) => setAt(course, path, value), { merge: path });
        this.deleted = undefined;
      },
      canUpload: Boolean(this.upload || this.uploadUrl),
      upload: (file) =>
        uploadFile(file, this.upload, this.uploadUrl).catch((error: unknown) => {
          const lmsError = this.fail(error, 'editor/upload-failed');
          this.announce(this.t('editor.uploadFailed', { message: lmsError.message }));
          throw lmsError;
        }),
      announce: (message) => this.announce(message),
      selection: this.selection,
      select: (selection) => (this.selection = selection),
      addLesson: (moduleId, kind) => {
        const number = draft.course.modules.flatMap((module) => module.lessons).length + 1;
        const title = this.t('editor.newLesson', { number });
        const id = draft.addLesson(moduleId, lessonTemplate(kind as EditableLessonKind, title, `quiz-${number}`));
        this.selection = { type: 'lesson', id };
        void this.focusField(`${draft.pathOf(id)}.title`);
      },
      remove: (id, title) => {
        draft.remove(id);
        if (this.selection.type !== 'course' && this.selection.id === id) this.selection = { type: 'course' };
        this.deleted = title;
        this.announce(this.t('editor.deleted', { title }));
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.toast button')?.focus());
      },
      focusItem: (id) => void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`.item[data-id="${id}"]`)?.focus()),
      richText: (path, label) => this.richText.render(path, label, draft),
      moveToModule: (lessonId, moduleId) => draft.moveLesson(lessonId, moduleId, Number.MAX_SAFE_INTEGER),
    };
  }

  private async focusField(path: string): Promise<void> {
    await this.updateComplete;
    const control = this.renderRoot.querySelector<HTMLElement>(`#${fieldId(path)}`);
    control?.focus();
    (control as HTMLInputElement | null)?.select?.();
  }

  /** Opens the form an issue is in and focuses its field. */
  private showIssue(path: string): void {
    const draft = this.draft;
    if (!draft) return;
    const lesson = /^modules\[(\d+)\]\.lessons\[(\d+)\]/.exec(path);
    const module = /^modules\[(\d+)\]/.exec(path);
    const course = draft.course;
    if (lesson) this.selection = { type: 'lesson', id: course.modules[+lesson[1]].lessons[+lesson[2]].id };
    else if (module) this.selection = { type: 'module', id: course.modules[+module[1]].id };
    else this.selection = { type: 'course' };
    void this.focusField(path);
  }

  protected override render(): TemplateResult {
    const view = this.view;
    if (view.state === 'loading') return html`<div part="base" aria-busy="true"><p>${this.t('common.loading')}</p></div>`;
    if (view.state === 'error')
      return html`<div part="base">
        <p class="error" role="alert">${this.t('editor.loadFailed', { message: view.error.message })}</p>
        <button class="action" @click=${() => void this.open()}>${this.t('editor.retry')}</button>
      </div>`;
    const draft = view.draft;
    const ctx = this.context(draft);
    return html`<section part="base" class="editor" aria-labelledby="editor-title">
      ${renderToolbar(ctx, this.saveState, this.saveError, {
        undo: () => this.undo(),
        redo: () => this.redo(),
        save: () => this.save(),
        publish: () => this.publish(),
        exportAs: (format) => void this.exportAs(draft, format),
      })}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${
        this.deleted === undefined
          ? nothing
          : html`<div class="toast" part="toast">
              <span>${this.t('editor.deleted', { title: this.deleted })}</span>
              <button class="action secondary" @click=${() => this.undo()}>${this.t('editor.undo')}</button>
            </div>`
      }
      ${renderIssues(ctx, (path) => this.showIssue(path))}
      <div class="columns">
        <div part="outline">${renderOutline(ctx)}</div>
        <div part="form" class="form-column">${this.renderForm(ctx, draft)}</div>
        <div part="preview">${renderPreview(ctx, this.previewCourse, this.baseUrl)}</div>
      </div>
    </section>`;
  }

  private renderForm(ctx: OutlineContext & LessonFormContext, draft: CourseDraft): TemplateResult {
    const selection = this.selection;
    if (selection.type === 'course') return renderCourseForm(ctx);
    const path = draft.pathOf(selection.id);
    if (!path) return renderCourseForm(ctx);
    if (selection.type === 'module') return renderModuleForm(ctx, path);
    return renderLessonForm(ctx, getAt(draft.course, path) as Lesson, path);
  }

  private async exportAs(draft: CourseDraft, format: 'json' | 'scorm12' | 'scorm2004' | 'cmi5'): Promise<void> {
    if (!draft.valid) return;
    try {
      const { exportCourse } = await import('./editor-export.js');
      await exportCourse(draft.publishable(), format, { baseUrl: this.baseUrl ?? document.baseURI, runtimeUrl: this.runtimeUrl });
    } catch (error) {
      const lmsError = this.fail(error, 'export/failed');
      this.announce(this.t('editor.exportFailed', { message: lmsError.message }));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.previewTimer);
    this.richText.destroy();
  }
}
