import { expect, it } from 'vitest';
import {
  anonymous,
  buildShop,
  buildStaff,
  signIn,
  snapshotDatabase,
  testPassword,
} from '../../test/factories.js';
import { describeEachDatabase } from '../../test/harness.js';

describeEachDatabase('sign-in and sessions', (context) => {
  it('signs in with login and password and sets an httpOnly session cookie', async () => {
    const { app } = context();
    const shop = await buildShop(context());
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: shop.admin.login.toUpperCase(), password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'kefu_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const session = response.json();
    expect(session.user.login).toBe(shop.admin.login);
    expect(session.shop.timezone).toBe('Asia/Shanghai');
    expect(session.permissions).toContain('team.manage');
    expect(session.csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('gives the same answer for a wrong password and an unknown login, in the caller language', async () => {
    const { app } = context();
    const shop = await buildShop(context());
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { login: shop.admin.login, password: 'not-the-password' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'nobody-here', password: 'whatever' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Wrong login or password' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error).toEqual({ code: 'invalid_credentials', message: '账号或密码错误' });
    expect(wrong.cookies).toHaveLength(0);
  });

  it('ends the session on logout, after which the cookie no longer works', async () => {
    const { app } = context();
    const shop = await buildShop(context());
    const admin = await signIn(app, shop.admin.login);
    expect((await admin.get('/api/auth/session')).statusCode).toBe(200);
    expect((await admin.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await admin.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('refuses a tampered or forged session cookie', async () => {
    const { app } = context();
    const shop = await buildShop(context());
    await signIn(app, shop.admin.login);
    const forged = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: 'kefu_session=abc.def' },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('unauthenticated');
  });

  it('refuses a state-changing call without the CSRF token and changes nothing', async () => {
    const { app, database } = context();
    const shop = await buildShop(context());
    const admin = await signIn(app, shop.admin.login);
    const before = await snapshotDatabase(database.db);
    const response = await admin.request(
      'POST',
      '/api/departments',
      { name: '售后仓' },
      { 'x-csrf-token': 'wrong-token-wrong-token-1234' },
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
    expect(await snapshotDatabase(database.db)).toBe(before);
  });

  it('locks out a disabled account, including its open sessions', async () => {
    const { app } = context();
    const shop = await buildShop(context());
    const agent = await buildStaff(context(), shop);
    const agentClient = await signIn(app, agent.login);
    const admin = await signIn(app, shop.admin.login);
    expect((await admin.patch(`/api/agents/${agent.id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await agentClient.get('/api/auth/session')).statusCode).toBe(401);
    const again = await anonymous(app).post('/api/auth/login', {
      login: agent.login,
      password: testPassword,
    });
    expect(again.statusCode).toBe(401);
  });

  it("remembers the user's interface language", async () => {
    const { app } = context();
    const shop = await buildShop(context());
    const admin = await signIn(app, shop.admin.login);
    const changed = await admin.patch('/api/auth/preferences', { locale: 'en' });
    expect(changed.json().user.locale).toBe('en');
    // With no Accept-Language, errors follow the stored preference.
    const error = await admin.get('/api/agents/not-a-real-id');
    expect(error.json().error.message).toBe('Not found');
  });

  it('writes sign-in and sign-out to the audit log', async () => {
    const { app } = context();
    const shop = await buildShop(context());
    const admin = await signIn(app, shop.admin.login);
    const page = (await admin.get('/api/audit?entityType=session')).json();
    expect(page.items.map((item: { action: string }) => item.action)).toContain('auth.login');
  });
});

describeEachDatabase(
  'login rate limit',
  (context) => {
    it('answers 429 after too many attempts for one login from one address', async () => {
      const { app } = context();
      const shop = await buildShop(context());
      const attempt = () =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { login: shop.admin.login, password: 'bad' },
        });
      const codes = [];
      for (let i = 0; i < 4; i += 1) codes.push((await attempt()).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const limited = await attempt();
      expect(limited.json().error.code).toBe('rate_limited');
      // Another login from the same address is not locked by someone else's failures.
      const other = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'someone-else', password: 'bad' },
      });
      expect(other.statusCode).toBe(401);
    });
  },
  { env: { LOGIN_RATE_LIMIT: '3' } },
);
