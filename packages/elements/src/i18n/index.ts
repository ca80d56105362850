export { registerMessages, translate, textDirection, onMessagesChange, type Translate, type MessageParams } from './localize.js';
export { en as englishMessages, type MessageId, type Messages } from './messages-en.js';
