import { expect } from '@open-wc/testing';
import { isLmsError, uuid } from '@lms-kit/core';
import { MemoryAdapter, type StorageAdapter } from '@lms-kit/storage';
import {
  Cmi5ActivityTypes,
  Cmi5Categories,
  Cmi5Collections,
  Cmi5Verbs,
  endSession,
  parseCourseStructure,
  waiveAu,
  type Cmi5AuStatus,
  type Cmi5CourseRecord,
  type MoveOn,
} from '@lms-kit/xapi/cmi5';
import { Cmi5Extensions, LEARNER, TestAu, courseXml, facade, importXml, lmsStatements, results } from './cmi5-support.js';

describe('cmi5: the LMS side and its LRS facade', () => {
  let storage: StorageAdapter;
  let course: Cmi5CourseRecord;
  let registration: string;

  beforeEach(async () => {
    storage = new MemoryAdapter();
    registration = uuid();
  });

  async function setUp(aus: Array<{ moveOn?: MoveOn; masteryScore?: number }>) {
    course = await importXml(storage, courseXml(aus));
    return facade(storage);
  }
  const auId = (index: number) => `${course.structure.id}/au/${index}`;
  const status = async (index = 0) => storage.getRecord<Cmi5AuStatus>(Cmi5Collections.auStatus, `${registration}|${auId(index)}`);
  const launch = (route: ReturnType<typeof facade>, index = 0, launchMode?: 'Normal' | 'Browse' | 'Review') =>
    TestAu.launch(route, storage, { course, auId: auId(index), registration, launchMode });

  describe('course structure', () => {
    it('reads AUs, blocks and their launch attributes, with LMS activity ids that are not the publisher ids', async () => {
      await setUp([{ moveOn: 'Passed', masteryScore: 0.8 }]);
      const au = course.structure.children[0].type === 'block' ? course.structure.children[0].children[0] : undefined;
      expect(au).to.include({
        moveOn: 'Passed',
        masteryScore: 0.8,
        launchMethod: 'AnyWindow',
        url: 'https://content.example/au/0/index.html?lang=en',
      });
      expect(course.activityIds[auId(0)])
        .to.match(/^urn:lms-kit:cmi5:/)
        .and.not.equal(auId(0));
    });

    it('refuses a structure that breaks the schema, naming every problem with its path', () => {
      const xml = courseXml([{ moveOn: 'Sometimes', masteryScore: 2 }]).replace(
        '<url>https://content.example/au/0/index.html?lang=en</url>',
        '',
      );
      let error: unknown;
      try {
        parseCourseStructure(xml);
      } catch (caught) {
        error = caught;
      }
      expect(isLmsError(error, 'cmi5/invalid-course')).to.equal(true);
      const paths = (error as { issues: Array<{ path: string }> }).issues.map((issue) => issue.path);
      expect(paths).to.include.members([
        'courseStructure.block[0].au[0].moveOn',
        'courseStructure.block[0].au[0].masteryScore',
        'courseStructure.block[0].au[0].url',
      ]);
    });

    it('refuses relative AU URLs in a cmi5.xml outside a zip (cmi5 14.2) and a document that is not cmi5', () => {
      expect(() =>
        parseCourseStructure(courseXml([{}]).replace(/https:\/\/content\.example\/au\/0\//, 'au/'), { requireAbsoluteUrls: true }),
      ).to.throw(/fully qualified/);
      expect(() => parseCourseStructure('<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"/>')).to.throw(
        /not a cmi5 course structure/,
      );
      expect(() => parseCourseStructure('<courseStructure')).to.throw(/not well-formed/);
    });
  });

  describe('launch', () => {
    it('writes LMS.LaunchData, the learner preferences and "launched" before the AU starts, and merges the launch parameters into the URL', async () => {
      const route = await setUp([{ moveOn: 'Completed', masteryScore: 0.5 }]);
      const au = await launch(route);
      const params = au.params;
      expect(new URL(au.launch.url).searchParams.get('lang')).to.equal('en');
      expect(JSON.parse(params.get('actor') as string)).to.deep.include({ account: LEARNER.actor.account });
      expect(params.get('registration')).to.equal(registration);
      expect(params.get('activityId')).to.equal(course.activityIds[auId(0)]);
      await au.start();
      expect(au.launchData).to.deep.include({ launchMode: 'Normal', moveOn: 'Completed', masteryScore: 0.5 });
      expect(au.launchData?.contextTemplate.extensions?.[Cmi5Extensions.sessionId]).to.equal(au.launch.session.id);
      expect(au.launchData?.contextTemplate.contextActivities?.grouping?.[0].id).to.equal(auId(0));
      const preferences = await au.request('agents/profile', {
        query: { profileId: 'cmi5LearnerPreferences', agent: params.get('actor') as string },
      });
      expect(await preferences.json()).to.have.keys('languagePreference', 'audioPreference');
      const [launched] = await lmsStatements(storage, Cmi5Verbs.launched);
      expect(launched.context?.extensions).to.include({
        [Cmi5Extensions.launchMode]: 'Normal',
        [Cmi5Extensions.moveOn]: 'Completed',
        [Cmi5Extensions.masteryScore]: 0.5,
      });
      expect(launched.context?.extensions?.[Cmi5Extensions.launchUrl]).to.equal('https://content.example/au/0/index.html?lang=en');
    });

    it('hands the auth token out once: a second fetch gets the cmi5 error document', async () => {
      const au = await launch(await setUp([{}]));
      const first = await au.fetchToken();
      expect(first['auth-token']).to.be.a('string');
      const second = await au.fetchToken();
      expect(second).to.deep.equal({ 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
      await au.loadLaunchData();
      await au.loadPreferences();
      expect((await au.send('initialized')).status).to.equal(200);
    });

    it('refuses requests without the token, and an AU changing LMS.LaunchData', async () => {
      const au = await launch(await setUp([{}]));
      expect((await au.send('initialized')).status).to.equal(401);
      await au.start();
      const write = await au.request('activities/state', {
        method: 'PUT',
        body: '{}',
        query: {
          stateId: 'LMS.LaunchData',
          activityId: au.params.get('activityId') as string,
          agent: au.params.get('actor') as string,
          registration,
        },
      });
      expect(write.status).to.equal(403);
    });
  });

  describe('AU statement rules', () => {
    it('accepts initialized first, refuses anything before it and anything after terminated', async () => {
      const au = await launch(await setUp([{ moveOn: 'Completed' }]));
      await au.start();
      const early = await au.post(au.statement('http://adlnet.gov/expapi/verbs/experienced', undefined, { defined: false }));
      expect(early.status).to.equal(403);
      expect((await early.json()).message).to.contain('initialized');
      expect((await au.send('initialized')).status).to.equal(200);
      expect((await au.post(au.statement('http://adlnet.gov/expapi/verbs/experienced', undefined, { defined: false }))).status).to.equal(
        200,
      );
      expect((await au.send('terminated', results.terminated)).status).to.equal(200);
      const late = await au.send('completed', results.completed);
      expect(late.status).to.equal(403);
      expect((await late.json()).message).to.contain('terminated');
      expect((await status())?.completed).to.equal(false);
    });

    it('refuses a duplicate verb in a session, "completed" twice in a registration, and "failed" after "passed"', async () => {
      const route = await setUp([{ moveOn: 'CompletedAndPassed' }]);
      const first = await launch(route);
      await first.start();
      await first.send('initialized');
      expect((await first.send('initialized')).status).to.equal(403);
      expect((await first.send('completed', results.completed)).status).to.equal(200);
      expect((await first.send('passed', results.passed())).status).to.equal(200);
      const second = await launch(route);
      await second.start();
      await second.send('initialized');
      expect((await second.send('completed', results.completed)).status).to.equal(403);
      expect((await second.send('failed', results.failed())).status).to.equal(403);
    });

    it('checks scores against masteryScore and refuses satisfaction verbs in Browse mode', async () => {
      const route = await setUp([{ moveOn: 'Passed', masteryScore: 0.7 }]);
      const au = await launch(route);
      await au.start();
      await au.send('initialized');
      expect((await au.send('passed', results.passed(0.5))).status).to.equal(403);
      expect((await au.send('failed', results.failed(0.9))).status).to.equal(403);
      expect((await au.send('passed', results.passed(0.7))).status).to.equal(200);
      const browse = await launch(route, 0, 'Browse');
      await browse.start();
      await browse.send('initialized');
      expect((await browse.send('completed', results.completed)).status).to.equal(403);
    });

    it('refuses statements that are not valid xAPI (400), or that leave out the context template (403)', async () => {
      const au = await launch(await setUp([{}]));
      await au.start();
      const invalid = au.statement(Cmi5Verbs.initialized);
      (invalid.actor as { mbox?: string }).mbox = 'not-an-email';
      expect((await au.post(invalid)).status).to.equal(400);
      const noSession = au.statement(Cmi5Verbs.initialized);
      delete noSession.context?.extensions;
      expect((await au.post(noSession)).status).to.equal(403);
    });

    it('takes a resent statement once and refuses another statement reusing its id', async () => {
      const au = await launch(await setUp([{}]));
      await au.start();
      const initialized = au.statement(Cmi5Verbs.initialized);
      expect((await au.post(initialized)).status).to.equal(200);
      expect((await au.post(initialized)).status).to.equal(200);
      expect((await au.post({ ...au.statement(Cmi5Verbs.terminated, results.terminated), id: initialized.id })).status).to.equal(409);
      const byId = await au.request('statements', { query: { statementId: initialized.id } });
      expect((await byId.json()).id).to.equal(initialized.id);
      const byVerb = await au.request('statements', { query: { verb: Cmi5Verbs.initialized } });
      expect(((await byVerb.json()) as { statements: Array<{ id: string }> }).statements.map((statement) => statement.id)).to.deep.equal([
        initialized.id,
      ]);
    });
  });

  describe('learner preferences (cmi5 11)', () => {
    it('refuses "initialized" until the AU has read its learner preferences', async () => {
      const au = await launch(await setUp([{}]));
      await au.fetchToken();
      await au.loadLaunchData();
      const early = await au.send('initialized');
      expect(early.status).to.equal(403);
      expect((await early.json()).message).to.contain('cmi5LearnerPreferences');
      await au.loadPreferences();
      expect((await au.send('initialized')).status).to.equal(200);
    });

    it('refuses writes that are not a valid preferences document with 403, keeping the stored one', async () => {
      const au = await launch(await setUp([{}]));
      await au.start();
      const valid = JSON.stringify({ languagePreference: 'en-US,fr-FR', audioPreference: 'off' });
      const refused: Array<[string, string | undefined]> = [
        [valid, undefined],
        ['just some text', 'text/plain'],
        [JSON.stringify({ audioPreference: 'on' }), 'application/json'],
        [JSON.stringify({ languagePreference: 'not comma separated', audioPreference: 'on' }), 'application/json'],
        [JSON.stringify({ languagePreference: '', audioPreference: 'on' }), 'application/json'],
        [JSON.stringify({ languagePreference: 'en' }), 'application/json'],
      ];
      for (const [body, type] of refused) expect((await au.putPreferences(body, type)).status, `${type}: ${body}`).to.equal(403);
      expect(await (await au.loadPreferences()).json()).to.deep.equal({ languagePreference: 'en', audioPreference: 'on' });
      expect((await au.putPreferences(valid, 'application/json')).status).to.equal(204);
      expect(await (await au.loadPreferences()).json()).to.deep.equal(JSON.parse(valid));
    });
  });

  describe('statements cmi5 forbids (403)', () => {
    async function started() {
      const au = await launch(await setUp([{ moveOn: 'Passed', masteryScore: 0.5 }]));
      await au.start();
      expect((await au.send('initialized')).status).to.equal(200);
      return au;
    }

    it('a statement without an id, without a timestamp, or with a timestamp not in UTC', async () => {
      const au = await started();
      const experienced = () => au.statement('http://adlnet.gov/expapi/verbs/experienced', undefined, { defined: false });
      const noId: Partial<ReturnType<typeof experienced>> = experienced();
      delete noId.id;
      const noTimestamp: Partial<ReturnType<typeof experienced>> = experienced();
      delete noTimestamp.timestamp;
      const notUtc = experienced();
      notUtc.timestamp = (notUtc.timestamp as string).replace('Z', '-06:00');
      for (const statement of [noId, noTimestamp, notUtc]) expect((await au.post(statement as never)).status).to.equal(403);
      expect((await au.post(experienced())).status).to.equal(200);
    });

    it('a statement that is not cmi5 defined but carries the moveOn category, and a Group as actor', async () => {
      const au = await started();
      const allowed = au.statement('http://adlnet.gov/expapi/verbs/experienced', undefined, { defined: false });
      allowed.context = {
        ...allowed.context,
        contextActivities: { ...allowed.context?.contextActivities, category: [{ objectType: 'Activity', id: Cmi5Categories.moveOn }] },
      };
      expect((await au.post(allowed)).status).to.equal(403);
      const group = au.statement(Cmi5Verbs.passed, results.passed(0.9));
      (group.actor as { objectType: string }).objectType = 'Group';
      expect((await au.post(group)).status).to.equal(403);
    });

    it('a raw score without min and max, and a scaled score without the launch masteryScore', async () => {
      const au = await started();
      const raw = au.statement(Cmi5Verbs.passed, { ...results.passed(0.9), score: { scaled: 0.9, raw: 90, max: 100 } });
      expect((await au.post(raw)).status).to.equal(403);
      const noMastery = au.statement(Cmi5Verbs.passed, results.passed(0.9));
      delete noMastery.context?.extensions?.[Cmi5Extensions.masteryScore];
      expect((await au.post(noMastery)).status).to.equal(403);
      expect((await au.send('passed', results.passed(0.9))).status).to.equal(200);
    });

    it('the resend of a stored statement once the session is terminated', async () => {
      const au = await started();
      const experienced = au.statement('http://adlnet.gov/expapi/verbs/experienced', undefined, { defined: false });
      expect((await au.post(experienced)).status).to.equal(200);
      expect((await au.send('terminated', results.terminated)).status).to.equal(200);
      expect((await au.post(experienced)).status).to.equal(403);
    });
  });

  describe('moveOn and satisfaction', () => {
    const cases: Array<{ moveOn: MoveOn; sent: Array<'completed' | 'passed'>; satisfied: boolean }> = [
      { moveOn: 'Completed', sent: ['passed'], satisfied: false },
      { moveOn: 'Completed', sent: ['completed'], satisfied: true },
      { moveOn: 'Passed', sent: ['completed'], satisfied: false },
      { moveOn: 'Passed', sent: ['passed'], satisfied: true },
      { moveOn: 'CompletedAndPassed', sent: ['completed'], satisfied: false },
      { moveOn: 'CompletedAndPassed', sent: ['passed'], satisfied: false },
      { moveOn: 'CompletedAndPassed', sent: ['completed', 'passed'], satisfied: true },
      { moveOn: 'CompletedOrPassed', sent: [], satisfied: false },
      { moveOn: 'CompletedOrPassed', sent: ['passed'], satisfied: true },
      { moveOn: 'CompletedOrPassed', sent: ['completed'], satisfied: true },
      { moveOn: 'NotApplicable', sent: [], satisfied: true },
    ];
    for (const { moveOn, sent, satisfied } of cases) {
      it(`${moveOn} after ${sent.join(' + ') || 'nothing'}: ${satisfied ? 'satisfied' : 'not satisfied'}`, async () => {
        const au = await launch(await setUp([{ moveOn }]));
        await au.start();
        await au.send('initialized');
        for (const verb of sent)
          expect((await au.send(verb, verb === 'completed' ? results.completed : results.passed())).status).to.equal(200);
        await au.send('terminated', results.terminated);
        expect((await status())?.satisfied ?? false).to.equal(satisfied);
        const satisfiedStatements = await lmsStatements(storage, Cmi5Verbs.satisfied);
        const types = satisfiedStatements.map((statement) => statement.object.definition?.type);
        if (satisfied) {
          expect(types).to.have.members([Cmi5ActivityTypes.block, Cmi5ActivityTypes.course]);
          const courseStatement = satisfiedStatements.find((statement) => statement.object.definition?.type === Cmi5ActivityTypes.course);
          expect(courseStatement?.object.id).to.equal(course.activityIds[course.structure.id]);
          expect(courseStatement?.context?.contextActivities?.grouping?.[0].id).to.equal(course.structure.id);
        } else expect(types).to.deep.equal([]);
      });
    }

    it('satisfies the block and the course once, when the last AU is satisfied', async () => {
      const route = await setUp([{ moveOn: 'Completed' }, { moveOn: 'Passed' }]);
      const first = await launch(route, 0);
      await first.start();
      await first.send('initialized');
      await first.send('completed', results.completed);
      expect(await lmsStatements(storage, Cmi5Verbs.satisfied)).to.have.length(0);
      const second = await launch(route, 1);
      await second.start();
      await second.send('initialized');
      await second.send('passed', results.passed());
      const satisfied = await lmsStatements(storage, Cmi5Verbs.satisfied);
      expect(satisfied).to.have.length(2);
      expect(
        satisfied.every((statement) => statement.context?.extensions?.[Cmi5Extensions.sessionId] === second.launch.session.id),
      ).to.equal(true);
    });

    it('counts a waived AU as satisfied, with the reason', async () => {
      await setUp([{ moveOn: 'Passed' }]);
      expect(await waiveAu(storage, course, LEARNER, registration, auId(0), 'Tested Out')).to.equal(true);
      expect(await waiveAu(storage, course, LEARNER, registration, auId(0), 'Tested Out')).to.equal(false);
      const [waived] = await lmsStatements(storage, Cmi5Verbs.waived);
      expect(waived.result).to.deep.include({ success: true, completion: true });
      expect(waived.result?.extensions?.['https://w3id.org/xapi/cmi5/result/extensions/reason']).to.equal('Tested Out');
      expect((await status())?.satisfied).to.equal(true);
      expect(await lmsStatements(storage, Cmi5Verbs.satisfied)).to.have.length(2);
    });
  });

  describe('abandoned sessions', () => {
    it('records "abandoned" for a session closed without "terminated", and refuses its statements from then on', async () => {
      const au = await launch(await setUp([{ moveOn: 'Completed' }]));
      await au.start();
      await au.send('initialized');
      expect(await endSession(storage, au.launch.session.id)).to.equal(true);
      expect(await endSession(storage, au.launch.session.id)).to.equal(false);
      const [abandoned] = await lmsStatements(storage, Cmi5Verbs.abandoned);
      expect(abandoned.context?.extensions?.[Cmi5Extensions.sessionId]).to.equal(au.launch.session.id);
      expect(abandoned.result?.duration).to.match(/^PT/);
      expect((await au.send('completed', results.completed)).status).to.equal(403);
    });

    it('abandons the open session of the registration when an AU is launched again', async () => {
      const route = await setUp([{ moveOn: 'Completed' }]);
      const first = await launch(route);
      await first.start();
      await first.send('initialized');
      await launch(route);
      const abandoned = await lmsStatements(storage, Cmi5Verbs.abandoned);
      expect(abandoned.map((statement) => statement.context?.extensions?.[Cmi5Extensions.sessionId])).to.deep.equal([
        first.launch.session.id,
      ]);
      const terminated = await launch(route);
      await terminated.start();
      await terminated.send('initialized');
      await terminated.send('terminated', results.terminated);
      await launch(route);
      expect(await lmsStatements(storage, Cmi5Verbs.abandoned)).to.have.length(2);
    });
  });

  it('queues every accepted and LMS-written statement in the outbox, for the LRS sync', async () => {
    const au = await launch(await setUp([{ moveOn: 'Completed' }]));
    await au.start();
    await au.send('initialized');
    await au.send('completed', results.completed);
    await au.send('terminated', results.terminated);
    const queued = (await storage.readOutbox(100)).map((entry) => entry.statement.verb.id);
    expect(queued).to.deep.equal([
      Cmi5Verbs.launched,
      Cmi5Verbs.initialized,
      Cmi5Verbs.completed,
      Cmi5Verbs.satisfied,
      Cmi5Verbs.satisfied,
      Cmi5Verbs.terminated,
    ]);
  });
});
