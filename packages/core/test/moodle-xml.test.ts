import { expect } from '@open-wc/testing';
import { isLmsError } from '@lms-kit/core';
import {
  parseMoodleXml,
  toMoodleXml,
  validateQuiz,
  type ChoiceQuestion,
  type FillInQuestion,
  type LongFillInQuestion,
  type MatchingQuestion,
  type NumericQuestion,
  type Quiz,
  type TrueFalseQuestion,
} from '@lms-kit/core/quiz';

/** A question bank as Moodle 4.x writes it (Question bank → Export → Moodle XML format), trimmed of empty hints. */
const MOODLE = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category>
      <text>$course$/top/Food safety/Hygiene//Temperatures</text>
    </category>
    <info format="moodle_auto_format">
      <text></text>
    </info>
    <idnumber></idnumber>
  </question>
<!-- question: 101  -->
  <question type="multichoice">
    <name>
      <text>Fridge temperature</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p dir="ltr">What is the highest safe temperature for a fridge? <img src="@@PLUGINFILE@@/fridge.png" alt="A fridge"></p>]]></text>
      <file name="fridge.png" path="/" encoding="base64">iVBORw0KGgo=</file>
    </questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<p>Check the fridge log at every opening.</p>]]></text>
    </generalfeedback>
    <defaultgrade>2.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <idnumber></idnumber>
    <single>true</single>
    <shuffleanswers>true</shuffleanswers>
    <answernumbering>abc</answernumbering>
    <showstandardinstruction>0</showstandardinstruction>
    <correctfeedback format="html">
      <text>Your answer is correct.</text>
    </correctfeedback>
    <partiallycorrectfeedback format="html">
      <text>Your answer is partially correct.</text>
    </partiallycorrectfeedback>
    <incorrectfeedback format="html">
      <text>Your answer is incorrect.</text>
    </incorrectfeedback>
    <shownumcorrect/>
    <answer fraction="100" format="html">
      <text>5 °C</text>
      <feedback format="html">
        <text>Right: 5 °C or below.</text>
      </feedback>
    </answer>
    <answer fraction="0" format="html">
      <text>8 °C</text>
      <feedback format="html">
        <text></text>
      </feedback>
    </answer>
    <answer fraction="0" format="html">
      <text>12 °C</text>
      <feedback format="html">
        <text>Far too warm.</text>
      </feedback>
    </answer>
    <tags>
      <tag><text>kitchen</text>
</tag>
    </tags>
  </question>
<!-- question: 102  -->
  <question type="multichoice">
    <name>
      <text>Allergens</text>
    </name>
    <questiontext format="moodle_auto_format">
      <text>Which of these are major allergens?
Pick all that apply.</text>
    </questiontext>
    <defaultgrade>1.0000000</defaultgrade>
    <single>false</single>
    <answer fraction="50" format="html"><text>Sesame</text><feedback format="html"><text></text></feedback></answer>
    <answer fraction="50" format="html"><text>Celery</text><feedback format="html"><text></text></feedback></answer>
    <answer fraction="-100" format="html"><text>Rice</text><feedback format="html"><text>Rice is not one of the 14.</text></feedback></answer>
  </question>
<!-- question: 103  -->
  <question type="truefalse">
    <name>
      <text>Rice overnight</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>Cooked rice may cool on the counter overnight.</p>]]></text>
    </questiontext>
    <defaultgrade>1.0000000</defaultgrade>
    <answer fraction="0" format="moodle_auto_format">
      <text>true</text>
      <feedback format="html">
        <text>Spores survive cooking.</text>
      </feedback>
    </answer>
    <answer fraction="100" format="moodle_auto_format">
      <text>false</text>
      <feedback format="html">
        <text>Right: cool it within an hour.</text>
      </feedback>
    </answer>
  </question>
<!-- question: 104  -->
  <question type="shortanswer">
    <name>
      <text>Danger zone</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>The danger zone starts above how many °C?</p>]]></text>
    </questiontext>
    <defaultgrade>1.0000000</defaultgrade>
    <usecase>0</usecase>
    <answer fraction="100" format="moodle_auto_format"><text>5</text><feedback format="html"><text></text></feedback></answer>
    <answer fraction="100" format="moodle_auto_format"><text>five</text><feedback format="html"><text></text></feedback></answer>
    <answer fraction="50" format="moodle_auto_format"><text>8</text><feedback format="html"><text></text></feedback></answer>
  </question>
<!-- question: 105  -->
  <question type="numerical">
    <name>
      <text>Reheating</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>To what <b>core</b> temperature must reheated food reach?</p>]]></text>
    </questiontext>
    <defaultgrade>1.0000000</defaultgrade>
    <answer fraction="100" format="moodle_auto_format">
      <text>75</text>
      <feedback format="html"><text></text></feedback>
      <tolerance>0.5</tolerance>
    </answer>
    <units>
      <unit>
        <multiplier>1</multiplier>
        <unit_name>°C</unit_name>
      </unit>
    </units>
  </question>
  <question type="description">
    <name><text>Section break</text></name>
    <questiontext format="html"><text><![CDATA[<p>Now, cleaning.</p>]]></text></questiontext>
  </question>
  <question type="category">
    <category><text>$course$/top/Food safety/Hygiene//Cleaning</text></category>
  </question>
<!-- question: 106  -->
  <question type="matching">
    <name>
      <text>Cloths</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>Match each cloth colour with its use.</p>]]></text>
    </questiontext>
    <defaultgrade>1.0000000</defaultgrade>
    <shuffleanswers>true</shuffleanswers>
    <subquestion format="html"><text><![CDATA[<p>Red</p>]]></text><answer><text>Raw meat</text></answer></subquestion>
    <subquestion format="html"><text><![CDATA[<p>Blue</p>]]></text><answer><text>General</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>Windows</text></answer></subquestion>
  </question>
<!-- question: 107  -->
  <question type="essay">
    <name>
      <text>Spill</text>
    </name>
    <questiontext format="html">
      <text><![CDATA[<p>Describe how you clean up a raw egg spill.</p>]]></text>
    </questiontext>
    <defaultgrade>5.0000000</defaultgrade>
    <responseformat>editor</responseformat>
    <responserequired>1</responserequired>
    <graderinfo format="html">
      <text><![CDATA[<p>Mentions gloves and disinfectant.</p>]]></text>
    </graderinfo>
  </question>
</quiz>
`;

function importIssues(xml: string): string[] {
  try {
    parseMoodleXml(xml);
  } catch (error) {
    if (isLmsError(error, 'quiz/import-invalid')) return (error.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error('expected the import to fail');
}

describe('Moodle XML import', () => {
  it('reads every supported question type of a real export, with names, grades, tags, feedback and images', () => {
    const quiz = parseMoodleXml(MOODLE, { id: 'food-safety', title: 'Food safety' });
    expect(validateQuiz(quiz)).to.deep.equal([]);
    expect(quiz.questions?.map((q) => q.type)).to.deep.equal([
      'choice',
      'choice',
      'true-false',
      'fill-in',
      'numeric',
      'matching',
      'long-fill-in',
    ]);
    const [fridge, allergens, rice, zone, reheat, cloths, spill] = quiz.questions as [
      ChoiceQuestion,
      ChoiceQuestion,
      TrueFalseQuestion,
      FillInQuestion,
      NumericQuestion,
      MatchingQuestion,
      LongFillInQuestion,
    ];
    expect(fridge).to.include({ id: 'fridge-temperature', title: 'Fridge temperature', weight: 2 });
    expect(fridge.text).to.contain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(fridge.tags).to.deep.equal(['Hygiene/Temperatures', 'kitchen']);
    expect(fridge.feedback).to.deep.equal({
      correct: 'Your answer is correct.',
      partial: 'Your answer is partially correct.',
      incorrect: 'Your answer is incorrect.',
      general: '<p>Check the fridge log at every opening.</p>',
    });
    expect(fridge.choices.map((c) => [c.text, !!c.correct, c.feedback])).to.deep.equal([
      ['5 °C', true, 'Right: 5 °C or below.'],
      ['8 °C', false, undefined],
      ['12 °C', false, 'Far too warm.'],
    ]);
    expect(allergens).to.include({ multiple: true, partialCredit: true });
    expect(allergens.text).to.equal('Which of these are major allergens?<br>Pick all that apply.');
    expect(allergens.choices.filter((c) => c.correct).map((c) => c.text)).to.deep.equal(['Sesame', 'Celery']);
    expect(rice).to.include({ correct: false, trueFeedback: 'Spores survive cooking.', falseFeedback: 'Right: cool it within an hour.' });
    expect(zone.blanks).to.deep.equal([{ accept: ['5', 'five'] }]);
    expect(zone.text).to.match(/\{\{1\}\}$/);
    expect(reheat).to.include({ unit: '°C' });
    expect(reheat.answers).to.deep.equal([{ value: 75, tolerance: 0.5 }]);
    expect(cloths.tags).to.deep.equal(['Hygiene/Cleaning']);
    expect(cloths.sources.map((s) => s.text)).to.deep.equal(['<p>Red</p>', '<p>Blue</p>']);
    expect(cloths.targets.map((t) => t.text)).to.deep.equal(['Raw meat', 'General', 'Windows']);
    expect(cloths.pairs).to.deep.equal([
      { source: 's1', target: 't1' },
      { source: 's2', target: 't2' },
    ]);
    expect(spill).to.include({ weight: 5, graderNotes: '<p>Mentions gloves and disinfectant.</p>' });
  });

  it('names each question it cannot take, and refuses files that are not Moodle XML', () => {
    const bad = `<?xml version="1.0"?><quiz>
      <question type="calculated"><name><text>Area</text></name><questiontext><text>{r}</text></questiontext></question>
      <question type="multichoice"><name><text>No right</text></name><questiontext format="html"><text>Q?</text></questiontext>
        <answer fraction="0"><text>A</text></answer><answer fraction="0"><text>B</text></answer></question>
      <question type="truefalse"><name><text>Empty</text></name><questiontext format="html"><text></text></questiontext></question>
    </quiz>`;
    expect(importIssues(bad)).to.deep.equal([
      'question 1 "Area": the question type "calculated" is not supported (supported: multichoice, truefalse, shortanswer, numerical, matching, essay)',
      'question 2 "No right": no answer has a positive fraction: none is right',
      'question 3 "Empty": the question has no text',
    ]);
    expect(importIssues('<quiz><question type="multichoice">')[0]).to.match(/^quiz: not well-formed XML/);
    expect(importIssues('<?xml version="1.0"?><questions/>')).to.deep.equal(['quiz: the root element must be <quiz>']);
    expect(importIssues('<quiz></quiz>')).to.deep.equal(['quiz: no questions found']);
    expect(importIssues('<!DOCTYPE quiz [<!ENTITY a "aaaa">]><quiz/>')[0]).to.contain('DTD');
  });
});

describe('Moodle XML export', () => {
  it('writes questions and banks that Moodle XML import reads back the same', () => {
    const source = parseMoodleXml(MOODLE);
    const quiz: Quiz = {
      ...source,
      title: 'Food safety',
      questions: source.questions?.slice(0, 4),
      banks: [{ id: 'bank-1', title: 'Cleaning / more', questions: source.questions?.slice(4) ?? [] }],
    };
    const { text, skipped } = toMoodleXml(quiz);
    expect(skipped).to.deep.equal([]);
    expect(text).to.contain('<text>$course$/top/Food safety/Cleaning // more</text>');
    const back = parseMoodleXml(text);
    const all = [...(quiz.questions ?? []), ...(quiz.banks?.[0].questions ?? [])];
    expect(back.questions).to.have.length(all.length);
    back.questions?.forEach((question, i) => {
      const original = all[i];
      // Categories come back as a tag: the quiz title for its own questions, the bank's title for the bank's.
      const { tags: _tags, ...rest } = question;
      const { tags: _originalTags, ...expected } = original;
      expect(rest, original.id).to.deep.equal(expected);
      expect(question.tags?.[0]).to.equal(i < 4 ? 'Food safety' : 'Cleaning / more');
    });
  });

  it('leaves out and lists the questions Moodle XML cannot hold', () => {
    const quiz: Quiz = {
      schema: 1,
      id: 'q',
      title: 'Q',
      questions: [
        {
          id: 'order',
          type: 'sequencing',
          text: 'Order these',
          items: [
            { id: 'a', text: 'A' },
            { id: 'b', text: 'B' },
          ],
        },
        { id: 'tf', type: 'true-false', text: 'Water is wet.', correct: true },
      ],
    };
    const { text, skipped } = toMoodleXml(quiz);
    expect(skipped).to.deep.equal(['order']);
    expect(parseMoodleXml(text).questions?.map((q) => q.id)).to.deep.equal(['water-is-wet']);
  });
});
