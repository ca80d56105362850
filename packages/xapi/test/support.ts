import { buildStatement, uuid, Verbs, type Statement } from '@lms-kit/core';

/** `count` valid statements of one registration, so a test finds exactly its own in the shared LRS. */
export function statements(count: number, registration = uuid()): Statement[] {
  return Array.from({ length: count }, (_, index) =>
    buildStatement({
      actor: { objectType: 'Agent', mbox: 'mailto:sync-test@example.com', name: 'Sync test' },
      verb: Verbs.experienced,
      object: { objectType: 'Activity', id: `https://lms-kit.test/activities/${index}` },
      context: { registration },
    }),
  );
}

export async function until(condition: () => boolean | Promise<boolean>, message: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
