// The product's server: one Node process serving Next (pages, tRPC, auth) and socket.io on
// the same port. Started by `npm start` (production) or `npm run dev`.
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { isEmptyDatabase, demoAccountsText } from "@/prisma/seed-demo";
import { turnaroundIndexFor } from "./services/dashboard/turnaround-index";
import { createActorResolvers } from "./auth/actor-batch-loader";
import { strongAuthPolicy } from "./auth/strong-auth-policy";
import { createSessionExpiryHandler, isSessionExpiryPath } from "./auth/sessions/session-expiry-handler";
import { createTestSessionAgeHandler, TEST_SESSION_AGE_PATH } from "./auth/sessions/test-session-age-handler";
import { createSessionChecker } from "./auth/sessions/session-checker";
import { stampClientAddress } from "./http/client-address";
import { isCrossSiteWrite, isForeignOrigin } from "./http/origin-check";
import { guardBeforeListeners, guardRequest } from "./http/request-guard";
import { applySecurityHeaders } from "./http/security-headers";
import { httpServerOptions } from "./http/server-timeouts";
import { dicomwebBearerAuthenticator } from "./imaging/dicomweb/dicomweb-bearer";
import { createDicomwebHandler, DICOMWEB_BASE_PATH } from "./imaging/dicomweb/dicomweb-handler";
import { createFhirHandler, FHIR_BASE_PATH } from "./fhir/fhir-handler";
import { FHIR_MAX_BODY_BYTES } from "./http/body-limits";
import { startImageRuntime } from "./imaging/runtime/image-runtime";
import { startImageCompletionSweeper } from "./imaging/studies/image-completion-sweeper";
import { CORE_JOB_HANDLERS, OUTBOUND_JOB_HANDLERS } from "./jobs/job-handlers";
import { startJobWorker } from "./jobs/start-job-worker";
import { setJobWorkerWaker } from "./jobs/wake-job-worker";
import { createTestClockHandler, isTestClockEnabled, TEST_CLOCK_PATH } from "./jobs/test-clock-handler";
import { startDicomListener } from "./imaging/dimse/start-dicom-listener";
import { readDicomTlsMaterial } from "./imaging/dimse/dicom-tls";
import { startHl7Listener } from "./hl7/start-hl7-listener";
import { drainReadAudits } from "./audit/read-audit-buffer";
import { startAuditSealer } from "./audit/start-audit-sealer";
import { getDb } from "./db/client";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "./db/database-unavailable";
import { leaveSignalsToCaller } from "./db/embedded-postgres";
import { getEnv, isDemoMode } from "./env";
import { ensureFirstAdminLink } from "./services/accounts/ensure-first-admin-link";
import { prepareDatabase, resolveAuthSecret } from "./prepare-database";
import { attachRealtime } from "./realtime/attach-realtime";
import { startCluster } from "./cluster/start-cluster";
import { ensureStarterTemplates } from "./services/reports/ensure-starter-templates";
import { findWatchableRequest } from "./services/presence/find-watchable-request";
import { listWorklistSerialized } from "./services/requests/list-worklist";
import { createTrpcHttpHandler, TRPC_BASE_PATH } from "./trpc/http-handler";

const log = (line: string) => console.log(`[teleradio] ${line}`);

async function main(): Promise<void> {
  // tsx turns source maps on for the whole process, which keeps the maps of every Next server
  // chunk in memory (tens of MB); production stack traces do without them.
  if (process.env.NODE_ENV === "production") process.setSourceMapsEnabled(false);
  // A hospital server does not phone home.
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const env = getEnv();
  // Read before anything starts: a missing or unreadable PEM file stops the start with the variable named.
  const dicomTlsMaterial =
    env.DICOM_PORT > 0 && env.DICOM_TLS_PORT > 0 && env.DICOM_TLS_CERT && env.DICOM_TLS_KEY
      ? readDicomTlsMaterial({ cert: env.DICOM_TLS_CERT, key: env.DICOM_TLS_KEY, ca: env.DICOM_TLS_CA })
      : null;
  const hl7TlsMaterial =
    env.HL7_PORT > 0 && env.HL7_TLS_PORT > 0 && env.HL7_TLS_CERT && env.HL7_TLS_KEY
      ? readDicomTlsMaterial({ cert: env.HL7_TLS_CERT, key: env.HL7_TLS_KEY, ca: env.HL7_TLS_CA }, { cert: "HL7_TLS_CERT", key: "HL7_TLS_KEY", ca: "HL7_TLS_CA" })
      : null;
  const database = await prepareDatabase(env, log);
  process.env.DATABASE_URL = database.url;
  if (database.embedded) process.env.TELERADIO_EMBEDDED_DB = "1";
  const secret = resolveAuthSecret(env, database.embedded);
  process.env.NEXTAUTH_SECRET = secret;
  process.env.NEXTAUTH_URL ??= `http://${env.HOST}:${env.PORT}`;

  const db = getDb();
  // Report templates are product data: the French starter set exists from the first start.
  await ensureStarterTemplates(db);
  const images = startImageRuntime(db, env);
  if (isDemoMode(env)) {
    if (await isEmptyDatabase(db)) {
      // Loaded only to seed: every later start of the same data never needs the demo images'
      // DICOM generator nor the history's specification in memory.
      const [{ seedDemoTerritory }, { seedDemoImages }, { seedDemoHistory }] = await Promise.all([import("@/prisma/seed-demo"), import("@/prisma/seed-demo-images"), import("@/prisma/seed-demo-history")]);
      log("Seeding the demo territory");
      await seedDemoTerritory(db);
      await seedDemoImages(db, images, log);
      log(`Seeded ${await seedDemoHistory(db)} past requests for the dashboards`);
    }
    log(demoAccountsText());
  } else {
    const link = await ensureFirstAdminLink(db, process.env.NEXTAUTH_URL);
    if (link) log(`No administrator can sign in yet. Create the first one with this one-time link (valid until ${link.expiresAt.toISOString()}):\n\n    ${link.url}\n`);
  }

  const dev = env.NODE_ENV === "development";
  if (!dev) applyBuiltNextConfig();
  const app = next({ dev, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();

  // Requests arriving together (every worklist refetching after a change) share one query.
  const { resolveActor, resolveSession } = createActorResolvers(db, createSessionChecker(db, { idleTimeoutMs: env.SESSION_IDLE_MINUTES * 60_000 }), strongAuthPolicy(env));
  const trpc = createTrpcHttpHandler({ db, secret, resolveActor, resolveSession });
  const dicomweb = createDicomwebHandler({ deps: images, secret, resolveActor, maxRequestBytes: env.DICOM_MAX_REQUEST_MB * 1024 * 1024, trustForwarded: env.TRUST_PROXY, corsOrigins: env.DICOMWEB_CORS_ORIGINS, authenticateBearer: dicomwebBearerAuthenticator() });
  const fhir = createFhirHandler({ db, trustForwarded: env.TRUST_PROXY, maxBodyBytes: FHIR_MAX_BODY_BYTES });
  const testClock = isTestClockEnabled() ? createTestClockHandler(db) : null;
  const testSessionAge = isTestClockEnabled() ? createTestSessionAgeHandler({ db, secret }) : null;
  const sessionExpiry = createSessionExpiryHandler({ db, secret, idleTimeoutMs: env.SESSION_IDLE_MINUTES * 60_000 });
  const guard = { stowMaxBytes: env.DICOM_MAX_REQUEST_MB * 1024 * 1024, bodyTimeoutMs: env.HTTP_BODY_TIMEOUT_S * 1000 };
  const timeouts = { headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_S * 1000, uploadTimeoutMs: env.HTTP_UPLOAD_TIMEOUT_S * 1000 };
  const httpServer = createServer(httpServerOptions(timeouts), (req, res) => {
    stampClientAddress(req, { trustProxy: env.TRUST_PROXY });
    const isTrpc = req.url?.startsWith(TRPC_BASE_PATH) === true;
    applySecurityHeaders(req, res, { trustProxy: env.TRUST_PROXY, patientData: isTrpc, dev });
    // Body size limits and deadlines of every route, next-auth's included, before any handler.
    if (!guardRequest(req, res, guard)) return;
    if (isCrossSiteWrite(req, { trustProxy: env.TRUST_PROXY })) {
      res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" }).end("request sent by another site's page");
      return;
    }
    const failed = (what: string) => (error: unknown) => {
      log(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      if (res.headersSent) return;
      // PostgreSQL restarting or saturated: the client may try again shortly; anything else is ours.
      if (isDatabaseUnavailable(error)) res.writeHead(503, { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) }).end();
      else res.writeHead(500).end();
    };
    if (isTrpc) trpc(req, res);
    else if (isSessionExpiryPath(req.url)) sessionExpiry(req, res).catch(failed("session expiry"));
    else if (testClock && req.url === TEST_CLOCK_PATH) testClock(req, res).catch(failed("test clock"));
    else if (testSessionAge && req.url === TEST_SESSION_AGE_PATH) testSessionAge(req, res).catch(failed("test session age"));
    else if (req.url === DICOMWEB_BASE_PATH || req.url?.startsWith(`${DICOMWEB_BASE_PATH}/`)) void dicomweb(req, res);
    else if (req.url === FHIR_BASE_PATH || req.url?.startsWith(`${FHIR_BASE_PATH}/`)) void fhir(req, res);
    else void handle(req, res);
  });
  // One instance among any number behind a load balancer: shared room numbers and presence,
  // socket.io's adapter, and the cluster bus (docs/deployment.md).
  const cluster = await startCluster({ db, databaseUrl: database.url, log, ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}) });
  const sweeper = startImageCompletionSweeper(db, env.IMAGES_QUIET_SECONDS, log);
  // Links committed audit rows into the hash chain within about a second (docs/security.md).
  const sealer = startAuditSealer(db, log);
  // Durable timers (automatic assignment, escalations, shift handovers): polled every second,
  // and woken at once when a service schedules a job for now.
  const jobs = startJobWorker({ db, log, handlers: CORE_JOB_HANDLERS });
  // Results out to the sites' RIS (HL7) and PACS (C-STORE): a worker of its own (job-handlers.ts
  // says why). Woken when a message is queued; the poll only picks up retries, 30 s apart at least.
  const outboundJobs = startJobWorker({ db, log, handlers: OUTBOUND_JOB_HANDLERS, intervalMs: 5_000 });
  setJobWorkerWaker(() => {
    jobs.wake();
    outboundJobs.wake();
  });
  const io = attachRealtime(httpServer, {
    secret,
    resolveActor,
    cluster: { adapter: cluster.adapter.adapter, sequences: cluster.sequences },
    log,
    isForeignOrigin: (req) => isForeignOrigin(req, { trustProxy: env.TRUST_PROXY }),
    // The actor is resolved again at each check: a privilege revoked since the socket connected counts.
    findWatchableRequest: async (actor, requestId) => {
      const current = await resolveActor(actor.id);
      return current ? findWatchableRequest({ db, actor: current, requestId }) : null;
    },
    listWorklist: (actor, filter, seenVersion) => listWorklistSerialized({ db, actor, filter, seenVersion }),
  });
  // engine.io answers /socket.io/ before the handler above: its polling requests get the same
  // headers and body guard first.
  guardBeforeListeners(httpServer, "/socket.io/", (req, res) => {
    applySecurityHeaders(req, res, { trustProxy: env.TRUST_PROXY, patientData: false, dev });
    return guardRequest(req, res, guard);
  });
  // socket.io answers its own path; other upgrades (Next's dev reloader) go to Next.
  httpServer.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket.io")) void upgrade(req, socket, head);
  });

  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOST, resolve));
  const dicom =
    env.DICOM_PORT > 0
      ? await startDicomListener({
          port: env.DICOM_PORT,
          host: env.DICOM_HOST,
          aeTitle: env.DICOM_AE_TITLE,
          deps: images,
          log,
          limits: {
            maxPduBytes: env.DICOM_MAX_PDU_KB * 1024,
            associationTimeoutMs: env.DICOM_ASSOCIATION_TIMEOUT_S * 1000,
            idleTimeoutMs: env.DICOM_IDLE_TIMEOUT_S * 1000,
            maxConnections: env.DICOM_MAX_CONNECTIONS,
            maxConnectionsPerPeer: env.DICOM_MAX_CONNECTIONS_PER_PEER,
          },
          ...(dicomTlsMaterial ? { tls: { port: env.DICOM_TLS_PORT, host: env.DICOM_TLS_HOST ?? env.DICOM_HOST, material: dicomTlsMaterial } } : {}),
        })
      : null;
  // Orders from sites' RIS (HL7 v2.5.1 over MLLP, volet Téléradiologie).
  const hl7 =
    env.HL7_PORT > 0
      ? await startHl7Listener({
          db,
          port: env.HL7_PORT,
          host: env.HL7_HOST,
          application: env.HL7_APPLICATION,
          log,
          limits: {
            maxMessageBytes: env.HL7_MAX_MESSAGE_KB * 1024,
            idleTimeoutMs: env.HL7_IDLE_TIMEOUT_S * 1000,
            maxConnections: env.HL7_MAX_CONNECTIONS,
            maxConnectionsPerPeer: env.HL7_MAX_CONNECTIONS_PER_PEER,
          },
          ...(hl7TlsMaterial ? { tls: { port: env.HL7_TLS_PORT, host: env.HL7_TLS_HOST ?? env.HL7_HOST, material: hl7TlsMaterial } } : {}),
        })
      : null;
  const dicomTls = dicom?.tlsPort ? `, DICOM TLS on ${env.DICOM_TLS_HOST ?? env.DICOM_HOST}:${dicom.tlsPort}` : "";
  log(`Ready on http://${env.HOST}:${env.PORT} (${dev ? "development" : "production"})${dicom ? `; DICOM C-STORE ${env.DICOM_AE_TITLE} on ${env.DICOM_HOST}:${dicom.port}${dicomTls}` : ""}`);
  // The dashboards' in-memory index loads in the background, so that the first head to open
  // the dashboard does not wait for a year of requests to be read.
  void turnaroundIndexFor(db)
    .catchUp(db)
    .then((columns) => log(`Turnaround index ready (${columns.rows} requests)`))
    .catch((error: unknown) => log(`Turnaround index not loaded yet: ${error instanceof Error ? error.message : String(error)}`));

  const shutdown = (signal: string) => {
    log(`${signal}: shutting down`);
    // Whatever step hangs (a sender that never finishes, a stuck query), the process ends and
    // the embedded cluster with it: past the read audits' minute, the cluster is stopped anyway.
    setTimeout(() => {
      console.error("[teleradio] shutdown took too long: stopping the database and exiting");
      void database.stop().finally(() => process.exit(1));
      setTimeout(() => process.exit(1), 10_000).unref();
    }, 90_000).unref();
    void io.close();
    sweeper.stop();
    setJobWorkerWaker(undefined);
    const jobsStopped = Promise.all([jobs.stop(), outboundJobs.stop()]);
    httpServer.close();
    // Stores under way finish first (the listener waits for them), then the parse workers go.
    // Messages under way finish first (their transaction commits or not), as stores do.
    void Promise.all([dicom?.close(), hl7?.close()])
      .then(() => images.parser.close())
      .then(() => jobsStopped)
      // Read audits are written before the database goes, retrying for up to a minute.
      .then(() => drainReadAudits(60_000))
      // This instance's presence goes (announced to the others) before its connections close.
      .then(() => cluster.close())
      .then(() => sealer.stop())
      .then(() => db.$disconnect())
      .then(() => database.stop())
      .finally(() => process.exit(0));
  };
  // This shutdown stops the embedded cluster last, after the read audits and the sealer; until
  // here the package's own hooks stop it on a signal.
  if (database.embedded) leaveSignalsToCaller();
  // A parent that went away (a test runner killed) leaves stdout and stderr broken; Next logs
  // each failed write as an error, which fails again: without these the process loops on it.
  process.stdout.on("error", () => undefined);
  process.stderr.on("error", () => undefined);
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

/**
 * In production, Next takes the configuration the build resolved (.next/required-server-files.json,
 * as its standalone server does) instead of compiling next.config.ts again at every start: that
 * compile loads Next's native SWC binding (24 MiB resident and its threads) for the life of the
 * process, used for nothing else at run time. Measured: 437 → 374 MiB RSS at idle (docs/benchmarks.md).
 */
function applyBuiltNextConfig(): void {
  const file = path.resolve(".next", "required-server-files.json");
  if (process.env.__NEXT_PRIVATE_STANDALONE_CONFIG || !existsSync(file)) return;
  const built = JSON.parse(readFileSync(file, "utf8")) as { config?: unknown };
  if (built.config) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(built.config);
}

main().catch((error: unknown) => {
  console.error("[teleradio] failed to start:", error instanceof Error ? error.message : String(error), error);
  process.exit(1);
});
