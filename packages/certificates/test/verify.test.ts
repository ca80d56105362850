import { expect } from '@open-wc/testing';
import { importJWK, jwtVerify, decodeProtectedHeader } from 'jose';
import {
  CERTIFICATES,
  browserSigner,
  decodeJws,
  envelope,
  issueCertificateIfDue,
  revokeCertificate,
  verifyCertificate,
  type CertificateRecord,
} from '@lms-kit/certificates';
import { MemoryAdapter } from '@lms-kit/storage';
import { certifiedCourse, completedIn, leafPaths, learner, tamperAt, uniqueDb } from './support.js';

const issuedAt = new Date('2026-03-02T09:00:00Z');
const soon = new Date('2026-04-01T00:00:00Z');

async function issued(rule = {}) {
  const course = certifiedCourse(rule);
  const storage = await completedIn(course, issuedAt);
  const signer = browserSigner({ databaseName: uniqueDb('keys') });
  const record = (await issueCertificateIfDue({ course, learner, storage, signer, now: issuedAt })) as CertificateRecord;
  return { course, storage, signer, record };
}

const b64 = (value: unknown) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

describe('certificate signing and verification', () => {
  it('issues a signed certificate record once per completion, in the certificates collection', async () => {
    const { course, storage, signer, record } = await issued({ validity: { months: 12 } });
    expect(record).to.include({
      learnerName: 'Jamie Rivera',
      courseId: 'safety',
      courseVersion: '2026.1',
      courseTitle: 'Food safety basics',
    });
    expect(record.id).to.match(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(record.issuedAt).to.equal(issuedAt.toISOString());
    expect(record.expiresAt).to.equal('2027-03-02T09:00:00.000Z');
    expect(record.issuer).to.deep.include({ name: 'Northwind Bakery', url: 'https://intranet.northwind-bakery.example' });
    expect(record.issuer.id).to.match(/^did:jwk:/);
    expect(record.selfIssued).to.equal(true);
    expect(await storage.getRecord(CERTIFICATES, record.id)).to.deep.equal(record);
    expect((await storage.getProgress({ learnerId: learner.id, courseId: 'safety' }))?.certificateId).to.equal(record.id);
    expect(await issueCertificateIfDue({ course, learner, storage, signer, now: issuedAt })).to.equal(undefined);
    expect(await storage.listRecords(CERTIFICATES)).to.have.length(1);

    const result = await verifyCertificate(record.jwt, { signers: [signer], storage, now: soon });
    expect(result).to.deep.include({ status: 'valid', reason: 'signed', selfIssued: true });
    expect(result.certificate?.learnerName).to.equal('Jamie Rivera');
    expect((await verifyCertificate(JSON.stringify(record), { signers: [signer], now: soon })).status).to.equal('valid');
    expect((await verifyCertificate(JSON.stringify(envelope(record.jwt)), { signers: [signer], now: soon })).status).to.equal('valid');
    expect((await verifyCertificate(record.id, { signers: [signer], storage, now: soon })).status).to.equal('valid');
    const link = `https://intranet.northwind-bakery.example/verify?certificate=${encodeURIComponent(record.id)}`;
    expect((await verifyCertificate(link, { signers: [signer], storage, now: soon })).status).to.equal('valid');
    const file = new File([JSON.stringify(record)], 'certificate.json', { type: 'application/json' });
    expect((await verifyCertificate(file, { signers: [signer], now: soon })).status).to.equal('valid');
  });

  it('does not issue before completion, below the minimum score or without a pass', async () => {
    const course = certifiedCourse({ minScore: 50 });
    const storage = await completedIn(course, issuedAt);
    const signer = browserSigner({ databaseName: uniqueDb('keys') });
    expect(await issueCertificateIfDue({ course, learner, storage, signer })).to.equal(undefined);
    expect(await issueCertificateIfDue({ course: certifiedCourse(), learner, storage: new MemoryAdapter(), signer })).to.equal(undefined);
    const passing = certifiedCourse({ issueWhen: 'passed' });
    expect(await issueCertificateIfDue({ course: passing, learner, storage: await completedIn(passing), signer })).to.not.equal(undefined);
  });

  it('detects a change to any field of the certificate file, and any added field', async () => {
    const { signer, record } = await issued({ minScore: 0, renewal: { reopen: 'course', remindDays: 20 } });
    const { jwt: _jwt, ...fields } = record;
    const paths = leafPaths(fields);
    expect(paths.length).to.be.greaterThan(15);
    for (const path of paths) {
      const tampered = tamperAt(record, path);
      const result = await verifyCertificate(JSON.stringify(tampered), { signers: [signer], now: soon });
      expect(result.status, `changed ${path.join('.')}`).to.equal('tampered');
      expect(result.reason).to.equal('field-changed');
      expect(result.field).to.equal(String(path[0]));
    }
    const added = await verifyCertificate(JSON.stringify({ ...record, honours: true }), { signers: [signer], now: soon });
    expect(added).to.deep.include({ status: 'tampered', field: 'honours' });
  });

  it('detects a change to any field of the signed token (payload or header)', async () => {
    const { signer, record } = await issued({ minScore: 0 });
    const { header, payload } = decodeJws(record.jwt);
    const [h, , signature] = record.jwt.split('.');
    for (const path of leafPaths(payload)) {
      const forged = `${h}.${b64(tamperAt(payload, path))}.${signature}`;
      const result = await verifyCertificate(forged, { signers: [signer], now: soon });
      expect(result.status, `changed payload ${path.join('.')}`).to.equal('tampered');
    }
    for (const path of leafPaths(header).filter((p) => p[0] !== 'alg')) {
      const forged = `${b64(tamperAt(header, path))}.${record.jwt.split('.')[1]}.${signature}`;
      const result = await verifyCertificate(forged, { signers: [signer], now: soon });
      expect(['tampered', 'malformed'], `changed header ${path.join('.')}`).to.include(result.status);
    }
    const cut = record.jwt.slice(0, -4) + (record.jwt.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await verifyCertificate(cut, { signers: [signer], now: soon })).status).to.equal('tampered');
  });

  it('reports a certificate signed by another key as of an unknown issuer', async () => {
    const { signer } = await issued();
    const { record: foreign } = await issued();
    const result = await verifyCertificate(foreign.jwt, { signers: [signer], now: soon });
    expect(result).to.deep.include({ status: 'unknown-issuer', reason: 'untrusted-key' });
    expect(result.certificate?.learnerName).to.equal('Jamie Rivera');
    expect((await verifyCertificate(foreign.jwt, { now: soon })).status).to.equal('unknown-issuer');
  });

  it('reports expired and revoked certificates', async () => {
    const { signer, storage, record } = await issued({ validity: { months: 1 } });
    expect((await verifyCertificate(record.jwt, { signers: [signer], storage, now: new Date('2026-04-02T09:00:00Z') })).status).to.equal(
      'expired',
    );
    await revokeCertificate(storage, record.id, 'Issued to the wrong person');
    const revoked = await verifyCertificate(record.jwt, { signers: [signer], storage, now: soon });
    expect(revoked.status).to.equal('revoked');
    expect(revoked.revocation?.reason).to.equal('Issued to the wrong person');
  });

  it('gives a clear message for malformed or foreign input, never a crash or a false valid', async () => {
    const { signer, record } = await issued();
    const noneToken = `${b64({ alg: 'none', typ: 'JWT' })}.${record.jwt.split('.')[1]}.`;
    const inputs: Array<[unknown, string]> = [
      ['', 'empty'],
      ['   ', 'empty'],
      ['hello there', 'not-json'],
      ['{"learnerName": "Jamie"', 'not-json'],
      ['[1, 2, 3]', 'not-certificate'],
      ['null', 'not-json'],
      ['{"type": ["VerifiableCredential"], "issuer": "x"}', 'unsigned'],
      ['{"jwt": "a.b.c"}', 'bad-jwt'],
      ['eyJhbGciOiJFUzI1NiJ9.e30.', 'unsupported-algorithm'],
      [noneToken, 'unsupported-algorithm'],
      ['x'.repeat(200_000), 'not-json'],
      ['00000000-0000-4000-8000-000000000000', 'not-found'],
      [{ hello: 'world' }, 'not-certificate'],
    ];
    for (const [input, reason] of inputs) {
      const result = await verifyCertificate(input as string, { signers: [signer], now: soon });
      expect(result.status, String(input).slice(0, 40)).to.not.equal('valid');
      expect(result.reason, String(input).slice(0, 40)).to.equal(reason);
      expect(result.message).to.be.a('string').and.not.equal('');
    }
  });

  it('exports an Open Badges 3.0 credential as a VC-JWT (ES256) that jose validates', async () => {
    const { record } = await issued({ minScore: 0 });
    const header = decodeProtectedHeader(record.jwt);
    expect(header).to.include({ alg: 'ES256', typ: 'JWT' });
    const key = await importJWK(header.jwk as Parameters<typeof importJWK>[0], 'ES256');
    const { payload } = await jwtVerify(record.jwt, key, {
      issuer: record.issuer.id,
      subject: 'mailto:jamie@example.com',
      currentDate: soon,
      algorithms: ['ES256'],
    });
    expect(payload.jti).to.equal(record.id);
    expect(payload.nbf).to.equal(Math.floor(issuedAt.getTime() / 1000));
    expect(payload.exp).to.equal(Math.floor(new Date(record.expiresAt as string).getTime() / 1000));
    expect(payload['@context']).to.include.members([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(payload.type).to.deep.equal(['VerifiableCredential', 'OpenBadgeCredential']);
    const subject = payload.credentialSubject as Record<string, Record<string, unknown>>;
    expect(subject.achievement).to.deep.include({ name: 'Food safety basics', achievementType: 'Certificate', type: ['Achievement'] });
    expect(subject.type).to.deep.equal(['AchievementSubject']);
    expect(payload.validFrom).to.equal(record.issuedAt);
    expect(payload.issuer).to.deep.include({ type: ['Profile'], name: 'Northwind Bakery' });
    let rejected = false;
    await jwtVerify(record.jwt, key, { currentDate: new Date('2028-01-01T00:00:00Z') }).catch(() => (rejected = true));
    expect(rejected, 'jose rejects it once expired').to.equal(true);
  });
});
