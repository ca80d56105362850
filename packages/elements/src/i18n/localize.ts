import { en, type MessageId, type Messages } from './messages-en.js';

export type MessageParams = Record<string, string | number>;
export type Translate = (id: MessageId, params?: MessageParams) => string;

const catalogs = new Map<string, Messages>([['en', { ...en }]]);
const listeners = new Set<() => void>();

/** Adds or extends the messages of a locale (e.g. `fr`, `pt-BR`); elements already on the page re-render. */
export function registerMessages(locale: string, messages: Messages): void {
  catalogs.set(locale, { ...catalogs.get(locale), ...messages });
  listeners.forEach((listener) => listener());
}

/** For elements: re-render when messages are registered later than the element rendered. */
export function onMessagesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `pt-BR` → `pt-BR`, `pt`, then English. */
function lookup(locale: string, id: MessageId): string {
  for (let tag = locale; tag; tag = tag.includes('-') ? tag.slice(0, tag.lastIndexOf('-')) : '') {
    const message = catalogs.get(tag)?.[id];
    if (message !== undefined) return message;
  }
  return catalogs.get('en')?.[id] ?? id;
}

/** Formats one message; supports `{name}` and `{n, plural, one {…} other {…}}` with `#` for the number. */
export function translate(locale: string, id: MessageId, params: MessageParams = {}): string {
  return format(lookup(locale, id), locale, params);
}

function format(message: string, locale: string, params: MessageParams): string {
  return message.replace(/\{(\w+), plural,((?:[^{}]|\{[^{}]*\})*)\}|\{(\w+)\}/g, (match, pluralName, cases, name) => {
    if (name) return name in params ? String(params[name]) : match;
    const value = Number(params[pluralName]);
    const category = new Intl.PluralRules(locale).select(value);
    const options = Object.fromEntries([...String(cases).matchAll(/(=?\w+)\s*\{([^{}]*)\}/g)].map((m) => [m[1], m[2]]));
    const chosen = options[`=${value}`] ?? options[category] ?? options.other ?? '';
    return chosen.replace(/#/g, new Intl.NumberFormat(locale).format(value));
  });
}

export function createTranslator(locale: string): Translate {
  return (id, params) => translate(locale, id, params);
}

/** Right-to-left for Arabic, Hebrew, Persian, Urdu and the other RTL scripts. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  const language = locale.split('-')[0].toLowerCase();
  return ['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb'].includes(language) ? 'rtl' : 'ltr';
}

export function formatPercent(locale: string, percent: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/** "1 h 5 min", "12 min", "40 s" in the locale's words, without Intl.DurationFormat (not everywhere yet). */
export function formatDuration(locale: string, ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (hours > 0) return `${unit(hours, 'hour')} ${unit(minutes, 'minute')}`;
  if (minutes > 0) return unit(minutes, 'minute');
  return unit(totalSeconds, 'second');
}

export function formatDate(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}
