import type { Course, LockReason } from '@lms-kit/core';
import type { Translate } from '../../i18n/localize.js';

/** The sentence that tells a learner why a lesson is locked and what opens it. */
export function describeLockReasons(course: Course, reasons: LockReason[], t: Translate): string {
  const title = (id: string) =>
    course.modules.find((m) => m.id === id)?.title ?? course.modules.flatMap((m) => m.lessons).find((l) => l.id === id)?.title ?? id;
  return reasons
    .map((reason) => {
      switch (reason.type) {
        case 'prerequisites':
          return t('lock.prerequisites', { titles: reason.missing.map((id) => `“${title(id)}”`).join(', ') });
        case 'sequence':
          return t('lock.sequence', { title: title(reason.previousId) });
        case 'points':
          return t('lock.points', { required: reason.required, current: reason.current });
        case 'remedial':
          return t('lock.remedial', { title: title(reason.assessmentId) });
        case 'sequencing':
          // Its sentences come with the SCORM code that computes it.
          return t(`lock.sequencing.${reason.hold}`);
      }
    })
    .join(' ');
}
