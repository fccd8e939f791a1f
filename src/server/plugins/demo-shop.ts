// The demo shop (/demo-shop) that embeds the chat widget on each of the five entry sources (SPEC §2), and the
// widget script itself (/widget.js). The demo plays the shop's own backend: it knows the widget key and signs
// the logged-in member's id with the shop's identity secret.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { memberSignature } from '../../modules/customers/service.js';
import { demoWidgetKey, findShopByWidgetKey } from '../../modules/shops/service.js';
import type { EntrySource } from '../../shared/chat.js';

/** The repository root: this file runs as src/server/plugins/*.ts (tsx, tests) or dist/server/plugins/*.js. */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const widgetScriptPath = resolve(repoRoot, 'widget/dist/widget.js');
const assetsDir = resolve(repoRoot, 'demo-shop');
const assets: Record<string, string> = {
  'shop.css': 'text/css; charset=utf-8',
  'shop.js': 'text/javascript; charset=utf-8',
};

// ── the catalogue: fixed demo data ──────────────────────────────────────────────────────────────────────

interface Product {
  id: string;
  name: string;
  priceCents: number;
  tagline: string;
  description: string;
  /** What the picture tile shows (the demo has no product photos) */
  mark: string;
  tone: string;
  specs: Array<[string, string]>;
}

interface Order {
  id: string;
  placedAt: string;
  status: string;
  statusTone: 'done' | 'moving' | 'waiting';
  items: Array<{ productId: string; quantity: number }>;
  logistics: string;
  address: string;
  timeline: Array<[string, string]>;
}

const products: Product[] = [
  {
    id: 'P1001',
    name: '北欧简约陶瓷马克杯 350ml',
    priceCents: 4900,
    tagline: '哑光釉面，微波炉可用',
    description: '高温烧制的哑光陶瓷，握感温润；350ml 容量适合咖啡和燕麦早餐，可进微波炉和洗碗机。',
    mark: '马克杯',
    tone: 'sand',
    specs: [
      ['容量', '350ml'],
      ['材质', '高温陶瓷'],
      ['颜色', '雾白 / 燕麦 / 墨绿'],
    ],
  },
  {
    id: 'P1002',
    name: '新疆长绒棉四件套 1.8m',
    priceCents: 39900,
    tagline: '60 支贡缎，亲肤透气',
    description: '新疆长绒棉 60 支贡缎工艺，柔滑亲肤；含被套、床单与两只枕套，适用 1.8m 床。',
    mark: '四件套',
    tone: 'sky',
    specs: [
      ['规格', '1.8m 床 (被套 220×240cm)'],
      ['面料', '100% 长绒棉'],
      ['工艺', '60 支贡缎'],
    ],
  },
  {
    id: 'P1003',
    name: '便携无线榨汁杯',
    priceCents: 12900,
    tagline: 'Type-C 充电，30 秒出汁',
    description: '六叶刀头 30 秒打出一杯果汁，Type-C 充电一次可用 15 杯；杯体可拆洗。',
    mark: '榨汁杯',
    tone: 'mint',
    specs: [
      ['容量', '400ml'],
      ['续航', '约 15 杯'],
      ['充电', 'Type-C'],
    ],
  },
  {
    id: 'P1004',
    name: '静音香薰加湿器',
    priceCents: 16900,
    tagline: '3L 大容量，睡眠模式',
    description: '超声波雾化，运行噪音低于 30 分贝；3L 水箱续航 12 小时，可加精油香薰。',
    mark: '加湿器',
    tone: 'lilac',
    specs: [
      ['水箱', '3L'],
      ['噪音', '≤ 30dB'],
      ['续航', '约 12 小时'],
    ],
  },
  {
    id: 'P1005',
    name: '慢回弹记忆棉护颈枕',
    priceCents: 8900,
    tagline: '人体工学波浪曲线',
    description: '慢回弹记忆棉贴合颈部曲线，可拆洗针织外套；适合仰睡与侧睡。',
    mark: '护颈枕',
    tone: 'rose',
    specs: [
      ['尺寸', '60×35×11/9cm'],
      ['填充', '慢回弹记忆棉'],
      ['外套', '可拆洗针织棉'],
    ],
  },
  {
    id: 'P1006',
    name: '三层不锈钢保温饭盒',
    priceCents: 7900,
    tagline: '316 不锈钢内胆，6 小时保温',
    description: '316 不锈钢内胆，三层分装主食与菜品，配保温提袋，6 小时保温。',
    mark: '饭盒',
    tone: 'amber',
    specs: [
      ['容量', '1.6L (三层)'],
      ['内胆', '316 不锈钢'],
      ['保温', '约 6 小时'],
    ],
  },
];

const orders: Order[] = [
  {
    id: 'DD20261122003',
    placedAt: '2026-11-22 20:14',
    status: '待发货',
    statusTone: 'waiting',
    items: [{ productId: 'P1004', quantity: 1 }],
    logistics: '仓库备货中，预计 24 小时内发货',
    address: '上海市 浦东新区 张江路 *** 号 (林**，138****5678)',
    timeline: [
      ['2026-11-22 20:14', '订单已提交'],
      ['2026-11-22 20:15', '支付成功'],
    ],
  },
  {
    id: 'DD20261120002',
    placedAt: '2026-11-20 09:41',
    status: '运输中',
    statusTone: 'moving',
    items: [
      { productId: 'P1001', quantity: 2 },
      { productId: 'P1005', quantity: 1 },
    ],
    logistics: '顺丰速运 SF1428 5566 7788',
    address: '上海市 浦东新区 张江路 *** 号 (林**，138****5678)',
    timeline: [
      ['2026-11-20 09:41', '订单已提交并支付'],
      ['2026-11-20 16:02', '仓库已发货'],
      ['2026-11-21 08:30', '到达上海转运中心'],
    ],
  },
  {
    id: 'DD20261118001',
    placedAt: '2026-11-18 13:05',
    status: '已签收',
    statusTone: 'done',
    items: [{ productId: 'P1002', quantity: 1 }],
    logistics: '中通快递 7520 1133 9900',
    address: '上海市 浦东新区 张江路 *** 号 (林**，138****5678)',
    timeline: [
      ['2026-11-18 13:05', '订单已提交并支付'],
      ['2026-11-18 18:40', '仓库已发货'],
      ['2026-11-19 15:12', '已签收，感谢您的购买'],
    ],
  },
];

const notices = [
  {
    title: '物流通知',
    time: '今天 08:30',
    text: '您的订单 DD20261120002 已到达上海转运中心，预计明天送达。',
  },
  {
    title: '售后进度',
    time: '昨天 17:20',
    text: '您咨询的四件套起球问题已转交产品部，客服会在 2 个工作日内回访。',
  },
  { title: '会员福利', time: '11-18', text: '双 12 预售开启：会员专享满 299 减 40 券已放入您的账户。' },
];

/** The one demo member the "log in" link simulates. */
const demoMember = { id: 'M10001', name: '林小满' };
const memberCookie = 'demo_member';

// ── the shop behind the pages ───────────────────────────────────────────────────────────────────────────

interface DemoShop {
  name: string;
  widgetKey: string;
  identitySecret: string | null;
}

/**
 * The shop the pages embed: `?shopKey=` when given, else the demo seed's shop (slug `demo`), else the first
 * shop. A shop's real backend would hold its key and secret in its own configuration.
 */
async function findDemoShop(app: FastifyInstance, override: string | undefined): Promise<DemoShop | null> {
  const db = app.deps.database.db;
  const widgetKey = override ?? (await demoWidgetKey(db));
  if (!widgetKey) return null;
  const shop = await findShopByWidgetKey(db, widgetKey);
  return { name: shop?.name ?? '演示店铺', widgetKey, identitySecret: shop?.identitySecret ?? null };
}

// ── HTML ────────────────────────────────────────────────────────────────────────────────────────────────

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => htmlEscapes[char] ?? char);
}

/** A tagged template that escapes every interpolated value unless it is already rendered markup. */
class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}
type HtmlValue = Html | string | number | null | undefined | false | HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (value instanceof Html) return value.value;
  return escapeHtml(String(value));
}

function markup(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  return new Html(strings.reduce((out, part, index) => out + part + render(values[index]), ''));
}

const price = (cents: number) => `¥${(cents / 100).toFixed(2)}`;

const sourceLabels: Record<EntrySource, string> = {
  shop_home: '店铺首页',
  product_detail: '商品详情页',
  order_list: '订单列表页',
  order_detail: '订单详情页',
  message_centre: '消息中心',
};

interface PageContext {
  shop: DemoShop | null;
  /** `?shopKey=…` to keep on every link, when the pages run against another shop */
  override: string | undefined;
  member: typeof demoMember | null;
  path: string;
}

interface PageInput {
  title: string;
  source: EntrySource;
  productId?: string;
  orderId?: string;
  body: Html;
}

function link(context: PageContext, path: string): string {
  return context.override ? `${path}?shopKey=${encodeURIComponent(context.override)}` : path;
}

function widgetTag(context: PageContext, page: PageInput): Html | null {
  const { shop, member } = context;
  if (!shop) return null;
  const signed = member && shop.identitySecret ? member : null;
  return markup`<script
    src="/widget.js"
    data-shop-key="${shop.widgetKey}"
    data-source="${page.source}"
    ${page.productId ? markup`data-product-id="${page.productId}"` : null}
    ${page.orderId ? markup`data-order-id="${page.orderId}"` : null}
    ${
      signed
        ? markup`data-member-id="${signed.id}" data-member-name="${signed.name}"
          data-member-signature="${memberSignature(shop.identitySecret ?? '', signed.id)}"`
        : null
    }
  ></script>`;
}

function layout(context: PageContext, page: PageInput): string {
  const nav: Array<[string, string, EntrySource]> = [
    ['/demo-shop', '首页', 'shop_home'],
    [`/demo-shop/products/${products[0]?.id ?? ''}`, '商品详情', 'product_detail'],
    ['/demo-shop/orders', '我的订单', 'order_list'],
    [`/demo-shop/orders/${orders[0]?.id ?? ''}`, '订单详情', 'order_detail'],
    ['/demo-shop/messages', '消息中心', 'message_centre'],
  ];
  const shopName = context.shop?.name ?? '演示店铺';
  const loginTarget = encodeURIComponent(link(context, context.path));
  return `<!doctype html>${
    markup`<html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.title} · ${shopName}</title>
        <link rel="stylesheet" href="/demo-shop/assets/shop.css" />
      </head>
      <body>
        <header class="topbar">
          <div class="wrap topbar-inner">
            <a class="brand" href="${link(context, '/demo-shop')}"><span class="logo">悦</span>${shopName}</a>
            <nav class="nav" aria-label="店铺导航">
              ${nav.map(
                ([href, label, source]) =>
                  markup`<a href="${link(context, href)}" class="${source === page.source ? 'active' : ''}">${label}</a>`,
              )}
            </nav>
            <div class="account">
              ${
                context.member
                  ? markup`<span class="member" data-testid="demo-member">会员：${context.member.name} (${context.member.id})</span>
                      <a href="/demo-shop/member/logout?next=${loginTarget}">退出</a>`
                  : markup`<a href="/demo-shop/member/login?next=${loginTarget}" data-testid="demo-login">以会员身份登录 (demo member)</a>`
              }
            </div>
          </div>
        </header>
        <div class="demo-note">
          <div class="wrap">
            这是 Kefu 的演示店铺。右下角的在线客服带着本页的入口来源：<strong>${sourceLabels[page.source]}</strong>
            <code>${page.source}</code>${page.productId ? markup`，商品 <code>${page.productId}</code>` : null}${
              page.orderId ? markup`，订单 <code>${page.orderId}</code>` : null
            }。
            ${context.shop ? null : markup`<strong class="warn">还没有开通在线客服的店铺：请先初始化演示数据。</strong>`}
          </div>
        </div>
        <main class="wrap main">${page.body}</main>
        <footer class="footer"><div class="wrap">© 2026 ${shopName} · Kefu 客服演示</div></footer>
        <script src="/demo-shop/assets/shop.js" defer></script>
        ${widgetTag(context, page)}
      </body>
    </html>`.value
  }`;
}

function productCard(context: PageContext, product: Product): Html {
  return markup`<a
    class="card"
    href="${link(context, `/demo-shop/products/${product.id}`)}"
    data-testid="demo-product"
  >
    <div class="tile tone-${product.tone}" aria-hidden="true">${product.mark}</div>
    <div class="card-body">
      <div class="card-title">${product.name}</div>
      <div class="muted">${product.tagline}</div>
      <div class="price">${price(product.priceCents)}</div>
    </div>
  </a>`;
}

function homePage(context: PageContext): PageInput {
  return {
    title: '首页',
    source: 'shop_home',
    body: markup`<section class="hero">
        <div>
          <h1>让日常更舒服一点</h1>
          <p>家居好物，7 天无理由退换；在线客服每天 9:00–23:00 为您服务。</p>
          <button type="button" class="button" data-kefu-open>咨询客服</button>
        </div>
        <div class="hero-art" aria-hidden="true">悦享<br />生活</div>
      </section>
      <h2>热销商品</h2>
      <div class="grid">${products.map((product) => productCard(context, product))}</div>`,
  };
}

function productPage(context: PageContext, product: Product): PageInput {
  return {
    title: product.name,
    source: 'product_detail',
    productId: product.id,
    body: markup`<nav class="crumbs"><a href="${link(context, '/demo-shop')}">首页</a> / ${product.name}</nav>
      <section class="product">
        <div class="tile large tone-${product.tone}" aria-hidden="true">${product.mark}</div>
        <div class="product-info">
          <h1 data-testid="demo-product-name">${product.name}</h1>
          <p class="muted">${product.tagline}</p>
          <div class="price big">${price(product.priceCents)}</div>
          <p>${product.description}</p>
          <table class="specs">
            ${product.specs.map(
              ([label, value]) =>
                markup`<tr>
                  <th>${label}</th>
                  <td>${value}</td>
                </tr>`,
            )}
            <tr>
              <th>商品编号</th>
              <td>${product.id}</td>
            </tr>
          </table>
          <div class="actions">
            <button type="button" class="button" disabled title="演示店铺不能下单">加入购物车</button>
            <button type="button" class="button ghost" data-kefu-open>咨询客服</button>
          </div>
        </div>
      </section>
      <h2>看了又看</h2>
      <div class="grid">
        ${products
          .filter((other) => other.id !== product.id)
          .slice(0, 3)
          .map((other) => productCard(context, other))}
      </div>`,
  };
}

function orderLines(order: Order): Html[] {
  return order.items.map(({ productId, quantity }) => {
    const product = products.find((p) => p.id === productId);
    return markup`<div class="line">
      <span class="tile small tone-${product?.tone ?? 'sand'}" aria-hidden="true">${product?.mark.slice(0, 1) ?? '?'}</span>
      <span class="line-name">${product?.name ?? productId}</span>
      <span class="muted">× ${quantity}</span>
      <span>${price((product?.priceCents ?? 0) * quantity)}</span>
    </div>`;
  });
}

function orderTotal(order: Order): number {
  return order.items.reduce(
    (sum, { productId, quantity }) =>
      sum + (products.find((p) => p.id === productId)?.priceCents ?? 0) * quantity,
    0,
  );
}

function ordersPage(context: PageContext): PageInput {
  return {
    title: '我的订单',
    source: 'order_list',
    body: markup`<h1>我的订单</h1>
      ${orders.map(
        (order) =>
          markup`<section class="order" data-testid="demo-order">
            <div class="order-head">
              <span>订单号 <strong>${order.id}</strong></span>
              <span class="muted">${order.placedAt}</span>
              <span class="status ${order.statusTone}">${order.status}</span>
            </div>
            ${orderLines(order)}
            <div class="order-foot">
              <span>实付 <strong class="price">${price(orderTotal(order))}</strong></span>
              <a class="button ghost small" href="${link(context, `/demo-shop/orders/${order.id}`)}">查看详情</a>
            </div>
          </section>`,
      )}`,
  };
}

function orderPage(context: PageContext, order: Order): PageInput {
  return {
    title: `订单 ${order.id}`,
    source: 'order_detail',
    orderId: order.id,
    body: markup`<nav class="crumbs">
        <a href="${link(context, '/demo-shop/orders')}">我的订单</a> / ${order.id}
      </nav>
      <h1>订单详情 <span class="status ${order.statusTone}">${order.status}</span></h1>
      <section class="order">
        <div class="order-head">
          <span>订单号 <strong data-testid="demo-order-id">${order.id}</strong></span>
          <span class="muted">下单时间 ${order.placedAt}</span>
        </div>
        ${orderLines(order)}
        <div class="order-foot">
          <span>实付 <strong class="price">${price(orderTotal(order))}</strong></span>
          <button type="button" class="button small" data-kefu-open>联系客服处理此订单</button>
        </div>
      </section>
      <section class="panel-box">
        <h2>物流与收货</h2>
        <p>${order.logistics}</p>
        <p class="muted">${order.address}</p>
        <ol class="timeline">
          ${order.timeline.map(([time, text]) => markup`<li><span class="muted">${time}</span> ${text}</li>`)}
        </ol>
      </section>`,
  };
}

function messagesPage(): PageInput {
  return {
    title: '消息中心',
    source: 'message_centre',
    body: markup`<h1>消息中心</h1>
      <ul class="notices">
        ${notices.map(
          (notice) =>
            markup`<li>
              <div class="notice-head">
                <strong>${notice.title}</strong><span class="muted">${notice.time}</span>
              </div>
              <p>${notice.text}</p>
            </li>`,
        )}
      </ul>
      <p>有问题？<button type="button" class="button small" data-kefu-open>联系在线客服</button></p>`,
  };
}

function notFoundPage(): PageInput {
  return {
    title: '页面不存在',
    source: 'shop_home',
    body: markup`<h1>页面不存在</h1>
      <p>没有找到这个商品或订单。</p>`,
  };
}

// ── files ───────────────────────────────────────────────────────────────────────────────────────────────

interface CachedFile {
  mtimeMs: number;
  body: Buffer;
  etag: string;
}
const fileCache = new Map<string, CachedFile>();

/** Reads a file once per change on disk (a rebuild is picked up without a restart); null when it is missing. */
async function cachedFile(path: string): Promise<CachedFile | null> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  const cached = fileCache.get(path);
  if (cached && cached.mtimeMs === info.mtimeMs) return cached;
  const body = await readFile(path);
  const file = {
    mtimeMs: info.mtimeMs,
    body,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
  fileCache.set(path, file);
  return file;
}

async function sendFile(
  request: FastifyRequest,
  reply: FastifyReply,
  path: string,
  contentType: string,
  cacheControl: string,
) {
  const file = await cachedFile(path);
  if (!file) return null;
  reply.header('etag', file.etag).header('cache-control', cacheControl).type(contentType);
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  return reply.send(file.body);
}

// ── routes ──────────────────────────────────────────────────────────────────────────────────────────────

/** Only our own pages are redirect targets after the member login or logout. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/demo-shop') && !next.startsWith('//')
    ? next
    : '/demo-shop';
}

export const demoShopPlugin = fp(async (app: FastifyInstance) => {
  // The widget script is pasted into shop pages without a version in its URL: a short cache and an ETag, and
  // loadable from the shop's own origin (helmet's same-origin resource policy would block it).
  app.get('/widget.js', async (request, reply) => {
    reply.header('cross-origin-resource-policy', 'cross-origin');
    const sent = await sendFile(
      request,
      reply,
      widgetScriptPath,
      'text/javascript; charset=utf-8',
      'public, max-age=300, must-revalidate',
    );
    if (sent) return sent;
    return reply
      .code(503)
      .type('text/plain; charset=utf-8')
      .send('The chat widget is not built yet: run `npm run build:widget` (npm run build does it too).');
  });

  app.get<{ Params: { file: string } }>('/demo-shop/assets/:file', async (request, reply) => {
    const contentType = assets[request.params.file];
    const sent = contentType
      ? await sendFile(
          request,
          reply,
          resolve(assetsDir, request.params.file),
          contentType,
          'public, max-age=300',
        )
      : null;
    return sent ?? reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });

  app.get<{ Querystring: { next?: string } }>('/demo-shop/member/login', async (request, reply) => {
    reply.setCookie(memberCookie, demoMember.id, { path: '/demo-shop', httpOnly: true, sameSite: 'lax' });
    return reply.redirect(safeNext(request.query.next), 303);
  });

  app.get<{ Querystring: { next?: string } }>('/demo-shop/member/logout', async (request, reply) => {
    reply.clearCookie(memberCookie, { path: '/demo-shop' });
    return reply.redirect(safeNext(request.query.next), 303);
  });

  const page =
    (build: (context: PageContext, request: FastifyRequest) => PageInput | null) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const query = request.query as { shopKey?: unknown };
      const override =
        typeof query.shopKey === 'string' && query.shopKey.trim() ? query.shopKey.trim() : undefined;
      const context: PageContext = {
        shop: await findDemoShop(app, override),
        override,
        member: request.cookies[memberCookie] === demoMember.id ? demoMember : null,
        path: request.url.split('?')[0] ?? '/demo-shop',
      };
      const input = build(context, request);
      return reply
        .code(input ? 200 : 404)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(layout(context, input ?? notFoundPage()));
    };

  app.get('/demo-shop', page(homePage));
  app.get('/demo-shop/', page(homePage));
  app.get(
    '/demo-shop/products/:id',
    page((context, request) => {
      const product = products.find((p) => p.id === (request.params as { id: string }).id);
      return product ? productPage(context, product) : null;
    }),
  );
  app.get('/demo-shop/orders', page(ordersPage));
  app.get(
    '/demo-shop/orders/:id',
    page((context, request) => {
      const order = orders.find((o) => o.id === (request.params as { id: string }).id);
      return order ? orderPage(context, order) : null;
    }),
  );
  app.get('/demo-shop/messages', page(messagesPage));
  app.get(
    '/demo-shop/*',
    page(() => null),
  );
});
