import { LmsError, formatIssues, isSafeUrl, trustedXml, type ValidationIssue } from '@lms-kit/core';
import { MOVE_ON_VALUES, type LaunchMethod, type MoveOn } from './vocabulary.js';

/** Text in several languages, as `<langstring lang="…">` elements give it: `{ 'en-US': '…' }`. */
export type LangText = Record<string, string>;

export interface Cmi5Au {
  type: 'au';
  /** The publisher's IRI of the AU (its `id` attribute). */
  id: string;
  title: LangText;
  description: LangText;
  /** As written; resolved against the package when launched. */
  url: string;
  moveOn: MoveOn;
  masteryScore?: number;
  launchMethod: LaunchMethod;
  launchParameters?: string;
  entitlementKey?: string;
  activityType?: string;
  objectives: string[];
}

export interface Cmi5Block {
  type: 'block';
  id: string;
  title: LangText;
  description: LangText;
  objectives: string[];
  children: Array<Cmi5Au | Cmi5Block>;
}

export interface Cmi5Objective {
  id: string;
  title: LangText;
  description: LangText;
}

/** A course structure (cmi5.xml), checked against the specification's schema (sections 13 and 14). */
export interface Cmi5CourseStructure {
  id: string;
  title: LangText;
  description: LangText;
  objectives: Cmi5Objective[];
  children: Array<Cmi5Au | Cmi5Block>;
}

export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/**
 * Parses and validates `cmi5.xml`. Every problem is reported with a path such as
 * `courseStructure.block[1].au[0].moveOn`; the course is refused with `cmi5/invalid-course` if any.
 */
export function parseCourseStructure(xml: string, options: { requireAbsoluteUrls?: boolean } = {}): Cmi5CourseStructure {
  const issues: ValidationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  let documentNode: Document;
  const checked = trustedXml(xml, 'cmi5.xml', 'cmi5/invalid-course');
  try {
    documentNode = new DOMParser().parseFromString(checked, 'application/xml');
  } catch (error) {
    throw new LmsError('cmi5/invalid-course', `cmi5.xml could not be read: ${(error as Error).message}`, { cause: error });
  }
  const parserError = documentNode.getElementsByTagName('parsererror')[0];
  if (parserError) {
    const detail = parserError.textContent?.trim().split('\n')[0] ?? 'not well-formed XML';
    throw new LmsError('cmi5/invalid-course', `cmi5.xml is not well-formed XML: ${detail}`, { issues: [{ path: '', message: detail }] });
  }
  const root = documentNode.documentElement;
  if (root.localName !== 'courseStructure' || root.namespaceURI !== CMI5_NAMESPACE) {
    const message = `the root element must be <courseStructure xmlns="${CMI5_NAMESPACE}">, got <${root.localName}>${root.namespaceURI ? ` in ${root.namespaceURI}` : ''}`;
    throw new LmsError('cmi5/invalid-course', `cmi5.xml is not a cmi5 course structure: ${message}`, { issues: [{ path: '', message }] });
  }
  const ids = new Map<string, string>();
  const unique = (id: string, path: string) => {
    const first = ids.get(id);
    if (first) add(`${path}.id`, `duplicate id "${id}" (also used at ${first})`);
    else ids.set(id, path);
  };

  const courseElement = children(root, 'course')[0];
  if (!courseElement) add('courseStructure', 'a <course> element is required');
  const coursePath = 'courseStructure.course';
  const course: Cmi5CourseStructure = {
    id: courseElement ? iri(courseElement, 'id', coursePath, add) : '',
    title: courseElement ? text(courseElement, 'title', coursePath, add) : {},
    description: courseElement ? text(courseElement, 'description', coursePath, add) : {},
    objectives: [],
    children: [],
  };
  const objectivesElement = children(root, 'objectives')[0];
  if (objectivesElement) {
    children(objectivesElement, 'objective').forEach((element, index) => {
      const path = `courseStructure.objectives.objective[${index}]`;
      const objective = {
        id: iri(element, 'id', path, add),
        title: text(element, 'title', path, add),
        description: text(element, 'description', path, add),
      };
      if (objective.id) unique(objective.id, path);
      course.objectives.push(objective);
    });
  }
  const objectiveIds = new Set(course.objectives.map((objective) => objective.id));
  const context = { add, unique, objectiveIds, requireAbsoluteUrls: options.requireAbsoluteUrls ?? false };
  course.children = readMembers(root, 'courseStructure', context);
  if (course.children.length === 0) add('courseStructure', 'at least one <au> or <block> is required');
  if (issues.length > 0) {
    throw new LmsError('cmi5/invalid-course', `The cmi5 course structure is not valid:\n${formatIssues(issues)}`, { issues });
  }
  return course;
}

interface ReadContext {
  add: (path: string, message: string) => void;
  unique: (id: string, path: string) => void;
  objectiveIds: Set<string>;
  requireAbsoluteUrls: boolean;
}

function readMembers(parent: Element, parentPath: string, context: ReadContext): Array<Cmi5Au | Cmi5Block> {
  const members: Array<Cmi5Au | Cmi5Block> = [];
  const counts = { au: 0, block: 0 };
  for (const element of Array.from(parent.children)) {
    if (element.namespaceURI !== CMI5_NAMESPACE || (element.localName !== 'au' && element.localName !== 'block')) continue;
    const kind = element.localName as 'au' | 'block';
    const path = `${parentPath}.${kind}[${counts[kind]++}]`;
    members.push(kind === 'au' ? readAu(element, path, context) : readBlock(element, path, context));
  }
  return members;
}

function readBlock(element: Element, path: string, context: ReadContext): Cmi5Block {
  const block: Cmi5Block = {
    type: 'block',
    id: iri(element, 'id', path, context.add),
    title: text(element, 'title', path, context.add),
    description: text(element, 'description', path, context.add),
    objectives: objectiveRefs(element, path, context),
    children: readMembers(element, path, context),
  };
  if (block.id) context.unique(block.id, path);
  if (block.children.length === 0) context.add(path, 'a block needs at least one <au> or <block>');
  return block;
}

function readAu(element: Element, path: string, context: ReadContext): Cmi5Au {
  const { add } = context;
  const au: Cmi5Au = {
    type: 'au',
    id: iri(element, 'id', path, add),
    title: text(element, 'title', path, add),
    description: text(element, 'description', path, add),
    url: '',
    moveOn: 'NotApplicable',
    launchMethod: 'AnyWindow',
    objectives: objectiveRefs(element, path, context),
  };
  if (au.id) context.unique(au.id, path);
  const url = child(element, 'url')?.textContent?.trim() ?? '';
  if (!url) add(`${path}.url`, 'required');
  else if (!isSafeUrl(url)) add(`${path}.url`, `must be an http(s) or relative URL, got "${url}"`);
  else if (context.requireAbsoluteUrls && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    add(`${path}.url`, `must be a fully qualified URL when cmi5.xml is not in a zip (cmi5 14.2), got "${url}"`);
  } else au.url = url;
  const moveOn = element.getAttribute('moveOn')?.trim();
  if (moveOn !== undefined && moveOn !== null) {
    if ((MOVE_ON_VALUES as readonly string[]).includes(moveOn)) au.moveOn = moveOn as MoveOn;
    else add(`${path}.moveOn`, `must be one of ${MOVE_ON_VALUES.join(', ')}, got "${moveOn}"`);
  }
  const masteryScore = element.getAttribute('masteryScore')?.trim();
  if (masteryScore !== undefined && masteryScore !== null) {
    const value = Number(masteryScore);
    if (masteryScore === '' || !Number.isFinite(value) || value < 0 || value > 1)
      add(`${path}.masteryScore`, `must be a decimal from 0 to 1, got "${masteryScore}"`);
    else au.masteryScore = value;
  }
  const launchMethod = element.getAttribute('launchMethod')?.trim();
  if (launchMethod !== undefined && launchMethod !== null) {
    if (launchMethod === 'AnyWindow' || launchMethod === 'OwnWindow') au.launchMethod = launchMethod;
    else add(`${path}.launchMethod`, `must be "AnyWindow" or "OwnWindow", got "${launchMethod}"`);
  }
  const activityType = element.getAttribute('activityType')?.trim();
  if (activityType) au.activityType = activityType;
  const launchParameters = child(element, 'launchParameters')?.textContent?.trim();
  if (launchParameters) au.launchParameters = launchParameters;
  const entitlementKey = child(element, 'entitlementKey')?.textContent?.trim();
  if (entitlementKey) au.entitlementKey = entitlementKey;
  return au;
}

function objectiveRefs(element: Element, path: string, context: ReadContext): string[] {
  const list = child(element, 'objectives');
  if (!list) return [];
  return children(list, 'objective').flatMap((objective, index) => {
    const idref = objective.getAttribute('idref')?.trim() ?? '';
    if (!context.objectiveIds.has(idref)) {
      context.add(`${path}.objectives.objective[${index}].idref`, `refers to no objective of the course ("${idref}")`);
      return [];
    }
    return [idref];
  });
}

function children(element: Element, name: string): Element[] {
  return Array.from(element.children).filter((item) => item.localName === name && item.namespaceURI === CMI5_NAMESPACE);
}

function child(element: Element, name: string): Element | undefined {
  return children(element, name)[0];
}

function iri(element: Element, attribute: string, path: string, add: ReadContext['add']): string {
  const value = element.getAttribute(attribute)?.trim();
  if (!value) add(`${path}.${attribute}`, 'required');
  else if (!IRI.test(value)) add(`${path}.${attribute}`, `must be an absolute IRI, got "${value}"`);
  else return value;
  return '';
}

function text(element: Element, name: string, path: string, add: ReadContext['add']): LangText {
  const container = child(element, name);
  if (!container) {
    add(`${path}.${name}`, 'required');
    return {};
  }
  const strings = children(container, 'langstring');
  if (strings.length === 0) add(`${path}.${name}`, 'needs at least one <langstring>');
  const result: LangText = {};
  for (const langstring of strings)
    result[langstring.getAttribute('lang')?.trim() || 'und'] = (langstring.textContent ?? '').trim().replace(/\s+/g, ' ');
  return result;
}

/** The text in the language closest to `locale`, else the first one. */
export function pickText(text: LangText, locale = 'en'): string {
  const entries = Object.entries(text);
  const language = locale.toLowerCase().split('-')[0];
  return (
    text[locale] ??
    entries.find(([lang]) => lang.toLowerCase() === locale.toLowerCase())?.[1] ??
    entries.find(([lang]) => lang.toLowerCase().split('-')[0] === language)?.[1] ??
    entries[0]?.[1] ??
    ''
  );
}

/** Every AU of the structure, in course order. */
export function allAus(members: Array<Cmi5Au | Cmi5Block>): Cmi5Au[] {
  return members.flatMap((member) => (member.type === 'au' ? [member] : allAus(member.children)));
}

export function allBlocks(members: Array<Cmi5Au | Cmi5Block>): Cmi5Block[] {
  return members.flatMap((member) => (member.type === 'block' ? [member, ...allBlocks(member.children)] : []));
}
