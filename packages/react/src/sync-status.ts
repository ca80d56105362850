import { createComponent } from '@lit/react';
import * as React from 'react';
import { LmsSyncStatus as LmsSyncStatusElement } from '@lms-kit/elements';
import '@lms-kit/elements/define/lms-sync-status';

/** `<lms-sync-status>`: How the learner's records are syncing to the LRS. */
export const LmsSyncStatus = createComponent({
  tagName: 'lms-sync-status',
  elementClass: LmsSyncStatusElement,
  react: React,
  events: {},
});
