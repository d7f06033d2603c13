import type { FastifyReply, FastifyRequest } from 'fastify';
import { sourceAsset } from './web-assets';

/** The one look of the gateway's own pages (sign-in, refusals): a top bar and a card. */
const STYLESHEET = sourceAsset(
  'shopops.css',
  `:root { color-scheme: light; --ink: #1f2430; --muted: #5b6475; --line: #dde1e8; --accent: #8a5a2b; --accent-ink: #fff; --paper: #f6f4f1; --danger: #a3261c; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; background: var(--paper); color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
.bar { display: flex; align-items: center; gap: 24px; padding: 12px 24px; background: var(--ink); color: #fff; }
.bar .brand { font-weight: 700; letter-spacing: 0.04em; }
.bar nav { display: flex; gap: 16px; }
.bar a { color: #d9dde5; text-decoration: none; }
.bar a:hover { color: #fff; }
main { max-width: 520px; margin: 64px auto; padding: 32px; background: #fff; border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 2px 12px rgba(31, 36, 48, 0.06); }
h1 { margin: 0 0 12px; font-size: 22px; }
p { margin: 0 0 16px; color: var(--muted); }
code { padding: 1px 5px; white-space: nowrap; background: var(--paper); border-radius: 4px; font-size: 13px; }
.status { display: inline-block; margin-bottom: 8px; color: var(--muted); font-size: 13px; letter-spacing: 0.08em; text-transform: uppercase; }
.error { color: var(--danger); font-weight: 600; }
ul.details { margin: 0 0 16px; padding-left: 20px; color: var(--muted); }
form { display: grid; gap: 12px; }
label { display: grid; gap: 6px; font-weight: 600; }
input[type='password'] { padding: 9px 11px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
input[type='password']:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
button, a.button { justify-self: start; display: inline-block; padding: 9px 18px; border: 0; border-radius: 6px; background: var(--accent); color: var(--accent-ink); font: inherit; font-weight: 600; text-decoration: none; cursor: pointer; }
`,
);

/** Served under /assets with the other page files. */
export const PAGE_ASSETS = [STYLESHEET];

/** The pages load nothing but the gateway's stylesheet and post forms only to the gateway. */
const PAGE_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** An empty icon, so browsers do not ask for /favicon.ico. */
export const NO_ICON = '<link rel="icon" href="data:,">';

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** A whole page in the shared layout; `body` is HTML built with escapeHtml around every value. */
export function renderPage(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)} · ShopOps</title>${NO_ICON}<link rel="stylesheet" href="${STYLESHEET.url}"></head>` +
    `<body><header class="bar"><span class="brand">ShopOps</span><nav><a href="/graphql">GraphQL IDE</a><a href="/admin/queues">Queues</a></nav></header>` +
    `<main>${body}</main></body></html>`
  );
}

/** Pages may carry a token or who is signed in: never cached, never framed. */
export function sendPage(reply: FastifyReply, status: number, html: string, securityPolicy = PAGE_SECURITY_POLICY): FastifyReply {
  return reply
    .code(status)
    .header('content-security-policy', securityPolicy)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .type('text/html; charset=utf-8')
    .send(html);
}

/**
 * Whether the client ranks HTML first in Accept, as a browser opening a page does
 * (`text/html,application/xhtml+xml,…;q=0.9`); API clients ask for JSON, or for anything.
 */
export function wantsHtml(request: Pick<FastifyRequest, 'headers'>): boolean {
  let best = { type: '', quality: 0 };
  for (const range of String(request.headers.accept ?? '').split(',')) {
    const [type, ...parameters] = range.toLowerCase().split(';');
    const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    if (quality > best.quality) best = { type: type.trim(), quality };
  }
  return best.type === 'text/html' || best.type === 'application/xhtml+xml';
}
