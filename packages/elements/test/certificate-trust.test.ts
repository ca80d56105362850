/**
 * The verifier and the certificate as a learner's own browser key could make them lie: a server
 * site that trusted learners' keys, a "not self-issued" flag, a `javascript:` issuer link.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { issueCertificateIfDue, type CertificateRecord, type CertificateSigner } from '@lms-kit/certificates';
import { certificatePdf } from '@lms-kit/certificates/pdf';
import { applyLessonResult, createProgress, learnerFromActor, type Course } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import type { LmsCertificateVerify, LmsCertificateVerifyEvent } from '@lms-kit/elements';
import { extractText, getDocumentProxy } from 'unpdf';
import { certificateText } from '../src/certificates/certificate-text.js';
import { browserOwnSigner } from '../src/certificates/signers.js';
import { textCourse } from '../../../test/helpers/courses.js';
import '@lms-kit/elements/all';

const learner = learnerFromActor({ mbox: 'ada@example.com', name: 'Ada Lovelace' });

async function signedBy(signer: CertificateSigner, issuer: { name: string; url?: string } = { name: 'Northwind Bakery' }) {
  const course: Course = { ...textCourse(`trust-${Math.random()}`, 1), certificate: { issuer, validity: { months: 12 } } };
  const storage = new MemoryAdapter();
  const progress = applyLessonResult(createProgress(course, learner.id, 'reg', new Date()), course, 'l1', { completed: true }, new Date());
  await storage.updateProgress({ learnerId: learner.id, courseId: course.id }, () => progress);
  return (await issueCertificateIfDue({ course, learner, storage, signer })) as CertificateRecord;
}

async function verifierOn(signer?: string) {
  const provider = await fixture(
    html`<lms-provider learner-email="ada@example.com" .storage=${new MemoryAdapter()} certificate-signer=${signer ?? ''}
      ><lms-certificate-verify></lms-certificate-verify
    ></lms-provider>`,
  );
  await customElements.whenDefined('lms-certificate-verify');
  const verifier = provider.querySelector('lms-certificate-verify') as LmsCertificateVerify;
  await verifier.updateComplete;
  return verifier;
}

async function check(verifier: LmsCertificateVerify, value: string) {
  const root = verifier.shadowRoot as ShadowRoot;
  (root.querySelector('textarea') as HTMLTextAreaElement).value = value;
  const checked = new Promise<LmsCertificateVerifyEvent>((resolve) =>
    verifier.addEventListener('lms-certificate-verify', resolve, { once: true }),
  );
  (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
  const result = (await checked).detail.result;
  await verifier.updateComplete;
  return result;
}

describe('certificate trust in the elements', () => {
  it('on a site whose server signs certificates, a learner browser key is an unknown issuer', async () => {
    const record = await signedBy(browserOwnSigner());
    // Without a server signer this page's own key is trusted (self-issued)…
    expect((await check(await verifierOn(), record.jwt)).status).to.equal('valid');
    // …with one, the same certificate is not: the learner holds that key.
    const result = await check(await verifierOn('/__certificate-server'), record.jwt);
    expect(result).to.deep.include({ status: 'unknown-issuer', reason: 'untrusted-key' });
  });

  it('shows a signed javascript: issuer URL as text, never as a link', async () => {
    const record = await signedBy(browserOwnSigner(), { name: 'Evil', url: 'javascript:alert(document.domain)' });
    const verifier = await verifierOn();
    await check(verifier, record.jwt);
    const root = verifier.shadowRoot as ShadowRoot;
    expect(root.textContent).to.contain('javascript:alert(document.domain)');
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.not.include('javascript:alert(document.domain)');
    const text = certificateText(record, (id) => id, 'en');
    expect(text.issuerUrl).to.equal(undefined);
  });

  it('prints "self-issued" on the PDF from the signing key, even when the signed flag says otherwise', async () => {
    const own = browserOwnSigner();
    const record = await signedBy({ ...own, kind: 'server' });
    expect(record.selfIssued).to.equal(false);
    const text = certificateText(record, (id) => (id === 'certificate.selfIssued' ? 'Self-issued by this browser' : id), 'en');
    expect(text.selfIssuedNote).to.equal('Self-issued by this browser');
    const bytes = await certificatePdf(text);
    const { text: pages } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
    expect(pages).to.contain('Self-issued by this browser');
  });
});
