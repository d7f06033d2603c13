import request from 'supertest';

/** What a browser sends when it opens a page. */
export const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

export interface PageReference {
  readonly tag: 'script' | 'link';
  readonly url: string;
}

/** Every file a page makes a browser load: each <script src> and <link href>. */
export function pageReferences(html: string): PageReference[] {
  return [...html.matchAll(/<(script|link)\b[^>]*>/gi)].flatMap(([element, tag]) => {
    const url = /\b(?:src|href)="([^"]*)"/i.exec(element)?.[1];
    return url === undefined ? [] : [{ tag: tag.toLowerCase() as PageReference['tag'], url }];
  });
}

export interface IdeOptions {
  readonly endpoint: string;
  readonly defaultQuery: string;
  readonly query?: string;
  readonly headers?: string;
}

/** The options the GraphQL IDE page hands GraphiQL (its JSON script element). */
export function ideOptionsOf(html: string): IdeOptions {
  const json = /<script id="graphql-ide-options" type="application\/json">([^<]*)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error(`the page carries no IDE options: ${html.slice(0, 200)}`);
  return JSON.parse(json) as IdeOptions;
}

/** A browser's sign-in at /admin/login: the answer, and the `name=value` of the cookie sent to `path`. */
export async function signInBrowser(
  baseUrl: string,
  token: string,
  next?: string,
): Promise<{ response: request.Response; cookieFor: (path: string) => string | undefined }> {
  const response = await request(baseUrl)
    .post('/admin/login')
    .type('form')
    .send({ token, ...(next === undefined ? {} : { next }) });
  const lines = (response.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  const cookieFor = (path: string) => lines.find((line) => line.includes(`; Path=${path}`))?.split(';')[0];
  return { response, cookieFor };
}
