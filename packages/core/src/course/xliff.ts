import { LmsError } from '../errors.js';
import { trustedXml } from '../trusted-types.js';
import type { Course } from './model.js';

/** Fields whose text a translator translates (HTML ones stay HTML). */
const TRANSLATABLE = new Set([
  'title',
  'description',
  'html',
  'text',
  'label',
  'feedback',
  'general',
  'correct',
  'incorrect',
  'partial',
  'trueFeedback',
  'falseFeedback',
  'unit',
]);
/** Objects under these keys hold no translatable text (ids, rules, files). */
const SKIPPED = new Set([
  'completion',
  'certificate',
  'prerequisites',
  'unlock',
  'tags',
  'captions',
  'sources',
  'pairs',
  'blanks',
  'answers',
  'passingScore',
  'draw',
  'variants',
]);

interface XmlElement {
  localName: string;
  textContent: string | null;
  children: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
}
type DomParserClass = new () => {
  parseFromString(text: string, type: string): { documentElement: XmlElement; getElementsByTagName(name: string): ArrayLike<XmlElement> };
};

/**
 * Every translatable string of a course, by a path made of ids where there are ids (`m1/intro/title`,
 * `m1/check/quiz/questions/fridge/text`), so a path survives reordering, and indexes elsewhere.
 */
export function translatableStrings(course: Course): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (value: unknown, path: string[], key: string | undefined) => {
    if (typeof value === 'string') {
      if (key && TRANSLATABLE.has(key) && value.trim()) found.set(path.join('/'), value);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        const id =
          item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string'
            ? (item as { id: string }).id
            : String(index);
        visit(item, [...path, id], key);
      });
    } else if (value && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) {
        if (SKIPPED.has(name) || name === 'id') continue;
        // Arrays of modules, lessons, questions and choices add no segment: their items' ids do.
        visit(item, Array.isArray(item) && ['modules', 'lessons'].includes(name) ? path : [...path, name], name);
      }
    }
  };
  visit(course, [], undefined);
  return found;
}

const esc = (text: string) => text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);

/**
 * The course's strings as an XLIFF 2.0 document for translators: one `<unit>` per string, its path as
 * the unit's `name`, the base text as `<source>`, and the current translation (from `translated`, a
 * language variant of the same course) as `<target>` when there is one.
 */
export function courseToXliff(course: Course, targetLanguage: string, translated?: Course): string {
  const targets = translated ? translatableStrings(translated) : new Map<string, string>();
  const units = [...translatableStrings(course)].map(([path, source], index) => {
    const target = targets.get(path);
    return `    <unit id="u${index + 1}" name="${esc(path)}">\n      <segment>\n        <source>${esc(source)}</source>${target === undefined ? '' : `\n        <target>${esc(target)}</target>`}\n      </segment>\n    </unit>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${esc(course.language ?? 'en')}" trgLang="${esc(targetLanguage)}">
  <file id="f1" original="${esc(`course:${course.id}`)}">
${units.join('\n')}
  </file>
</xliff>
`;
}

export interface AppliedTranslation {
  /** The language variant: the base course with every translated string replaced and `language` set. */
  course: Course;
  /** Paths with no target: the base text is kept (fallback). */
  untranslated: string[];
  /** Paths whose base text changed since it was translated (the unit's source is not the base's text): kept, to review. */
  outdated: string[];
}

/** The units of a translated XLIFF 2.0 document for `base`: its target language and each path's source and target. */
export interface XliffUnits {
  language: string;
  units: Map<string, { source: string; target?: string }>;
}

/** Reads an XLIFF 2.0 document made for `base`: the same checks and error as `applyXliff`. */
export function readXliff(base: Course, xliff: string): XliffUnits {
  const Parser = (globalThis as unknown as { DOMParser?: DomParserClass }).DOMParser;
  if (!Parser) throw new LmsError('translation/invalid-xliff', 'Reading XLIFF needs a DOMParser (a browser, or a DOM library in Node).');
  const document = new Parser().parseFromString(trustedXml(xliff, 'the XLIFF file', 'translation/invalid-xliff'), 'application/xml');
  const root = document.documentElement;
  const fail = (message: string): never => {
    throw new LmsError('translation/invalid-xliff', `The XLIFF file cannot be used: ${message}.`, { issues: [{ path: 'xliff', message }] });
  };
  if (document.getElementsByTagName('parsererror').length) fail('it is not well-formed XML');
  if (root.localName !== 'xliff' || root.getAttribute('version') !== '2.0') fail('the root must be <xliff version="2.0">');
  const language = root.getAttribute('trgLang') ?? fail('it has no trgLang (target language)');
  const elements = (parent: XmlElement, name: string) => Array.from(parent.children).filter((child) => child.localName === name);
  const file = elements(root, 'file')[0];
  if (!file) fail('it has no <file>');
  if (file.getAttribute('original') && file.getAttribute('original') !== `course:${base.id}`)
    fail(`it is for ${file.getAttribute('original')}, not course:${base.id}`);

  const translations = new Map<string, { source: string; target?: string }>();
  for (const unit of elements(file, 'unit')) {
    const segments = elements(unit, 'segment');
    const text = (name: string) => {
      const parts = segments.map((segment) => elements(segment, name)[0]);
      return parts.every((part) => part) ? parts.map((part) => part.textContent ?? '').join('') : undefined;
    };
    translations.set(unit.getAttribute('name') ?? '', { source: text('source') ?? '', target: text('target') });
  }
  return { language, units: translations };
}

/**
 * Reads a translated XLIFF 2.0 document back onto the base course. Units are matched by path (`name`),
 * so the base may have been reordered since; strings added to the base since are `untranslated`,
 * strings changed in the base since are `outdated`. Throws `translation/invalid-xliff` when the document
 * is not XLIFF 2.0 or is for another course.
 */
export function applyXliff(base: Course, xliff: string): AppliedTranslation {
  const { language, units: translations } = readXliff(base, xliff);
  const strings = translatableStrings(base);
  const untranslated: string[] = [];
  const outdated: string[] = [];
  const replacements = new Map<string, string>();
  for (const [path, source] of strings) {
    const unit = translations.get(path);
    if (!unit?.target) untranslated.push(path);
    else {
      if (unit.source !== source) outdated.push(path);
      replacements.set(path, unit.target);
    }
  }
  return { course: { ...replaceStrings(base, replacements), language }, untranslated, outdated };
}

/** A copy of the course with the strings at these paths replaced (paths as `translatableStrings` makes them). */
export function replaceStrings(course: Course, replacements: Map<string, string>): Course {
  const copy = JSON.parse(JSON.stringify(course)) as Course;
  const visit = (value: unknown, path: string[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        const id =
          item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string'
            ? (item as { id: string }).id
            : String(index);
        if (typeof item === 'string') {
          const replacement = replacements.get([...path, id].join('/'));
          if (replacement !== undefined) value[index] = replacement;
        } else visit(item, [...path, id]);
      });
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const [name, item] of Object.entries(record)) {
        if (SKIPPED.has(name) || name === 'id') continue;
        if (typeof item === 'string') {
          const replacement = TRANSLATABLE.has(name) ? replacements.get([...path, name].join('/')) : undefined;
          if (replacement !== undefined) record[name] = replacement;
        } else visit(item, Array.isArray(item) && ['modules', 'lessons'].includes(name) ? path : [...path, name]);
      }
    }
  };
  visit(copy, []);
  return copy;
}
