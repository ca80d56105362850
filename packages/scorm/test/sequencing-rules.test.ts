import { expect } from '@open-wc/testing';
import { learnerFromActor } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import { parseManifest, type ScormLesson } from '@lms-kit/scorm';
import { PackageSequencer, ScoSession, ScormStatements, packageCourse, type EngineActivity } from '@lms-kit/scorm/runtime';
import type { Scorm2004API } from 'scorm-again';

const learner = learnerFromActor({ mbox: 'mailto:ada@example.com', name: 'Ada' });
const manifestOf = async (name: string) => (await fetch(`/test/scorm/${name}/imsmanifest.xml`)).text();

/** Plays the delivered SCO as content would: Initialize, report, ask to go on, Terminate. */
function playSco(sequencer: PackageSequencer, report: { completed?: boolean; passed?: boolean; score?: number }, request = 'continue') {
  const api = sequencer.api;
  api.Initialize('');
  if (report.completed !== undefined) api.SetValue('cmi.completion_status', report.completed ? 'completed' : 'incomplete');
  if (report.passed !== undefined) api.SetValue('cmi.success_status', report.passed ? 'passed' : 'failed');
  if (report.score !== undefined) api.SetValue('cmi.score.scaled', String(report.score));
  api.SetValue('adl.nav.request', request);
  api.Terminate('');
}

async function sequencerFor(name: string, storage = new MemoryAdapter()) {
  const delivered: string[] = [];
  const relaunched: string[] = [];
  const sequencer = new PackageSequencer({
    pkg: parseManifest(await manifestOf(name)),
    storage,
    learnerId: learner.id,
    courseId: name,
    onDeliver: (id) => delivered.push(id),
  });
  sequencer.addEventListener('relaunch', (event) => relaunched.push((event as CustomEvent<string>).detail));
  await sequencer.start();
  return { sequencer, delivered, relaunched, storage };
}

const engineTree = (sequencer: PackageSequencer) =>
  sequencer.api.getSequencingService()?.getSequencingState()?.rootActivity as unknown as EngineActivity;
const childIds = (sequencer: PackageSequencer, cluster: string) =>
  engineTree(sequencer)
    .children.find((child) => child.id === cluster)
    ?.children.map((child) => child.id) ?? [];

describe('SCORM 2004 sequencing behaviours (packages written for the tests)', () => {
  it('randomizeChildren shuffles a cluster once, selectCount draws from a bank, and a resumed learner keeps both', async () => {
    const parts = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const orders: string[][] = [];
    for (let learnerRun = 0; learnerRun < 4; learnerRun++) {
      const { sequencer, delivered, storage } = await sequencerFor('seq-random');
      const order = childIds(sequencer, 'parts');
      orders.push(order);
      expect([...order].sort()).to.deep.equal(parts);
      expect(delivered[0], 'flow starts on the first part of the shuffled order').to.equal(order[0]);
      // Through the parts in the shuffled order, then the questions drawn.
      for (let i = 0; i < 6; i++) playSco(sequencer, { completed: true });
      const questions = delivered.filter((id) => id.startsWith('q'));
      expect(delivered.slice(0, 6)).to.deep.equal(order);
      expect(questions, 'flow goes on to the questions drawn').to.have.length(1);
      const drawn = [...sequencer.availability()].filter(([, hold]) => hold === 'rules').map(([id]) => id);
      expect(drawn, 'the two not drawn are closed').to.have.length(2);
      // Leave mid-way, come back: same order, same draw.
      playSco(sequencer, { completed: true }, 'suspendAll');
      const resumed = await sequencerFor('seq-random', storage);
      expect(childIds(resumed.sequencer, 'parts')).to.deep.equal(order);
      expect(resumed.sequencer.current).to.equal(questions[0]);
      expect(
        [...resumed.sequencer.availability()].filter(([, hold]) => hold === 'rules').map(([id]) => id),
        'the same questions are closed',
      ).to.have.members(drawn);
    }
    // 4 learners, 720 orders: the manifest's order every time would mean nothing is shuffled.
    expect(orders.some((order) => order.join() !== parts.join())).to.equal(true);
  });

  it('randomizationTiming: "once" keeps the order on a new attempt, "onEachNewAttempt" shuffles again', async () => {
    /** The order of the parts in each of four attempts (the session ended with exitAll, then a new one starts). */
    const ordersOverAttempts = async (name: string) => {
      const { sequencer } = await sequencerFor(name);
      const orders = [childIds(sequencer, 'parts').join()];
      for (let attempt = 0; attempt < 3; attempt++) {
        const restarted = new Promise((resolve) => sequencer.addEventListener('availability', resolve, { once: true }));
        playSco(sequencer, { completed: true }, 'exitAll');
        await restarted;
        orders.push(childIds(sequencer, 'parts').join());
      }
      return orders;
    };
    const once = await ordersOverAttempts('seq-random');
    expect(new Set(once).size, 'shuffled once, then kept').to.equal(1);
    const eachAttempt = await ordersOverAttempts('seq-random-attempts');
    expect(new Set(eachAttempt).size, 'a new order for new attempts (4 draws of 720)').to.be.greaterThan(1);
  });

  it('4th edition completion maps (adlseq:objectives): the intro writes its completion, the recap reads it and is skipped', async () => {
    const { sequencer, delivered } = await sequencerFor('seq-completion-map');
    playSco(sequencer, { completed: false });
    expect(delivered, 'an incomplete intro does not skip the recap').to.deep.equal(['intro', 'recap']);
    sequencer.choose('intro');
    playSco(sequencer, { completed: true });
    expect(delivered).to.deep.equal(['intro', 'recap', 'intro', 'summary']);
  });

  it('4th edition completion maps reach the SCO: the summary sees the intro completed in cmi.objectives', async () => {
    const { sequencer } = await sequencerFor('seq-completion-map');
    const pkg = parseManifest(await manifestOf('seq-completion-map'));
    sequencer.api.Initialize('');
    sequencer.api.SetValue('cmi.progress_measure', '1');
    sequencer.api.SetValue('cmi.completion_status', 'completed');
    sequencer.api.SetValue('adl.nav.request', 'continue');
    sequencer.api.Terminate('');
    expect(sequencer.current, 'flow skips the recap').to.equal('summary');
    const session = scoSession(pkg, 'summary', sequencer);
    await session.prepare();
    const api = session.api as Scorm2004API;
    api.Initialize('');
    const index = [0, 1].find((n) => api.GetValue(`cmi.objectives.${n}.id`) === 'intro');
    expect(index, 'the objective mapped to the intro is there').to.not.equal(undefined);
    expect(api.GetValue(`cmi.objectives.${index}.completion_status`)).to.equal('completed');
    expect(api.GetValue(`cmi.objectives.${index}.progress_measure`)).to.equal('1');
  });

  it('an objective without an id does not stop the SCO from launching (no 351 from loadFromJSON)', async () => {
    const storage = new MemoryAdapter();
    const { sequencer } = await sequencerFor('seq-objective-noid', storage);
    const pkg = parseManifest(await manifestOf('seq-objective-noid'));
    const session = scoSession(pkg, 'check', sequencer, storage);
    await session.prepare();
    const api = session.api as Scorm2004API;
    expect(api.Initialize('')).to.equal('true');
    const ids = Array.from({ length: Number(api.GetValue('cmi.objectives._count')) }, (_, n) => api.GetValue(`cmi.objectives.${n}.id`));
    expect(ids).to.include('allergens');
    // Resumed with what it saved, the objectives keep their places.
    api.SetValue('cmi.objectives.1.success_status', 'passed');
    api.SetValue('cmi.exit', 'suspend');
    api.SetValue('adl.nav.request', 'suspendAll');
    api.Terminate('');
    await session.end();
    const again = await sequencerFor('seq-objective-noid', storage);
    const resumed = scoSession(pkg, 'check', again.sequencer, storage);
    await resumed.prepare();
    const resumedApi = resumed.api as Scorm2004API;
    expect(resumedApi.Initialize('')).to.equal('true');
    expect(resumedApi.GetValue('cmi.entry')).to.equal('resume');
  });

  it('isvisible="false": not in the outline, still delivered by flow, played by the lesson before it', async () => {
    const pkg = parseManifest(await manifestOf('seq-hidden'));
    const course = packageCourse(pkg, '/__zip/test/scorm/seq-hidden.zip');
    const lessons = course.modules.flatMap((module) => module.lessons) as ScormLesson[];
    expect(lessons.map((lesson) => lesson.item)).to.deep.equal(['intro', 'end']);
    expect(lessons[0].items).to.deep.equal(['briefing']);
    const { sequencer, delivered } = await sequencerFor('seq-hidden');
    playSco(sequencer, { completed: true });
    playSco(sequencer, { completed: true });
    expect(delivered).to.deep.equal(['intro', 'briefing', 'end']);
  });

  it('a test failed and retried (post-condition "retry") is delivered again, and the player told to relaunch it', async () => {
    const { sequencer, delivered, relaunched } = await sequencerFor('seq-retry');
    playSco(sequencer, { completed: true });
    playSco(sequencer, { completed: true, passed: false, score: 0.2 });
    expect(delivered).to.deep.equal(['lesson', 'test', 'test']);
    expect(relaunched).to.deep.equal(['test']);
    expect(sequencer.api.isInitialized(), 'a fresh API for the new attempt').to.equal(false);
    playSco(sequencer, { completed: true, passed: true, score: 0.9 });
    expect(delivered).to.deep.equal(['lesson', 'test', 'test', 'end']);
    expect(relaunched, 'choosing the SCO playing is not a relaunch').to.deep.equal(['test']);
  });

  it('the course score is the weighted measure rollup (RB.1.1): 0.75 after a remediation flow with a retried post-test', async () => {
    const { sequencer, delivered } = await sequencerFor('seq-measure');
    playSco(sequencer, { completed: true, passed: false, score: 0.5 });
    playSco(sequencer, { completed: true });
    playSco(sequencer, { completed: true, passed: false, score: 0.6 });
    expect(delivered).to.deep.equal(['pretest', 'remedial', 'posttest', 'posttest']);
    playSco(sequencer, { completed: true, passed: true, score: 1 }, 'exitAll');
    expect(sequencer.rootStatus()?.score).to.equal(0.75);
  });

  it('no score for the course when every objectiveMeasureWeight is 0', async () => {
    const { sequencer } = await sequencerFor('seq-weights-zero');
    playSco(sequencer, { completed: true, passed: true, score: 0.9 });
    playSco(sequencer, { completed: true, passed: true, score: 0.5 }, 'exitAll');
    expect(sequencer.rootStatus()).to.deep.include({ completed: true });
    expect(sequencer.rootStatus()?.score).to.equal(undefined);
  });
});

function scoSession(pkg: ReturnType<typeof parseManifest>, itemId: string, sequencer: PackageSequencer, storage = new MemoryAdapter()) {
  const item = pkg.organizations[0].items.find((candidate) => candidate.identifier === itemId);
  if (!item) throw new Error(`no item ${itemId}`);
  const sco = { objectType: 'Activity' as const, id: `urn:test:sco:${itemId}` };
  return new ScoSession({
    pkg,
    item,
    storage,
    learner,
    courseId: 'seq',
    lessonId: itemId,
    activityId: sco.id,
    sequencer,
    statements: (attemptId) =>
      new ScormStatements({ learner, registration: '00000000-0000-4000-8000-000000000000', sco, course: sco, attemptId }),
  });
}
