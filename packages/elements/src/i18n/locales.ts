import type { Messages } from './messages-en.js';

/** Accented, about 40 % longer and bracketed English, to find untranslated and clipped strings. */
export const PSEUDO_LOCALE = 'en-XA';

/**
 * The built-in locales, each one chunk loaded on first use. To add one: copy `locales/fr.ts`, translate
 * every message, and add a line here (see packages/elements/README.md#translations).
 */
export const LOCALE_LOADERS: Record<string, () => Promise<Messages>> = {
  en: () => import('./locales/en.js').then((module) => module.messages),
  es: () => import('./locales/es.js').then((module) => module.messages),
  fr: () => import('./locales/fr.js').then((module) => module.messages),
  de: () => import('./locales/de.js').then((module) => module.messages),
  'pt-BR': () => import('./locales/pt-BR.js').then((module) => module.messages),
  ar: () => import('./locales/ar.js').then((module) => module.messages),
  he: () => import('./locales/he.js').then((module) => module.messages),
  ja: () => import('./locales/ja.js').then((module) => module.messages),
  'zh-CN': () => import('./locales/zh-CN.js').then((module) => module.messages),
};

export function isBuiltInLocale(locale: string): boolean {
  return locale === PSEUDO_LOCALE || locale in LOCALE_LOADERS;
}
