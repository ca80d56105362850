/**
 * Lesson discussions: the shape of a comment as pages see it, the length limit shared by pages and
 * servers, and how a body is split into text and `@Name` mentions for display. Bodies are plain text:
 * they are shown as text, never parsed as HTML.
 */

/** Longest comment, in characters. */
export const MAX_COMMENT_LENGTH = 5000;

export interface DiscussionComment {
  id: string;
  courseId: string;
  lessonId: string;
  /** The thread a reply belongs to; null for a thread. */
  parentId: string | null;
  /** Learners see names only; moderators also the author's id. Null once deleted or when unknown. */
  author: { name: string | null; id?: string };
  /** Written by the signed-in learner (who may edit and delete it). */
  mine: boolean;
  body: string;
  /** Instructors of the course named `@Name` in the body. */
  mentions: Array<{ name: string }>;
  hidden: boolean;
  pinned: boolean;
  /** Deleted by its author; kept (without body) while it has replies. */
  deleted: boolean;
  createdAt: string;
  editedAt: string | null;
}

export interface DiscussionThread extends DiscussionComment {
  replies: DiscussionComment[];
}

export interface DiscussionPage {
  /** Pinned threads first, then the newest. */
  items: DiscussionThread[];
  /** Cursor of the next page; null on the last. */
  next: string | null;
  /** Whether the signed-in user may hide and pin. */
  moderator: boolean;
  /** Who can be mentioned with `@Name`. */
  instructors: Array<{ name: string }>;
}

export type MentionPart = { text: string; mention?: false } | { text: string; mention: true };

/** `body` as text and mention parts, a mention being `@` + one of `names` (case-insensitive, longest first). */
export function mentionParts(body: string, names: string[]): MentionPart[] {
  const sorted = [...new Set(names.filter(Boolean))].sort((a, b) => b.length - a.length);
  const parts: MentionPart[] = [];
  const lower = body.toLocaleLowerCase();
  let from = 0;
  let text = 0;
  while (from < body.length) {
    const at = lower.indexOf('@', from);
    if (at < 0) break;
    const name = sorted.find((n) => lower.startsWith(n.toLocaleLowerCase(), at + 1));
    if (name) {
      if (at > text) parts.push({ text: body.slice(text, at) });
      parts.push({ text: body.slice(at, at + 1 + name.length), mention: true });
      text = from = at + 1 + name.length;
    } else from = at + 1;
  }
  if (text < body.length) parts.push({ text: body.slice(text) });
  return parts;
}
