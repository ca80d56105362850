import { browserSigner, issueCertificateIfDue, verifyCertificate, type CertificateRecord } from '@lms-kit/certificates';
import { certificatePdf } from '@lms-kit/certificates/pdf';
import { applyLessonResult, createProgress, learnerFromActor, type Course } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import { medianMs, type BenchResult } from './support.js';

const learner = learnerFromActor({ mbox: 'bench@example.com', name: 'Jamie Rivera' });
const course: Course = {
  schema: 1,
  id: 'bench-certified',
  title: 'Food safety basics',
  certificate: { issuer: { name: 'Northwind Bakery' }, validity: { months: 12 }, verifyUrl: 'https://example.com/verify' },
  modules: [{ id: 'm', title: 'M', lessons: [{ id: 'l', kind: 'text', title: 'L', html: '<p>x</p>' }] }],
};

async function completedStore(): Promise<MemoryAdapter> {
  const storage = new MemoryAdapter();
  const progress = applyLessonResult(createProgress(course, learner.id, 'reg', new Date()), course, 'l', { completed: true }, new Date());
  await storage.updateProgress({ learnerId: learner.id, courseId: course.id }, () => progress);
  return storage;
}

/** What a learner waits for: issuing (ES256 signing with the browser key), verifying, and making the PDF. */
export default async function (): Promise<BenchResult[]> {
  const signer = browserSigner({ databaseName: `bench-keys-${Date.now()}` });
  await signer.issuerId(); // the key is made once per browser, not per certificate
  let record: CertificateRecord | undefined;
  const issue = await medianMs(async () => {
    record = await issueCertificateIfDue({ course, learner, storage: await completedStore(), signer });
  }, 25);
  const verify = await medianMs(() => verifyCertificate((record as CertificateRecord).jwt, { signers: [signer] }), 25);
  const text = {
    title: 'Certificate of completion',
    preamble: 'This certifies that',
    learnerName: 'Jamie Rivera',
    statement: 'has completed the course',
    courseTitle: 'Food safety basics',
    details: ['Issued on 2 Mar 2026', 'Valid until 2 Mar 2027'],
    issuerName: 'Northwind Bakery',
    verifyUrl: 'https://example.com/verify?certificate=urn%3Auuid%3A0',
    idLine: 'Certificate urn:uuid:0',
  };
  let bytes: Uint8Array = new Uint8Array();
  const pdf = await medianMs(
    async () => {
      bytes = await certificatePdf(text);
    },
    9,
    2,
  );
  return [
    { name: 'certificate: issue (claim, ES256 sign, store)', value: issue, unit: 'ms', note: 'median of 25, browser key' },
    { name: 'certificate: verify a VC-JWT', value: verify, unit: 'ms', note: 'median of 25' },
    { name: 'certificate: PDF (pdf-lib, subset fonts)', value: pdf, unit: 'ms', note: 'median of 9, modules loaded' },
    { name: 'certificate: PDF size', value: Math.round(bytes.length / 1024), unit: 'KiB' },
  ];
}
