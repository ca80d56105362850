import type { OfflineChange, OfflineCourse } from '@lms-kit/runtime/offline';

export type { OfflineCourse, OfflineChange };

/**
 * The courses kept offline on this device, with their sizes, for lists such as "my learning". Its code
 * loads on the first call. Refresh it on `lms-offline-change` (this page) or with `onOfflineCoursesChange`
 * (any tab).
 */
export async function listOfflineCourses(): Promise<OfflineCourse[]> {
  const { OfflineCourseStore } = await import('@lms-kit/runtime/offline');
  return new OfflineCourseStore().list();
}

/** Deletes a course's offline copy (as its player's "Remove offline copy" does). */
export async function removeOfflineCourse(courseUrl: string): Promise<void> {
  const { OfflineCourseStore } = await import('@lms-kit/runtime/offline');
  await new OfflineCourseStore().remove(courseUrl);
}

/** Calls `listener` when any tab saves, updates or removes an offline copy; resolves to the unsubscribe function. */
export async function onOfflineCoursesChange(listener: (change: OfflineChange) => void): Promise<() => void> {
  return (await import('@lms-kit/runtime/offline')).onOfflineChange(listener);
}
