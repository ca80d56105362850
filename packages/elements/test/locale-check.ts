import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { parseMessage } from '../src/i18n/icu.js';
import type { Messages } from '../src/i18n/messages-en.js';

/** Every argument name of a message, and each plural's option keys. */
function shape(elements: MessageFormatElement[], names = new Set<string>(), plurals: string[][] = []) {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time)
      names.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      names.add(element.value);
      if (element.type === TYPE.plural) plurals.push(Object.keys(element.options));
      Object.values(element.options).forEach((option) => shape(option.value, names, plurals));
    }
  }
  return { names, plurals };
}

/**
 * What is wrong with a locale's catalog against English: missing and unknown ids, ICU syntax errors,
 * placeholders lost or invented, plural categories the language does not have or lacks.
 */
export function catalogProblems(locale: string, messages: Messages, english: Messages): string[] {
  const problems: string[] = [];
  const ids = Object.keys(messages) as (keyof Messages)[];
  for (const id of Object.keys(english) as (keyof Messages)[]) if (!(id in messages)) problems.push(`${locale}: missing ${id}`);
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  for (const id of ids) {
    const reference = english[id];
    if (reference === undefined) {
      problems.push(`${locale}: unknown id ${id}`);
      continue;
    }
    let found, expected;
    try {
      found = shape(parseMessage(messages[id]!));
      expected = shape(parseMessage(reference));
    } catch (error) {
      problems.push(`${locale}: ${id} is not valid ICU (${(error as Error).message})`);
      continue;
    }
    const missing = [...expected.names].filter((name) => !found.names.has(name));
    const invented = [...found.names].filter((name) => !expected.names.has(name));
    if (missing.length) problems.push(`${locale}: ${id} lacks {${missing.join('}, {')}}`);
    if (invented.length) problems.push(`${locale}: ${id} has unknown {${invented.join('}, {')}}`);
    for (const keys of found.plurals) {
      const named = keys.filter((key) => !key.startsWith('='));
      const foreign = named.filter((key) => !categories.includes(key));
      const lacking = categories.filter((category) => !named.includes(category));
      if (foreign.length) problems.push(`${locale}: ${id} has plural categories ${foreign.join(', ')} that ${locale} does not use`);
      if (lacking.length) problems.push(`${locale}: ${id} lacks plural categories ${lacking.join(', ')}`);
    }
  }
  return problems;
}
