import { LmsError, formatIssues, type ValidationIssue } from '../../errors.js';
import { trustedXml } from '../../trusted-types.js';
import type {
  ChoiceQuestion,
  FillInQuestion,
  LongFillInQuestion,
  MatchingQuestion,
  NumericQuestion,
  Question,
  QuestionFeedback,
  Quiz,
  TrueFalseQuestion,
} from '../model.js';
import { escapeHtml } from '../text.js';
import { idFrom, makeQuiz, type ImportOptions } from './shared.js';

/** The part of the DOM this file reads (core has no DOM types; the browser's `DOMParser` does the parsing). */
interface XmlElement {
  localName: string;
  textContent: string | null;
  children: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
}
interface XmlDocument {
  documentElement: XmlElement;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}
type DomParserClass = new () => { parseFromString(text: string, type: string): XmlDocument };

/** Thrown for one question; collected with its position as an issue. */
class QuestionError extends Error {}

const children = (element: XmlElement | undefined, name: string) =>
  Array.from(element?.children ?? []).filter((child) => child.localName === name);
const child = (element: XmlElement | undefined, name: string) => children(element, name)[0];
const textOf = (element: XmlElement | undefined) => child(element, 'text')?.textContent?.trim() ?? '';
const numberOf = (element: XmlElement | undefined, name: string) => {
  const value = Number(child(element, name)?.textContent?.trim());
  return Number.isFinite(value) ? value : undefined;
};
const fraction = (answer: XmlElement) => Number(answer.getAttribute('fraction') ?? '0');

/**
 * Moodle XML (Moodle's question bank export): multichoice (one or several answers), truefalse,
 * shortanswer, numerical, matching and essay questions, with their names, grades, tags and feedback.
 * `category` entries tag the questions after them with the category's last segment (as GIFT's
 * `$CATEGORY`); `description` entries have nothing to answer and are skipped. Images embedded as
 * `@@PLUGINFILE@@` files become `data:` URLs. Other types (calculated, cloze…) are refused: throws
 * `LmsError('quiz/import-invalid')` whose issues name each question (`question 3 "Name"`) and its problem.
 */
export function parseMoodleXml(xml: string, options: ImportOptions = {}): Quiz {
  const Parser = (globalThis as unknown as { DOMParser?: DomParserClass }).DOMParser;
  if (!Parser) throw new LmsError('quiz/import-invalid', 'Reading Moodle XML needs a DOMParser (a browser, or a DOM library in Node).');
  const document = new Parser().parseFromString(
    trustedXml(xml.replace(/^\uFEFF/, ''), 'the Moodle XML file', 'quiz/import-invalid'),
    'application/xml',
  );
  const parseError = document.getElementsByTagName('parsererror')[0];
  if (parseError || document.documentElement.localName !== 'quiz') {
    const message = parseError
      ? `not well-formed XML: ${parseError.textContent?.trim().split('\n')[0]}`
      : 'the root element must be <quiz>';
    throw new LmsError('quiz/import-invalid', `The Moodle XML file has problems:\n${message}`, { issues: [{ path: 'quiz', message }] });
  }
  const issues: ValidationIssue[] = [];
  const questions: Question[] = [];
  const taken = new Set<string>();
  let category: string | undefined;
  children(document.documentElement, 'question').forEach((element, index) => {
    const type = element.getAttribute('type') ?? '';
    if (type === 'category') {
      category = categoryName(textOf(child(element, 'category')));
      return;
    }
    if (type === 'description') return;
    const name = textOf(child(element, 'name'));
    try {
      questions.push(readQuestion(element, type, { id: idFrom(name, `q${index + 1}`, taken), name, category }));
    } catch (error) {
      if (!(error instanceof QuestionError)) throw error;
      issues.push({ path: `question ${index + 1}${name ? ` "${name}"` : ''}`, message: error.message });
    }
  });
  if (questions.length === 0 && issues.length === 0) issues.push({ path: 'quiz', message: 'no questions found' });
  if (issues.length) throw new LmsError('quiz/import-invalid', `The Moodle XML file has problems:\n${formatIssues(issues)}`, { issues });
  return makeQuiz('Moodle XML', questions, options);
}

/** The last segment of a category path (`$course$/top/Safety//Hygiene` → `Safety/Hygiene`: `//` is an escaped `/`). */
function categoryName(path: string): string | undefined {
  const segments = path.split(/(?<!\/)\/(?!\/)/).map((segment) => segment.replace(/\/\//g, '/').trim());
  const last = segments.filter(Boolean).pop();
  return last && !/^\$\w+\$$/.test(last) && last !== 'top' ? last : undefined;
}

/** HTML of a `<questiontext>`, `<feedback>`… element, whatever its format, with its embedded files inlined. */
function html(element: XmlElement | undefined): string {
  const text = textOf(element);
  const format = element?.getAttribute('format') ?? 'html';
  let result = format === 'html' ? text : escapeHtml(text).replace(/\r?\n/g, '<br>');
  for (const file of children(element, 'file')) {
    const fileName = file.getAttribute('name') ?? '';
    const data = `data:${mimeOf(fileName)};base64,${(file.textContent ?? '').replace(/\s+/g, '')}`;
    result = result
      .split(`@@PLUGINFILE@@/${encodeURI(fileName)}`)
      .join(data)
      .split(`@@PLUGINFILE@@/${fileName}`)
      .join(data);
  }
  return result;
}

function mimeOf(fileName: string): string {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  const types: Record<string, string> = {
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    svg: 'image/svg+xml',
    webp: 'image/webp',
  };
  return types[extension] ?? 'application/octet-stream';
}

function readQuestion(element: XmlElement, type: string, base: { id: string; name: string; category?: string }): Question {
  const text = html(child(element, 'questiontext'));
  if (!text) throw new QuestionError('the question has no text');
  const common = {
    id: base.id,
    text,
    ...(base.name ? { title: base.name } : {}),
    ...weightOf(element),
    ...tagsOf(element, base.category),
    ...feedbackOf(element),
  };
  const answers = children(element, 'answer');
  switch (type) {
    case 'multichoice': {
      const single = child(element, 'single')?.textContent?.trim() !== 'false';
      const best = Math.max(...answers.map(fraction));
      if (answers.length < 2) throw new QuestionError('a multichoice question needs at least two answers');
      if (!(best > 0)) throw new QuestionError('no answer has a positive fraction: none is right');
      const question: ChoiceQuestion = {
        ...common,
        type: 'choice',
        ...(single ? {} : { multiple: true, partialCredit: true }),
        choices: answers.map((answer, i) => {
          const feedback = html(child(answer, 'feedback'));
          const right = single ? fraction(answer) === best : fraction(answer) > 0;
          return { id: `c${i + 1}`, text: html(answer), ...(right ? { correct: true } : {}), ...(feedback ? { feedback } : {}) };
        }),
      };
      return question;
    }
    case 'truefalse': {
      const byValue = (value: string) => answers.find((answer) => textOf(answer).toLowerCase() === value);
      const yes = byValue('true');
      const no = byValue('false');
      if (!yes || !no) throw new QuestionError('a truefalse question needs a "true" and a "false" answer');
      const trueFeedback = html(child(yes, 'feedback'));
      const falseFeedback = html(child(no, 'feedback'));
      const question: TrueFalseQuestion = {
        ...common,
        type: 'true-false',
        correct: fraction(yes) > fraction(no),
        ...(trueFeedback ? { trueFeedback } : {}),
        ...(falseFeedback ? { falseFeedback } : {}),
      };
      return question;
    }
    case 'shortanswer': {
      const accept = answers
        .filter((answer) => fraction(answer) === 100)
        .map(textOf)
        .filter(Boolean);
      if (!accept.length) throw new QuestionError('no answer is worth 100%: partial credit answers are not supported alone');
      const question: FillInQuestion = {
        ...common,
        type: 'fill-in',
        text: `${text} {{1}}`,
        blanks: [{ accept }],
        ...(child(element, 'usecase')?.textContent?.trim() === '1' ? { caseSensitive: true } : {}),
      };
      return question;
    }
    case 'numerical': {
      const right = answers.filter((answer) => fraction(answer) === 100);
      const values = right.map((answer) => ({ value: Number(textOf(answer)), tolerance: numberOf(answer, 'tolerance') ?? 0 }));
      if (!values.length || values.some((answer) => !Number.isFinite(answer.value))) {
        throw new QuestionError('a numerical question needs a number worth 100% ("*" any-answer entries are not supported)');
      }
      const unit = child(child(child(element, 'units'), 'unit'), 'unit_name')?.textContent?.trim();
      const question: NumericQuestion = {
        ...common,
        type: 'numeric',
        answers: values.map(({ value, tolerance }) => (tolerance ? { value, tolerance } : { value })),
        ...(unit ? { unit } : {}),
      };
      return question;
    }
    case 'matching': {
      const subquestions = children(element, 'subquestion');
      const targets: MatchingQuestion['targets'] = [];
      const targetOf = (answerText: string) => {
        let target = targets.find((item) => item.text === answerText);
        if (!target) targets.push((target = { id: `t${targets.length + 1}`, text: answerText }));
        return target;
      };
      const sources: MatchingQuestion['sources'] = [];
      const pairs: MatchingQuestion['pairs'] = [];
      for (const subquestion of subquestions) {
        const target = targetOf(escapeHtml(textOf(child(subquestion, 'answer'))));
        const sourceText = html(subquestion);
        if (!sourceText) continue; // an answer with no question: a distractor
        const source = { id: `s${sources.length + 1}`, text: sourceText };
        sources.push(source);
        pairs.push({ source: source.id, target: target.id });
      }
      if (sources.length < 2) throw new QuestionError('a matching question needs at least two subquestions with text');
      const question: MatchingQuestion = { ...common, type: 'matching', sources, targets, pairs };
      return question;
    }
    case 'essay': {
      const graderNotes = html(child(element, 'graderinfo'));
      const question: LongFillInQuestion = { ...common, type: 'long-fill-in', ...(graderNotes ? { graderNotes } : {}) };
      return question;
    }
    default:
      throw new QuestionError(
        `the question type "${type}" is not supported (supported: multichoice, truefalse, shortanswer, numerical, matching, essay)`,
      );
  }
}

function weightOf(element: XmlElement): { weight?: number } {
  const grade = numberOf(element, 'defaultgrade');
  return grade === undefined || grade === 1 ? {} : { weight: grade };
}

function tagsOf(element: XmlElement, category: string | undefined): { tags?: string[] } {
  const tags = [...(category ? [category] : []), ...children(child(element, 'tags'), 'tag').map(textOf).filter(Boolean)];
  return tags.length ? { tags: [...new Set(tags)] } : {};
}

function feedbackOf(element: XmlElement): { feedback?: QuestionFeedback } {
  const feedback: QuestionFeedback = {};
  const pick = (name: string, key: keyof QuestionFeedback) => {
    const value = html(child(element, name));
    if (value) feedback[key] = value;
  };
  pick('correctfeedback', 'correct');
  pick('partiallycorrectfeedback', 'partial');
  pick('incorrectfeedback', 'incorrect');
  pick('generalfeedback', 'general');
  return Object.keys(feedback).length ? { feedback } : {};
}
