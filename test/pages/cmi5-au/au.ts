/**
 * An AU as course authors write them, with `@xapi/cmi5`: it reads its launch parameters, fetches the
 * token, reads LMS.LaunchData and the learner preferences, then initialized → completed → passed → terminated.
 */
import Cmi5 from '@xapi/cmi5';

const status = document.getElementById('status') as HTMLElement;
const log: string[] = [];
Object.assign(window, { auLog: log });

async function run(): Promise<void> {
  const cmi5 = new Cmi5();
  await cmi5.initialize();
  log.push('initialized');
  const launchData = cmi5.getLaunchData();
  log.push(
    `launchMode:${launchData.launchMode}`,
    `masteryScore:${launchData.masteryScore}`,
    `launchParameters:${launchData.launchParameters}`,
  );
  log.push(`languagePreference:${cmi5.getLearnerPreferences().languagePreference ?? ''}`);
  // Its own bookmark, in the State API as AUs keep it.
  const { actor, activityId, registration } = cmi5.getLaunchParameters();
  await cmi5.xapi?.setState({ agent: actor, activityId, registration, stateId: 'bookmark', state: { page: 3 } });
  await cmi5.complete();
  log.push('completed');
  await cmi5.pass({ scaled: 0.9 });
  log.push('passed');
  await cmi5.terminate();
  log.push('terminated');
}

run().then(
  () => {
    status.textContent = 'Done';
    Object.assign(window, { auDone: true });
  },
  (error: unknown) => {
    status.textContent = `Failed: ${String(error)}`;
    Object.assign(window, {
      auError: String(
        (error as { response?: { data?: unknown } }).response?.data
          ? JSON.stringify((error as { response: { data: unknown } }).response.data)
          : error,
      ),
    });
  },
);
