import { executeServerCommand } from '@web/test-runner-commands';

export interface TabOptions {
  /** A fresh browser profile with empty storage, instead of this page's. */
  isolated?: boolean;
  /** The origin's storage quota in bytes, set before the page first uses storage (needs `isolated`). */
  quotaSize?: number;
  /** Opens the tab in the same browser profile as that (possibly crashed) tab. */
  contextOf?: number;
}

/** Opens `url` in a new tab, by default of the same browser profile (same IndexedDB); returns its id. */
export function openTab(url: string, options: TabOptions = {}): Promise<number> {
  return executeServerCommand('lms:open-tab', { url, ...options });
}

/** Waits until `expression` is truthy in the tab. */
export function waitInTab(id: number, expression: string, timeout?: number): Promise<void> {
  return executeServerCommand('lms:wait-tab', { id, expression, timeout });
}

export async function evalInTab<T>(id: number, expression: string): Promise<T> {
  const { value } = await executeServerCommand<{ value: T }, { id: number; expression: string }>('lms:eval-tab', { id, expression });
  return value;
}

/** Types `text` with the keyboard into whatever has focus in the tab. */
export function typeInTab(id: number, text: string): Promise<void> {
  return executeServerCommand('lms:type-tab', { id, text });
}

/** Reloads the tab as a learner does (pagehide, then a fresh page). */
export function reloadTab(id: number): Promise<void> {
  return executeServerCommand('lms:reload-tab', { id });
}

/** Closes the tab as a learner does: the page gets pagehide and unload. */
export function closeTab(id: number): Promise<void> {
  return executeServerCommand('lms:close-tab', { id });
}

/** Kills the tab's renderer outright (no pagehide, no unload): a crash or a killed browser. Only for `isolated` tabs. */
export function crashTab(id: number): Promise<void> {
  return executeServerCommand('lms:crash-tab', { id });
}

/** Cuts (or gives back) the network of that tab's browser profile, as Chromium's offline mode does. Only for `isolated` tabs. */
export function setTabOffline(id: number, offline: boolean): Promise<void> {
  return executeServerCommand('lms:set-offline', { id, offline });
}

/** Closes every tab of that tab's isolated profile, and the profile. */
export function closeProfile(id: number): Promise<void> {
  return executeServerCommand('lms:close-context', { id });
}

export interface PrintedPdf {
  pages: number;
  /** Size of the first page in PDF points. */
  width: number;
  height: number;
}

/** Opens `url` in a new tab, waits until `expression` is truthy, prints the page with Chromium and reads the PDF back. */
export function printToPdf(url: string, expression: string): Promise<PrintedPdf> {
  return executeServerCommand('lms:print-pdf', { url, expression });
}

/** Saves a PNG of the first element matching `selector` (shadow roots pierced) as test-results/<folder>/<name>.png. */
export function screenshot(selector: string, name: string, folder = 'screenshots'): Promise<string> {
  return executeServerCommand('lms:screenshot', { selector, name, folder });
}
