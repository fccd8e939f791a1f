// The demo shop pages carry the widget tag with the right entry source, sign the demo member the way a shop's
// backend must, escape what they echo, and run under the CSP without inline scripts; /widget.js is served.
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { memberSignature } from '../../modules/customers/service.js';
import { findShopByWidgetKey } from '../../modules/shops/service.js';
import { buildShop, type TestShop } from '../../test/factories.js';
import { describeEachDatabase } from '../../test/harness.js';

/** The attributes of the page's widget script tag. */
function widgetTag(page: string): Record<string, string> {
  const tag = /<script\s+src="\/widget\.js"([^>]*)>/.exec(page)?.[1];
  if (tag === undefined) throw new Error('no widget tag on the page');
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

describeEachDatabase('demo shop', (context) => {
  let shop: TestShop;
  const get = (url: string, headers: Record<string, string> = {}) =>
    context().app.inject({ method: 'GET', url, headers });

  it('embeds the widget on the five pages, each with its entry source and its product or order', async () => {
    shop = await buildShop(context());
    const pages = [
      ['/demo-shop', { 'data-source': 'shop_home' }],
      ['/demo-shop/products/P1003', { 'data-source': 'product_detail', 'data-product-id': 'P1003' }],
      ['/demo-shop/orders', { 'data-source': 'order_list' }],
      [
        '/demo-shop/orders/DD20261120002',
        { 'data-source': 'order_detail', 'data-order-id': 'DD20261120002' },
      ],
      ['/demo-shop/messages', { 'data-source': 'message_centre' }],
    ] as const;
    for (const [url, expected] of pages) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      const tag = widgetTag(response.body);
      expect(tag).toMatchObject(expected);
      const known = await findShopByWidgetKey(context().database.db, tag['data-shop-key'] ?? '');
      expect(known?.id).toBe(shop.id);
      expect(tag['data-member-id']).toBeUndefined();
      // Only our own scripts run (CSP script-src 'self'): every script tag loads a file.
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      for (const link of ['/demo-shop', '/demo-shop/orders', '/demo-shop/messages']) {
        expect(response.body).toContain(`href="${link}"`);
      }
    }
  });

  it('answers an unknown product or order with a 404 page that still carries the widget', async () => {
    const response = await get('/demo-shop/products/P9999');
    expect(response.statusCode).toBe(404);
    expect(widgetTag(response.body)['data-source']).toBe('shop_home');
    expect((await get('/demo-shop/orders/nope')).statusCode).toBe(404);
  });

  it('signs the logged-in demo member with the shop identity secret, and the widget API accepts it', async () => {
    const login = await get('/demo-shop/member/login?next=%2Fdemo-shop%2Forders');
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/demo-shop/orders');
    const cookie = login.cookies.find((c) => c.name === 'demo_member');
    expect(cookie).toMatchObject({ value: 'M10001', path: '/demo-shop', httpOnly: true });

    const page = await get('/demo-shop/orders', { cookie: 'demo_member=M10001' });
    expect(page.body).toContain('林小满');
    const tag = widgetTag(page.body);
    const known = await findShopByWidgetKey(context().database.db, tag['data-shop-key'] ?? '');
    expect(tag['data-member-id']).toBe('M10001');
    expect(tag['data-member-signature']).toBe(memberSignature(known?.identitySecret ?? '', 'M10001'));

    const session = await context().app.inject({
      method: 'POST',
      url: '/api/widget/session',
      payload: {
        shopKey: tag['data-shop-key'],
        member: {
          id: tag['data-member-id'],
          name: tag['data-member-name'],
          signature: tag['data-member-signature'],
        },
      },
    });
    expect(session.statusCode).toBe(200);

    const logout = await get('/demo-shop/member/logout?next=/demo-shop', { cookie: 'demo_member=M10001' });
    expect(logout.statusCode).toBe(303);
    expect(logout.cookies.find((c) => c.name === 'demo_member')?.value).toBe('');
  });

  it('never redirects outside the demo shop after the member login', async () => {
    for (const next of ['https://evil.example/', '//evil.example/demo-shop', '/api/agents']) {
      const response = await get(`/demo-shop/member/login?next=${encodeURIComponent(next)}`);
      expect(response.headers.location).toBe('/demo-shop');
    }
  });

  it('escapes a shop key override wherever the page echoes it', async () => {
    const hostile = '"><script>alert(1)</script>';
    const response = await get(`/demo-shop/products/P1001?shopKey=${encodeURIComponent(hostile)}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('<script>alert(1)</script>');
    expect(widgetTag(response.body)['data-shop-key']).toBe('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // Navigation keeps the override, URL-encoded.
    expect(response.body).toContain(`href="/demo-shop/orders?shopKey=${encodeURIComponent(hostile)}"`);
  });

  it('serves the widget script to any origin with a short cache and an ETag', async () => {
    const response = await get('/widget.js');
    if (!existsSync('widget/dist/widget.js')) {
      // Only before a build (npm test builds first).
      expect(response.statusCode).toBe(503);
      return;
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toContain('max-age=300');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const etag = String(response.headers.etag);
    const again = await get('/widget.js', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    const css = await get('/demo-shop/assets/shop.css');
    expect(css.headers['content-type']).toContain('text/css');
    expect((await get('/demo-shop/assets/..%2Fpackage.json')).statusCode).toBe(404);
  });
});
