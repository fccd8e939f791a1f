// Parses the environment once at start-up into a typed configuration; nothing else reads process.env.
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseDatabaseUrl, type DatabaseTarget } from '../db/connection.js';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

interface VariableSpec {
  schema: z.ZodType;
  description: string;
  sensitive?: boolean;
}

/** Every variable Kefu reads, with its description; `sensitive` values are never logged. */
export const environmentVariables = {
  NODE_ENV: {
    schema: z.enum(['development', 'production', 'test']).default('development'),
    description: 'development, production or test',
  },
  PORT: { schema: z.coerce.number().int().min(0).max(65535).default(3000), description: 'HTTP port' },
  HOST: { schema: z.string().min(1).default('127.0.0.1'), description: 'Interface to listen on' },
  DATA_DIR: {
    schema: z.string().min(1).default('./data'),
    description: 'Folder for the SQLite file, the generated session secret and other local data',
  },
  DATABASE_URL: {
    schema: z.string().min(1).optional(),
    description:
      'postgres://… selects PostgreSQL; a file path (or sqlite:path) selects SQLite; unset = DATA_DIR/kefu.sqlite',
    sensitive: true,
  },
  REDIS_URL: {
    schema: z.url({ protocol: /^rediss?$/ }).optional(),
    description:
      'redis://… joins a multi-node deployment (shared rate limits, realtime bus); unset = single node',
    sensitive: true,
  },
  SESSION_SECRET: {
    schema: z.string().min(32).optional(),
    description:
      'Cookie-signing secret; unset = generated on first start and kept in DATA_DIR/session-secret',
    sensitive: true,
  },
  SESSION_TTL_HOURS: {
    schema: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    description: 'How long a login lasts without activity',
  },
  COOKIE_SECURE: {
    schema: flag.default(false),
    description: 'Mark cookies Secure (set true behind HTTPS)',
  },
  LOGIN_RATE_LIMIT: {
    schema: z.coerce.number().int().min(1).max(10_000).default(10),
    description: 'Login attempts allowed per minute for one address and login',
  },
  WIDGET_SESSION_RATE_LIMIT: {
    schema: z.coerce.number().int().min(1).max(100_000).default(60),
    description: 'Chat-widget sessions a minute from one address',
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    description: 'pino log level',
  },
  DEMO_SEED: {
    schema: flag.default(true),
    description: 'Seed the demo shop when the database has no shop yet',
  },
  ASSIST_LLM_URL: {
    schema: z.url({ protocol: /^https?$/ }).optional(),
    description:
      'OpenAI-compatible base URL (…/v1) for classifying with an external LLM; unset = the local model only (default)',
  },
  ASSIST_LLM_MODEL: {
    schema: z.string().min(1).default('gpt-4o-mini'),
    description: 'Model name sent to the LLM endpoint',
  },
  ASSIST_LLM_API_KEY: {
    schema: z.string().min(1).optional(),
    description: 'Bearer token for the LLM endpoint',
    sensitive: true,
  },
  ASSIST_LLM_TIMEOUT_MS: {
    schema: z.coerce.number().int().min(100).max(60_000).default(3000),
    description: 'After this long without an LLM answer the local model decides',
  },
  REPORT_CHROMIUM_PATH: {
    schema: z.string().min(1).default('/usr/bin/chromium'),
    description: 'Chromium that prints report PDFs; without it the PDF route answers report_pdf_unavailable',
  },
} satisfies Record<string, VariableSpec>;

type Variables = typeof environmentVariables;
type ParsedEnvironment = { [K in keyof Variables]: z.output<Variables[K]['schema']> };

const environmentSchema = z.object(
  Object.fromEntries(Object.entries(environmentVariables).map(([key, spec]) => [key, spec.schema])),
) as unknown as z.ZodType<ParsedEnvironment>;

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseTarget;
  redisUrl: string | undefined;
  sessionSecret: string | undefined;
  sessionTtlMs: number;
  cookieSecure: boolean;
  loginRateLimit: number;
  widgetSessionRateLimit: number;
  logLevel: string;
  demoSeed: boolean;
  /** External LLM for classification; null = off (the local model decides) */
  assistLlm: { url: string; model: string; apiKey: string | undefined; timeoutMs: number } | null;
  reportChromiumPath: string;
}

export class ConfigError extends Error {}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in most deployment tools.
  const present = Object.fromEntries(
    Object.keys(environmentVariables).flatMap((key) => {
      const value = source[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '?');
      const spec = environmentVariables[key as keyof Variables] as VariableSpec | undefined;
      return `  ${key}: ${issue.message}${spec ? ` (${spec.description})` : ''}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? parseDatabaseUrl(e.DATABASE_URL)
      : { dialect: 'sqlite', file: resolve(dataDir, 'kefu.sqlite') },
    redisUrl: e.REDIS_URL,
    sessionSecret: e.SESSION_SECRET,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    cookieSecure: e.COOKIE_SECURE,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    widgetSessionRateLimit: e.WIDGET_SESSION_RATE_LIMIT,
    logLevel: e.LOG_LEVEL,
    demoSeed: e.DEMO_SEED,
    assistLlm: e.ASSIST_LLM_URL
      ? {
          url: e.ASSIST_LLM_URL,
          model: e.ASSIST_LLM_MODEL,
          apiKey: e.ASSIST_LLM_API_KEY,
          timeoutMs: e.ASSIST_LLM_TIMEOUT_MS,
        }
      : null,
    reportChromiumPath: e.REPORT_CHROMIUM_PATH,
  };
}
