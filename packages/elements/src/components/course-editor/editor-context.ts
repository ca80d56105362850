import type { ValidationIssue } from '@lms-kit/core';
import type { CourseDraft } from '@lms-kit/runtime/authoring';
import type { MessageParams } from '../../i18n/localize.js';
import type { MessageId } from '../../i18n/messages-en.js';

/** What the editor's form parts need from the element: the draft, strings, and the shared actions. */
export interface EditorContext {
  draft: CourseDraft;
  t(id: MessageId, params?: MessageParams): string;
  /** Sets the field at `path` (undefined removes it); keystrokes in one field are one undo step. */
  edit(path: string, value: unknown): void;
  /** Files can be uploaded (the page gave `upload-url` or `upload`). */
  canUpload: boolean;
  /** Uploads a file and returns its URL. */
  upload(file: File): Promise<string>;
  /** Says `message` in the editor's live region. */
  announce(message: string): void;
}

/** The id of a field's control, made from its path (`modules[0].title` → `f-modules-0--title`). */
export const fieldId = (path: string) => `f-${path.replace(/[^\w-]/g, '-')}`;

/** The validator's issues at exactly this path. */
export const issuesAt = (draft: CourseDraft, path: string): ValidationIssue[] => draft.issues.filter((issue) => issue.path === path);
