/** English strings of the sync status; they load with the LRS sync, not with the page. */
export const syncMessages = {
  'sync.waiting': '{count, plural, one {# record waiting to sync} other {# records waiting to sync}}',
  'sync.sending': 'Syncing {count, plural, one {# record} other {# records}}…',
  'sync.synced': 'All records synced',
  'sync.retrying': 'Could not reach the learning record store; trying again at {time}.',
  'sync.stopped': 'Syncing is paused: {message}',
  'sync.deadLetters':
    '{count, plural, one {# record was refused by the learning record store} other {# records were refused by the learning record store}}',
  'sync.retry': 'Try again',
} as const;
