/**
 * Checks the WordPress plugin's PHP: `php -l` on every file, then PHP_CodeSniffer with
 * integrations/wordpress/phpcs.xml when `phpcs` is installed (Debian: php-codesniffer). Without PHP
 * (a machine that never runs the WordPress tests) it says so and passes; CI installs PHP (.ci/run).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const PLUGIN = 'integrations/wordpress/lms-kit';
const has = (command) => {
  try {
    execFileSync('/bin/sh', ['-c', `command -v ${command}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};
if (!has('php')) {
  console.log('PHP is not installed: the WordPress plugin was not checked (apt-get install -y php-cli).');
  process.exit(0);
}
const files = readdirSync(PLUGIN, { recursive: true })
  .filter((name) => name.endsWith('.php'))
  .map((name) => join(PLUGIN, name));
const problems = [];
for (const file of files) {
  try {
    execFileSync('php', ['-l', file], { stdio: 'pipe' });
  } catch (error) {
    problems.push(String(error.stdout || error.stderr).trim());
  }
}
if (has('phpcs')) {
  try {
    execFileSync('phpcs', ['--standard=phpcs.xml', '-q', '--report=emacs'], { cwd: 'integrations/wordpress', stdio: 'pipe' });
  } catch (error) {
    problems.push(String(error.stdout || error.stderr).trim());
  }
}
if (problems.length) {
  console.error(`The WordPress plugin's PHP has problems:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`WordPress plugin: ${files.length} PHP files pass php -l${has('phpcs') ? ' and phpcs' : ''}`);
