import type {
  ChoiceQuestion,
  FillInQuestion,
  LongFillInQuestion,
  MatchingQuestion,
  NumericQuestion,
  Question,
  Quiz,
  TrueFalseQuestion,
} from '../model.js';
import { plainText } from '../text.js';

const xml = (text: string) => text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);
/** HTML goes out in CDATA, as Moodle writes it (`]]>` split so it cannot close the section). */
const cdata = (html: string) => `<![CDATA[${html.split(']]>').join(']]]]><![CDATA[>')}]]>`;
const htmlText = (name: string, html: string | undefined, indent = '    ') =>
  html ? `${indent}<${name} format="html">\n${indent}  <text>${cdata(html)}</text>\n${indent}</${name}>` : '';
const answer = (fraction: number, html: string, feedback?: string, extra = '') =>
  `    <answer fraction="${fraction}" format="html">\n      <text>${cdata(html)}</text>\n${htmlText('feedback', feedback, '      ') || '      <feedback format="html"><text></text></feedback>'}${extra}\n    </answer>`;

/**
 * Writes a quiz's questions and banks as Moodle XML, for Moodle's question bank import: the quiz's own
 * questions in a category named after the quiz, each bank in a sub-category named after the bank.
 * True/false, choice, single-blank fill-in, numeric (exact values with tolerance), matching and essay
 * questions are written; the others (sequencing, likert, performance, several blanks, numeric ranges)
 * have no Moodle XML form here: they are left out and listed in `skipped`.
 */
export function toMoodleXml(quiz: Quiz): { text: string; skipped: string[] } {
  const out: string[] = [];
  const skipped: string[] = [];
  const groups = [
    { path: [quiz.title], questions: quiz.questions ?? [] },
    ...(quiz.banks ?? []).map((bank) => ({ path: [quiz.title, bank.title ?? bank.id], questions: bank.questions })),
  ];
  for (const group of groups) {
    if (!group.questions.length) continue;
    out.push(
      `  <question type="category">\n    <category>\n      <text>$course$/top/${xml(group.path.map((name) => name.replace(/\//g, '//')).join('/'))}</text>\n    </category>\n  </question>`,
    );
    for (const question of group.questions) {
      const body = questionXml(question);
      if (body === undefined) skipped.push(question.id);
      else out.push(body);
    }
  }
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${out.join('\n')}\n</quiz>\n`, skipped };
}

function questionXml(question: Question): string | undefined {
  const parts = typeParts(question);
  if (!parts) return undefined;
  const text = parts.text ?? question.text;
  const tags = question.tags?.length
    ? `    <tags>\n${question.tags.map((tag) => `      <tag><text>${xml(tag)}</text></tag>`).join('\n')}\n    </tags>`
    : '';
  return [
    `  <question type="${parts.type}">`,
    `    <name>\n      <text>${xml(question.title ?? plainText(text).slice(0, 80))}</text>\n    </name>`,
    htmlText('questiontext', text),
    htmlText('generalfeedback', question.feedback?.general),
    `    <defaultgrade>${question.weight ?? 1}</defaultgrade>`,
    htmlText('correctfeedback', question.feedback?.correct),
    htmlText('partiallycorrectfeedback', question.feedback?.partial),
    htmlText('incorrectfeedback', question.feedback?.incorrect),
    ...parts.body,
    tags,
    '  </question>',
  ]
    .filter(Boolean)
    .join('\n');
}

function typeParts(question: Question): { type: string; body: string[]; text?: string } | undefined {
  switch (question.type) {
    case 'true-false': {
      const q = question as TrueFalseQuestion;
      return {
        type: 'truefalse',
        body: [answer(q.correct ? 100 : 0, 'true', q.trueFeedback), answer(q.correct ? 0 : 100, 'false', q.falseFeedback)],
      };
    }
    case 'choice': {
      const q = question as ChoiceQuestion;
      const rights = q.choices.filter((c) => c.correct).length;
      const wrongs = q.choices.length - rights;
      // Moodle fractions: each right answer a share of 100; in multiple answer, each wrong one a share of -100.
      const share = (correct?: boolean) =>
        correct ? (q.multiple ? +(100 / rights).toFixed(5) : 100) : q.multiple && wrongs ? -(100 / wrongs).toFixed(5) : 0;
      return {
        type: 'multichoice',
        body: [
          `    <single>${q.multiple ? 'false' : 'true'}</single>`,
          '    <shuffleanswers>true</shuffleanswers>',
          ...q.choices.map((c) => answer(share(c.correct), c.text, c.feedback)),
        ],
      };
    }
    case 'fill-in': {
      const q = question as FillInQuestion;
      if (q.blanks.length !== 1) return undefined;
      return {
        type: 'shortanswer',
        text: q.text.replace(/\s*\{\{1\}\}\s*$/, '').replace('{{1}}', '_____'),
        body: [`    <usecase>${q.caseSensitive ? 1 : 0}</usecase>`, ...q.blanks[0].accept.map((text) => answer(100, text))],
      };
    }
    case 'numeric': {
      const q = question as NumericQuestion;
      if (q.answers.some((a) => a.value === undefined)) return undefined;
      const units = q.unit
        ? [
            `    <units>\n      <unit>\n        <multiplier>1</multiplier>\n        <unit_name>${xml(q.unit)}</unit_name>\n      </unit>\n    </units>`,
          ]
        : [];
      return {
        type: 'numerical',
        body: [
          ...q.answers.map((a) => answer(100, String(a.value), undefined, `\n      <tolerance>${a.tolerance ?? 0}</tolerance>`)),
          ...units,
        ],
      };
    }
    case 'matching': {
      const q = question as MatchingQuestion;
      if (q.sources.some((s) => !q.pairs.some((p) => p.source === s.id))) return undefined;
      const target = (id: string) => plainText(q.targets.find((t) => t.id === id)?.text ?? '');
      const paired = q.pairs.map((p) => {
        const source = q.sources.find((s) => s.id === p.source);
        return `    <subquestion format="html">\n      <text>${cdata(source?.text ?? '')}</text>\n      <answer><text>${xml(target(p.target))}</text></answer>\n    </subquestion>`;
      });
      const distractors = q.targets
        .filter((t) => !q.pairs.some((p) => p.target === t.id))
        .map(
          (t) =>
            `    <subquestion format="html">\n      <text></text>\n      <answer><text>${xml(plainText(t.text))}</text></answer>\n    </subquestion>`,
        );
      return { type: 'matching', body: ['    <shuffleanswers>true</shuffleanswers>', ...paired, ...distractors] };
    }
    case 'long-fill-in': {
      const q = question as LongFillInQuestion;
      return {
        type: 'essay',
        body: [
          '    <responseformat>editor</responseformat>',
          '    <responserequired>1</responserequired>',
          htmlText('graderinfo', q.graderNotes),
        ].filter(Boolean),
      };
    }
    default:
      return undefined;
  }
}
