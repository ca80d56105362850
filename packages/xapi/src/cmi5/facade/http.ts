/** Small helpers for the facade's answers, shaped as an LRS answers (xAPI 1.0.3, part three). */
export const XAPI_VERSION = '1.0.3';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': XAPI_VERSION, ...headers },
  });
}

export function empty(status = 204, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { 'X-Experience-API-Version': XAPI_VERSION, ...headers } });
}

/** An error answer; the message is what the AU's developer reads in the network panel. */
export function problem(status: number, message: string): Response {
  return json({ error: true, message }, status);
}

export async function readBody(request: Request): Promise<string> {
  return request.method === 'GET' || request.method === 'HEAD' ? '' : request.text();
}

export function parseJson(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
