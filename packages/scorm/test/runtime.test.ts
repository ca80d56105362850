import { expect } from '@open-wc/testing';
import { learnerFromActor } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import { parseManifest, type ScormPackage } from '@lms-kit/scorm';
import { ScoSession, ScormStatements } from '@lms-kit/scorm/runtime';
import type { Scorm12API, Scorm2004API } from 'scorm-again';
import { manifest12, manifest2004 } from './support.js';

const learner = learnerFromActor({ mbox: 'mailto:ada@example.com', name: 'Ada' });

function session(pkg: ScormPackage, itemIndex: number, storage: MemoryAdapter, courseId = 'runtime') {
  const item = pkg.organizations[0].items[itemIndex];
  const sco = { objectType: 'Activity' as const, id: `urn:test:sco:${item.identifier}` };
  return new ScoSession({
    pkg,
    item,
    storage,
    learner,
    courseId,
    lessonId: item.identifier,
    activityId: sco.id,
    statements: (attemptId) =>
      new ScormStatements({ learner, registration: '00000000-0000-4000-8000-000000000000', sco, course: sco, attemptId }),
  });
}

const sco2004 = (id: string, extra = '') => `<item identifier="${id}" identifierref="r-${id}"><title>${id}</title>${extra}</item>`;
const resource2004 = (id: string) => `<resource identifier="r-${id}" type="webcontent" adlcp:scormType="sco" href="${id}.html"/>`;

describe('ScoSession resume', () => {
  it('SCORM 2004: a suspended attempt resumes with its interactions, comments and preferences', async () => {
    const pkg = parseManifest(
      manifest2004(`<organization identifier="org"><title>T</title>${sco2004('quiz')}</organization>`, resource2004('quiz')),
    );
    const storage = new MemoryAdapter();
    const first = session(pkg, 0, storage);
    await first.prepare();
    const api = first.api as Scorm2004API;
    api.Initialize('');
    api.SetValue('cmi.interactions.0.id', 'q1');
    api.SetValue('cmi.interactions.0.type', 'choice');
    api.SetValue('cmi.interactions.0.objectives.0.id', 'obj-1');
    api.SetValue('cmi.interactions.0.correct_responses.0.pattern', 'b');
    api.SetValue('cmi.interactions.0.learner_response', 'a');
    api.SetValue('cmi.interactions.0.result', 'incorrect');
    api.SetValue('cmi.interactions.0.description', 'Which one?');
    api.SetValue('cmi.interactions.1.id', 'q2');
    api.SetValue('cmi.interactions.1.type', 'true-false');
    api.SetValue('cmi.interactions.1.learner_response', 'true');
    api.SetValue('cmi.interactions.1.result', 'correct');
    api.SetValue('cmi.comments_from_learner.0.comment', 'Hard one');
    api.SetValue('cmi.learner_preference.audio_level', '2');
    api.SetValue('cmi.exit', 'suspend');
    api.Terminate('');
    await first.end();

    const second = session(pkg, 0, storage);
    await second.prepare();
    const resumed = second.api as Scorm2004API;
    resumed.Initialize('');
    expect(resumed.GetValue('cmi.entry')).to.equal('resume');
    expect(resumed.GetValue('cmi.interactions._count')).to.equal('2');
    expect(resumed.GetValue('cmi.interactions.0.id')).to.equal('q1');
    expect(resumed.GetValue('cmi.interactions.0.type')).to.equal('choice');
    expect(resumed.GetValue('cmi.interactions.0.learner_response')).to.equal('a');
    expect(resumed.GetValue('cmi.interactions.0.result')).to.equal('incorrect');
    expect(resumed.GetValue('cmi.interactions.0.objectives.0.id')).to.equal('obj-1');
    expect(resumed.GetValue('cmi.interactions.0.correct_responses.0.pattern')).to.equal('b');
    expect(resumed.GetValue('cmi.interactions.0.description')).to.equal('Which one?');
    expect(resumed.GetValue('cmi.interactions.1.learner_response')).to.equal('true');
    expect(resumed.GetValue('cmi.comments_from_learner.0.comment')).to.equal('Hard one');
    expect(resumed.GetValue('cmi.learner_preference.audio_level')).to.equal('2');
    // A new answer goes after the restored ones and nothing is lost when it is saved.
    resumed.SetValue('cmi.interactions.2.id', 'q3');
    resumed.SetValue('cmi.interactions.2.type', 'fill-in');
    resumed.SetValue('cmi.interactions.2.learner_response', 'rye');
    resumed.Commit('');
    await second.store.flushed();
    const attempts = await storage.listAttempts({ learnerId: learner.id });
    expect(attempts).to.have.length(1);
    const stored = JSON.stringify(attempts[0].data);
    for (const id of ['q1', 'q2', 'q3']) expect(stored).to.contain(`"${id}"`);
    // Answers already reported are not reported again: one "answered" per interaction.
    const answered = (await storage.readOutbox(100)).filter((entry) => entry.statement.verb.id.endsWith('/answered'));
    expect(answered.map((entry) => entry.statement.object.id.split('/').pop())).to.deep.equal(['q1', 'q2', 'q3']);
  });

  it('SCORM 1.2: interactions are kept across sessions (write-only to the SCO, counted so new ones append)', async () => {
    const pkg = parseManifest(
      manifest12(
        '<item identifier="quiz" identifierref="r"><title>Quiz</title></item>',
        '<resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="quiz.html"/>',
      ),
    );
    const storage = new MemoryAdapter();
    const first = session(pkg, 0, storage);
    await first.prepare();
    const api = first.api as Scorm12API;
    api.LMSInitialize('');
    api.LMSSetValue('cmi.interactions.0.id', 'q1');
    api.LMSSetValue('cmi.interactions.0.type', 'choice');
    api.LMSSetValue('cmi.interactions.0.student_response', 'a');
    api.LMSSetValue('cmi.interactions.0.result', 'wrong');
    api.LMSSetValue('cmi.comments', 'first visit');
    api.LMSSetValue('cmi.core.exit', 'suspend');
    api.LMSFinish('');
    await first.end();

    const second = session(pkg, 0, storage);
    await second.prepare();
    const resumed = second.api as Scorm12API;
    resumed.LMSInitialize('');
    expect(resumed.LMSGetValue('cmi.core.entry')).to.equal('resume');
    expect(resumed.LMSGetValue('cmi.interactions._count')).to.equal('1');
    expect(resumed.LMSGetValue('cmi.comments')).to.equal('first visit');
    resumed.LMSSetValue('cmi.interactions.1.id', 'q2');
    resumed.LMSSetValue('cmi.interactions.1.type', 'true-false');
    resumed.LMSSetValue('cmi.interactions.1.student_response', 't');
    resumed.LMSCommit('');
    await second.store.flushed();
    const stored = JSON.stringify((await storage.listAttempts({ learnerId: learner.id }))[0].data);
    expect(stored).to.contain('"q1"').and.to.contain('"q2"');
  });
});

describe('SCORM 2004 shared data (adl.data)', () => {
  const xml = manifest2004(
    `<organization identifier="org"><title>T</title>
      ${sco2004('writer', '<adlcp:data><adlcp:map targetID="notes" readSharedData="true" writeSharedData="true"/><adlcp:map targetID="locked" writeSharedData="false"/></adlcp:data>')}
      ${sco2004('reader', '<adlcp:data><adlcp:map targetID="notes" writeSharedData="false"/></adlcp:data>')}
    </organization>`,
    resource2004('writer') + resource2004('reader'),
  );

  it('parses adlcp:data maps', () => {
    const pkg = parseManifest(xml);
    expect(pkg.organizations[0].items[0].sharedData).to.deep.equal([
      { targetID: 'notes', readSharedData: true, writeSharedData: true },
      { targetID: 'locked', readSharedData: true, writeSharedData: false },
    ]);
  });

  it('serves the stores to the SCOs that map them, keeps what one writes and lets the next read it', async () => {
    const pkg = parseManifest(xml);
    const storage = new MemoryAdapter();
    const writer = session(pkg, 0, storage);
    await writer.prepare();
    const api = writer.api as Scorm2004API;
    api.Initialize('');
    expect(api.GetValue('adl.data._count')).to.equal('2');
    expect(api.GetValue('adl.data.0.id')).to.equal('notes');
    expect(api.SetValue('adl.data.0.store', 'shared note')).to.equal('true');
    expect(api.SetValue('adl.data.1.store', 'nope')).to.equal('false');
    api.Commit('');
    api.Terminate('');
    await writer.end();

    const reader = session(pkg, 1, storage);
    await reader.prepare();
    const readerApi = reader.api as Scorm2004API;
    readerApi.Initialize('');
    expect(readerApi.GetValue('adl.data._count')).to.equal('1');
    expect(readerApi.GetValue('adl.data.0.store')).to.equal('shared note');
    expect(readerApi.SetValue('adl.data.0.store', 'changed')).to.equal('false');
  });
});

describe('ScoSession storage failures', () => {
  it('tells the host once, keeps the SCO going, and writes everything once storage works again', async () => {
    const pkg = parseManifest(
      manifest2004(`<organization identifier="org"><title>T</title>${sco2004('a')}</organization>`, resource2004('a')),
    );
    // A real adapter whose writes fail until it is told otherwise (as a full disk would).
    const storage = new MemoryAdapter();
    let full = true;
    const putAttempt = storage.putAttempt.bind(storage);
    storage.putAttempt = async (attempt) => {
      if (full) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      return putAttempt(attempt);
    };
    const errors: string[] = [];
    const item = pkg.organizations[0].items[0];
    const sco = { objectType: 'Activity' as const, id: 'urn:test:sco:a' };
    const failing = new ScoSession({
      pkg,
      item,
      storage,
      learner,
      courseId: 'runtime',
      lessonId: 'a',
      activityId: sco.id,
      statements: (attemptId) =>
        new ScormStatements({ learner, registration: '00000000-0000-4000-8000-000000000000', sco, course: sco, attemptId }),
      onStorageError: (error) => errors.push(error.code),
    });
    await failing.prepare();
    const api = failing.api as Scorm2004API;
    api.Initialize('');
    api.SetValue('cmi.location', 'p1');
    expect(api.Commit('')).to.equal('true');
    await failing.store.flushed();
    api.SetValue('cmi.location', 'p2');
    expect(api.Commit('')).to.equal('true');
    await failing.store.flushed();
    expect(errors).to.have.length(1);
    expect(await storage.listAttempts({ learnerId: learner.id })).to.have.length(0);
    full = false;
    api.SetValue('cmi.suspend_data', 'kept');
    api.Commit('');
    await failing.store.flushed();
    const stored = JSON.stringify((await storage.listAttempts({ learnerId: learner.id }))[0]?.data);
    expect(stored).to.contain('p2').and.to.contain('kept');
    expect(Object.keys(localStorage).filter((key) => key.startsWith('lms-kit:scorm-journal:'))).to.have.length(0);
  });
});
