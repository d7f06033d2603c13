import { escapeHtml, wantsHtml } from './page-layout';

const accepting = (accept?: string) => ({ headers: accept === undefined ? {} : { accept } });

describe('wantsHtml', () => {
  it('is true for a browser opening a page', () => {
    expect(wantsHtml(accepting('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'))).toBe(true);
    expect(wantsHtml(accepting('application/xhtml+xml, text/html;q=0.9'))).toBe(true);
  });

  it('is false for API clients, whatever else they list', () => {
    for (const accept of [
      undefined,
      '*/*',
      'application/json',
      'application/graphql-response+json, application/json;q=0.9',
      'application/json, text/html;q=0.5',
      'text/html;q=0',
    ])
      expect(wantsHtml(accepting(accept))).toBe(false);
  });
});

describe('escapeHtml', () => {
  it('escapes what could close an attribute or open an element', () => {
    expect(escapeHtml(`"><script>alert('x')</script>&`)).toBe('&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;');
  });
});
