# One image for every ShopOps service; the command picks the service (see docker-compose.yml).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY nest-cli.json tsconfig.json .swcrc ./
# The specs beside the code and libs/testing are here only to be type-checked; dist/ gets none of them.
COPY apps apps
COPY libs libs
COPY scripts scripts
RUN npm run build && npm run compose && npm prune --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/generated generated
USER node
CMD ["node", "dist/apps/gateway/src/main.js"]
