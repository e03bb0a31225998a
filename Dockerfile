# Token Warden GitHub App. Build: docker build -t tokenwarden .
# Run:   docker run -p 3000:3000 -e APP_ID -e WEBHOOK_SECRET -e PRIVATE_KEY -v tokenwarden-data:/app/.tokenwarden tokenwarden
# (or mount the key and set PRIVATE_KEY_PATH). The embedded store lives in the /app/.tokenwarden volume;
# with DATABASE_URL=postgres://… it is PostgreSQL instead (docker-compose.yml). See docs/github-app.md.

FROM node:22-slim AS build
WORKDIR /app
# Dependencies first, from the lockfile only, so source edits do not bust this layer.
COPY package.json npm-shrinkwrap.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json \
    LOG_LEVEL=info \
    TOKENWARDEN_DATA_DIR=/app/.tokenwarden
WORKDIR /app
# Owned by root and read-only to the app user: a compromised process cannot rewrite its own code.
COPY --from=build /app/package.json /app/app.yml ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/policies ./policies
# The embedded store (PGlite) writes here, and only here: a volume, so the queue, the recorded deliveries
# and the open check runs outlive the container. Unused when DATABASE_URL is set.
RUN mkdir -p /app/.tokenwarden && chown node:node /app/.tokenwarden
VOLUME ["/app/.tokenwarden"]
USER node
EXPOSE 3000
# Liveness: /healthz (the process is up). Readiness (the store answers, queue depth): /readyz. The first
# start on a new volume creates the database (a few seconds) before the server listens.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node, not npm, as PID 1: SIGTERM reaches the server and it closes cleanly.
CMD ["node", "dist/src/server.js"]
