import type { SyncStatus } from '@lms-kit/xapi';

export type SyncChangeDetail = SyncStatus;

/**
 * What the LRS sync is doing changed: statements waiting, an LRS unreachable or refusing the
 * credentials, a statement put in the dead letters. Dispatched by `<lms-provider>` when it has `lrs`.
 */
export class LmsSyncChangeEvent extends Event {
  static readonly type = 'lms-sync-change';
  constructor(readonly detail: SyncChangeDetail) {
    super(LmsSyncChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lms-sync-change': LmsSyncChangeEvent;
  }
}
