import type { MessageId, Messages } from './messages-en.js';
import { LOCALE_LOADERS, PSEUDO_LOCALE, isBuiltInLocale } from './locales.js';
import type { IcuRuntime } from './icu.js';
import type * as PseudoModule from './pseudo.js';

export type MessageParams = Record<string, string | number>;
export type Translate = (id: MessageId, params?: MessageParams) => string;
export { textDirection } from './direction.js';
import { textDirection } from './direction.js';

/**
 * Messages by locale. Built-in locales arrive as lazily loaded chunks (see locales.ts); chunks of
 * elements register their English strings when they load; pages add or extend any locale with
 * `registerMessages`. Formatting is ICU MessageFormat by intl-messageformat, itself loaded on first use.
 */
const catalogs = new Map<string, Messages>();
const loading = new Map<string, Promise<void>>();
const loaded = new Set<string>();
const listeners = new Set<() => void>();
let runtime: IcuRuntime | undefined;
let runtimeLoading: Promise<void> | undefined;
let pseudo: typeof PseudoModule | undefined;

const changed = () => listeners.forEach((listener) => listener());

/** Adds or extends the messages of a locale (e.g. `fr`, `pt-BR`); elements already on the page re-render. */
export function registerMessages(locale: string, messages: Messages): void {
  if (!catalogs.has(locale)) resolved.clear();
  catalogs.set(locale, { ...catalogs.get(locale), ...messages });
  runtime?.forget(locale);
  // The pseudo-locale follows English, including the strings of chunks loaded after it.
  if (locale === 'en' && pseudo) registerMessages(PSEUDO_LOCALE, pseudo.pseudoMessages(messages));
  else changed();
}

/** For elements: re-render when messages arrive, or when the page's `lang` changes. */
export function onMessagesChange(listener: () => void): () => void {
  listeners.add(listener);
  watchDocumentLang();
  return () => listeners.delete(listener);
}

let langObserver: MutationObserver | undefined;
function watchDocumentLang(): void {
  if (langObserver || typeof MutationObserver === 'undefined') return;
  langObserver = new MutationObserver(changed);
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** Every locale with messages: the built-in ones and those a page registered. */
export function availableLocales(): string[] {
  return [...new Set([...Object.keys(LOCALE_LOADERS), PSEUDO_LOCALE, ...catalogs.keys()])];
}

/** `zh-TW` → `zh-Hant`, `pt` → `pt-Latn`: a locale of the same language and script reads right to its user. */
const scripts = new Map<string, string>();
function languageAndScript(tag: string): string {
  let known = scripts.get(tag);
  if (known === undefined) scripts.set(tag, (known = computeLanguageAndScript(tag)));
  return known;
}
function computeLanguageAndScript(tag: string): string {
  try {
    const locale = new Intl.Locale(tag).maximize();
    return `${locale.language}-${locale.script ?? ''}`;
  } catch {
    return tag.split('-')[0].toLowerCase();
  }
}

/**
 * The first of `candidates` (BCP 47 tags, best first) that has messages: an exact match, else a
 * locale of the same language and script (`fr-CA` → `fr`, `pt` → `pt-BR`, `zh-Hans-SG` → `zh-CN`,
 * not `zh-TW`); English otherwise.
 */
export function resolveLocale(candidates: readonly (string | null | undefined)[]): string {
  const key = candidates.join('|');
  let locale = resolved.get(key);
  if (locale === undefined) resolved.set(key, (locale = negotiate(candidates)));
  return locale;
}
/** Answers of resolveLocale: it runs for every string an element renders. Cleared when a locale is registered. */
const resolved = new Map<string, string>();

function negotiate(candidates: readonly (string | null | undefined)[]): string {
  const available = availableLocales().filter((tag) => tag !== PSEUDO_LOCALE);
  const byLower = new Map([...available, PSEUDO_LOCALE].map((tag) => [tag.toLowerCase(), tag]));
  for (const candidate of candidates) {
    if (!candidate) continue;
    let tag: string;
    try {
      tag = Intl.getCanonicalLocales(candidate)[0];
    } catch {
      continue;
    }
    const exact = byLower.get(tag.toLowerCase());
    if (exact) return exact;
    const wanted = languageAndScript(tag);
    const sameLanguage = available.find((known) => languageAndScript(known) === wanted);
    if (sameLanguage) return sameLanguage;
  }
  return 'en';
}

/** Loads the ICU runtime and a locale's messages (a no-op once done); elements re-render when it resolves. */
export function loadLocale(locale: string): Promise<void> {
  const runtimeReady = (runtimeLoading ??= import('./icu.js').then((module) => {
    runtime = module.createIcuRuntime();
  }));
  let ready = loading.get(locale);
  if (!ready) {
    const loader = LOCALE_LOADERS[locale];
    const messages =
      locale === PSEUDO_LOCALE
        ? Promise.all([import('./pseudo.js'), loadLocale('en')]).then(([module]) => {
            pseudo = module;
            return module.pseudoMessages(catalogs.get('en') ?? {});
          })
        : loader
          ? loader()
          : Promise.resolve(undefined);
    ready = Promise.all([runtimeReady, messages]).then(([, builtIn]) => {
      // Strings registered before the chunk arrived (a page's overrides) win over the built-in ones.
      if (builtIn) catalogs.set(locale, { ...builtIn, ...catalogs.get(locale) });
      runtime?.forget(locale);
      loaded.add(locale);
      changed();
    });
    ready.catch(() => loading.delete(locale));
    loading.set(locale, ready);
  }
  return ready;
}

/** True once `loadLocale(locale)` has finished: `translate` then returns text without waiting. */
export function isLocaleReady(locale: string): boolean {
  return runtime !== undefined && (!isBuiltInLocale(locale) || loaded.has(locale));
}

/** `pt-BR` → `pt-BR`, `pt`, then English. */
function lookup(locale: string, id: MessageId): { message: string; locale: string } | undefined {
  for (let tag = locale; tag; tag = tag.includes('-') ? tag.slice(0, tag.lastIndexOf('-')) : '') {
    const message = catalogs.get(tag)?.[id];
    if (message !== undefined) return { message, locale: tag };
  }
  const english = catalogs.get('en')?.[id];
  return english === undefined ? undefined : { message: english, locale: 'en' };
}

/**
 * Formats one ICU message (`{name}`, `{count, plural, one {# lesson} other {# lessons}}`, `select`…).
 * Returns an empty string while the locale's chunk is still loading: it starts the load, and elements
 * re-render when it arrives. Numbers are written in the locale's digits; inserted values are kept in
 * their own direction (Unicode isolates) when they could be read the wrong way round.
 */
export function translate(locale: string, id: MessageId, params: MessageParams = {}): string {
  if (!isLocaleReady(locale)) {
    void loadLocale(locale);
    return '';
  }
  const found = lookup(locale, id);
  if (!found) {
    if (!loading.has('en')) void loadLocale('en');
    return '';
  }
  return runtime!.format(found.locale, id, found.message, locale, params, textDirection(locale) === 'rtl');
}

export function createTranslator(locale: string): Translate {
  return (id, params) => translate(locale, id, params);
}

export function formatPercent(locale: string, percent: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

interface DurationFormatConstructor {
  new (locale: string, options: { style: 'short' }): { format(duration: Record<string, number>): string };
}

/** "1 hr, 5 min", "12 min", "40 sec" in the locale's words: `Intl.DurationFormat`, else unit-formatted numbers joined as a list. */
export function formatDuration(locale: string, ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const duration: Record<string, number> = hours > 0 ? { hours, minutes } : minutes > 0 ? { minutes } : { seconds: totalSeconds };
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  if (DurationFormat) return new DurationFormat(locale, { style: 'short' }).format(duration);
  const units = Object.entries(duration).map(([unit, value]) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: unit.slice(0, -1), unitDisplay: 'short' }).format(value),
  );
  return new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(units);
}

export function formatDate(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatTime(locale: string, date: Date): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
}
