import { expect } from '@open-wc/testing';
import { dueReminders } from '@lms-kit/core';

const now = new Date('2026-03-10T12:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString();

describe('dueReminders', () => {
  it('finds overdue, due-soon, idle courses and expiring or expired certificates, most urgent first', () => {
    const reminders = dueReminders(
      {
        enrollments: [
          { courseId: 'soon', title: 'Allergens', dueAt: days(3), completed: false },
          { courseId: 'late', dueAt: days(-1), completed: false },
          { courseId: 'done', dueAt: days(-5), completed: true },
          { courseId: 'far', dueAt: days(60), completed: false, lastActivityAt: days(-20) },
          { courseId: 'fresh', completed: false, lastActivityAt: days(-2) },
          { courseId: 'new', completed: false },
        ],
        certificates: [
          { id: 'c1', courseId: 'hygiene', expiresAt: days(10) },
          { id: 'c2', courseId: 'fire', expiresAt: days(-1) },
          { id: 'c3', courseId: 'knives', expiresAt: days(200) },
          { id: 'c4', courseId: 'old', expiresAt: days(-30), renewed: true },
        ],
      },
      now,
    );
    expect(reminders.map((r) => [r.kind, r.courseId])).to.deep.equal([
      ['overdue', 'late'],
      ['certificate-expired', 'fire'],
      ['due-soon', 'soon'],
      ['certificate-expiring', 'hygiene'],
      ['idle', 'far'],
    ]);
    expect(reminders[2]).to.deep.equal({
      key: `due-soon|soon|${days(3)}`,
      kind: 'due-soon',
      courseId: 'soon',
      at: days(3),
      title: 'Allergens',
    });
    expect(reminders[3].certificateId).to.equal('c1');
  });

  it('keeps the same key for the same reminder, a new one for a new due date, and honours the options', () => {
    const enrollment = { courseId: 'soon', dueAt: days(3), completed: false };
    const first = dueReminders({ enrollments: [enrollment] }, now);
    expect(dueReminders({ enrollments: [enrollment] }, new Date(now.getTime() + 3_600_000))[0].key).to.equal(first[0].key);
    expect(dueReminders({ enrollments: [{ ...enrollment, dueAt: days(5) }] }, now)[0].key).to.not.equal(first[0].key);
    expect(dueReminders({ enrollments: [enrollment] }, now, { dueSoonDays: 2 })).to.deep.equal([]);
    const idle = { courseId: 'far', completed: false, lastActivityAt: days(-20) };
    expect(dueReminders({ enrollments: [idle] }, now, { idleDays: 0 })).to.deep.equal([]);
    expect(dueReminders({ enrollments: [idle] }, now, { idleDays: 30 })).to.deep.equal([]);
    expect(dueReminders({ certificates: [{ id: 'c', courseId: 'x', expiresAt: days(40) }] }, now, { remindDays: 60 })[0].kind).to.equal(
      'certificate-expiring',
    );
  });
});
