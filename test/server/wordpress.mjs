/**
 * A real WordPress for the tests: Debian's `wordpress` (6.1), `php-cli`, `php-mysql` and `mariadb-server`
 * (.ci/run installs them). MariaDB runs as the `mysql` user in a temporary folder on loopback; the site
 * is a copy of /usr/share/wordpress served by PHP's built-in server on a free port; it is installed and
 * the plugin zip (scripts/build-wordpress-plugin.mjs) unpacked and activated from PHP, with an admin,
 * an instructor and a learner. Both servers stop and the folder goes at the end of the run.
 * Tests drive it with `wordpress:*` commands (test/helpers/wordpress.ts).
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SignJWT } from 'jose';
import { unzipSync, zipSync } from 'fflate';
import { buildWordPressPlugin } from '../../scripts/build-wordpress-plugin.mjs';
import { freePort } from './lrs.mjs';
import { registerTab, tabOf } from './commands.mjs';
import { runCronEvent, setLrs } from './wordpress-cron.mjs';

// Asynchronous: the test runner's commands keep answering while the site is made.
const run = promisify(execFile);

const WORDPRESS = process.env.WORDPRESS_DIR ?? '/usr/share/wordpress';
export const USERS = {
  admin: { login: 'admin', password: 'admin-pass-1', email: 'admin@example.com', role: 'administrator' },
  instructor: { login: 'ian', password: 'ian-pass-1', email: 'ian@example.com', role: 'lms_instructor' },
  learner: { login: 'ada', password: 'ada-pass-1', email: 'ada@example.com', role: 'subscriber' },
};

/** What is missing to run WordPress here, or undefined. */
export function missingWordPress() {
  for (const [what, found] of [
    ['php (php-cli)', commandExists('php')],
    ['mariadbd (mariadb-server)', commandExists('mariadbd')],
    [`WordPress in ${WORDPRESS} (wordpress)`, existsSync(join(WORDPRESS, 'wp-load.php'))],
  ])
    if (!found)
      return `${what} is not installed: apt-get install -y wordpress php-cli php-mysql php-xml php-mbstring mariadb-server (.ci/run does it)`;
  return undefined;
}

function commandExists(name) {
  try {
    execFileSync('/bin/sh', ['-c', `command -v ${name}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** Polls `check` until it is true; `what()` names what failed to start (with its log). */
async function waitFor(check, what, timeoutMs = 60_000) {
  const start = Date.now();
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`${what()} did not start in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function startMariaDb(dir) {
  const data = join(dir, 'db');
  mkdirSync(data);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'mysql']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'mysql']).toString().trim());
    chownSync(dir, uid, gid);
    chownSync(data, uid, gid);
  }
  const user = asRoot ? ['--user=mysql'] : [];
  await run('mariadb-install-db', [...user, `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db']);
  const port = await freePort();
  const socket = join(dir, 'sock');
  const child = spawn(
    'mariadbd',
    [
      // --no-defaults must come first: the machine's my.cnf is not this server's.
      '--no-defaults',
      ...user,
      `--datadir=${data}`,
      `--socket=${socket}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      '--skip-log-bin',
      '--innodb-flush-log-at-trx-commit=0',
      `--pid-file=${join(dir, 'mariadb.pid')}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
  const sql = (statement) => run('mariadb', [`--socket=${socket}`, '-uroot', '-e', statement]);
  await waitFor(
    async () => (await sql('SELECT 1'), true),
    () => `MariaDB (${log})`,
  );
  return { port, sql, child };
}

const php = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Starts the database and the site; resolves with its URL, the token secret and a stop function. */
export async function startWordPress() {
  const missing = missingWordPress();
  if (missing) throw new Error(missing);
  const dir = mkdtempSync(join(tmpdir(), 'lms-kit-wp-'));
  const stops = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const db = await startMariaDb(dir);
    stops.push(() => killAndWait(db.child));
    const password = randomBytes(12).toString('hex');
    await db.sql(`CREATE DATABASE wp; CREATE USER 'wp'@'127.0.0.1' IDENTIFIED BY '${password}'; GRANT ALL ON wp.* TO 'wp'@'127.0.0.1';`);

    const site = join(dir, 'site');
    await cp(WORDPRESS, site, { recursive: true, dereference: true });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const secret = randomBytes(32).toString('hex');
    writeFileSync(
      join(site, 'wp-config.php'),
      `<?php
define('DB_NAME', 'wp'); define('DB_USER', 'wp'); define('DB_PASSWORD', ${php(password)}); define('DB_HOST', '127.0.0.1:${db.port}');
define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
define('WP_HOME', '${url}'); define('WP_SITEURL', '${url}');
define('FS_METHOD', 'direct'); define('DISABLE_WP_CRON', true); define('WP_DEBUG', false); define('AUTOMATIC_UPDATER_DISABLED', true);
${['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE'].flatMap((k) => [`define('${k}_KEY', '${randomBytes(24).toString('hex')}');`, `define('${k}_SALT', '${randomBytes(24).toString('hex')}');`]).join('\n')}
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
    );
    // The plugin as an admin installs it: the zip, unpacked into wp-content/plugins. It carries the CDN
    // bundle, built first on a fresh clone (`npm test` runs the browser tests before `npm run build`).
    if (!existsSync(join(process.cwd(), 'packages/elements/cdn/lms-kit.js'))) {
      await run('npx', ['rollup', '-c', '--silent']);
      await run(process.execPath, ['scripts/copy-cdn.mjs']);
    }
    const { path: zipPath } = buildWordPressPlugin();
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zipPath)))) {
      const target = join(site, 'wp-content/plugins', name);
      mkdirSync(dirname(target), { recursive: true });
      if (!name.endsWith('/')) writeFileSync(target, bytes);
    }
    const users = Object.values(USERS).filter((u) => u.login !== 'admin');
    writeFileSync(
      join(dir, 'install.php'),
      `<?php
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
require ${php(join(site, 'wp-load.php'))};
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
wp_install('LMS Kit test site', 'admin', ${php(USERS.admin.email)}, true, '', ${php(USERS.admin.password)});
update_option('permalink_structure', '/%postname%/');
update_option('lms_kit_jwt_secret', ${php(secret)});
$result = activate_plugin('lms-kit/lms-kit.php');
if (is_wp_error($result)) { fwrite(STDERR, $result->get_error_message()); exit(1); }
${users.map((u) => `wp_insert_user(array('user_login' => ${php(u.login)}, 'user_pass' => ${php(u.password)}, 'user_email' => ${php(u.email)}, 'role' => ${php(u.role)}, 'display_name' => ${php(u.login)}));`).join('\n')}
flush_rewrite_rules();
echo 'installed';
`,
    );
    const installed = (await run('php', [join(dir, 'install.php')], { cwd: site })).stdout;
    if (!installed.includes('installed')) throw new Error(`WordPress did not install: ${installed}`);

    // PHP's server takes a path with a dot (`…/mailto%3Aada%40example.com/…`) for a missing file: a router
    // sends what is not a file or folder to WordPress, as a web server's rewrite rules would.
    writeFileSync(
      join(dir, 'router.php'),
      `<?php
$path = rawurldecode((string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if ($path !== '/' && file_exists(${php(site)} . $path)) return false;
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = ${php(site)} . '/index.php';
require ${php(site)} . '/index.php';
`,
    );
    // Several workers: a page's module scripts, REST calls and the service worker arrive at once.
    // OPcache (off by default for PHP's command-line server) keeps WordPress compiled between requests.
    const server = spawn('php', ['-d', 'opcache.enable_cli=1', '-S', `127.0.0.1:${port}`, '-t', site, join(dir, 'router.php')], {
      cwd: site,
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: ['ignore', 'ignore', 'ignore'],
      // Its own process group: the workers are its children, and stop with it.
      detached: true,
    });
    stops.push(() => killAndWait(server, true));
    // If the run ends without stopping the site (Ctrl+C), the servers go with it.
    const onExit = () => {
      for (const kill of [() => process.kill(-server.pid, 'SIGTERM'), () => db.child.kill('SIGTERM')])
        try {
          kill();
        } catch {
          // already gone
        }
    };
    process.once('exit', onExit);
    stops.push(() => process.off('exit', onExit));
    await waitFor(
      async () => (await fetch(`${url}/wp-json/`)).ok,
      () => 'The WordPress site',
    );
    return { url, secret, stop, site, dir };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Runs the plugin's uninstall as WordPress does when an admin deletes it (`uninstall_plugin()`), and answers
 * what the site held before and after: options, role, tables, course posts and packages. Then puts the
 * plugin back (activation, the run's token secret) for the tests that follow.
 */
async function uninstallAndRestore({ site, dir, secret }) {
  const script = join(dir, 'uninstall-check.php');
  writeFileSync(
    script,
    `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1';
require ${php(join(site, 'wp-load.php'))};
require_once ABSPATH . 'wp-admin/includes/plugin.php';
function lms_kit_state() {
  global $wpdb;
  return array(
    'settings' => get_option('lms_kit_settings', null) !== null,
    'secret' => get_option('lms_kit_jwt_secret', null) !== null,
    'role' => get_role('lms_instructor') !== null,
    'tables' => count($wpdb->get_col("SHOW TABLES LIKE '{$wpdb->prefix}lms\\_kit\\_%'")),
    'progressRows' => (int) $wpdb->get_var("SELECT COUNT(*) FROM {$wpdb->prefix}lms_kit_progress"),
    'courses' => (int) $wpdb->get_var("SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = 'lms_course'"),
    'packages' => is_dir(wp_upload_dir()['basedir'] . '/lms-kit'),
  );
}
update_option('lms_kit_settings', array_merge((array) get_option('lms_kit_settings', array()), array('delete_on_uninstall' => false)));
$before = lms_kit_state();
uninstall_plugin('lms-kit/lms-kit.php');
$after = lms_kit_state();
update_option('lms_kit_jwt_secret', ${php(secret)});
lms_kit_activate();
echo wp_json_encode(array('before' => $before, 'after' => $after));
`,
  );
  return JSON.parse((await run('php', [script], { cwd: site })).stdout);
}

/** Stops a child (with `group`, its whole process group) and waits for it to exit. */
function killAndWait(child, group = false) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    if (group) process.kill(-child.pid, 'SIGTERM');
    else child.kill('SIGTERM');
  });
}

export function signFor(secret, claims, expiresIn = '1h') {
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

const FIXTURES = process.env.LMS_KIT_FIXTURES ?? join(process.cwd(), '..', 'shared', 'fixtures');

/**
 * Files an admin uploads: `fixture:<path under shared/fixtures>`, `course:<test/pages course>` (zipped as
 * course.json), `broken` (a zip with no manifest) or `csv:<text>`.
 */
function uploadFile(spec, dir) {
  if (spec.startsWith('fixture:')) return join(FIXTURES, spec.slice('fixture:'.length));
  if (spec.startsWith('csv:')) {
    const csv = join(dir, 'enrollments.csv');
    writeFileSync(csv, spec.slice('csv:'.length));
    return csv;
  }
  const file = join(dir, `${spec.replace(/\W+/g, '-')}.zip`);
  const files =
    spec === 'broken'
      ? { 'readme.txt': new TextEncoder().encode('Not a course') }
      : { 'course.json': readFileSync(join(process.cwd(), 'test/pages', `${spec.slice('course:'.length)}.json`)) };
  writeFileSync(file, zipSync(files));
  return file;
}

/** A WordPress user's own browser profile, signed in through wp-login.php as they would. */
async function openAs(session, site, user, path) {
  const page = session.browser.getPage(session.id);
  const context = await page.context().browser().newContext();
  const tab = await context.newPage();
  const messages = [];
  tab.on('console', (message) => messages.push(message.text()));
  tab.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  if (user) {
    await tab.goto(`${site.url}/wp-login.php`);
    await tab.fill('#user_login', user.login);
    await tab.fill('#user_pass', user.password);
    await Promise.all([tab.waitForNavigation(), tab.click('#wp-submit')]);
  }
  await tab.goto(new URL(path, site.url).href);
  return registerTab({ tab, messages, context, isolated: context });
}

/** @web/test-runner plugin: the site starts on first use and stops when the run ends. */
export function wordpressPlugin() {
  let site;
  const uploads = mkdtempSync(join(tmpdir(), 'lms-kit-wp-uploads-'));
  return {
    name: 'lms-kit-wordpress',
    async serverStop() {
      if (site) await (await site).stop();
      rmSync(uploads, { recursive: true, force: true });
    },
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('wordpress:')) return undefined;
      const tab = payload?.id === undefined ? undefined : tabOf(payload.id).tab;
      switch (command) {
        case 'wordpress:open':
          return openAs(session, await site, payload.as ? USERS[payload.as] : undefined, payload.path);
        case 'wordpress:goto':
          await tab.goto(new URL(payload.path, (await site).url).href);
          return true;
        case 'wordpress:fill':
          await tab.fill(payload.selector, payload.value);
          return true;
        case 'wordpress:select':
          await tab.selectOption(payload.selector, { label: payload.label });
          return true;
        case 'wordpress:focus':
          await tab.focus(payload.selector);
          return true;
        case 'wordpress:upload':
          await tab.setInputFiles(payload.selector, uploadFile(payload.file, uploads));
          return true;
        case 'wordpress:click':
          if (payload.navigates) await Promise.all([tab.waitForNavigation({ timeout: 60_000 }), tab.click(payload.selector)]);
          else await tab.click(payload.selector);
          return true;
        case 'wordpress:url':
          return { url: tab.url() };
        case 'wordpress:text':
          return {
            text: await tab
              .locator(payload.selector)
              .first()
              .innerText({ timeout: payload.timeout ?? 10_000 }),
          };
        case 'wordpress:missing':
          return { missing: missingWordPress() ?? null, ci: Boolean(process.env.CI) };
        case 'wordpress:start': {
          site ??= startWordPress();
          // Commands time out after 20 s and a first start takes longer: answer "pending" and let the page ask again.
          const ready = await Promise.race([site, new Promise((resolve) => setTimeout(resolve, 10_000, 'pending'))]);
          return ready === 'pending' ? { pending: true } : { url: ready.url, users: USERS };
        }
        case 'wordpress:uninstall':
          return uninstallAndRestore(await site);
        case 'wordpress:set-lrs':
          return setLrs(await site, payload);
        case 'wordpress:cron':
          return runCronEvent(await site, payload.hook);
        case 'wordpress:token':
          return { token: await signFor((await site).secret, payload.claims, payload.expiresIn) };
        default:
          throw new Error(`Unknown WordPress command ${command}`);
      }
    },
  };
}
