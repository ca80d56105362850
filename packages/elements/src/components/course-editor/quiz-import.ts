import type { Question, Quiz } from '@lms-kit/core/quiz';

export type ImportFormat = 'gift' | 'aiken' | 'moodle';

/**
 * Questions from GIFT, Aiken or Moodle XML text (the core importers, loaded with the first import),
 * renamed where their ids are taken in `quiz`. Bad text throws `quiz/import-invalid`.
 */
export async function importQuestions(format: ImportFormat, text: string, quiz: Quiz): Promise<Question[]> {
  const { parseGift, parseAiken, parseMoodleXml } = await import('@lms-kit/core/quiz');
  const parsed = format === 'gift' ? parseGift(text) : format === 'aiken' ? parseAiken(text) : parseMoodleXml(text);
  const imported = [...(parsed.questions ?? []), ...(parsed.banks ?? []).flatMap((bank) => bank.questions)];
  const taken = new Set([...(quiz.questions ?? []), ...(quiz.banks ?? []).flatMap((bank) => bank.questions)].map((q) => q.id));
  return imported.map((question) => {
    let id = question.id;
    for (let n = 2; taken.has(id); n++) id = `${question.id}-${n}`;
    taken.add(id);
    return { ...question, id };
  });
}
