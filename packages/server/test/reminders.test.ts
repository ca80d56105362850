import { expect } from '@open-wc/testing';
import { call, freshTenant, lmsServer, tokenFor } from '../../../test/helpers/server.js';

/** The reminder job: due dates and expiring certificates posted once to the tenant's webhook, however many instances run it. */
const DAY = 86_400_000;
const learner = (n: string) => `mailto:${n}@example.com`;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();
const received = async (bin: string) =>
  (await (await fetch(`/__webhook/${bin}`)).json()) as Array<{
    learner: { id: string };
    reminder: { kind: string; key: string; courseId: string };
  }>;

describe('server on postgres: reminders', function () {
  this.timeout(90_000);
  let instances: string[];
  before(async function () {
    this.timeout(180_000);
    instances = await lmsServer('postgres', 2);
  });

  async function tenantWithDueWork(bin: string) {
    const tenant = freshTenant('remind');
    const admin = await tokenFor({ sub: learner('admin'), tenant, roles: ['admin'] });
    const ok = async (method: string, path: string, body?: unknown) => {
      const answer = await call(instances[0], admin, method, path, body);
      expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).to.be.below(300);
    };
    await ok('PUT', '/v1/tenant/settings', { reminders: { webhook: `${location.origin}/__webhook/${bin}` } });
    await ok('PUT', '/v1/courses/allergens', { title: 'Allergens' });
    await ok('POST', '/v1/enrollments', { courseId: 'allergens', learnerId: learner('ada'), dueAt: inDays(3) });
    await ok('POST', '/v1/enrollments', { courseId: 'allergens', learnerId: learner('bo'), dueAt: inDays(-1) });
    await ok('POST', '/v1/enrollments', { courseId: 'allergens', learnerId: learner('cy'), dueAt: inDays(60) });
    await ok('POST', '/v1/enrollments', { courseId: 'allergens', learnerId: learner('di'), dueAt: inDays(3) });
    const now = new Date().toISOString();
    await ok('PUT', `/v1/progress/${encodeURIComponent(learner('di'))}/allergens`, {
      value: {
        learnerId: learner('di'),
        courseId: 'allergens',
        registration: 'r',
        lessons: {},
        startedAt: now,
        updatedAt: now,
        completedAt: now,
      },
    });
    await ok('PUT', '/v1/groups/night', {});
    await ok('PUT', `/v1/groups/night/members/${encodeURIComponent(learner('eve'))}`, {});
    await ok('POST', '/v1/enrollments', { courseId: 'allergens', groupId: 'night', dueAt: inDays(2) });
    // Ada's certificate of another course expires in 10 days (her own record, as the page writes it).
    const ada = await tokenFor({ sub: learner('ada'), tenant, name: 'Ada', email: 'ada@example.com' });
    const certificate = { id: 'cert-1', learnerId: learner('ada'), courseId: 'hygiene', issuedAt: now, expiresAt: inDays(10) };
    expect((await call(instances[0], ada, 'PUT', '/v1/records/certificates/cert-1', certificate)).status).to.equal(204);
    return { tenant, admin };
  }

  it('sends each due reminder once when two instances run the job at the same time, again and again', async () => {
    const bin = `b${Date.now().toString(36)}`;
    const { admin } = await tenantWithDueWork(bin);
    const runs = await Promise.all(
      [0, 1, 0, 1, 0, 1].map((i) =>
        call(instances[i], admin, 'POST', '/v1/reminders/run').then((answer) => answer.body as { sent: number; failed: number }),
      ),
    );
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).to.equal(4);
    expect(runs.every((run) => run.failed === 0)).to.equal(true);
    const got = await received(bin);
    expect(got.map((d) => [d.learner.id, d.reminder.kind, d.reminder.courseId]).sort()).to.deep.equal(
      [
        [learner('ada'), 'certificate-expiring', 'hygiene'],
        [learner('ada'), 'due-soon', 'allergens'],
        [learner('bo'), 'overdue', 'allergens'],
        [learner('eve'), 'due-soon', 'allergens'],
      ].sort(),
    );
    expect(new Set(got.map((d) => d.reminder.key)).size).to.equal(4);
    const ada = got.find((d) => d.reminder.kind === 'due-soon' && d.learner.id === learner('ada')) as unknown as {
      learner: { name: string; email: string };
      reminder: { courseTitle: string; key: string; at: string };
    };
    expect(ada.learner).to.include({ name: 'Ada', email: 'ada@example.com' });
    expect(ada.reminder.courseTitle).to.equal('Allergens');
    expect(ada.reminder.key).to.equal(`due-soon|allergens|${ada.reminder.at}`);
  });

  it('gives a reminder back when the webhook is down, and sends it on a later run', async () => {
    const down = `down-${Date.now().toString(36)}`;
    const { admin } = await tenantWithDueWork(down);
    const failed = (await call(instances[0], admin, 'POST', '/v1/reminders/run')).body as { sent: number; failed: number };
    expect(failed).to.include({ sent: 0, failed: 4 });
    const up = `up-${Date.now().toString(36)}`;
    await call(instances[0], admin, 'PUT', '/v1/tenant/settings', { reminders: { webhook: `${location.origin}/__webhook/${up}` } });
    const [first, second] = await Promise.all(instances.map((base) => call(base, admin, 'POST', '/v1/reminders/run')));
    expect(first.body.sent + second.body.sent).to.equal(4);
    expect((await received(up)).length).to.equal(4);
  });

  it('is for admins only', async () => {
    const tenant = freshTenant('remind-role');
    const answer = await call(instances[0], await tokenFor({ sub: learner('ada'), tenant }), 'POST', '/v1/reminders/run');
    expect(answer.status).to.equal(403);
  });
});
