import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { parseMessage } from './icu.js';
import type { MessageId, Messages } from './messages-en.js';

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'àƀçđéƒĝĥîĵķļɱñöƥǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖƤǪŔŠŢÛṼŴẊÝŽ';
const accent = (text: string) => text.replace(/[a-zA-Z]/g, (letter) => ACCENTED[PLAIN.indexOf(letter)]);

/** Visible length of a message: its literal text (of the longest option of a plural or select). */
function visibleLength(elements: MessageFormatElement[]): number {
  return elements.reduce((length, element) => {
    if (element.type === TYPE.literal) return length + element.value.length;
    if (element.type === TYPE.plural || element.type === TYPE.select)
      return length + Math.max(...Object.values(element.options).map((option) => visibleLength(option.value)));
    return length + 4;
  }, 0);
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: accent(element.value) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(element.options).map(([key, option]) => [key, { ...option, value: transform(option.value) }]),
      );
      return { ...element, options } as MessageFormatElement;
    }
    return element;
  });
}

/** `Next` → `[Ñéẋţ ƥšé]`: accented, about 40 % longer, bracketed, with placeholders and plurals intact. */
export function pseudoMessage(message: string): string {
  const ast = parseMessage(message);
  const padding = ' ƥšéûđö ļöñĝéŕ ţéẋţ ƥàđđîñĝ ƥšéûđö ļöñĝéŕ ţéẋţ ƥàđđîñĝ'.slice(0, Math.ceil(visibleLength(ast) * 0.4) + 1);
  const literal = (value: string): MessageFormatElement => ({ type: TYPE.literal, value });
  return printAST([literal('['), ...transform(ast), literal(`${padding.trimEnd()}]`)]);
}

export function pseudoMessages(english: Messages): Messages {
  return Object.fromEntries(Object.entries(english).map(([id, message]) => [id as MessageId, pseudoMessage(message)]));
}
