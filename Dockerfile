# syntax=docker/dockerfile:1
# Node 22 (LTS): the runtime dependencies declare node >= 22; 20 left maintenance in April 2026.
# Build stage: the TypeScript compiler and dev dependencies stay here.
FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the package's own `prepare` would compile before the sources are copied.
# lmdb and msgpackr load their prebuilt binaries from optional packages, so nothing else needs it.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime stage: production dependencies, the compiled code and the files it reads at run time.
FROM node:22-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY schema ./schema
COPY cypher ./cypher
COPY examples ./examples
USER node
EXPOSE 4000
CMD ["node", "dist/src/server.js"]
