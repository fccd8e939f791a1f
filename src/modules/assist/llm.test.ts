// The external LLM adapter answers with its label when it can, and the local model decides on a timeout, an error
// or an answer outside the known labels (a real local HTTP server stands in for the endpoint).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyWithLlm } from './llm.js';
import type { Classification } from './model.js';

const local: Classification = { problemType: 'shipping', complaintCategory: null, confidence: 0.7 };
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function endpoint(handler: (body: string) => { status: number; content?: string; delayMs?: number }) {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const answer = handler(body);
      setTimeout(() => {
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ choices: [{ message: { content: answer.content ?? '' } }] }));
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}/v1`;
}

const config = (url: string, timeoutMs = 1000) => ({ url, model: 'test-model', apiKey: 'k', timeoutMs });

describe('LLM classification adapter', () => {
  it('uses the LLM’s answer when it names known labels', async () => {
    let sent = '';
    const url = await endpoint((body) => {
      sent = body;
      return { status: 200, content: '{"problemType":"complaint","complaintCategory":"logistics"}' };
    });
    const result = await classifyWithLlm(config(url), '快递三天不动，投诉', local);
    expect(result).toMatchObject({ problemType: 'complaint', complaintCategory: 'logistics', by: 'llm' });
    expect(JSON.parse(sent)).toMatchObject({ model: 'test-model' });
  });
  it('falls back to the local model on a timeout', async () => {
    const url = await endpoint(() => ({ status: 200, content: '{"problemType":"refund"}', delayMs: 500 }));
    const result = await classifyWithLlm(config(url, 100), '退款', local);
    expect(result).toEqual({ ...local, by: 'local' });
  });
  it('falls back on an error status or an unknown label', async () => {
    const failing = await endpoint(() => ({ status: 500 }));
    expect((await classifyWithLlm(config(failing), 'x', local)).by).toBe('local');
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    const odd = await endpoint(() => ({ status: 200, content: '{"problemType":"weather"}' }));
    expect(await classifyWithLlm(config(odd), 'x', local)).toEqual({ ...local, by: 'local' });
  });
});
