import { executeServerCommand } from '@web/test-runner-commands';

/** Waits for a frame or window whose URL contains `url`, and in it for `selector` to be visible and/or `expression` to be truthy. */
export function waitInFrame(url: string, wait: { selector?: string; expression?: string; timeout?: number }): Promise<void> {
  return executeServerCommand('frame:wait', { url, ...wait });
}

/** Clicks an element of that frame with real pointer events, as a learner does. */
export function clickInFrame(url: string, selector: string, timeout?: number): Promise<void> {
  return executeServerCommand('frame:click', { url, selector, timeout });
}

export async function evalInFrame<T>(url: string, expression: string): Promise<T> {
  const { value } = await executeServerCommand<{ value: T }, { url: string; expression: string }>('frame:eval', { url, expression });
  return value;
}

/** Closes the window holding that frame, as a learner closing it does (pagehide and unload run). */
export function closeFrameWindow(url: string): Promise<void> {
  return executeServerCommand('frame:close', { url });
}
