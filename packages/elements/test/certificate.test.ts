import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { browserSigner, issueCertificateIfDue, latestCertificate, listCertificates, type CertificateRecord } from '@lms-kit/certificates';
import { applyLessonResult, createProgress, learnerFromActor, type Course } from '@lms-kit/core';
import { MemoryAdapter, observeStorage, type StorageAdapter } from '@lms-kit/storage';
import type { LmsCertificate, LmsCertificateIssueEvent, LmsCoursePlayer, LmsProgress } from '@lms-kit/elements';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { textCourse } from '../../../test/helpers/courses.js';
import { printToPdf } from '../../../test/helpers/commands.js';
import { outlineButton, waitForStatus } from './helpers.js';
import '@lms-kit/elements/all';
// <lms-progress> loads when its tag appears; these tests read it as soon as it is in the page.
import '@lms-kit/elements/define/lms-progress';

const learner = learnerFromActor({ mbox: 'ada@example.com', name: 'Ada Lovelace' });
const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const DAY = 86_400_000;

function certifiedCourse(id: string, extra: Partial<NonNullable<Course['certificate']>> = {}): Course {
  return {
    ...textCourse(id, 2),
    title: 'Food safety basics',
    certificate: {
      issuer: { name: 'Northwind Bakery', url: 'https://intranet.northwind-bakery.example' },
      validity: { months: 12 },
      verifyUrl: '/demo/verify.html',
      ...extra,
    },
  };
}

/** A store where Ada completed `course` at `at` and got its certificate (signed by this page's own key). */
async function certifiedAt(course: Course, at: Date): Promise<{ storage: StorageAdapter; record: CertificateRecord }> {
  // Observed, so that writes made here reach the elements as the provider's own would.
  const storage = observeStorage(new MemoryAdapter());
  let progress = createProgress(course, learner.id, 'reg', at);
  for (const lesson of course.modules[0].lessons) progress = applyLessonResult(progress, course, lesson.id, { completed: true }, at);
  await storage.updateProgress({ learnerId: learner.id, courseId: course.id }, () => progress);
  await storage.setValue(`lms-kit:course-outline:${course.id}`, course);
  const record = (await issueCertificateIfDue({ course, learner, storage, signer: browserSigner(), now: at })) as CertificateRecord;
  return { storage, record };
}

async function showCertificate(storage: StorageAdapter, attributes = html`<lms-certificate course="renewable"></lms-certificate>`) {
  const provider = await fixture(
    html`<lms-provider learner-email="ada@example.com" learner-name="Ada Lovelace" .storage=${storage}>${attributes}</lms-provider>`,
  );
  const element = provider.querySelector('lms-certificate') as LmsCertificate;
  await waitUntil(() => element.shadowRoot?.querySelector('[part="base"] > :not([aria-busy])'), 'certificate never loaded', {
    timeout: 8000,
  });
  await element.updateComplete;
  return { provider, element };
}

describe('<lms-certificate>', () => {
  it('is issued when the course is completed in the player, and shown on the same page', async () => {
    const storage = new MemoryAdapter();
    const course = certifiedCourse('issue-on-complete');
    const provider = await fixture(
      html`<lms-provider learner-email="ada@example.com" learner-name="Ada Lovelace" .storage=${storage}>
        <lms-course-player .course=${course}></lms-course-player>
        <lms-certificate course="issue-on-complete"></lms-certificate>
      </lms-provider>`,
    );
    const player = provider.querySelector('lms-course-player') as LmsCoursePlayer;
    const certificate = provider.querySelector('lms-certificate') as LmsCertificate;
    await waitUntil(() => text(certificate).includes('No certificate yet'), 'empty state', { timeout: 8000 });
    await waitForStatus(player, 'l1', 'completed');
    const issued = oneEvent(player, 'lms-certificate-issue') as Promise<LmsCertificateIssueEvent>;
    outlineButton(player, 'l2').click();
    const { detail } = await issued;
    expect(detail.certificate).to.include({
      learnerName: 'Ada Lovelace',
      courseId: 'issue-on-complete',
      courseTitle: 'Food safety basics',
    });
    expect(detail.certificate.verifyUrl).to.equal(new URL('/demo/verify.html', location.href).href);
    await waitUntil(() => text(certificate).includes('Ada Lovelace'), 'certificate shown', { timeout: 8000 });
    const root = certificate.shadowRoot as ShadowRoot;
    for (const part of ['base', 'certificate', 'title', 'learner', 'course', 'details', 'issuer', 'qr', 'actions'])
      expect(root.querySelector(`[part~="${part}"]`), part).to.not.equal(null);
    const qr = root.querySelector('[part="qr"] svg') as SVGElement;
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.getAttribute('aria-label')).to.contain('QR code');
    const link = root.querySelector('[part="qr"] a') as HTMLAnchorElement;
    expect(link.href).to.contain(`certificate=${encodeURIComponent(detail.certificate.id)}`);
    expect(text(certificate)).to.contain('Self-issued');
    await expect(certificate).to.be.accessible();
    expect(await listCertificates(storage, learner.id)).to.have.length(1);
  });

  it('warns before expiry, tells the host, and renews by reopening the course while keeping the old certificate', async () => {
    const course = certifiedCourse('renewable', { renewal: { reopen: 'course', remindDays: 30 } });
    const { storage, record } = await certifiedAt(course, new Date(Date.now() - 350 * DAY));
    const expiring = new Promise<CustomEvent['detail']>((resolve) =>
      document.addEventListener('lms-certificate-expiring', (event) => resolve(event.detail), { once: true }),
    );
    const { provider, element } = await showCertificate(
      storage,
      html`<lms-certificate course="renewable"></lms-certificate><lms-progress course="renewable"></lms-progress>`,
    );
    const detail = await expiring;
    expect(detail).to.include({ certificateId: record.id, courseId: 'renewable', expired: false });
    expect(detail.daysLeft).to.be.within(10, 16);
    expect(text(element)).to.match(/This certificate expires on .+ Renew it by then/);
    const progress = provider.querySelector('lms-progress') as LmsProgress;
    await waitUntil(
      () => text(progress.shadowRoot?.querySelector('lms-certificate-status') as Element).includes('Renew your certificate by'),
      'progress says renew by',
      {
        timeout: 8000,
      },
    );
    await expect(element).to.be.accessible();

    const renew = element.shadowRoot?.querySelector('[part~="notice"] button') as HTMLButtonElement;
    element.addEventListener('lms-certificate-renew', (event) => event.preventDefault(), { once: true });
    renew.click();
    await element.updateComplete;
    expect((await storage.getProgress({ learnerId: learner.id, courseId: 'renewable' }))?.completedAt).to.be.a('string');
    renew.click();
    await waitUntil(() => text(element).includes('Renewal started'), 'renewal notice', { timeout: 8000 });
    const reopened = await storage.getProgress({ learnerId: learner.id, courseId: 'renewable' });
    expect(reopened?.completedAt).to.equal(undefined);
    expect(reopened?.history?.[0].certificateId).to.equal(record.id);

    // Taking the course again issues a new certificate; the old one stays in the history.
    const player = document.createElement('lms-course-player');
    player.course = course;
    provider.append(player);
    await waitForStatus(player, 'l1', 'completed');
    outlineButton(player, 'l2').click();
    await waitUntil(async () => (await listCertificates(storage, learner.id, 'renewable')).length === 2, 'second certificate', {
      timeout: 8000,
    });
    const latest = await latestCertificate(storage, learner.id, 'renewable');
    expect(latest?.id).to.not.equal(record.id);
    await waitUntil(() => element.record?.id === latest?.id && !text(element).includes('Renewal started'), 'shows the new certificate', {
      timeout: 8000,
    });
  });

  it('shows expired, revoked and tampered certificates as such', async () => {
    const course = certifiedCourse('renewable', { validity: { months: 1 } });
    const { storage, record } = await certifiedAt(course, new Date(Date.now() - 40 * DAY));
    const { element } = await showCertificate(storage);
    expect(text(element)).to.contain('This certificate expired on');
    await storage.putRecord('certificates', { ...record, revoked: { at: new Date().toISOString() } });
    await waitUntil(() => text(element).includes('was revoked'), 'revoked');
    await storage.putRecord('certificates', { ...record, learnerName: 'Mallory' });
    await waitUntil(() => text(element).includes('failed verification'), 'tampered');
    expect(element.shadowRoot?.querySelector('[role="alert"]')?.textContent).to.contain('learnerName');
    await expect(element).to.be.accessible();
  });

  it('makes a PDF with the learner name as real text and in the metadata', async () => {
    const { storage } = await certifiedAt(certifiedCourse('renewable'), new Date());
    const { element } = await showCertificate(
      storage,
      html`<lms-certificate course="renewable" paper="letter"
        ><img slot="logo" src="/demo/logo.svg" alt="Northwind Bakery"
      /></lms-certificate>`,
    );
    const bytes = await element.pdf();
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).to.equal(1);
    expect(doc.getTitle()).to.contain('Ada Lovelace');
    expect(doc.getPage(0).getSize()).to.deep.equal({ width: 792, height: 612 });
    const { text: content } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
    expect(content).to.contain('Ada Lovelace');
    expect(content).to.contain('Food safety basics');
  });

  it('shows a server-signed certificate by id on a device that does not store it', async () => {
    const course = certifiedCourse('server-signed');
    const storage = observeStorage(new MemoryAdapter());
    let progress = createProgress(course, learner.id, 'reg', new Date());
    for (const lesson of course.modules[0].lessons)
      progress = applyLessonResult(progress, course, lesson.id, { completed: true }, new Date());
    await storage.updateProgress({ learnerId: learner.id, courseId: course.id }, () => progress);
    const { serverSigner } = await import('@lms-kit/certificates');
    const record = await issueCertificateIfDue({ course, learner, storage, signer: serverSigner({ endpoint: '/__certificate-server' }) });
    const provider = await fixture(
      html`<lms-provider learner-email="someone@example.com" certificate-signer="/__certificate-server" .storage=${new MemoryAdapter()}>
        <lms-certificate certificate-id=${record?.id ?? ''}></lms-certificate>
      </lms-provider>`,
    );
    const element = provider.querySelector('lms-certificate') as LmsCertificate;
    await waitUntil(() => text(element).includes('Ada Lovelace'), 'certificate fetched from the server', { timeout: 8000 });
    expect(text(element)).to.not.contain('Self-issued');
    expect(text(element)).to.not.contain('could not be confirmed');
    await expect(element).to.be.accessible();
  });

  it('prints on exactly one landscape page, from the sidebar of a long page', async () => {
    const a4 = await printToPdf('/test/pages/certificate-print.html?paper=a4&isolate=1', 'window.ready === true');
    expect(a4).to.deep.equal({ pages: 1, width: 842, height: 595 });
    const letter = await printToPdf('/test/pages/certificate-print.html?paper=letter&isolate=1', 'window.ready === true');
    expect(letter).to.deep.equal({ pages: 1, width: 792, height: 612 });
  });
});
