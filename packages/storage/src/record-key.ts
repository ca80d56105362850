import { LmsError } from '@lms-kit/core';
import type { LessonStateKey, ProgressKey } from './adapter.js';

/**
 * Refuses a record whose own ids differ from the key it is written under: one learner's or one
 * course's data must never land in another's record (IndexedDB would even file it under the
 * record's ids, overwriting that other record).
 */
export function checkRecordKey<R extends Partial<LessonStateKey>>(key: ProgressKey | LessonStateKey, record: R): R {
  const mismatch = (Object.keys(key) as Array<keyof LessonStateKey>).find(
    (field) => (record as Partial<LessonStateKey> | undefined)?.[field] !== (key as LessonStateKey)[field],
  );
  if (mismatch)
    throw new LmsError(
      'storage/invalid-record',
      `Refused to store a record whose ${mismatch} (${String(record?.[mismatch])}) differs from the key it is stored under (${(key as LessonStateKey)[mismatch]}).`,
    );
  return record;
}
