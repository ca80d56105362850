import { expect, waitUntil } from '@open-wc/testing';
import { learnerFromActor } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import { configureServiceWorker, defaultOrganization, launchableItems } from '@lms-kit/scorm';
import { ScoSession, ScormStatements, exposeApi, openPackage } from '@lms-kit/scorm/runtime';
import { FIXTURES } from './support.js';

describe('runtime smoke', () => {
  before(() => configureServiceWorker({ url: '/packages/scorm/src/sw/lms-kit-sw.ts', scope: '/packages/scorm/src/sw/', type: 'module' }));

  it('launches RuntimeBasicCalls 2004', async function () {
    this.timeout(20000);
    const opened = await openPackage(`${FIXTURES}/scorm2004/RuntimeBasicCalls_SCORM20043rdEdition.zip`);
    const item = launchableItems(defaultOrganization(opened.manifest)!)[0];
    const storage = new MemoryAdapter();
    const learner = learnerFromActor({ mbox: 'a@example.com', name: 'A' });
    const activity = { objectType: 'Activity' as const, id: 'urn:x:sco' };
    const session = new ScoSession({
      pkg: opened.manifest, item, storage, learner, courseId: 'c', lessonId: 'l', activityId: 'urn:x:sco',
      statements: (attemptId) => new ScormStatements({ learner, registration: '00000000-0000-4000-8000-000000000000', sco: activity, course: activity, attemptId }),
    });
    await session.prepare();
    exposeApi(window, session.api);
    const frame = document.createElement('iframe');
    frame.src = opened.launchUrl(item);
    document.body.append(frame);
    await waitUntil(() => session.api.isInitialized(), 'not initialized', { timeout: 10000 });
    console.log(opened.launchUrl(item), JSON.stringify((session.api.renderCMIToJSONObject() as {cmi: unknown}).cmi).slice(0, 600));
    frame.remove();
    await waitUntil(() => session.api.isTerminated(), 'not terminated', { timeout: 5000 });
    await session.store.flushed();
    const attempts = await storage.listAttempts({ learnerId: learner.id });
    console.log(JSON.stringify(attempts[0]).slice(0, 1500));
    const outbox = await storage.readOutbox(50);
    console.log(outbox.map((e) => e.statement.verb.display['en-US']).join(','));
    expect(attempts.length).to.equal(1);
  });
});
