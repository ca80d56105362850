/**
 * What a learner can put inside a certificate they sign with their own browser's key: a date in the
 * future, a claim not to be self-issued. The verdict must follow the signature, not those fields.
 */
import { expect } from '@open-wc/testing';
import {
  browserSigner,
  issueCertificateIfDue,
  verifyCertificate,
  type CertificateRecord,
  type CertificateSigner,
} from '@lms-kit/certificates';
import { certificatePdf } from '@lms-kit/certificates/pdf';
import { extractText, getDocumentProxy } from 'unpdf';
import { certifiedCourse, completedIn, learner, uniqueDb } from './support.js';

const issuedAt = new Date('2026-03-02T09:00:00Z');

async function issue(signer: CertificateSigner, at = issuedAt): Promise<CertificateRecord> {
  const course = certifiedCourse();
  const storage = await completedIn(course, at);
  return (await issueCertificateIfDue({ course, learner, storage, signer, now: at })) as CertificateRecord;
}

describe('certificate trust', () => {
  it('does not call a certificate dated in the future valid', async () => {
    const signer = browserSigner({ databaseName: uniqueDb('keys') });
    const record = await issue(signer, new Date('2027-01-01T00:00:00Z'));
    const early = await verifyCertificate(record.jwt, { signers: [signer], now: issuedAt });
    expect(early).to.deep.include({ status: 'not-yet-valid', reason: 'not-yet-valid' });
    // A few minutes of clock difference between signer and verifier is not "the future".
    const skewed = await verifyCertificate(record.jwt, { signers: [signer], now: new Date('2026-12-31T23:58:00Z') });
    expect(skewed.status).to.equal('valid');
    expect((await verifyCertificate(record.jwt, { signers: [signer], now: new Date('2027-01-02T00:00:00Z') })).status).to.equal('valid');
  });

  it('reads "self-issued" from the signing key, not from the flag the signed content carries', async () => {
    const own = browserSigner({ databaseName: uniqueDb('keys') });
    // A learner's own key that claims to be a server: the content says selfIssued: false.
    const posing: CertificateSigner = { ...own, kind: 'server' };
    const record = await issue(posing);
    expect(record.selfIssued).to.equal(false);
    expect(record.issuer.id).to.match(/^did:jwk:/);
    for (const signers of [[posing], [own], []]) {
      const result = await verifyCertificate(record.jwt, { signers, now: issuedAt });
      expect(result.selfIssued, `${result.status}`).to.equal(true);
      expect(result.certificate?.selfIssued).to.equal(true);
    }
  });

  it('says "self-issued" on the PDF too', async () => {
    const bytes = await certificatePdf({
      title: 'Certificate of completion',
      preamble: 'This certifies that',
      learnerName: 'Jamie Rivera',
      statement: 'has completed the course',
      courseTitle: 'Food safety basics',
      details: ['Issued on 2 March 2026'],
      issuerName: 'Northwind Bakery',
      selfIssuedNote: 'Self-issued: signed by this browser, not by a server.',
      idLine: 'Certificate urn:uuid:1',
    });
    const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
    expect(text).to.contain('Self-issued: signed by this browser, not by a server.');
  });
});
