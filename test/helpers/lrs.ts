import { executeServerCommand } from '@web/test-runner-commands';

/** A fault the test proxy applies to the next POST of statements. */
export type LrsFault =
  | { type: 'status'; status: number; retryAfter?: number; message?: string }
  /** The LRS stores the batch but the connection drops before its answer arrives. */
  | { type: 'drop' };

export interface LrsInfo {
  /** The proxy in front of the real LRS (faults apply here). */
  endpoint: string;
  /** The real LRS itself. */
  direct: string;
}

export const lrsInfo = () => executeServerCommand<LrsInfo, undefined>('lrs:info');
export const resetLrsProxy = () => executeServerCommand('lrs:reset');
export const injectFaults = (...faults: LrsFault[]) => executeServerCommand('lrs:faults', { faults });
/** While down, the proxy drops every connection: the LRS is unreachable. */
export const setLrsDown = (down: boolean) => executeServerCommand('lrs:down', { down });
/** The proxy accepts only this bearer token (401 otherwise); undefined turns the check off. */
export const requireBearer = (token?: string) => executeServerCommand('lrs:bearer', { token: token ?? null });

export async function proxyRequests(): Promise<Array<{ version?: string; authorization?: string; count: number }>> {
  return (
    await executeServerCommand<{ requests: Array<{ version?: string; authorization?: string; count: number }> }, undefined>('lrs:requests')
  ).requests;
}

/** Ids and verbs of every statement the real LRS holds for a registration. */
export async function lrsStatements(registration: string): Promise<{ ids: string[]; verbs: string[] }> {
  return executeServerCommand('lrs:statements', { registration });
}

/** A State or Agent Profile document as the LRS holds it (the test proxy keeps these), or null. */
export const lrsDocument = (resource: 'activities/state' | 'agents/profile', params: Record<string, string>) =>
  executeServerCommand<{ body: string; contentType: string } | null, { resource: string; params: Record<string, string> }>('lrs:document', {
    resource,
    params,
  });
