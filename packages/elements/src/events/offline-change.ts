export interface OfflineChangeDetail {
  /** URL of the course document (or package) the copy is of. */
  courseUrl: string;
  /** `saved`: a copy (or a newer version of it) is ready; `removed`: it is gone; `pending`: a download stopped half-way. */
  change: 'saved' | 'removed' | 'pending';
}

/**
 * A course's offline copy was saved, updated to a new version, removed or left half-way. Dispatched by
 * `<lms-course-player offline>`; lists of offline courses (`listOfflineCourses()`) refresh on it.
 */
export class LmsOfflineChangeEvent extends Event {
  static readonly type = 'lms-offline-change';
  constructor(readonly detail: OfflineChangeDetail) {
    super(LmsOfflineChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-offline-change': LmsOfflineChangeEvent;
  }
}
