/**
 * WP-Cron and the LRS settings of the test site, driven from PHP as an admin's cron would: the site
 * runs with `DISABLE_WP_CRON` (as sites with a real cron do), and `runCronEvent` does what
 * `wp cron event run <hook>` does (WP-CLI is not packaged in Debian): it finds the event WordPress
 * scheduled for the hook and runs it now.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const php = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

async function runPhp({ site, dir }, name, body) {
  const script = join(dir, name);
  writeFileSync(script, `<?php\n$_SERVER['HTTP_HOST'] = '127.0.0.1';\nrequire ${php(join(site, 'wp-load.php'))};\n${body}\n`);
  const { stdout } = await run('php', [script], { cwd: site });
  return JSON.parse(stdout.slice(stdout.indexOf('{')));
}

/** Points the forwarder at `endpoint` (Basic `username:password`) and empties the statement queue, as on a fresh site. */
export function setLrs(site, { endpoint, username, password }) {
  return runPhp(
    site,
    'set-lrs.php',
    `update_option('lms_kit_settings', array_merge((array) get_option('lms_kit_settings', array()), array('lrs_endpoint' => ${php(endpoint)}, 'lrs_username' => ${php(username)}, 'lrs_password' => ${php(password)})));
global $wpdb;
$wpdb->query('DELETE FROM ' . Lms_Kit_Schema::table('outbox'));
echo wp_json_encode(array('ok' => true));`,
  );
}

/** Runs the event scheduled for `hook` now; answers whether one was scheduled (and how often) and the statements still queued. */
export function runCronEvent(site, hook) {
  return runPhp(
    site,
    'cron-run.php',
    `global $wpdb;
$event = wp_get_scheduled_event(${php(hook)});
if ($event) {
  // As WP-Cron does: a recurring event is rescheduled before it runs.
  if ($event->schedule) wp_reschedule_event($event->timestamp, $event->schedule, $event->hook, $event->args);
  wp_unschedule_event($event->timestamp, $event->hook, $event->args);
  do_action_ref_array($event->hook, $event->args);
}
echo wp_json_encode(array('scheduled' => (bool) $event, 'schedule' => $event ? $event->schedule : null, 'queued' => (int) $wpdb->get_var('SELECT COUNT(*) FROM ' . Lms_Kit_Schema::table('outbox'))));`,
  );
}
