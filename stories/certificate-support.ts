import { issueCertificateIfDue, type CertificateRecord } from '@lms-kit/certificates';
import { applyLessonResult, createProgress, learnerFromActor, type Course } from '@lms-kit/core';
import { MemoryAdapter, observeStorage, type StorageAdapter } from '@lms-kit/storage';
import { browserOwnSigner } from '../packages/elements/src/certificates/signers.js';
import { LEARNER_EMAIL, absoluteCourse, loadDemoCourse } from './support.js';

const DAY = 86_400_000;
const learner = learnerFromActor({ mbox: LEARNER_EMAIL, name: 'Jamie Rivera' });

/** The demo course completed `daysAgo` days ago, its certificate signed by this browser's key. */
export async function certifiedStorage(
  daysAgo: number,
  change?: (course: Course) => Course,
): Promise<{ storage: StorageAdapter; record: CertificateRecord }> {
  const demo = absoluteCourse(await loadDemoCourse());
  const course = change ? change(demo) : demo;
  const storage = observeStorage(new MemoryAdapter());
  const at = new Date(Date.now() - daysAgo * DAY);
  let progress = createProgress(course, learner.id, '4a8f7c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b', at);
  for (const lesson of course.modules.flatMap((module) => module.lessons))
    if (!lesson.remedialFor) progress = applyLessonResult(progress, course, lesson.id, { completed: true, passed: true }, at);
  await storage.updateProgress({ learnerId: learner.id, courseId: course.id }, () => progress);
  await storage.setValue(`lms-kit:course-outline:${course.id}`, course);
  const baseUrl = new URL('/demo/course/', location.href).href;
  const record = (await issueCertificateIfDue({
    course,
    baseUrl,
    learner,
    storage,
    signer: browserOwnSigner(),
    now: at,
  })) as CertificateRecord;
  return { storage, record };
}
