/**
 * LMS Kit's implementation of the CATAPULT LMS test suite's LMS interface (see the suite's
 * `lib/lms.template.js`). The LMS is LMS Kit in the suite's own browser: a page of ours (`lms.html`)
 * imports packages, launches AUs, waives and abandons with @lms-kit/xapi, the AUs talk to LMS Kit's
 * service worker, and everything is synced to a real LRS, which the suite then reads.
 * `run.mjs` starts the page's server and the LRS and passes their URLs in the environment.
 */
const { InvalidPackageError } = require(`${process.env.CATAPULT_LTS_DIR}/lib/errors`);

const LMS_URL = process.env.LMS_KIT_LMS_URL;
const LRS_ENDPOINT = process.env.LMS_KIT_LRS_ENDPOINT;
let lms;

async function call(method, ...args) {
  return lms.evaluate((name, values) => window.lmsKitCatapult[name](...values), method, args);
}

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

module.exports = {
  setup: async () => {
    lms = await global.browser.newPage();
    lms.on('console', (message) => process.env.LMS_KIT_DEBUG && console.log(`[lms] ${message.text()}`));
    await lms.goto(LMS_URL);
    await lms.waitForSelector('body[data-ready]');
    const ready = await lms.evaluate(() => document.body.dataset.ready);
    if (ready !== 'true') throw new Error(await lms.evaluate(() => document.body.textContent));
    // The AU page of the suite comes after ours in the same browser context: same service worker and database.
    await global.page.bringToFront();
  },

  teardown: async () => {
    await lms?.close();
  },

  getLrsEndpoint: () => LRS_ENDPOINT,
  getLrsAuthHeader: () => `Basic ${Buffer.from('test:test').toString('base64')}`,

  importCourse: async (stream, contentType, filename) => {
    const bytes = await readAll(stream);
    const answer = await call('importCourse', bytes.toString('base64'), contentType);
    if (typeof answer === 'object') throw new InvalidPackageError(`${filename}: ${answer.code}: ${answer.invalid}`);
    return answer;
  },

  getLaunchUrl: async (courseId, auIndex, actor, { registration, launchMode } = {}) =>
    call('launch', courseId, auIndex, actor, registration, launchMode),

  // Every test ends with its statements in the LRS, where the suite checks them next.
  cleanup: async () => {
    await call('flush');
  },

  hasWaive: () => true,
  waiveAU: async (registration, auIndex, reason) => call('waive', registration, auIndex, reason),

  hasAbandon: () => true,
  abandonSession: async (sessionId) => call('abandon', sessionId),
};
