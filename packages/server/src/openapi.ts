/** The protocol as OpenAPI 3.1, built from the route table so it cannot drift from what is validated. */
import { z } from 'zod';
import type { RouteSpec } from './api.js';

const error = {
  description: 'An error: `{ error: { code, message, issues? } }` with the codes of LmsError.',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

export function openApiDocument(routes: RouteSpec[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (route.query) {
      const schema = jsonSchema(route.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, property] of Object.entries(schema.properties ?? {}))
        parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: property as never });
    }
    (paths[path] ??= {})[route.method] = {
      summary: route.summary,
      tags: [route.tag],
      parameters,
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } } : {}),
      responses: {
        '200': { description: 'OK' },
        '400': error,
        '401': error,
        '403': error,
        ...Object.fromEntries((route.errors ?? []).map((status) => [String(status), error])),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'LMS Kit server',
      version: '1',
      description:
        'The protocol HttpStorageAdapter speaks. Every request carries `Authorization: Bearer <JWT>` issued by the site. Versioned records answer with an ETag; writes send `If-Match` (or `If-None-Match: *` to create) and get 412 `storage/conflict` with the current record when it changed.',
    },
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, issues: { type: 'array', items: { type: 'object' } } },
            },
          },
        },
      },
    },
    paths,
  };
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
