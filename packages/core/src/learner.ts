import type { Agent } from './xapi/model.js';

/** Who is learning. The host page identifies the learner; `id` is the key progress is stored under. */
export interface Learner {
  id: string;
  actor: Agent;
  /** True for the local learner made up when the host page names nobody. */
  anonymous?: boolean;
}

/** Builds a learner from an xAPI agent; the id is its inverse functional identifier. */
export function learnerFromActor(actor: Agent, anonymous = false): Learner {
  const agent: Agent = { objectType: 'Agent', ...actor };
  let id: string | undefined;
  if (agent.mbox) id = agent.mbox.startsWith('mailto:') ? agent.mbox : `mailto:${agent.mbox}`;
  else if (agent.account) id = `account:${agent.account.homePage}|${agent.account.name}`;
  else if (agent.openid) id = `openid:${agent.openid}`;
  else if (agent.mbox_sha1sum) id = `sha1:${agent.mbox_sha1sum}`;
  if (!id) throw new TypeError('A learner needs an email (mbox), an account, an openid or an mbox_sha1sum');
  if (agent.mbox && !agent.mbox.startsWith('mailto:')) agent.mbox = `mailto:${agent.mbox}`;
  return { id, actor: agent, anonymous };
}

/** A learner known only to this browser, identified by a random account name under the site's origin. */
export function anonymousLearner(localId: string, homePage: string): Learner {
  return learnerFromActor({ account: { homePage, name: localId }, name: 'Local learner' }, true);
}
