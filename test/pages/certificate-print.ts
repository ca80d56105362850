/**
 * A long intranet page with a certificate in its narrow sidebar, for the print test:
 * `certificate-print.html?paper=a4|letter&isolate=1`. Sets `window.ready` once the certificate is
 * shown (and, with `isolate`, prepared for printing as its Print button does).
 */
import '../../packages/elements/src/all.js';
import type { LmsCertificate } from '@lms-kit/elements';
import { browserSigner, issueCertificateIfDue } from '@lms-kit/certificates';
import { applyLessonResult, createProgress, learnerFromActor } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import { textCourse } from '../helpers/courses.js';

const params = new URLSearchParams(location.search);
const article = document.getElementById('article') as HTMLElement;
for (let i = 0; i < 40; i++) {
  const p = document.createElement('p');
  p.textContent = `Paragraph ${i + 1}: everyone who works in the kitchen takes the food safety course in their first week. `.repeat(4);
  article.append(p);
}

const learner = learnerFromActor({ mbox: 'jamie@example.com', name: 'Jamie Rivera' });
const course = {
  ...textCourse('print-course', 2),
  title: 'Food safety basics for bakery and counter staff',
  certificate: {
    issuer: { name: 'Northwind Bakery', url: 'https://intranet.northwind-bakery.example' },
    validity: { months: 12 },
    verifyUrl: 'https://intranet.northwind-bakery.example/training/verify',
  },
};
const storage = new MemoryAdapter();
const at = new Date();
let progress = createProgress(course, learner.id, 'reg', at);
for (const id of ['l1', 'l2']) progress = applyLessonResult(progress, course, id, { completed: true }, at);
await storage.updateProgress({ learnerId: learner.id, courseId: course.id }, () => progress);
await issueCertificateIfDue({ course, learner, storage, signer: browserSigner({ databaseName: `print-keys-${Date.now()}` }) });

const provider = document.createElement('lms-provider');
provider.setAttribute('learner-email', 'jamie@example.com');
provider.setAttribute('learner-name', 'Jamie Rivera');
Object.assign(provider, { storage });
const certificate = document.createElement('lms-certificate') as LmsCertificate;
certificate.setAttribute('course', course.id);
certificate.setAttribute('paper', params.get('paper') ?? 'a4');
provider.append(certificate);
(document.getElementById('aside') as HTMLElement).append(provider);

await customElements.whenDefined('lms-certificate');
while (!certificate.record) await new Promise((resolve) => setTimeout(resolve, 20));
await certificate.updateComplete;
if (params.has('isolate')) certificate.preparePrint();
Object.assign(window, { ready: true });
