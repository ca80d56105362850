/** Browser side of test/server/wordpress.mjs: a real WordPress with the LMS Kit plugin, and tokens signed with its secret. */
import { executeServerCommand } from '@web/test-runner-commands';
import type { Claims } from './server.js';

export interface WordPressUser {
  login: string;
  password: string;
  email: string;
  role: string;
}

export interface WordPressSite {
  url: string;
  users: Record<'admin' | 'instructor' | 'learner', WordPressUser>;
}

/** The site (started once per run; the first start installs it). */
export async function wordpress(): Promise<WordPressSite> {
  for (;;) {
    const answer = (await executeServerCommand('wordpress:start')) as { url?: string; users?: WordPressSite['users'] };
    if (answer.url) return answer as WordPressSite;
  }
}

/** The plugin's protocol base: `v1/…` resolves to `/wp-json/lms-kit/v1/…`. */
export const protocolBase = (site: WordPressSite) => `${site.url}/wp-json/lms-kit/`;

export async function wordpressToken(claims: Claims, expiresIn?: string): Promise<string> {
  return ((await executeServerCommand('wordpress:token', { claims, expiresIn })) as { token: string }).token;
}

/**
 * Skips the calling suite with one line when WordPress is not installed here (a fresh clone);
 * CI installs it (.ci/run), so there a missing WordPress fails instead.
 */
export async function skipWithoutWordPress(context: Mocha.Context): Promise<void> {
  const { missing, ci } = (await executeServerCommand('wordpress:missing')) as { missing: string | null; ci: boolean };
  if (!missing) return;
  if (ci) throw new Error(missing);
  console.warn(`Skipping the WordPress tests: ${missing}`);
  context.skip();
}

type User = 'admin' | 'instructor' | 'learner';

/** Opens `path` of the site in a new browser profile, signed in as `as` through wp-login.php (or a guest). */
export function openAs(as: User | null, path: string): Promise<number> {
  return executeServerCommand('wordpress:open', { as, path });
}

export const goTo = (id: number, path: string) => executeServerCommand('wordpress:goto', { id, path });
export const fill = (id: number, selector: string, value: string) => executeServerCommand('wordpress:fill', { id, selector, value });
export const choose = (id: number, selector: string, label: string) => executeServerCommand('wordpress:select', { id, selector, label });
export const focus = (id: number, selector: string) => executeServerCommand('wordpress:focus', { id, selector });
/** Puts a file in a file input: `fixture:<path under shared/fixtures>`, `course:<test/pages course>` or `broken`. */
export const attach = (id: number, selector: string, file: string) => executeServerCommand('wordpress:upload', { id, selector, file });
export const click = (id: number, selector: string, navigates = false) =>
  executeServerCommand('wordpress:click', { id, selector, navigates });
export const urlOf = async (id: number) => ((await executeServerCommand('wordpress:url', { id })) as { url: string }).url;
export const textOf = async (id: number, selector: string, timeout?: number) =>
  ((await executeServerCommand('wordpress:text', { id, selector, timeout })) as { text: string }).text;
/** Presses a key (or a chord such as `Control+Alt+y`) in the tab, as a keyboard user. */
export const pressKey = (id: number, key: string) => executeServerCommand('lms:press-tab', { id, key });

/** Waits up to `timeout` ms for `expression` in the tab, asking in steps shorter than a command's 20 s limit. */
export async function waitLong(id: number, expression: string, timeout = 60_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await executeServerCommand('lms:wait-tab', { id, expression, timeout: Math.min(15_000, Math.max(1000, end - Date.now())) });
    } catch (error) {
      if (Date.now() >= end) throw error;
    }
  }
}

export interface PluginState {
  settings: boolean;
  secret: boolean;
  role: boolean;
  tables: number;
  progressRows: number;
  courses: number;
  packages: boolean;
}

/** Deletes the plugin as WordPress does (its uninstall.php), reports the site before and after, and puts it back. */
export const uninstallPlugin = async () =>
  (await executeServerCommand('wordpress:uninstall')) as { before: PluginState; after: PluginState };
