import { expect } from '@open-wc/testing';
import { isLmsError } from '@lms-kit/core';
import { browserSigner, issueCertificateIfDue, serverSigner, verifyCertificate, type CertificateRecord } from '@lms-kit/certificates';
import { certifiedCourse, completedIn, learner, uniqueDb } from './support.js';

const endpoint = '/__certificate-server';
const now = new Date('2026-03-02T09:00:00Z');

describe('server signer (against a local signing server)', () => {
  it('has the server sign, and trusts only the keys it publishes', async () => {
    const course = certifiedCourse();
    const storage = await completedIn(course, now);
    const signer = serverSigner({ endpoint });
    const record = (await issueCertificateIfDue({ course, learner, storage, signer, now })) as CertificateRecord;
    expect(record.issuer.id).to.equal('https://training.northwind-bakery.example/issuer');
    expect(record.selfIssued).to.equal(false);
    const result = await verifyCertificate(record.jwt, { signers: [signer], now });
    expect(result).to.deep.include({ status: 'valid', selfIssued: false });
    // Any device can check the id from the QR code: the server keeps what it signed.
    expect((await verifyCertificate(record.id, { signers: [signer], now })).status).to.equal('valid');
    expect((await verifyCertificate(record.jwt, { signers: [browserSigner({ databaseName: uniqueDb('keys') })], now })).status).to.equal(
      'unknown-issuer',
    );

    await fetch(`${endpoint}/admin/revoke/${encodeURIComponent(record.id)}`, { method: 'POST' });
    const revoked = await verifyCertificate(record.jwt, { signers: [signer], now });
    expect(revoked).to.deep.include({ status: 'revoked' });
    expect(revoked.revocation?.reason).to.equal('Issued in error');
  });

  it('keeps the claim when the server is down and issues the certificate on the next try', async () => {
    const course = certifiedCourse();
    const storage = await completedIn(course, now);
    const down = serverSigner({ endpoint, headers: { 'x-test-fail': '503' } });
    let error: unknown;
    await issueCertificateIfDue({ course, learner, storage, signer: down, now }).catch((e: unknown) => (error = e));
    expect(isLmsError(error, 'certificate/signing-failed'), String(error)).to.equal(true);
    const claimed = (await storage.getProgress({ learnerId: learner.id, courseId: course.id }))?.certificateId;
    expect(claimed).to.be.a('string');
    const record = await issueCertificateIfDue({ course, learner, storage, signer: serverSigner({ endpoint }), now });
    expect(record?.id).to.equal(claimed);
    const unreachable = await verifyCertificate(record?.jwt as string, { signers: [down], now });
    expect(unreachable).to.deep.include({ status: 'unknown-issuer', reason: 'issuer-unreachable' });
  });
});
