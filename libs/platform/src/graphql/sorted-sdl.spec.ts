import { buildASTSchema, parse } from 'graphql';
import { sortedSdl } from './sorted-sdl';

describe('sortedSdl', () => {
  const sdl = `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    "A product"
    type Product @key(fields: "id") { title: String id: ID! }
    enum Stage { INCUBATION GROWTH MATURE }
    type Query { products: [Product!]! "by code" product(code: String!): Product }
    input ProductInput { title: String! code: String! }
  `;

  it('orders types and their fields by name, keeps enum values and input fields as declared', () => {
    const sorted = sortedSdl(sdl);
    expect(sorted.indexOf('extend schema')).toBe(0);
    expect([...sorted.matchAll(/^(?:type|enum|input) (\w+)/gm)].map((m) => m[1])).toEqual(['Product', 'ProductInput', 'Query', 'Stage']);
    expect(sorted).toMatch(/type Product @key\(fields: "id"\) \{\n {2}id: ID!\n {2}title: String\n\}/);
    expect(sorted).toMatch(/type Query \{\n {2}"by code"\n {2}product\(code: String!\): Product\n {2}products: \[Product!\]!\n\}/);
    expect(sorted).toMatch(/enum Stage \{\n {2}INCUBATION\n {2}GROWTH\n {2}MATURE\n\}/);
    expect(sorted).toMatch(/input ProductInput \{\n {2}title: String!\n {2}code: String!\n\}/);
  });

  it('changes order only: the same schema, whatever order it came in', () => {
    const shuffled = sdl.replace(
      'type Query { products: [Product!]! "by code" product(code: String!): Product }',
      'type Query { "by code" product(code: String!): Product products: [Product!]! }',
    );
    expect(sortedSdl(shuffled)).toBe(sortedSdl(sdl));
    const plain = (text: string) => buildASTSchema(parse(text.replace(/extend schema[^\n]*\n/, '').replace(/ @key\([^)]*\)/, '')), { assumeValid: true });
    expect(Object.keys(plain(sortedSdl(sdl)).getTypeMap()).sort()).toEqual(Object.keys(plain(sdl).getTypeMap()).sort());
  });
});
