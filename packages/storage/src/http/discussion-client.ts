/** The discussion routes of an LMS Kit server: shared threads, moderated and rate-limited there. */
import type { DiscussionComment, DiscussionPage } from '@lms-kit/core';
import type { DiscussionStore } from '../discussion.js';
import { seg, type ServerClient } from './client.js';

export class DiscussionClient implements DiscussionStore {
  readonly shared = true;

  constructor(private readonly client: ServerClient) {}

  async list(courseId: string, lessonId: string, options: { limit?: number; after?: string; ifNoneMatch?: string } = {}) {
    const params = new URLSearchParams();
    if (options.limit) params.set('limit', String(options.limit));
    if (options.after) params.set('after', options.after);
    const answer = await this.client.request<DiscussionPage>('GET', `v1/discussions/${seg(courseId)}/${seg(lessonId)}/comments?${params}`, {
      headers: options.ifNoneMatch ? { 'If-None-Match': options.ifNoneMatch } : {},
      accept: [304],
    });
    if (answer.status === 304) return 'unchanged' as const;
    return { page: answer.body, etag: answer.etag };
  }

  async post(courseId: string, lessonId: string, body: string, parentId?: string): Promise<DiscussionComment> {
    const path = `v1/discussions/${seg(courseId)}/${seg(lessonId)}/comments`;
    return (await this.client.request<DiscussionComment>('POST', path, { body: { body, ...(parentId ? { parentId } : {}) } })).body;
  }

  async edit(id: string, body: string): Promise<DiscussionComment> {
    return (await this.client.request<DiscussionComment>('PUT', `v1/discussion-comments/${seg(id)}`, { body: { body } })).body;
  }

  async remove(id: string): Promise<void> {
    await this.client.request('DELETE', `v1/discussion-comments/${seg(id)}`);
  }

  async moderate(id: string, change: { hidden?: boolean; pinned?: boolean }): Promise<DiscussionComment> {
    return (await this.client.request<DiscussionComment>('PUT', `v1/discussion-comments/${seg(id)}/moderation`, { body: change })).body;
  }

  async mentions(limit = 20): Promise<DiscussionComment[]> {
    return (await this.client.request<{ items: DiscussionComment[] }>('GET', `v1/discussion-mentions?limit=${limit}`)).body.items;
  }
}
