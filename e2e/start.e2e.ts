// `npm start` as a user meets it: the login page at the printed URL, demo logins, data kept across restarts.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDataDir, startServer } from './server.js';

const dataDir = freshDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function signIn(url: string, login: string, password: string) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { status: response.status, cookie, session: (await response.json()) as { csrfToken: string } };
}

describe('start-up on an embedded SQLite file', () => {
  it('serves the login page with security headers, seeds the demo shop once and keeps data across restarts', async () => {
    const first = await startServer({ dataDir });
    try {
      expect(first.output()).toContain('Demo shop seeded just now');
      expect(first.output()).toMatch(/admin\s+admin/);
      const page = await fetch(`${first.url}/login`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${first.url}/docs/`)).status).toBe(200);

      const admin = await signIn(first.url, 'admin', 'kefu2026');
      expect(admin.status).toBe(200);
      const created = await fetch(`${first.url}/api/departments`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: admin.cookie,
          'x-csrf-token': admin.session.csrfToken,
        },
        body: JSON.stringify({ name: '重启前创建的部门' }),
      });
      expect(created.status).toBe(201);
    } finally {
      await first.stop();
    }

    const second = await startServer({ dataDir });
    try {
      expect(second.output()).toContain('Demo shop already present');
      const admin = await signIn(second.url, 'admin', 'kefu2026');
      const departments = await fetch(`${second.url}/api/departments`, { headers: { cookie: admin.cookie } });
      const names = ((await departments.json()) as { items: Array<{ name: string }> }).items.map(
        (d) => d.name,
      );
      expect(names).toContain('重启前创建的部门');
      const agents = await fetch(`${second.url}/api/agents`, { headers: { cookie: admin.cookie } });
      expect(((await agents.json()) as { items: unknown[] }).items).toHaveLength(12);
    } finally {
      await second.stop();
    }
  });

  it('refuses to start on a bad configuration value and says which', async () => {
    await expect(startServer({ env: { PORT: 'eighty' } })).rejects.toThrow(/PORT/);
  });
});
