import { STAFF_ROLES } from '@shopops/contracts';
import { bearerAuthHook, verifyBearerToken, type Identity } from '@shopops/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pageToken, signInHref } from '../auth/browser-session';
import type { GatewayConfig } from '../gateway.config';
import { escapeHtml, NO_ICON, sendPage, wantsHtml } from '../pages/page-layout';
import { sendRefusal } from '../pages/refusal-page';
import { packageAsset, sourceAsset, type WebAsset } from '../pages/web-assets';

/** The IDE opens where clients send their queries: a browser's GET of /graphql. */
export const IDE_PATH = '/graphql';

/**
 * GraphiQL's scripts come from the gateway only; its stylesheet sets inline styles and inlines its
 * fonts as data: URLs; it talks to /graphql only.
 */
const IDE_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Starts GraphiQL from the options the page carries as JSON (a script that runs nothing, so the
 * page needs no inline script): the endpoint, and the sign-in's Authorization header, shown in
 * the headers editor and never persisted in the browser's storage.
 */
const START_SCRIPT = `(function () {
  'use strict';
  var options = JSON.parse(document.getElementById('graphql-ide-options').textContent);
  var props = {
    fetcher: GraphiQL.createFetcher({ url: options.endpoint }),
    defaultQuery: options.defaultQuery,
    shouldPersistHeaders: false,
  };
  if (options.query) props.query = options.query;
  if (options.headers) {
    props.headers = options.headers;
    props.defaultEditorToolsVisibility = 'headers';
  }
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, props));
})();
`;

/** GraphiQL fills the window. */
const IDE_LAYOUT = 'html, body, #graphiql { height: 100%; margin: 0; }\n';

const EXAMPLE_QUERY = `query Products {
  products(first: 5) {
    nodes {
      code
      title
    }
  }
}
`;

interface IdeOptions {
  readonly endpoint: string;
  readonly defaultQuery: string;
  readonly query?: string;
  readonly headers?: string;
}

/** JSON inside a <script> element: `<` escaped so no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function defaultQuery(identity: Identity | undefined): string {
  const who = identity
    ? `# Signed in as ${identity.role} (${identity.subject.replace(/\s+/g, ' ')}):\n# the Headers tab carries your sign-in's token.\n`
    : `# Not signed in: public fields only, no schema docs.\n# Staff sign in at ${signInHref(IDE_PATH)}\n`;
  return `# ShopOps GraphQL IDE\n${who}# Ctrl+Enter runs the operation; the book icon\n# (top left) browses the schema.\n\n${EXAMPLE_QUERY}`;
}

/**
 * GraphiQL for browsers, served whole by the gateway from the npm packages that ship it as
 * browser builds (graphiql, react, react-dom): nothing is fetched from another host, so the IDE
 * works on a shop's intranet without internet. GRAPHQL_IDE says who may open it.
 */
export class GraphQLIde {
  readonly assets: readonly WebAsset[];
  private readonly stylesheets: readonly WebAsset[];
  private readonly scripts: readonly WebAsset[];
  private readonly staffOnly?: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

  constructor(private readonly config: Pick<GatewayConfig, 'ide' | 'jwtSecret'>) {
    const open = config.ide !== 'off';
    this.stylesheets = open ? [packageAsset('graphiql', 'graphiql.min.css', 'graphiql.min.css'), sourceAsset('graphql-ide.css', IDE_LAYOUT)] : [];
    this.scripts = open
      ? [
          packageAsset('react', 'umd/react.production.min.js', 'react.production.min.js'),
          packageAsset('react-dom', 'umd/react-dom.production.min.js', 'react-dom.production.min.js'),
          packageAsset('graphiql', 'graphiql.min.js', 'graphiql.min.js'),
          sourceAsset('graphql-ide.js', START_SCRIPT),
        ]
      : [];
    this.assets = [...this.stylesheets, ...this.scripts];
    if (config.ide === 'staff') {
      this.staffOnly = bearerAuthHook({
        jwtSecret: config.jwtSecret,
        roles: STAFF_ROLES,
        signIn: 'the GraphQL IDE is for signed-in staff',
        forbidden: 'the GraphQL IDE is for staff',
        tokenOf: pageToken,
        sendRefusal,
      });
    }
  }

  /** An onRequest hook of /graphql: a browser's GET gets the IDE page; every other request goes on to GraphQL unchanged. */
  readonly hook = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (this.config.ide === 'off' || request.method !== 'GET' || !wantsHtml(request)) return undefined;
    const refused = await this.staffOnly?.(request, reply);
    if (refused) return refused;
    return sendPage(reply, 200, this.page(request), IDE_SECURITY_POLICY);
  };

  private page(request: FastifyRequest): string {
    const token = pageToken(request);
    const identity = token ? this.verified(token) : undefined;
    const query = (request.query as { query?: unknown } | undefined)?.query;
    const options: IdeOptions = {
      endpoint: IDE_PATH,
      defaultQuery: defaultQuery(identity),
      ...(typeof query === 'string' && query !== '' ? { query } : {}),
      ...(identity ? { headers: JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2) } : {}),
    };
    return (
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      `<title>GraphQL IDE · ShopOps</title>${NO_ICON}` +
      this.stylesheets.map((asset) => `<link rel="stylesheet" href="${escapeHtml(asset.url)}">`).join('') +
      `<script id="graphql-ide-options" type="application/json">${scriptJson(options)}</script></head>` +
      '<body><div id="graphiql">Loading the GraphQL IDE…</div>' +
      this.scripts.map((asset) => `<script src="${escapeHtml(asset.url)}"></script>`).join('') +
      '</body></html>'
    );
  }

  /** The sign-in's identity; an expired or foreign token opens the IDE as if not signed in (where that is allowed). */
  private verified(token: string): Identity | undefined {
    try {
      return verifyBearerToken(token, this.config.jwtSecret);
    } catch {
      return undefined;
    }
  }
}
