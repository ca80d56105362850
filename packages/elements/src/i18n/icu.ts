import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageParams } from './localize.js';

/** First-strong isolate … pop directional isolate: the value is laid out on its own, in its own direction. */
const FSI = '\u2068';
const PDI = '\u2069';
const RTL_CHARACTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/** ICU parse of one message; `ignoreTag`, since messages are text, not markup. Throws on a syntax error. */
export function parseMessage(message: string): MessageFormatElement[] {
  return parse(message, { ignoreTag: true });
}

/** Names of the `{name}` arguments anywhere in a message (not those of plural/select/number ones). */
function plainArguments(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) names.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select)
      Object.values(element.options).forEach((option) => plainArguments(option.value, names));
  }
  return names;
}

interface Compiled {
  format: IntlMessageFormat;
  plain: Set<string>;
}

export interface IcuRuntime {
  format(
    catalog: string,
    id: string,
    message: string | MessageFormatElement[],
    uiLocale: string,
    params: MessageParams,
    rtl: boolean,
  ): string;
  forget(catalog: string): void;
}

/** Compiles each message once per locale (intl-messageformat) and formats it. */
export function createIcuRuntime(): IcuRuntime {
  const cache = new Map<string, Map<string, Compiled>>();
  const compile = (catalog: string, id: string, message: string | MessageFormatElement[]): Compiled => {
    let byId = cache.get(catalog);
    if (!byId) cache.set(catalog, (byId = new Map()));
    let compiled = byId.get(id);
    if (!compiled) {
      const ast = typeof message === 'string' ? parseMessage(message) : message;
      compiled = { format: new IntlMessageFormat(ast, catalog, undefined, { ignoreTag: true }), plain: plainArguments(ast) };
      byId.set(id, compiled);
    }
    return compiled;
  };
  return {
    format(catalog, id, message, _uiLocale, params, rtl) {
      let compiled: Compiled;
      try {
        compiled = compile(catalog, id, message);
      } catch {
        // A broken message (a page's own catalog): its id says what is missing, the element still works.
        return id;
      }
      const values: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(params)) {
        if (!compiled.plain.has(name)) {
          values[name] = value;
          continue;
        }
        // Plain numbers in the locale's digits and separators (intl-messageformat leaves them as String(n)).
        const text = typeof value === 'number' ? new Intl.NumberFormat(catalog).format(value) : value;
        values[name] = rtl || RTL_CHARACTER.test(text) ? `${FSI}${text}${PDI}` : text;
      }
      return String(compiled.format.format(values));
    },
    forget(catalog) {
      cache.delete(catalog);
    },
  };
}
