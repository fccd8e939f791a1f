// The demo shop (/demo-shop) that embeds the chat widget on every entry source, and the widget script itself
// (/widget.js). Filled in by issue 3's widget work.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const demoShopPlugin = fp(async (_app: FastifyInstance) => {});
