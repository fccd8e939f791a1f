// Staff over HTTP in the e2e tests: sign in (session cookie and CSRF token) and call the API as that person.
import { expect } from 'vitest';

export interface StaffSession {
  userId: string;
  shopId: string;
  cookie: string;
  csrfToken: string;
}

/** The demo seed's password for every login. */
export const demoPassword = 'kefu2026';

export async function signIn(baseUrl: string, login: string, password = demoPassword): Promise<StaffSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  expect(response.status, `sign-in of ${login}`).toBe(200);
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
  const body = (await response.json()) as { user: { id: string }; shop: { id: string }; csrfToken: string };
  return { userId: body.user.id, shopId: body.shop.id, cookie, csrfToken: body.csrfToken };
}

/** A request as this staff member, answered as it comes (for refusals). */
export function staffRequest(
  baseUrl: string,
  session: StaffSession,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A request that must succeed; its JSON body. */
export async function call<T>(
  baseUrl: string,
  session: StaffSession,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await staffRequest(baseUrl, session, method, path, body);
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as T;
}
