// Bad input to every route, derived from the OpenAPI document so that new routes are covered automatically.
import { expect, it } from 'vitest';
import { errorCatalog } from '../shared/errors.js';
import { buildShop, signIn, snapshotDatabase, type ApiClient } from '../test/factories.js';
import { describeEachDatabase } from '../test/harness.js';
import { rotateSecret, signedClient } from '../test/webhooks.js';

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  maxLength?: number;
  maxItems?: number;
  maximum?: number;
  additionalProperties?: boolean;
  $ref?: string;
}
interface Operation {
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
  parameters?: Array<{ in: string; name: string; schema: JsonSchema }>;
  security?: unknown[];
  responses: Record<string, { content?: { 'application/json': { schema: JsonSchema } } }>;
}
type Paths = Record<string, Record<string, Operation>>;

/** Public-but-signed webhook routes: they document the signature header and refuse unsigned calls with 401. */
const isSignedWebhook = (operation: Operation) =>
  operation.parameters?.some(
    (parameter) => parameter.in === 'header' && parameter.name === 'x-kefu-signature',
  ) ?? false;

const someId = '0190aaaaaaaa7000800000000000000a';

/** A value of the wrong JSON type for the schema. */
function wrongType(schema: JsonSchema): unknown {
  if (schema.type === 'string' || schema.enum) return 12345;
  if (schema.type === 'integer' || schema.type === 'number') return 'not-a-number';
  if (schema.type === 'array') return 'not-an-array';
  if (schema.type === 'boolean') return 'yes';
  return { nested: true };
}

/** A value just past the schema's size limit, when it has one. */
function oversized(schema: JsonSchema): unknown {
  if (schema.maxLength !== undefined) return 'x'.repeat(schema.maxLength + 1);
  if (schema.maxItems !== undefined) return Array.from({ length: schema.maxItems + 1 }, (_, i) => `id${i}`);
  if (schema.maximum !== undefined) return schema.maximum + 1;
  if (schema.anyOf) {
    for (const option of schema.anyOf) {
      const value = oversized(option);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

async function expectRefusal(client: ApiClient, method: string, url: string, body: unknown, label: string) {
  const response = await client.request(method.toUpperCase() as 'POST', url, body, {
    'accept-language': 'en',
  });
  expect(response.statusCode, `${label}: ${response.body}`).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, label).toBeLessThan(500);
  const error = response.json().error;
  expect(Object.keys(errorCatalog), label).toContain(error.code);
  expect(error.message, label).toBe(errorCatalog[error.code as keyof typeof errorCatalog].message.en);
  return response;
}

describeEachDatabase('API contract', (context) => {
  const paths = async () =>
    (await context().app.inject({ url: '/openapi.json' })).json<{ paths: Paths }>().paths;

  it('documents a body schema for every state-changing route and error answers for every route', async () => {
    let operations = 0;
    for (const [path, methods] of Object.entries(await paths())) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, operation] of Object.entries(methods)) {
        operations += 1;
        const success = operation.responses['200'] ?? operation.responses['201'];
        expect(success?.content?.['application/json'].schema, `${method} ${path}`).toBeDefined();
        for (const status of ['400', '401', '403', '404', '429']) {
          expect(operation.responses[status]?.content?.['application/json'].schema.$ref).toBe(
            '#/components/schemas/ErrorBody',
          );
        }
        const schema = operation.requestBody?.content['application/json'].schema;
        if (method === 'patch' || method === 'put')
          expect(schema, `${method} ${path} has a body`).toBeDefined();
        if (schema) {
          expect(schema.type, `${method} ${path}`).toBe('object');
          expect(schema.additionalProperties, `${method} ${path} refuses unknown fields`).toBe(false);
        }
      }
    }
    expect(operations).toBeGreaterThanOrEqual(18);
  });

  it('refuses unknown fields, wrong types and oversized values on every route, storing nothing', async () => {
    const { app, database } = context();
    const shop = await buildShop(context());
    const staff = await signIn(app, shop.admin.login);
    // Webhook calls are signed with the shop's secret, so their bodies reach validation like any other route's.
    const webhook = signedClient(app, { id: shop.id, secret: await rotateSecret(staff) });
    const before = await snapshotDatabase(database.db);
    let cases = 0;
    for (const [path, methods] of Object.entries(await paths())) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, operation] of Object.entries(methods)) {
        // Path parameters get a well-formed value (an enum's first member, else an id), so the body is what fails.
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
          const parameter = operation.parameters?.find((each) => each.in === 'path' && each.name === name);
          const choices = parameter?.schema.enum as unknown[] | undefined;
          return choices ? String(choices[0]) : someId;
        });
        const admin = isSignedWebhook(operation) ? webhook : staff;
        if (isSignedWebhook(operation)) {
          expect(operation.security, `${method} ${path} is public`).toEqual([]);
          const unsigned = await expectRefusal(staff, method, url, {}, `${method} ${path} unsigned`);
          expect(unsigned.statusCode).toBe(401);
          expect(unsigned.json().error.code).toBe('webhook_unsigned');
        }
        const schema = operation.requestBody?.content['application/json'].schema;
        if (schema?.properties) {
          await expectRefusal(admin, method, url, { zzUnknownField: 1 }, `${method} ${path} unknown field`);
          cases += 1;
          for (const [name, property] of Object.entries(schema.properties)) {
            const response = await expectRefusal(
              admin,
              method,
              url,
              { [name]: wrongType(property) },
              `${method} ${path} ${name} wrong type`,
            );
            expect(response.statusCode).toBe(400);
            expect(JSON.stringify(response.json().error.details)).toContain(name);
            const big = oversized(property);
            if (big !== undefined) {
              await expectRefusal(admin, method, url, { [name]: big }, `${method} ${path} ${name} oversized`);
              cases += 1;
            }
            cases += 1;
          }
        }
        for (const parameter of operation.parameters ?? []) {
          if (parameter.in !== 'query') continue;
          const bad = parameter.schema.enum ? 'not-a-valid-value' : (oversized(parameter.schema) ?? 'x');
          await expectRefusal(
            admin,
            'get',
            `${url}?${parameter.name}=${encodeURIComponent(String(bad))}`,
            undefined,
            `${path} ?${parameter.name}`,
          );
          cases += 1;
        }
      }
    }
    expect(cases).toBeGreaterThan(60);
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('refuses ids that are not ids, non-JSON bodies, broken JSON and oversized bodies', async () => {
    const { app, database } = context();
    const shop = await buildShop(context());
    const admin = await signIn(app, shop.admin.login);
    const before = await snapshotDatabase(database.db);
    const badId = await admin.get('/api/agents/..%2F..%2Fetc');
    expect(badId.statusCode).toBe(400);
    const post = (contentType: string, payload: string) =>
      admin.request('POST', '/api/departments', payload, { 'content-type': contentType });
    const form = await post('application/x-www-form-urlencoded', 'name=x');
    expect(form.statusCode).toBe(415);
    expect(form.json().error.code).toBe('unsupported_media_type');
    const broken = await post('application/json', '{"name": "x"');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid_json');
    const huge = await post(
      'application/json',
      JSON.stringify({ name: 'x', description: 'y'.repeat(300_000) }),
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
    expect(await snapshotDatabase(database.db)).toBe(before);
  });
});
