import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { buildStatement, uuid, Verbs, type Statement } from '@lms-kit/core';
import { MemoryAdapter } from '@lms-kit/storage';
import '@lms-kit/elements/all';
// <lms-progress> loads when its tag appears; these tests read it as soon as it is in the page.
import '@lms-kit/elements/define/lms-progress';
import type { LmsProgress, LmsProvider, LmsSyncChangeEvent } from '@lms-kit/elements';
import { closeTab, evalInTab, openTab, waitInTab } from '../../../test/helpers/commands.js';
import { lrsInfo, lrsStatements, requireBearer, resetLrsProxy, setLrsDown } from '../../../test/helpers/lrs.js';

function statements(count: number, registration: string): Statement[] {
  return Array.from({ length: count }, (_, n) =>
    buildStatement({
      actor: { objectType: 'Agent', mbox: 'mailto:ada@example.com' },
      verb: Verbs.experienced,
      object: { objectType: 'Activity', id: `https://lms-kit.test/sync/${n}` },
      context: { registration },
    }),
  );
}

const text = (progress: LmsProgress) => {
  const status = progress.shadowRoot?.querySelector('lms-sync-status');
  return status?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
};

describe('LRS sync on <lms-provider> and in <lms-progress>', function () {
  this.timeout(30_000);
  afterEach(async () => {
    await resetLrsProxy();
  });

  it('shows records waiting while the LRS is unreachable, reports each change, and sends them once it is back', async () => {
    const { endpoint } = await lrsInfo();
    const registration = uuid();
    const storage = new MemoryAdapter();
    await storage.enqueueStatements(statements(3, registration));
    await setLrsDown(true);
    const changes: LmsSyncChangeEvent['detail'][] = [];
    const provider = await fixture<LmsProvider>(html`
      <lms-provider
        learner-email="ada@example.com"
        locale="en"
        .storage=${storage}
        .lrs=${{ endpoint, username: 'test', password: 'test' }}
        .syncOptions=${{ retryBaseMs: 100, retryMaxMs: 300, debounceMs: 10 }}
        @lms-sync-change=${(event: LmsSyncChangeEvent) => changes.push(event.detail)}
      >
        <lms-progress course="unknown"></lms-progress>
      </lms-provider>
    `);
    const progress = provider.querySelector('lms-progress') as LmsProgress;
    await waitUntil(() => text(progress).includes('3 records waiting to sync'), 'the waiting count', { timeout: 10_000 });
    await waitUntil(() => text(progress).includes('Could not reach'), 'the retry notice', { timeout: 10_000 });
    await expect(progress).to.be.accessible();
    expect(changes.some((change) => change.pending === 3 && change.lastError?.code === 'lrs/unavailable')).to.equal(true);

    await setLrsDown(false);
    await waitUntil(() => text(progress).includes('All records synced'), 'synced', { timeout: 10_000 });
    expect(changes.at(-1)).to.deep.include({ pending: 0, deadLetters: 0 });
    expect((await lrsStatements(registration)).ids).to.have.length(3);
    provider.remove();
  });

  it('pauses when the LRS refuses the credentials, says so, and syncs again from the "Try again" button', async () => {
    const { endpoint } = await lrsInfo();
    const registration = uuid();
    const storage = new MemoryAdapter();
    await storage.enqueueStatements(statements(2, registration));
    await requireBearer('only-this-token');
    const provider = await fixture<LmsProvider>(html`
      <lms-provider
        learner-email="ada@example.com"
        locale="en"
        .storage=${storage}
        .lrs=${{ endpoint, username: 'test', password: 'test' }}
      >
        <lms-progress course="unknown"></lms-progress>
      </lms-provider>
    `);
    const progress = provider.querySelector('lms-progress') as LmsProgress;
    await waitUntil(() => text(progress).includes('Syncing is paused'), 'the paused notice', { timeout: 10_000 });
    expect(text(progress)).to.contain('did not accept the credentials');
    await expect(progress).to.be.accessible();
    await requireBearer();
    const button = progress.shadowRoot?.querySelector('lms-sync-status')?.shadowRoot?.querySelector('button') as HTMLButtonElement;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(progress).includes('All records synced'), 'synced after trying again', { timeout: 10_000 });
    expect((await lrsStatements(registration)).ids).to.have.length(2);
    provider.remove();
  });

  it('reports a bad LRS configuration as a recoverable lms-error and keeps the learner going', async () => {
    const errors: Array<{ code: string; recoverable: boolean }> = [];
    const provider = await fixture<LmsProvider>(html`
      <lms-provider
        learner-email="ada@example.com"
        storage-type="memory"
        .lrs=${{ endpoint: 'ftp://lrs.example.com/' }}
        @lms-error=${(event: CustomEvent | Event) => {
          const detail = (event as unknown as { detail: { error: { code: string }; recoverable: boolean } }).detail;
          errors.push({ code: detail.error.code, recoverable: detail.recoverable });
        }}
      >
        <lms-progress course="unknown"></lms-progress>
      </lms-provider>
    `);
    await waitUntil(() => errors.length > 0, 'an error');
    expect(errors).to.deep.equal([{ code: 'lrs/invalid-config', recoverable: true }]);
    const progress = provider.querySelector('lms-progress') as LmsProgress;
    await waitUntil(() => progress.shadowRoot?.textContent?.includes('Open the course'), 'progress still renders');
  });

  it('sends what is still queued with a keepalive request when the tab is closed', async () => {
    const { endpoint } = await lrsInfo();
    const database = `sync-pagehide-${uuid()}`;
    const registration = uuid();
    const tab = await openTab('/test/pages/sync-tab.html');
    await waitInTab(tab, 'window.ready');
    await evalInTab(
      tab,
      `(() => { const storage = window.lms.observeStorage(new window.lms.DexieAdapter({ databaseName: '${database}' }));
        // No interval and a long debounce: only pagehide can send what is queued now.
        window.sync = new window.lms.LrsSync(storage, ${JSON.stringify({ endpoint, username: 'test', password: 'test' })}, { intervalMs: 0, debounceMs: 600000 });
        window.storage = storage; return window.sync.start().then(() => true); })()`,
    );
    await evalInTab(tab, `window.storage.enqueueStatements(${JSON.stringify(statements(5, registration))}).then(() => true)`);
    await waitInTab(tab, 'window.sync.status.pending === 5');
    expect((await lrsStatements(registration)).ids).to.have.length(0);
    await closeTab(tab);
    await waitUntil(async () => (await lrsStatements(registration)).ids.length === 5, 'the keepalive request arrived', { timeout: 10_000 });
  });
});
