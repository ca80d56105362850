/**
 * Server-side commands the browser tests call through `executeServerCommand`: real extra tabs in the
 * same browser context (so they share IndexedDB), closing a tab the way a learner does or killing it outright, Chromium's
 * own storage quota, and printing a page to PDF with Chromium. Nothing here fakes the browser.
 */
import { sourceErrorCodes } from './error-codes.mjs';
import { fixturesFound } from './fixtures.mjs';

const tabs = new Map();
let nextTab = 1;

/** Registers a tab opened elsewhere (e.g. a WordPress user's profile) so the `lms:*-tab` commands reach it. */
export function registerTab(entry) {
  const id = nextTab++;
  tabs.set(id, entry);
  return id;
}

export const tabOf = (id) => tabs.get(id);

function pageOf(session) {
  return session.browser.getPage(session.id);
}

export function lmsCommandsPlugin() {
  return {
    name: 'lms-kit-commands',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('lms:')) return undefined;
      if (command === 'lms:error-codes') return sourceErrorCodes();
      if (command === 'lms:fixtures') return { found: fixturesFound() };
      const page = pageOf(session);
      switch (command) {
        case 'lms:open-tab': {
          // isolated: a fresh browser profile (empty storage), where a quota can be set before first use;
          // Chromium fixes an origin's quota the first time it touches storage.
          // contextOf: another page in the same profile as an open (or crashed) tab, e.g. to read what it saved.
          const context = payload.contextOf
            ? tabs.get(payload.contextOf).context
            : payload.isolated
              ? await page.context().browser().newContext()
              : page.context();
          const tab = await context.newPage();
          const url = new URL(payload.url, page.url()).href;
          const messages = [];
          tab.on('console', (message) => messages.push(message.text()));
          tab.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
          await tab.goto(url);
          if (payload.quotaSize !== undefined) {
            // Takes effect if set before the page first uses storage, and lasts as long as this
            // DevTools session: keep it attached until the tab closes.
            const cdp = await context.newCDPSession(tab);
            await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(url).origin, quotaSize: payload.quotaSize });
          }
          const id = nextTab++;
          tabs.set(id, { tab, messages, context, isolated: payload.isolated ? context : undefined });
          return id;
        }
        case 'lms:wait-tab': {
          const { tab, messages } = tabs.get(payload.id);
          try {
            await tab.waitForFunction(payload.expression, undefined, { timeout: payload.timeout ?? 8000 });
          } catch (error) {
            throw new Error(`${error.message}\nTab console:\n${messages.join('\n')}`);
          }
          return true;
        }
        case 'lms:eval-tab': {
          const { tab } = tabs.get(payload.id);
          // Wrapped: a null or undefined result would read as "command not handled" to the test runner.
          return { value: await tab.evaluate(payload.expression) };
        }
        case 'lms:press-tab': {
          const { tab } = tabs.get(payload.id);
          await tab.keyboard.press(payload.key);
          return true;
        }
        case 'lms:type-tab': {
          const { tab } = tabs.get(payload.id);
          await tab.keyboard.type(payload.text);
          return true;
        }
        case 'lms:reload-tab': {
          // A learner's reload: pagehide, unload, then the page loads again.
          const { tab } = tabs.get(payload.id);
          await tab.reload();
          return true;
        }
        case 'lms:close-tab': {
          const entry = tabs.get(payload.id);
          tabs.delete(payload.id);
          // runBeforeUnload makes Chromium run the page's unload steps (pagehide) as a real close does.
          await entry.tab.close({ runBeforeUnload: true });
          await new Promise((resolve) => (entry.tab.isClosed() ? resolve() : entry.tab.once('close', resolve)));
          await entry.isolated?.close();
          return true;
        }
        case 'lms:crash-tab': {
          // A hard kill: the tab's renderer process dies at once, with no pagehide, unload or last write.
          // Use it on a tab of an isolated profile, which never shares a renderer with the test page.
          const entry = tabs.get(payload.id);
          const crashed = new Promise((resolve) => entry.tab.once('crash', resolve));
          const cdp = await entry.context.newCDPSession(entry.tab);
          void cdp.send('Page.crash').catch(() => undefined);
          await crashed;
          return true;
        }
        case 'lms:set-offline': {
          // The browser's own network switch for the tab's profile: every request of its pages fails as with no network.
          await tabs.get(payload.id).context.setOffline(payload.offline);
          return true;
        }
        case 'lms:close-context': {
          const entry = tabs.get(payload.id);
          for (const [id, other] of tabs) if (other.context === entry.context) tabs.delete(id);
          await entry.context.close();
          return true;
        }
        case 'lms:print-pdf': {
          // Chromium's own printing (the print dialog's engine), read back with pdf-lib: pages and page size.
          const tab = await page.context().newPage();
          try {
            await tab.goto(new URL(payload.url, page.url()).href);
            await tab.waitForFunction(payload.expression, undefined, { timeout: payload.timeout ?? 10000 });
            const bytes = await tab.pdf({ preferCSSPageSize: true, printBackground: true });
            const { PDFDocument } = await import('pdf-lib');
            const doc = await PDFDocument.load(bytes);
            const sizes = doc.getPages().map((p) => p.getSize());
            return { pages: doc.getPageCount(), width: Math.round(sizes[0].width), height: Math.round(sizes[0].height) };
          } finally {
            await tab.close();
          }
        }
        case 'lms:screenshot': {
          // A PNG of one element of the test page (Playwright's CSS selectors pierce shadow roots), kept
          // under test-results/ for people to look at; the tests assert layout facts, not pixels.
          const name = String(payload.name).replace(/[^\w.-]+/g, '-');
          const path = `test-results/${payload.folder ?? 'screenshots'}/${name}.png`.replace(/\.\.+/g, '.');
          await page.locator(payload.selector).first().screenshot({ path, animations: 'disabled' });
          return path;
        }
        default:
          throw new Error(`Unknown test command ${command}`);
      }
    },
  };
}
