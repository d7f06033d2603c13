export * from './databases';
export * from './eventually';
export * from './graphql-client';
export * from './ports';
export * from './stack';
export * from './tokens';
export * from './webhooks';
export * from './fixtures';
