/**
 * Lesson discussions: shared with other learners through a server (`HttpStorageAdapter.discussion`),
 * or, on a browser-only storage, the learner's private notes kept in that storage (`localNotes`).
 */
import { LmsError, MAX_COMMENT_LENGTH, type DiscussionComment, type DiscussionPage } from '@lms-kit/core';
import type { StorageAdapter, StoredRecord } from './adapter.js';

export interface DiscussionListOptions {
  /** Threads per page (default 20). */
  limit?: number;
  /** Cursor of the page to read (`next` of the previous one). */
  after?: string;
  /** The `etag` of a previous read: answers `'unchanged'` when nothing changed since. */
  ifNoneMatch?: string;
}

export interface DiscussionStore {
  /** False for private notes no one else sees (a browser-only storage). */
  readonly shared: boolean;
  list(
    courseId: string,
    lessonId: string,
    options?: DiscussionListOptions,
  ): Promise<{ page: DiscussionPage; etag: string | null } | 'unchanged'>;
  post(courseId: string, lessonId: string, body: string, parentId?: string): Promise<DiscussionComment>;
  edit(id: string, body: string): Promise<DiscussionComment>;
  remove(id: string): Promise<void>;
  /** Hides or pins (moderators only: `auth/forbidden` otherwise). */
  moderate(id: string, change: { hidden?: boolean; pinned?: boolean }): Promise<DiscussionComment>;
  /** The latest comments mentioning the signed-in instructor. */
  mentions(limit?: number): Promise<DiscussionComment[]>;
}

/** `text` trimmed, or `discussion/empty` / `discussion/too-long`: a page checks before sending, a server again. */
export function checkCommentBody(text: string): string {
  const body = text.trim();
  if (!body) throw new LmsError('discussion/empty', 'A comment needs some text.');
  if (body.length > MAX_COMMENT_LENGTH)
    throw new LmsError('discussion/too-long', `A comment has at most ${MAX_COMMENT_LENGTH} characters (this one has ${body.length}).`);
  return body;
}

interface NoteRecord extends StoredRecord {
  learnerId: string;
  courseId: string;
  lessonId: string;
  parentId: string | null;
  body: string;
  createdAt: string;
  editedAt: string | null;
}

/** The records collection private notes are kept in. */
export const NOTES_COLLECTION = 'discussion-notes';

/**
 * Private notes of the one local learner, in the same shape as a discussion (replies included), kept
 * in `storage`. Nothing is shared; there is no moderation or mention.
 */
export function localNotes(storage: StorageAdapter, learner: { id: string; name?: string }): DiscussionStore {
  const toComment = (note: NoteRecord): DiscussionComment => ({
    id: note.id,
    courseId: note.courseId,
    lessonId: note.lessonId,
    parentId: note.parentId,
    author: { name: learner.name ?? null },
    mine: true,
    body: note.body,
    mentions: [],
    hidden: false,
    pinned: false,
    deleted: false,
    createdAt: note.createdAt,
    editedAt: note.editedAt,
  });
  const read = async (id: string) => {
    const note = await storage.getRecord<NoteRecord>(NOTES_COLLECTION, id);
    if (!note || note.learnerId !== learner.id) throw new LmsError('storage/not-found', 'This note does not exist.');
    return note;
  };
  const newest = (a: NoteRecord, b: NoteRecord) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
  return {
    shared: false,
    async list(courseId, lessonId, options = {}) {
      const all = (await storage.listRecords<NoteRecord>(NOTES_COLLECTION, { learnerId: learner.id, courseId })).filter(
        (n) => n.lessonId === lessonId,
      );
      const threads = all.filter((n) => !n.parentId).sort(newest);
      const start = options.after ? Number(options.after) : 0;
      const limit = options.limit ?? 20;
      const page = threads.slice(start, start + limit);
      return {
        etag: null,
        page: {
          items: page.map((t) => ({
            ...toComment(t),
            replies: all
              .filter((n) => n.parentId === t.id)
              .sort((a, b) => -newest(a, b))
              .map(toComment),
          })),
          next: start + limit < threads.length ? String(start + limit) : null,
          moderator: false,
          instructors: [],
        },
      };
    },
    async post(courseId, lessonId, text, parentId) {
      const body = checkCommentBody(text);
      const parent = parentId ? await read(parentId) : undefined;
      const note: NoteRecord = {
        id: crypto.randomUUID(),
        learnerId: learner.id,
        courseId,
        lessonId,
        parentId: parent ? (parent.parentId ?? parent.id) : null,
        body,
        createdAt: new Date().toISOString(),
        editedAt: null,
      };
      await storage.putRecord(NOTES_COLLECTION, note);
      return toComment(note);
    },
    async edit(id, text) {
      const note = { ...(await read(id)), body: checkCommentBody(text), editedAt: new Date().toISOString() };
      await storage.putRecord(NOTES_COLLECTION, note);
      return toComment(note);
    },
    async remove(id) {
      const note = await read(id);
      const replies = (await storage.listRecords<NoteRecord>(NOTES_COLLECTION, { learnerId: learner.id, courseId: note.courseId })).filter(
        (n) => n.parentId === id,
      );
      for (const reply of replies) await storage.deleteRecord(NOTES_COLLECTION, reply.id);
      await storage.deleteRecord(NOTES_COLLECTION, id);
    },
    async moderate() {
      throw new LmsError('auth/forbidden', 'Private notes have no moderation.');
    },
    mentions: async () => [],
  };
}
