export {
  registerMessages,
  translate,
  textDirection,
  onMessagesChange,
  loadLocale,
  resolveLocale,
  availableLocales,
  type Translate,
  type MessageParams,
} from './localize.js';
export { PSEUDO_LOCALE } from './locales.js';
export { en as englishMessages, type MessageId, type Messages } from './messages-en.js';
