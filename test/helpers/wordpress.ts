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
