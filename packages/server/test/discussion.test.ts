import { expect } from '@open-wc/testing';
import { isLmsError, MAX_COMMENT_LENGTH } from '@lms-kit/core';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import { call, freshTenant, lmsServer, tokenFor, type Backend } from '../../../test/helpers/server.js';

/** Lesson discussions on a real server: threads, roles enforced by the server, rate limit kept in the database. */
const id = (n: string) => `mailto:${n}@example.com`;
type Role = 'learner' | 'instructor' | 'admin';

async function rejected(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (isLmsError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

for (const backend of ['postgres', 'pglite'] as Backend[])
  describe(`server on ${backend}: discussion`, function () {
    this.timeout(60_000);
    let endpoints: string[];
    before(async function () {
      this.timeout(180_000);
      endpoints = await lmsServer(backend, backend === 'postgres' ? 2 : 1); // PGlite is one process
      endpoints[1] ??= endpoints[0];
    });

    async function person(tenant: string, who: string, roles: Role[] = ['learner'], endpoint = endpoints[0]) {
      const name = who[0].toUpperCase() + who.slice(1);
      const token = await tokenFor({ sub: id(who), tenant, roles, name });
      return { token, store: new HttpStorageAdapter({ endpoint, token }).discussion };
    }

    /** A tenant whose course c1 is taught by Grace Hopper (instructor) and one of whose lessons has a discussion. */
    async function seeded() {
      const tenant = freshTenant('talk');
      const admin = await person(tenant, 'admin', ['admin']);
      const grace = await tokenFor({ sub: id('grace'), tenant, roles: ['instructor'], name: 'Grace Hopper' });
      expect((await call(endpoints[0], grace, 'GET', '/v1/leaderboard/me')).status).to.equal(200); // Grace signs in once
      expect((await call(endpoints[0], admin.token, 'PUT', '/v1/courses/c1', { instructors: [id('grace')] })).status).to.equal(204);
      // The rate limit has its own test: here learners post as much as the tests need.
      expect(
        (await call(endpoints[0], admin.token, 'PUT', '/v1/tenant/settings', { discussion: { postsPerMinute: 100 } })).status,
      ).to.equal(204);
      const instructor = { token: grace, store: new HttpStorageAdapter({ endpoint: endpoints[0], token: grace }).discussion };
      return { tenant, admin, instructor, ada: await person(tenant, 'ada'), bob: await person(tenant, 'bob') };
    }

    it('threads comments and replies, names mentioned instructors and lists the mentions to them', async () => {
      const { ada, bob, instructor } = await seeded();
      const first = await ada.store.post('c1', 'l1', '  Why 5 °C, @grace hopper?  ');
      expect(first).to.include({ body: 'Why 5 °C, @grace hopper?', mine: true, parentId: null, pinned: false, hidden: false });
      expect(first.mentions).to.deep.equal([{ name: 'Grace Hopper' }]);
      expect(first.author).to.deep.equal({ name: 'Ada' }); // a learner sees names, never ids
      const reply = await bob.store.post('c1', 'l1', 'Bacteria grow slowly below it.', first.id);
      const replyToReply = await ada.store.post('c1', 'l1', 'Thanks!', reply.id);
      expect(replyToReply.parentId).to.equal(first.id); // one level: joins the thread
      await bob.store.post('c1', 'l1', 'Second thread');
      await bob.store.post('c1', 'l2', 'Another lesson');

      const read = await bob.store.list('c1', 'l1');
      if (read === 'unchanged') throw new Error('a first read has no tag');
      expect(read.page.items.map((t) => t.body)).to.deep.equal(['Second thread', 'Why 5 °C, @grace hopper?']);
      expect(read.page.items[1].replies.map((r) => [r.body, r.mine])).to.deep.equal([
        ['Bacteria grow slowly below it.', true],
        ['Thanks!', false],
      ]);
      expect(read.page).to.include({ moderator: false });
      expect(read.page.instructors).to.deep.equal([{ name: 'Grace Hopper' }]);

      const mentions = await instructor.store.mentions();
      expect(mentions.map((m) => m.body)).to.deep.equal(['Why 5 °C, @grace hopper?']);
      expect(mentions[0].author.id).to.equal(id('ada'));
      expect(await ada.store.mentions()).to.deep.equal([]);
    });

    it('pages threads with a cursor and answers 304 while nothing changed, on either instance', async () => {
      const { tenant, ada } = await seeded();
      for (let n = 1; n <= 5; n++) await ada.store.post('c1', 'paged', `Comment ${n}`);
      const first = await ada.store.list('c1', 'paged', { limit: 2 });
      if (first === 'unchanged') throw new Error('changed');
      expect(first.page.items.map((t) => t.body)).to.deep.equal(['Comment 5', 'Comment 4']);
      const second = await ada.store.list('c1', 'paged', { limit: 2, after: first.page.next! });
      const third = second !== 'unchanged' && (await ada.store.list('c1', 'paged', { limit: 2, after: second.page.next! }));
      expect(second !== 'unchanged' && second.page.items.map((t) => t.body)).to.deep.equal(['Comment 3', 'Comment 2']);
      expect(third && third !== 'unchanged' && [third.page.items.map((t) => t.body), third.page.next]).to.deep.equal([['Comment 1'], null]);

      const other = (await person(tenant, 'ada', ['learner'], endpoints[1])).store;
      expect(await other.list('c1', 'paged', { limit: 2, ifNoneMatch: first.etag! })).to.equal('unchanged');
      await other.post('c1', 'paged', 'Comment 6');
      const fresh = await ada.store.list('c1', 'paged', { limit: 2, ifNoneMatch: first.etag! });
      expect(fresh !== 'unchanged' && fresh.page.items[0].body).to.equal('Comment 6');
    });

    it('lets authors alone edit and delete, and moderators alone hide and pin (403 and nothing changed otherwise)', async () => {
      const { ada, bob, instructor, admin, tenant } = await seeded();
      const comment = await ada.store.post('c1', 'l1', 'Original');
      const reply = await bob.store.post('c1', 'l1', 'A reply', comment.id);

      expect(await rejected(bob.store.edit(comment.id, 'Vandalised'))).to.equal('auth/forbidden');
      expect(await rejected(bob.store.remove(comment.id))).to.equal('auth/forbidden');
      expect(await rejected(instructor.store.edit(comment.id, 'Vandalised'))).to.equal('auth/forbidden');
      expect(await rejected(bob.store.moderate(comment.id, { hidden: true }))).to.equal('auth/forbidden');
      expect(await rejected(bob.store.moderate(comment.id, { pinned: true }))).to.equal('auth/forbidden');
      // An instructor of another course is not a moderator of this one.
      const other = await person(tenant, 'olga', ['instructor']);
      expect(await rejected(other.store.moderate(comment.id, { hidden: true }))).to.equal('auth/forbidden');
      let read = await bob.store.list('c1', 'l1');
      expect(read !== 'unchanged' && read.page.items[0]).to.include({ body: 'Original', hidden: false, pinned: false, editedAt: null });

      const edited = await ada.store.edit(comment.id, 'Edited');
      expect(edited.body).to.equal('Edited');
      expect(edited.editedAt).to.be.a('string');

      const pinned = await ada.store.post('c1', 'l1', 'Newer, unpinned');
      expect((await instructor.store.moderate(comment.id, { pinned: true })).pinned).to.equal(true);
      expect(await rejected(instructor.store.moderate(reply.id, { pinned: true }))).to.equal('server/invalid-request');
      read = await bob.store.list('c1', 'l1');
      expect(read !== 'unchanged' && read.page.items.map((t) => t.body)).to.deep.equal(['Edited', pinned.body]);

      // Hidden: gone for other learners, shown (marked) to the author and to moderators.
      await admin.store.moderate(reply.id, { hidden: true });
      const forAda = await ada.store.list('c1', 'l1');
      expect(forAda !== 'unchanged' && forAda.page.items[0].replies).to.deep.equal([]);
      const forBob = await bob.store.list('c1', 'l1');
      expect(forBob !== 'unchanged' && forBob.page.items[0].replies.map((r) => [r.body, r.hidden])).to.deep.equal([['A reply', true]]);
      const forStaff = await instructor.store.list('c1', 'l1');
      expect(forStaff !== 'unchanged' && forStaff.page.moderator).to.equal(true);
      expect(forStaff !== 'unchanged' && forStaff.page.items[0].replies[0].author).to.deep.equal({ name: 'Bob', id: id('bob') });

      // Deleting a thread with replies keeps it without body; without replies it is gone.
      await instructor.store.moderate(reply.id, { hidden: false });
      await ada.store.remove(comment.id);
      read = await bob.store.list('c1', 'l1');
      expect(read !== 'unchanged' && read.page.items.map((t) => [t.body, t.deleted, t.author.name, t.replies.length])).to.deep.equal([
        ['', true, null, 1],
        ['Newer, unpinned', false, 'Ada', 0],
      ]);
      await ada.store.remove(pinned.id);
      await bob.store.remove(reply.id);
      read = await bob.store.list('c1', 'l1');
      expect(read !== 'unchanged' && read.page.items).to.deep.equal([]);
    });

    it('refuses empty and too long comments and limits posts per learner per minute across instances', async () => {
      const { ada, bob, admin, tenant } = await seeded();
      expect(await rejected(ada.store.post('c1', 'l1', '   '))).to.equal('discussion/empty');
      expect(await rejected(ada.store.post('c1', 'l1', 'x'.repeat(MAX_COMMENT_LENGTH + 1)))).to.equal('discussion/too-long');
      const tooLong = await call(endpoints[0], ada.token, 'POST', '/v1/discussions/c1/l1/comments', {
        body: 'x'.repeat(MAX_COMMENT_LENGTH + 1),
      });
      expect(tooLong.status).to.equal(413);
      expect((await ada.store.post('c1', 'other', 'x'.repeat(MAX_COMMENT_LENGTH))).body.length).to.equal(MAX_COMMENT_LENGTH);

      expect((await call(endpoints[0], admin.token, 'PUT', '/v1/tenant/settings', { discussion: { postsPerMinute: 3 } })).status).to.equal(
        204,
      );
      // Counted per calendar minute: start well inside one (the clock is the machine's, as the database's).
      while (new Date().getSeconds() > 40) await new Promise((resolve) => setTimeout(resolve, 500));
      const cy = await person(tenant, 'cy');
      await cy.store.post('c1', 'l1', 'Post 0');
      const answers = [];
      for (let n = 1; n <= 4; n++)
        answers.push(await call(endpoints[n % 2], cy.token, 'POST', '/v1/discussions/c1/l1/comments', { body: `Post ${n}` }));
      expect(answers.map((a) => a.status)).to.deep.equal([201, 201, 429, 429]); // the two instances share the count
      expect(answers[2].body.error.code).to.equal('discussion/rate-limited');
      // Another learner has their own allowance.
      expect((await bob.store.post('c1', 'l1', 'Mine')).body).to.equal('Mine');
      const read = await bob.store.list('c1', 'l1', { limit: 100 });
      expect(read !== 'unchanged' && read.page.items.filter((t) => t.body.startsWith('Post ')).length).to.equal(3);
    });

    it('erases a learner’s comments with the learner, keeping others’ replies', async () => {
      const { ada, bob, admin } = await seeded();
      const thread = await ada.store.post('c1', 'l1', 'Personal thought');
      await bob.store.post('c1', 'l1', 'Reply', thread.id);
      const erased = await call(endpoints[0], admin.token, 'DELETE', `/v1/learners/${encodeURIComponent(id('ada'))}`);
      expect(erased.body.erased.discussionComments).to.equal(1);
      const read = await bob.store.list('c1', 'l1');
      expect(read !== 'unchanged' && read.page.items.map((t) => [t.body, t.deleted, t.author.name, t.replies[0].body])).to.deep.equal([
        ['', true, null, 'Reply'],
      ]);
    });
  });
