/**
 * Writes JSX and Vue types for every LMS Kit tag from `packages/elements/custom-elements.json`, into
 * `packages/elements/types/`: `react.d.ts` (React 19 `JSX.IntrinsicElements`), `preact.d.ts` and
 * `vue.d.ts` (`GlobalComponents`). Property types come from the element classes themselves, events
 * from `GlobalEventHandlersEventMap`, so the types cannot drift from the code.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const OUT = 'packages/elements/types';
const manifest = JSON.parse(readFileSync('packages/elements/custom-elements.json', 'utf8'));
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
const pascal = (name) => camel(name).replace(/^./, (letter) => letter.toUpperCase());
const doc = (text, indent = '  ') => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');

/** The settable public properties, the attributes that have another name, and the events of one element. */
function apiOf(element) {
  const properties = (element.members ?? []).filter((member) => member.kind === 'field' && !member.readonly && !member.static);
  const propertyNames = new Set(properties.map((member) => member.name));
  // State attributes (`status`, `completed`) mirror a read-only property: the element sets them, a page only reads them.
  const readOnly = new Set((element.members ?? []).filter((member) => member.readonly).map((member) => member.name));
  const attributes = (element.attributes ?? []).filter(
    (attribute) => !readOnly.has(attribute.name) && (attribute.name !== attribute.fieldName || !propertyNames.has(attribute.name)),
  );
  const events = (element.events ?? []).filter((event) => event.name);
  return { properties, attributes, events };
}

function propsInterface(element, { eventProp, base }) {
  const { properties, attributes, events } = apiOf(element);
  const tag = `El<'${element.tagName}'>`;
  let text = doc(element.summary ?? element.description, '');
  text += `export interface ${element.name}Props${base ? ` extends ${base}` : ''} {\n`;
  for (const member of properties) text += `${doc(member.description)}  ${member.name}?: ${tag}['${member.name}'];\n`;
  for (const attribute of attributes) text += `${doc(attribute.description)}  '${attribute.name}'?: string | number | boolean;\n`;
  for (const event of events) text += `${doc(event.description)}  ${eventProp(event.name)}?: (event: EventOf<'${event.name}'>) => void;\n`;
  return `${text}}\n`;
}

const header = (imports) => `// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.
${imports}
import type { LmsElementTagNameMap } from '../dist/index.js';

type El<T extends keyof LmsElementTagNameMap> = LmsElementTagNameMap[T];
type EventOf<K extends string> = K extends keyof GlobalEventHandlersEventMap ? GlobalEventHandlersEventMap[K] : CustomEvent;
`;

function jsxFile(framework) {
  const react = framework === 'react';
  const imports = react ? `import type { DetailedHTMLProps, HTMLAttributes } from 'react';` : `import type { JSX } from 'preact';`;
  const base = (element) =>
    react
      ? `DetailedHTMLProps<HTMLAttributes<El<'${element.tagName}'>>, El<'${element.tagName}'>>`
      : `JSX.HTMLAttributes<El<'${element.tagName}'>>`;
  let text = header(imports);
  // React 19 and Preact add a listener for a prop named `on` + the event's exact name.
  for (const element of elements)
    text += `\n${propsInterface(element, { eventProp: (name) => `'on${name}'`, base: `Omit<${base(element)}, 'onError'>` })}`;
  text += `\ndeclare module '${framework}' {\n  namespace JSX {\n    interface IntrinsicElements {\n`;
  for (const element of elements) text += `      '${element.tagName}': ${element.name}Props;\n`;
  return `${text}    }\n  }\n}\n`;
}

function vueFile() {
  let text = header(`import type { DefineComponent } from 'vue';`);
  // `@lms-course-complete="…"` in a template is the `onLmsCourseComplete` prop.
  for (const element of elements) text += `\n${propsInterface(element, { eventProp: (name) => `on${pascal(name)}` })}`;
  text += `\ndeclare module 'vue' {\n  interface GlobalComponents {\n`;
  for (const element of elements) text += `    '${element.tagName}': DefineComponent<${element.name}Props>;\n`;
  return `${text}  }\n}\n`;
}

mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}/react.d.ts`, jsxFile('react'));
writeFileSync(`${OUT}/preact.d.ts`, jsxFile('preact'));
writeFileSync(`${OUT}/vue.d.ts`, vueFile());
