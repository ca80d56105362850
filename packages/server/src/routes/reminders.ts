/** Runs the reminder job now for the caller's tenant (admins); the scheduled run does the same for every tenant. */
import { assertAdmin } from '../access.js';
import { route } from '../api.js';
import { runReminders } from '../reminders.js';

export const reminderRoutes = [
  route({
    method: 'post',
    path: '/v1/reminders/run',
    tag: 'engagement',
    summary:
      'Claims the reminders due in the tenant (due dates, expiring certificates) and posts each, once, to the tenant’s `reminders.webhook`; answers `{ claimed, sent, failed }`.',
    async handler({ db, who }) {
      assertAdmin(who);
      return runReminders(db, who.tenant);
    },
  }),
];
