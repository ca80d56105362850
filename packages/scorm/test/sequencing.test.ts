import { expect, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '@lms-kit/storage';
import { parseManifest } from '@lms-kit/scorm';
import { PackageSequencer, compileActivityTree } from '@lms-kit/scorm/runtime';
import { manifest2004 } from './support.js';

const resources = (...ids: string[]) =>
  ids.map((id) => `<resource identifier="r-${id}" type="webcontent" adlcp:scormType="sco" href="${id}.html"/>`).join('');
const item = (id: string, sequencing = '') =>
  `<item identifier="${id}" identifierref="r-${id}"><title>${id}</title>${sequencing ? `<imsss:sequencing>${sequencing}</imsss:sequencing>` : ''}</item>`;
const organization = (items: string, sequencing = '') =>
  `<organization identifier="org"><title>Test</title>${items}${sequencing ? `<imsss:sequencing>${sequencing}</imsss:sequencing>` : ''}</organization>`;

/** Plays the delivered SCO as content would: Initialize, report, ask to go on, Terminate. */
function playSco(
  sequencer: PackageSequencer,
  report: { completed?: boolean; passed?: boolean; score?: number },
  request = 'continue',
): void {
  const api = sequencer.api;
  api.Initialize('');
  if (report.completed !== undefined) api.SetValue('cmi.completion_status', report.completed ? 'completed' : 'incomplete');
  if (report.passed !== undefined) api.SetValue('cmi.success_status', report.passed ? 'passed' : 'failed');
  if (report.score !== undefined) api.SetValue('cmi.score.scaled', String(report.score));
  api.SetValue('adl.nav.request', request);
  api.Terminate('');
}

async function sequencerFor(xml: string) {
  const delivered: string[] = [];
  const ended: string[] = [];
  const sequencer = new PackageSequencer({
    pkg: parseManifest(xml),
    storage: new MemoryAdapter(),
    learnerId: 'mailto:ada@example.com',
    courseId: 'seq',
    onDeliver: (id) => delivered.push(id),
    onSessionEnd: (reason) => ended.push(reason),
  });
  await sequencer.start();
  return { sequencer, delivered, ended };
}

describe('SCORM 2004 sequencing through scorm-again', () => {
  it('forced sequential order: starts on the first SCO, refuses choice, continues in order', async () => {
    const xml = manifest2004(
      organization(item('one') + item('two') + item('three'), '<imsss:controlMode choice="false" flow="true"/>'),
      resources('one', 'two', 'three'),
    );
    const { sequencer, delivered } = await sequencerFor(xml);
    expect(delivered).to.deep.equal(['one']);
    expect(sequencer.choose('three')).to.equal(false);
    playSco(sequencer, { completed: true });
    expect(delivered).to.deep.equal(['one', 'two']);
    playSco(sequencer, { completed: true });
    expect(delivered).to.deep.equal(['one', 'two', 'three']);
  });

  const pretestXml = manifest2004(
    organization(
      item(
        'pretest',
        `<imsss:objectives><imsss:primaryObjective objectiveID="pretest-mastery"><imsss:mapInfo targetObjectiveID="g-mastery" writeSatisfiedStatus="true"/></imsss:primaryObjective></imsss:objectives>`,
      ) +
        item(
          'content',
          `<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition referencedObjective="mastery" condition="satisfied"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules>
           <imsss:objectives><imsss:primaryObjective objectiveID="content-done"/><imsss:objective objectiveID="mastery"><imsss:mapInfo targetObjectiveID="g-mastery" readSatisfiedStatus="true"/></imsss:objective></imsss:objectives>`,
        ) +
        item('posttest'),
      '<imsss:controlMode choice="true" flow="true"/>',
    ),
    resources('pretest', 'content', 'posttest'),
  );

  it('a passed pre-test skips the content', async () => {
    const { sequencer, delivered } = await sequencerFor(pretestXml);
    playSco(sequencer, { completed: true, passed: true });
    expect(delivered).to.deep.equal(['pretest', 'posttest']);
  });

  it('a failed pre-test leads to the content', async () => {
    const { sequencer, delivered } = await sequencerFor(pretestXml);
    playSco(sequencer, { completed: true, passed: false });
    expect(delivered).to.deep.equal(['pretest', 'content']);
  });

  const remediationXml = manifest2004(
    organization(
      item('lesson') +
        item(
          'quiz',
          `<imsss:objectives><imsss:primaryObjective objectiveID="quiz-mastery"><imsss:mapInfo targetObjectiveID="g-quiz" writeSatisfiedStatus="true"/></imsss:primaryObjective></imsss:objectives>`,
        ) +
        item(
          'remedial',
          `<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition referencedObjective="quiz" condition="satisfied"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules>
           <imsss:objectives><imsss:primaryObjective objectiveID="remedial-done"/><imsss:objective objectiveID="quiz"><imsss:mapInfo targetObjectiveID="g-quiz"/></imsss:objective></imsss:objectives>`,
        ),
      '<imsss:controlMode choice="true" flow="true"/>',
    ),
    resources('lesson', 'quiz', 'remedial'),
  );

  it('remediation: a failed quiz opens the remedial SCO, a passed one skips it', async () => {
    const failed = await sequencerFor(remediationXml);
    playSco(failed.sequencer, { completed: true });
    playSco(failed.sequencer, { completed: true, passed: false });
    expect(failed.delivered).to.deep.equal(['lesson', 'quiz', 'remedial']);

    const passed = await sequencerFor(remediationXml);
    playSco(passed.sequencer, { completed: true });
    playSco(passed.sequencer, { completed: true, passed: true });
    expect(passed.delivered).to.deep.equal(['lesson', 'quiz']);
  });

  it('rolls a post-test up to the package: satisfied when the post-test is passed', async () => {
    const xml = manifest2004(
      organization(
        item('lesson', '<imsss:rollupRules rollupObjectiveSatisfied="false"/>') + item('posttest'),
        '<imsss:controlMode choice="true" flow="true"/>',
      ),
      resources('lesson', 'posttest'),
    );
    const { sequencer } = await sequencerFor(xml);
    playSco(sequencer, { completed: true });
    expect(sequencer.rootStatus()?.passed).to.equal(undefined);
    playSco(sequencer, { completed: true, passed: true, score: 0.8 }, 'exitAll');
    expect(sequencer.rootStatus()).to.deep.include({ completed: true, passed: true });
  });

  it('compiles sequencing collections and warns about what the engine does not evaluate', () => {
    const pkg = parseManifest(
      manifest2004(
        organization(
          item(
            'a',
            `<imsss:rollupRules><imsss:rollupRule><imsss:rollupConditions><imsss:rollupCondition condition="timeLimitExceeded"/></imsss:rollupConditions><imsss:rollupAction action="satisfied"/></imsss:rollupRule></imsss:rollupRules>`,
          ).replace('<imsss:sequencing>', '<imsss:sequencing IDRef="shared">'),
        ),
        resources('a'),
        '2004 4th Edition',
        `<imsss:sequencingCollection><imsss:sequencing ID="shared"><imsss:controlMode flow="true" choice="false"/></imsss:sequencing></imsss:sequencingCollection>`,
      ),
    );
    const compiled = compileActivityTree(pkg, pkg.organizations[0]);
    expect(compiled.settings.activityTree?.children?.[0].sequencingControls).to.deep.include({ flow: true, choice: false });
    expect(compiled.warnings.map((warning) => warning.message)).to.include(
      'rollup condition "timeLimitExceeded" is not evaluated; the rule is ignored',
    );
  });
});

describe("what sequencing holds, and why (the outline's locks)", () => {
  const fromTests = async (name: string) => sequencerFor(await (await fetch(`/test/scorm/${name}/imsmanifest.xml`)).text());
  const holds = (sequencer: PackageSequencer) => Object.fromEntries(sequencer.availability());

  it('forced order: every activity but the delivered one is reached with Previous and Next', async () => {
    const { sequencer } = await fromTests('sequenced');
    expect(holds(sequencer)).to.deep.equal({ two: 'flow', three: 'flow' });
    expect(sequencer.canFlow('continue')).to.equal(true);
    expect(sequencer.canFlow('previous')).to.equal(false);
    playSco(sequencer, { completed: true });
    expect(holds(sequencer)).to.deep.equal({ one: 'flow', three: 'flow' });
    expect(sequencer.canFlow('previous')).to.equal(true);
  });

  it('a passed pre-test closes the content (skip and disabled rules, in any order)', async () => {
    const { sequencer } = await fromTests('seq-pretest');
    expect(holds(sequencer)).to.deep.equal({});
    playSco(sequencer, { completed: true, passed: true });
    expect(sequencer.current).to.equal('posttest');
    expect(holds(sequencer)).to.deep.equal({ content: 'rules' });
    expect(sequencer.rootStatus()).to.deep.include({ completed: true, passed: true });
  });

  it('remediation stays closed until the quiz is failed', async () => {
    const { sequencer } = await fromTests('seq-remediation');
    expect(holds(sequencer)).to.deep.equal({ remedial: 'rules' });
    playSco(sequencer, { completed: true });
    playSco(sequencer, { completed: true, passed: false });
    expect(sequencer.current).to.equal('remedial');
    expect(holds(sequencer)).to.deep.equal({});
  });

  it('forward only and attempt limits; an ended session is followed by a new one, keeping what was used', async () => {
    const { sequencer } = await fromTests('seq-posttest');
    playSco(sequencer, { completed: true });
    expect(holds(sequencer)).to.deep.equal({ lesson: 'backward' });
    // The package's status as the session ends (a new session is a new attempt).
    const atEnd = new Promise((resolve) => sequencer.addEventListener('end', () => resolve(sequencer.rootStatus()), { once: true }));
    playSco(sequencer, { completed: true, passed: true, score: 0.85 }, 'exitAll');
    expect(await atEnd).to.deep.equal({ completed: true, passed: true, score: 0.85 });
    await new Promise((resolve) => sequencer.addEventListener('availability', resolve, { once: true }));
    expect(sequencer.current, 'a new session starts where the package starts').to.equal('lesson');
    expect(holds(sequencer)).to.deep.equal({ posttest: 'attempts' });
  });

  it('Next towards a disabled activity is not offered, read without touching the engine state', async () => {
    const { sequencer, delivered } = await fromTests('disabled-next');
    const before = JSON.stringify(sequencer.api.getSequencingService()?.getSequencingState());
    expect(sequencer.flowOutcome('continue')).to.deep.equal({ outcome: 'blocked' });
    expect(sequencer.canFlow('continue')).to.equal(false);
    expect(JSON.stringify(sequencer.api.getSequencingService()?.getSequencingState())).to.equal(before);
    expect(sequencer.flow('continue')).to.equal(false);
    expect(delivered).to.deep.equal(['one']);
  });

  it('the flow walk finds the activity Next delivers, skipping what the rules skip, and the end of the package', async () => {
    const { sequencer } = await fromTests('sequenced');
    expect(sequencer.flowOutcome('continue')).to.deep.equal({ outcome: 'deliver', target: 'two' });
    expect(sequencer.flowOutcome('previous')).to.deep.equal({ outcome: 'blocked' });
    playSco(sequencer, { completed: true });
    playSco(sequencer, { completed: true });
    expect(sequencer.flowOutcome('continue')).to.deep.equal({ outcome: 'end' });
    expect(sequencer.flowOutcome('previous')).to.deep.equal({ outcome: 'deliver', target: 'two' });
    const pretest = await fromTests('seq-pretest');
    pretest.sequencer.api.Initialize('');
    pretest.sequencer.api.SetValue('cmi.success_status', 'passed');
    pretest.sequencer.api.SetValue('cmi.completion_status', 'completed');
    pretest.sequencer.api.Terminate('');
    expect(pretest.sequencer.flowOutcome('continue')).to.deep.equal({ outcome: 'deliver', target: 'posttest' });
  });

  it('a session left mid-activity (page closed) resumes that activity, with Next offered', async () => {
    const xml = await (await fetch('/test/scorm/sequenced/imsmanifest.xml')).text();
    const storage = new MemoryAdapter();
    const open = async () => {
      const delivered: string[] = [];
      const sequencer = new PackageSequencer({
        pkg: parseManifest(xml),
        storage,
        learnerId: 'ada',
        courseId: 'seq',
        onDeliver: (id) => delivered.push(id),
      });
      await sequencer.start();
      return { sequencer, delivered };
    };
    const first = await open();
    playSco(first.sequencer, { completed: true });
    first.sequencer.api.Initialize('');
    first.sequencer.api.Commit('');
    // The engine keeps its state base64-encoded.
    const savedCurrent = async () => {
      const saved = await storage.getValue<string>('lms-kit:scorm-sequencing:ada|seq');
      return saved && JSON.parse(decodeURIComponent(atob(saved))).sequencing?.currentActivity;
    };
    await waitUntil(async () => (await savedCurrent()) === 'two', 'the state was not saved');
    // The page closes here: no Terminate, no navigation request.
    for (const round of [1, 2]) {
      const again = await open();
      expect(again.delivered, `reopened ${round}`).to.deep.equal(['two']);
      expect(again.sequencer.canFlow('continue')).to.equal(true);
    }
  });

  it('counts an asset as completed once the learner moves on from it', async () => {
    const { sequencer } = await sequencerFor(await (await fetch('/demo/scorm/allergen-check/imsmanifest.xml')).text());
    expect(sequencer.current).to.equal('intro');
    expect(sequencer.choose('check')).to.equal(true);
    expect(sequencer.activityStatus('intro')?.completed).to.equal(true);
    playSco(sequencer, { completed: true, passed: true, score: 0.67 }, 'exitAll');
    expect(sequencer.rootStatus()).to.deep.equal({ completed: true, passed: true, score: 0.67 });
  });
});
