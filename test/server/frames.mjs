/**
 * Server commands to act in a frame or a window the page opened (an AU in an iframe, an OwnWindow AU
 * in a popup), found by a part of its URL: wait for an element, click it as a learner does
 * (playwright's real pointer events), evaluate an expression. Used by the cmi5 tests.
 */
function findFrame(page, urlPart) {
  for (const candidate of page.context().pages()) {
    const frame = candidate.frames().find((item) => item.url().includes(urlPart));
    if (frame) return frame;
  }
  return undefined;
}

async function waitForFrame(page, urlPart, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = findFrame(page, urlPart);
    if (frame) return frame;
    if (Date.now() > deadline) {
      const urls = page
        .context()
        .pages()
        .flatMap((p) => p.frames().map((f) => f.url()));
      throw new Error(`No frame or window with "${urlPart}" in its URL. Open: ${urls.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits for `expression` to be true in the frame with `urlPart` in its URL. A frame can be replaced while we
 * wait (content reloaded, a SCO relaunched, an isolated launch moving from the content host to the package):
 * each short wait that fails finds the frame again, so a detached frame is never waited on until the deadline.
 */
async function waitForExpression(page, urlPart, frame, expression, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const left = deadline - Date.now();
    try {
      await frame.waitForFunction(expression, undefined, { timeout: Math.max(1, Math.min(2_000, left)) });
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      if (urlPart) frame = findFrame(page, urlPart) ?? frame;
    }
  }
}

export function framesPlugin() {
  return {
    name: 'lms-kit-frames',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('frame:')) return undefined;
      const page = session.browser.getPage(session.id);
      const timeout = payload.timeout ?? 10_000;
      // No URL: the test page itself (its shadow roots are pierced by playwright's locators).
      const frame = payload.url ? await waitForFrame(page, payload.url, timeout) : page.mainFrame();
      switch (command) {
        case 'frame:wait':
          if (payload.selector) await frame.locator(payload.selector).first().waitFor({ state: 'visible', timeout });
          if (payload.expression) await waitForExpression(page, payload.url, frame, payload.expression, timeout);
          return true;
        case 'frame:click':
          await frame.locator(payload.selector).first().click({ timeout });
          return true;
        case 'frame:eval':
          return { value: await frame.evaluate(payload.expression) };
        case 'frame:close': {
          await frame.page().close({ runBeforeUnload: true });
          return true;
        }
        default:
          throw new Error(`Unknown frame command ${command}`);
      }
    },
  };
}
