import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { buildCredential, issueCertificateIfDue, serverSigner, verifyCertificate, type CertificateRecord } from '@lms-kit/certificates';
import { applyLessonResult, createProgress, isLmsError, learnerFromActor } from '@lms-kit/core';
import type { Quiz } from '@lms-kit/core/quiz';
import { MemoryAdapter, observeStorage } from '@lms-kit/storage';
import { HttpStorageAdapter } from '@lms-kit/storage/http';
import type { LmsCertificateVerify, LmsCertificateVerifyEvent } from '@lms-kit/elements';
import { importJWK, jwtVerify } from 'jose';
import { textCourse } from '../../../test/helpers/courses.js';
import { call, freshTenant, lmsServer, tokenFor } from '../../../test/helpers/server.js';
import '@lms-kit/elements/all';

/**
 * Certificates signed by the server's own key (the `serverSigner` contract at `/v1/certificates`), issued
 * only when the server's records show the course complete, verifiable by id by anyone, revoked on erasure.
 */
const learner = learnerFromActor({ mbox: 'ada@example.com', name: 'Ada Lovelace' });
const course = { ...textCourse('bread-basics', 1), certificate: { issuer: { name: 'Northwind Bakery' }, validity: { months: 12 } } };
const finalQuiz: Quiz = {
  schema: 1,
  id: 'bread-final',
  title: 'Bread final',
  grading: 'server',
  passingScore: { percent: 100 },
  questions: [{ id: 'tf', type: 'true-false', text: 'Bread needs flour', correct: true }],
};

describe('server-signed certificates on postgres', function () {
  this.timeout(120_000);
  let base: string;
  let tenant: string;
  let admin: string;
  let adapter: HttpStorageAdapter;

  before(async function () {
    this.timeout(180_000);
    [base] = await lmsServer('postgres');
  });

  beforeEach(async () => {
    tenant = freshTenant('certs');
    admin = await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
    adapter = new HttpStorageAdapter({ endpoint: base, token: () => tokenFor({ sub: learner.id, tenant, name: 'Ada Lovelace' }) });
  });

  const endpoint = () => new URL('v1/certificates', base).href;
  const complete = () =>
    adapter.updateProgress({ learnerId: learner.id, courseId: course.id }, () =>
      applyLessonResult(createProgress(course, learner.id, 'reg', new Date()), course, 'l1', { completed: true }, new Date()),
    );

  it('issues only what its records show earned, signs it with its key, and anyone verifies it by id until it is revoked', async () => {
    const signer = serverSigner({ endpoint: endpoint(), fetch: adapter.authorizedFetch });
    // Not complete on the server: the page's request is refused, whatever it says.
    await adapter.updateProgress({ learnerId: learner.id, courseId: course.id }, () =>
      createProgress(course, learner.id, 'reg', new Date()),
    );
    const asked = buildCredential(
      {
        id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
        learnerId: learner.id,
        learnerName: 'Ada Lovelace',
        courseId: course.id,
        courseTitle: course.title,
        template: 'classic',
        issuedAt: new Date().toISOString(),
        passed: true,
        issuer: { id: 'https://i-say-so.example', name: 'Me' },
        remindDays: 30,
        selfIssued: false,
      },
      'urn:lms-kit:course:bread-basics',
      'Completed',
    );
    const refused = await call(base, await tokenFor({ sub: learner.id, tenant }), 'POST', 'v1/certificates/credentials', {
      credential: asked,
    });
    expect(refused.status).to.equal(403);
    expect(refused.body.error.code).to.equal('certificate/not-earned');
    const forSomeoneElse = await call(base, admin, 'POST', 'v1/certificates/credentials', { credential: asked });
    expect(forSomeoneElse.status).to.equal(403);

    // A server-graded quiz of the course counts only once passed on the server.
    expect((await call(base, admin, 'PUT', `v1/quizzes/${finalQuiz.id}`, { quiz: finalQuiz, courseId: course.id })).status).to.equal(204);
    await complete();
    const stillRefused = await call(base, await tokenFor({ sub: learner.id, tenant }), 'POST', 'v1/certificates/credentials', {
      credential: asked,
    });
    expect(stillRefused.body.error.code).to.equal('certificate/not-earned');
    const attempt = await adapter.quizzes.start(finalQuiz.id);
    await adapter.quizzes.answer(finalQuiz.id, attempt.attempt.id, 'tf', true);
    expect((await adapter.quizzes.submit(finalQuiz.id, attempt.attempt.id)).attempt.data.result?.passed).to.equal(true);

    const record = (await issueCertificateIfDue({ course, learner, storage: adapter, signer })) as CertificateRecord;
    expect(record.jwt).to.be.a('string');
    const issuer = (await (await fetch(`${endpoint()}/issuer`)).json()).id as string;
    expect(record.issuer.id).to.equal(issuer);

    // The public key verifies it with an independent JOSE library.
    const jwks = await (await fetch(`${endpoint()}/jwks`)).json();
    const { payload } = await jwtVerify(record.jwt as string, await importJWK(jwks.keys[0], 'ES256'));
    expect(payload.jti).to.equal(record.id);

    // Anyone verifies it by id: no token, no local record.
    const publicSigner = serverSigner({ endpoint: endpoint() });
    const valid = await verifyCertificate(record.id, { signers: [publicSigner], storage: new MemoryAdapter() });
    expect(valid.status).to.equal('valid');
    expect(valid.selfIssued).to.not.equal(true);

    const provider = await fixture(
      html`<lms-provider learner-email="someone@example.com" .storage=${observeStorage(new MemoryAdapter())}
        ><lms-certificate-verify endpoint=${endpoint()}></lms-certificate-verify
      ></lms-provider>`,
    );
    await customElements.whenDefined('lms-certificate-verify');
    const verifier = provider.querySelector('lms-certificate-verify') as LmsCertificateVerify;
    await verifier.updateComplete;
    const check = async () => {
      const root = verifier.shadowRoot as ShadowRoot;
      (root.querySelector('textarea') as HTMLTextAreaElement).value = record.id;
      const checked = new Promise<LmsCertificateVerifyEvent>((resolve) =>
        verifier.addEventListener('lms-certificate-verify', resolve, { once: true }),
      );
      (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
      return (await checked).detail.result;
    };
    expect((await check()).status).to.equal('valid');
    await verifier.updateComplete;
    expect(verifier.shadowRoot?.textContent).to.contain('Northwind Bakery');
    await expect(verifier).to.be.accessible();

    // Erasing the learner revokes what the server issued, and verifiers say so.
    expect((await call(base, admin, 'DELETE', `v1/learners/${encodeURIComponent(learner.id)}`)).body.erased.certificatesRevoked).to.equal(
      1,
    );
    const status = await (await fetch(`${endpoint()}/credentials/${encodeURIComponent(record.id)}`)).json();
    expect(status.status.revoked).to.equal(true);
    await waitUntil(async () => (await check()).status === 'revoked', 'the verifier did not see the revocation', { timeout: 10_000 });
  });

  it('answers 404 for an id it did not issue, and signs nothing without a token', async () => {
    const unknown = await fetch(`${endpoint()}/credentials/${encodeURIComponent('urn:uuid:00000000-0000-4000-8000-00000000dead')}`);
    expect(unknown.status).to.equal(404);
    const anonymous = await fetch(`${endpoint()}/credentials`, {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(anonymous.status).to.equal(401);
    try {
      await serverSigner({ endpoint: endpoint() }).sign({} as never);
      expect.fail('signed without a token');
    } catch (error) {
      expect(isLmsError(error, 'certificate/signing-failed')).to.equal(true);
    }
  });
});

describe('anonymous learners on postgres', function () {
  this.timeout(60_000);
  let base: string;

  before(async function () {
    this.timeout(180_000);
    [base] = await lmsServer('postgres');
  });

  it('get an identity only where the tenant allows them (off by default), and lose it when the tenant stops', async () => {
    const tenant = freshTenant('anon');
    const admin = await tokenFor({ sub: 'mailto:admin@example.com', tenant, roles: ['admin'] });
    expect((await call(base, admin, 'GET', 'v1/audit')).status).to.equal(200);
    const ask = () => fetch(new URL(`v1/tenants/${tenant}/anonymous`, base), { method: 'POST' });
    const off = await ask();
    expect(off.status).to.equal(403);
    expect((await off.json()).error.code).to.equal('auth/forbidden');
    expect((await call(base, 'not-a-token', 'PUT', 'v1/values/x', { value: 1 })).status).to.equal(401);

    const learner = await tokenFor({ sub: 'mailto:ada@example.com', tenant });
    expect((await call(base, learner, 'PUT', 'v1/tenant/settings', { anonymous: true })).status).to.equal(403);
    expect((await call(base, admin, 'PUT', 'v1/tenant/settings', { anonymous: true })).status).to.equal(204);
    const given = await ask();
    expect(given.status).to.equal(201);
    const { token, learnerId } = await given.json();
    expect(learnerId).to.match(/^urn:lms-kit:anonymous:/);

    const storage = new HttpStorageAdapter({ endpoint: base, token });
    const key = { learnerId, courseId: 'open-course' };
    const now = new Date().toISOString();
    await storage.updateProgress(key, () => ({ ...key, registration: 'r', lessons: {}, timeSpentMs: 5, startedAt: now, updatedAt: now }));
    expect((await storage.getProgress(key))?.timeSpentMs).to.equal(5);
    // An anonymous learner is a learner: nobody else's records, no admin routes.
    expect((await call(base, token, 'GET', `v1/progress/${encodeURIComponent('mailto:ada@example.com')}/open-course`)).status).to.equal(
      403,
    );
    expect((await call(base, token, 'PUT', 'v1/tenant/settings', { anonymous: false })).status).to.equal(403);
    // The identity is good for its own tenant only.
    const other = freshTenant('anon-other');
    const otherAdmin = await tokenFor({ sub: 'mailto:admin@example.com', tenant: other, roles: ['admin'] });
    expect((await call(base, otherAdmin, 'GET', 'v1/audit')).status).to.equal(200);
    expect((await fetch(new URL(`v1/tenants/${other}/anonymous`, base), { method: 'POST' })).status).to.equal(403);

    // The tenant stops allowing anonymous learners: their writes are refused and change nothing.
    expect((await call(base, admin, 'PUT', 'v1/tenant/settings', { anonymous: false })).status).to.equal(204);
    const refused = await call(base, token, 'PUT', `v1/progress/${encodeURIComponent(learnerId)}/open-course`, {
      value: { ...key, registration: 'r', lessons: {}, timeSpentMs: 99, startedAt: now, updatedAt: now },
    });
    expect(refused.status).to.equal(403);
    expect((await call(base, admin, 'GET', `v1/progress/${encodeURIComponent(learnerId)}/open-course`)).body.value.timeSpentMs).to.equal(5);
    expect((await ask()).status).to.equal(403);
  });
});
