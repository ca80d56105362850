/**
 * Answers being typed, written synchronously to localStorage at each keystroke: an IndexedDB write
 * started as the page goes away (reload, close, crash) may never commit, so what the learner typed
 * is kept here until the attempt in storage has it, and given again when the attempt is resumed.
 */
export interface DraftEntry {
  value: unknown;
  at: string;
}

type Drafts = Record<string, Record<string, DraftEntry>>;

const KEY = 'lms-kit:quiz-drafts';

function read(): Drafts {
  try {
    const drafts: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return drafts && typeof drafts === 'object' ? (drafts as Drafts) : {};
  } catch {
    return {};
  }
}

function write(drafts: Drafts): void {
  try {
    if (Object.keys(drafts).length) localStorage.setItem(KEY, JSON.stringify(drafts));
    else localStorage.removeItem(KEY);
  } catch {
    // localStorage full or blocked: the draft is still saved to storage after the typing pause.
  }
}

export function journalDraft(attemptId: string, questionId: string, value: unknown, at: string): void {
  const drafts = read();
  write({ ...drafts, [attemptId]: { ...drafts[attemptId], [questionId]: { value, at } } });
}

/** The drafts of an attempt not yet in storage. */
export function journaledDrafts(attemptId: string): Record<string, DraftEntry> {
  return read()[attemptId] ?? {};
}

/** Forgets the drafts storage now has (`stored` gives the stored value of each answer). */
export function forgetDrafts(attemptId: string, stored: (questionId: string) => unknown): void {
  const drafts = read();
  const entries = Object.entries(drafts[attemptId] ?? {});
  if (!entries.length) return;
  const left = Object.fromEntries(entries.filter(([id, entry]) => JSON.stringify(stored(id)) !== JSON.stringify(entry.value)));
  const { [attemptId]: _all, ...rest } = drafts;
  write(Object.keys(left).length ? { ...rest, [attemptId]: left } : rest);
}
