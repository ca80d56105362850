import { LmsError, isLmsError } from '@lms-kit/core';

interface NamedError {
  name?: string;
  message?: string;
  inner?: NamedError;
}

function names(error: unknown): string[] {
  const found: string[] = [];
  let current = error as NamedError | undefined;
  while (current && found.length < 5) {
    if (current.name) found.push(current.name);
    current = current.inner ?? (current as { cause?: NamedError }).cause;
  }
  return found;
}

/** Turns Dexie, IndexedDB and DOMException failures into `LmsError`s with a `storage/…` code. */
export function toStorageError(error: unknown, action: string): LmsError {
  if (isLmsError(error)) return error;
  const all = names(error);
  const has = (...candidates: string[]) => candidates.some((name) => all.includes(name));
  const detail = (error as NamedError)?.message ?? String(error);
  if (has('QuotaExceededError')) {
    return new LmsError(
      'storage/quota-exceeded',
      `Browser storage is full: could not ${action}. Free some space or allow this site to store more.`,
      { cause: error },
    );
  }
  if (has('MissingAPIError', 'SecurityError', 'InvalidStateError') && !has('DatabaseClosedError')) {
    return new LmsError(
      'storage/unavailable',
      `This browser does not allow this page to keep data (private mode or blocked storage): could not ${action}.`,
      { cause: error },
    );
  }
  if (has('VersionError')) {
    return new LmsError(
      'storage/upgrade-blocked',
      `The stored learning data was written by a newer version of this site; reload the page to update. (${detail})`,
      { cause: error },
    );
  }
  if (has('DatabaseClosedError')) return new LmsError('storage/closed', `Storage was closed: could not ${action}.`, { cause: error });
  if (has('DataCloneError', 'DataError', 'ConstraintError')) {
    return new LmsError('storage/invalid-record', `Could not ${action}: the record cannot be stored (${detail}).`, { cause: error });
  }
  return new LmsError('storage/failed', `Could not ${action}: ${detail}`, { cause: error });
}
