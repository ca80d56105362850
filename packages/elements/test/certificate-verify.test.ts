import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { issueCertificateIfDue, type CertificateRecord } from '@lms-kit/certificates';
import { applyLessonResult, createProgress, learnerFromActor } from '@lms-kit/core';
import { MemoryAdapter, observeStorage } from '@lms-kit/storage';
import type { LmsCertificateVerify, LmsCertificateVerifyEvent } from '@lms-kit/elements';
import { browserOwnSigner } from '../src/certificates/signers.js';
import { textCourse } from '../../../test/helpers/courses.js';
import '@lms-kit/elements/all';

const learner = learnerFromActor({ mbox: 'ada@example.com', name: 'Ada Lovelace' });
const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

async function setup() {
  const course = { ...textCourse('verify-course', 1), certificate: { issuer: { name: 'Northwind Bakery' }, validity: { months: 12 } } };
  const storage = observeStorage(new MemoryAdapter());
  const progress = applyLessonResult(createProgress(course, learner.id, 'reg', new Date()), course, 'l1', { completed: true }, new Date());
  await storage.updateProgress({ learnerId: learner.id, courseId: course.id }, () => progress);
  // Signed with this page's own key, as the player on this page would.
  const record = (await issueCertificateIfDue({ course, learner, storage, signer: browserOwnSigner() })) as CertificateRecord;
  const provider = await fixture(
    html`<lms-provider learner-email="ada@example.com" .storage=${storage}
      ><lms-certificate-verify></lms-certificate-verify
    ></lms-provider>`,
  );
  await customElements.whenDefined('lms-certificate-verify');
  const verifier = provider.querySelector('lms-certificate-verify') as LmsCertificateVerify;
  await verifier.updateComplete;
  return { record, verifier, storage };
}

async function paste(verifier: LmsCertificateVerify, value: string) {
  const root = verifier.shadowRoot as ShadowRoot;
  (root.querySelector('textarea') as HTMLTextAreaElement).value = value;
  const checked = new Promise<LmsCertificateVerifyEvent>((resolve) =>
    verifier.addEventListener('lms-certificate-verify', resolve, { once: true }),
  );
  (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
  return (await checked).detail.result;
}

describe('<lms-certificate-verify>', () => {
  it('says a pasted certificate is valid, and that it is self-issued', async () => {
    const { record, verifier } = await setup();
    const result = await paste(verifier, JSON.stringify(record));
    expect(result.status).to.equal('valid');
    await verifier.updateComplete;
    expect(text(verifier)).to.contain('Valid');
    expect(text(verifier)).to.contain('Self-issued by a web browser');
    expect(text(verifier)).to.contain('Ada Lovelace');
    await expect(verifier).to.be.accessible();
  });

  it('says which field was tampered with, and never shows the tampered details as fact', async () => {
    const { record, verifier } = await setup();
    const result = await paste(verifier, JSON.stringify({ ...record, courseTitle: 'Master baker' }));
    expect(result).to.deep.include({ status: 'tampered', field: 'courseTitle' });
    await verifier.updateComplete;
    expect(text(verifier)).to.contain('Tampered');
    expect(text(verifier)).to.contain('“courseTitle” differs');
    expect(text(verifier)).to.not.contain('Master baker');
    await expect(verifier).to.be.accessible();
  });

  it('gives a clear message for malformed input and foreign JSON', async () => {
    const { verifier } = await setup();
    expect((await paste(verifier, '{ "oops": ')).status).to.equal('malformed');
    await verifier.updateComplete;
    expect(text(verifier)).to.contain('neither a certificate file');
    expect((await paste(verifier, '{"name": "A recipe", "steps": []}')).reason).to.equal('not-certificate');
    await verifier.updateComplete;
    expect(text(verifier)).to.contain('not an LMS Kit certificate');
    expect((await paste(verifier, '')).reason).to.equal('empty');
    await expect(verifier).to.be.accessible();
  });

  it('checks a chosen file, and the id from a verification link', async () => {
    const { record, verifier, storage } = await setup();
    const input = verifier.shadowRoot?.querySelector('input[type="file"]') as HTMLInputElement;
    const transfer = new DataTransfer();
    transfer.items.add(new File([record.jwt], 'certificate.jwt', { type: 'text/plain' }));
    input.files = transfer.files;
    const checked = new Promise<LmsCertificateVerifyEvent>((resolve) =>
      verifier.addEventListener('lms-certificate-verify', resolve, { once: true }),
    );
    input.dispatchEvent(new Event('change'));
    expect((await checked).detail.result.status).to.equal('valid');

    const linked = await fixture(
      html`<lms-provider learner-email="ada@example.com" .storage=${storage}
        ><lms-certificate-verify certificate-id=${record.id}></lms-certificate-verify
      ></lms-provider>`,
    );
    const fromLink = linked.querySelector('lms-certificate-verify') as LmsCertificateVerify;
    await waitUntil(() => text(fromLink).includes('Ada Lovelace'), 'verified from the id', { timeout: 8000 });
    expect(text(fromLink)).to.contain('Valid');
  });

  it('is usable with the keyboard alone', async () => {
    const { record, verifier } = await setup();
    const textarea = verifier.shadowRoot?.querySelector('textarea') as HTMLTextAreaElement;
    textarea.focus();
    await sendKeys({ type: record.id });
    const checked = new Promise<LmsCertificateVerifyEvent>((resolve) =>
      verifier.addEventListener('lms-certificate-verify', resolve, { once: true }),
    );
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect((await checked).detail.result.status).to.equal('valid');
  });
});
