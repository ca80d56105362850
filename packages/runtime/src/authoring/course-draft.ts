import { LmsError, type Course, type Lesson, type Module, type ValidationIssue } from '@lms-kit/core';
import { parseCourse, validateCourse } from '@lms-kit/core/validate';
import type { StorageAdapter } from '@lms-kit/storage';
import { serialQueue } from '../serial-queue.js';

export interface SavedDraft {
  course: Course;
  savedAt: string;
}

export interface CourseDraftOptions {
  /** Where drafts are kept (IndexedDB by default in the elements); without it, nothing is saved. */
  storage?: StorageAdapter;
  /** Steps that undo goes back. Default 100. */
  historyLimit?: number;
}

/** A lesson to add: any lesson kind, its `id` optional (one is made). */
export type NewLesson<L = Lesson> = L extends unknown ? Omit<L, 'id'> & { id?: string } : never;

/** The storage key of a course's draft. */
export const draftKey = (courseId: string) => `lms-kit/draft/${courseId}`;

/**
 * A course being authored, headless: edits (add, move, remove modules and lessons, or any change
 * through `update`), undo and redo, the core validator's issues after every edit (by field path and
 * by lesson or module), and autosave of every edit to the storage adapter, written in order as soon as
 * it is made, so a killed tab loses at most the edit in flight. A draft may be invalid; `publishable()`
 * never returns an invalid course. Listeners get a `change` event after each edit, undo or redo.
 */
export class CourseDraft extends EventTarget {
  #course: Course;
  #undo: Course[] = [];
  #redo: Course[] = [];
  #issues: ValidationIssue[];
  readonly #storage?: StorageAdapter;
  readonly #limit: number;
  readonly #queue = serialQueue();
  #saved: Promise<void> = Promise.resolve();
  #lastMerge?: string;

  constructor(course: Course, options: CourseDraftOptions = {}) {
    super();
    this.#course = structuredClone(course);
    this.#issues = validateCourse(this.#course);
    this.#storage = options.storage;
    this.#limit = options.historyLimit ?? 100;
  }

  /** The saved draft of `courseId` if there is one, else a draft of `course` (a new or the published course). */
  static async open(course: Course, options: CourseDraftOptions = {}): Promise<CourseDraft> {
    const saved = await options.storage?.getValue<SavedDraft>(draftKey(course.id));
    return new CourseDraft(saved?.course ?? course, options);
  }

  /** The current course (a snapshot: edit through the draft's methods). */
  get course(): Course {
    return this.#course;
  }

  get issues(): readonly ValidationIssue[] {
    return this.#issues;
  }

  get valid(): boolean {
    return this.#issues.length === 0;
  }

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  get canRedo(): boolean {
    return this.#redo.length > 0;
  }

  /** Resolves once every edit so far is saved. */
  get saved(): Promise<void> {
    return this.#saved;
  }

  /** Issues at a field path and below it, e.g. `modules[0].lessons[2].title`. */
  issuesAt(path: string): ValidationIssue[] {
    return this.#issues.filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`));
  }

  /** The field path of a module or lesson, for `issuesAt` (`modules[1]`, `modules[1].lessons[0]`). */
  pathOf(id: string): string | undefined {
    for (const [m, module] of this.#course.modules.entries()) {
      if (module.id === id) return `modules[${m}]`;
      const l = module.lessons.findIndex((lesson) => lesson.id === id);
      if (l >= 0) return `modules[${m}].lessons[${l}]`;
    }
    return undefined;
  }

  /**
   * Any edit: `mutate` changes a copy of the course, which becomes the current one (one undo step).
   * Edits with the same `merge` key in a row (the keystrokes of one field) make a single undo step.
   */
  update(mutate: (course: Course) => void, options: { merge?: string } = {}): void {
    const next = structuredClone(this.#course);
    mutate(next);
    const merging = options.merge !== undefined && options.merge === this.#lastMerge && this.#undo.length > 0;
    if (!merging) this.#undo.push(this.#course);
    if (this.#undo.length > this.#limit) this.#undo.shift();
    this.#redo = [];
    this.#lastMerge = options.merge;
    this.#set(next);
  }

  addModule(title: string, index = this.#course.modules.length): string {
    const id = this.#freeId('module');
    this.update((course) => course.modules.splice(index, 0, { id, title, lessons: [] }));
    return id;
  }

  /** Adds a lesson (its `id` is made unique if taken or missing) and returns its id. */
  addLesson(moduleId: string, lesson: NewLesson, index?: number): string {
    const id = lesson.id && !this.#taken().has(lesson.id) ? lesson.id : this.#freeId(lesson.kind);
    this.update((course) => {
      const lessons = this.#module(course, moduleId).lessons;
      lessons.splice(index ?? lessons.length, 0, { ...lesson, id } as Lesson);
    });
    return id;
  }

  /** Moves a lesson to `index` in `moduleId` (the same module or another). */
  moveLesson(lessonId: string, moduleId: string, index: number): void {
    this.update((course) => {
      const from = course.modules.find((module) => module.lessons.some((lesson) => lesson.id === lessonId));
      if (!from) throw new LmsError('course/invalid', `There is no lesson "${lessonId}".`);
      const [lesson] = from.lessons.splice(
        from.lessons.findIndex((item) => item.id === lessonId),
        1,
      );
      const to = this.#module(course, moduleId).lessons;
      to.splice(Math.max(0, Math.min(index, to.length)), 0, lesson);
    });
  }

  moveModule(moduleId: string, index: number): void {
    this.update((course) => {
      const [module] = course.modules.splice(course.modules.indexOf(this.#module(course, moduleId)), 1);
      course.modules.splice(Math.max(0, Math.min(index, course.modules.length)), 0, module);
    });
  }

  /** Removes a lesson or a module (with its lessons); `undo()` brings it back. */
  remove(id: string): void {
    this.update((course) => {
      course.modules = course.modules.filter((module) => module.id !== id);
      for (const module of course.modules) module.lessons = module.lessons.filter((lesson) => lesson.id !== id);
    });
  }

  undo(): void {
    const previous = this.#undo.pop();
    this.#lastMerge = undefined;
    if (!previous) return;
    this.#redo.push(this.#course);
    this.#set(previous);
  }

  redo(): void {
    const next = this.#redo.pop();
    this.#lastMerge = undefined;
    if (!next) return;
    this.#undo.push(this.#course);
    this.#set(next);
  }

  /** The course, validated: throws `course/invalid` with every issue while the draft has any. */
  publishable(): Course {
    return parseCourse(structuredClone(this.#course));
  }

  /** Forgets the saved draft (after publishing, or to start over). */
  async discard(): Promise<void> {
    await this.#saved;
    await this.#storage?.deleteValue(draftKey(this.#course.id));
  }

  #set(course: Course): void {
    this.#course = course;
    this.#issues = validateCourse(course);
    const storage = this.#storage;
    if (storage) {
      const draft: SavedDraft = { course, savedAt: new Date().toISOString() };
      this.#saved = this.#queue(() => storage.setValue(draftKey(course.id), draft));
    }
    this.dispatchEvent(new Event('change'));
  }

  #module(course: Course, moduleId: string): Module {
    const module = course.modules.find((item) => item.id === moduleId);
    if (!module) throw new LmsError('course/invalid', `There is no module "${moduleId}".`);
    return module;
  }

  #taken(): Set<string> {
    return new Set(this.#course.modules.flatMap((module) => [module.id, ...module.lessons.map((lesson) => lesson.id)]));
  }

  #freeId(prefix: string): string {
    const taken = this.#taken();
    let n = 1;
    while (taken.has(`${prefix}-${n}`)) n++;
    return `${prefix}-${n}`;
  }
}
