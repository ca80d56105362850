import { expect } from '@open-wc/testing';
import { learnerFromActor } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import {
  ScoSession,
  ScormStatements,
  exposeApi,
  openPackage,
  summarizeCmi,
  withdrawApi,
  type ScoAttemptData,
} from '@lms-kit/scorm/runtime';

const learner = learnerFromActor({ mbox: 'mailto:ada@example.com', name: 'Ada' });
type Call = { result: string; error: string };
type Results = Record<string, Call | number>;

/**
 * Plays one item of a test package (an unpacked folder under /test/scorm/) in a frame, as the player does:
 * a ScoSession with the API exposed on this window; the SCO's script runs on load and leaves what the API
 * answered in `window.results`. Returns those answers and the attempt as stored.
 */
async function play(folder: string, itemId: string, storage = new MemoryAdapter()) {
  const opened = await openPackage(`/test/scorm/${folder}/`);
  const item = opened.manifest.organizations[0].items.find((candidate) => candidate.identifier === itemId);
  if (!item) throw new Error(`no item ${itemId}`);
  const sco = { objectType: 'Activity' as const, id: `urn:test:${folder}:${itemId}` };
  const session = new ScoSession({
    pkg: opened.manifest,
    item,
    storage,
    learner,
    courseId: folder,
    lessonId: itemId,
    activityId: sco.id,
    statements: (attemptId) =>
      new ScormStatements({ learner, registration: '00000000-0000-4000-8000-000000000000', sco, course: sco, attemptId }),
  });
  await session.prepare();
  exposeApi(window, session.api);
  const frame = document.createElement('iframe');
  frame.src = opened.launchUrl(item);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const results = (frame.contentWindow as unknown as { results: Results }).results;
  frame.remove();
  withdrawApi(window, session.api);
  await session.end();
  const [attempt] = await storage.listAttempts({ learnerId: learner.id, courseId: folder });
  const data = attempt.data as ScoAttemptData;
  return { results, attempt, summary: summarizeCmi(data.version, data.cmi) };
}

describe('SCORM 1.2 run-time rules (RTE 3.4)', () => {
  it('a SCO that sets no status is completed when it finishes', async () => {
    const { results, attempt, summary } = await play('sco12-rules', 'silent');
    expect(results.finish).to.deep.equal({ result: 'true', error: '0' });
    expect(summary.completed).to.equal(true);
    expect(attempt.status, 'the attempt is over: the next launch starts a new one').to.equal('completed');
  });

  it('a raw score and no status is judged against the mastery score', async () => {
    const { summary } = await play('sco12-rules', 'scored');
    expect(summary).to.include({ completed: true, passed: true });
    expect(summary.score?.raw).to.equal(90);
  });

  it('refuses suspend_data over 4,096 characters (405) and every call after LMSFinish (301), keeping what was set', async () => {
    const { results, summary } = await play('sco12-rules', 'limits');
    expect(results.suspend4096).to.deep.equal({ result: 'true', error: '0' });
    expect(results.suspend4097).to.deep.equal({ result: 'false', error: '405' });
    expect(results.kept).to.equal(4096);
    expect(results.setAfterFinish).to.deep.equal({ result: 'false', error: '301' });
    expect(results.getAfterFinish).to.deep.equal({ result: '', error: '301' });
    expect(results.commitAfterFinish).to.deep.equal({ result: 'false', error: '301' });
    expect(results.finishAgain).to.deep.equal({ result: 'false', error: '301' });
    // What the SCO set before LMSFinish is what is kept: incomplete, not the "passed" it tried after.
    expect(summary.completed).to.equal(false);
    expect(summary.suspendData).to.have.length(4096);
  });
});

describe('SCORM 2004 without sequencing', () => {
  it('a SCO that says nothing of completion is completed at the end of its attempt (completionSetByContent false)', async () => {
    const { summary, attempt } = await play('sco2004-plain', 'silent');
    expect(summary.completed).to.equal(true);
    expect(attempt.status).to.equal('completed');
  });

  it('a SCO that says it is incomplete stays incomplete', async () => {
    const { summary, attempt } = await play('sco2004-plain', 'incomplete');
    expect(summary.completed).to.equal(false);
    expect(attempt.status).to.equal('in-progress');
  });

  it('calls after Terminate get the 2004 error codes (123, 133, 143, 113, 104); suspend_data keeps its SPM', async () => {
    const { results, summary } = await play('sco2004-plain', 'after');
    expect(results.getAfter).to.deep.equal({ result: '', error: '123' });
    expect(results.setAfter).to.deep.equal({ result: 'false', error: '133' });
    expect(results.commitAfter).to.deep.equal({ result: 'false', error: '143' });
    expect(results.terminateAgain).to.deep.equal({ result: 'false', error: '113' });
    expect(results.initializeAgain).to.deep.equal({ result: 'false', error: '104' });
    expect(summary.location).to.equal('page-2');
    expect(results.suspendSpm).to.deep.equal({ result: 'true', error: '0' });
    expect(summary.suspendData, 'the SPM is kept whole').to.have.length(64000);
  });
});
