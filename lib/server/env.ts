import { z } from "zod";
import { OIDC_CALLBACK_PATH } from "@/lib/domain/oidc/oidc-provider-id";
import { ROLES } from "../domain/enums";
import { parseStrongAuthRoles } from "../domain/strong-authentication";
import { parseCorsOrigins } from "./http/cors-policy";

// Environment, validated once at start (lib/server/main.ts) and read everywhere through
// getEnv(). Every variable is documented in .env.example.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("localhost"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.url().optional(),
  // The role that owns the tables and runs migrations; DATABASE_URL's role then gets data rights only.
  DATABASE_OWNER_URL: z.url().optional(),
  // Several instances behind a load balancer (docs/deployment.md): socket.io's messages between
  // them go through this Redis when set, through the shared PostgreSQL otherwise.
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DEMO_MODE: z.enum(["auto", "on", "off"]).default("auto"),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_URL: z.url().optional(),
  // Behind a reverse proxy the operator controls: its X-Forwarded-For/-Host/-Proto are believed.
  TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
  SESSION_MAX_AGE_HOURS: z.coerce.number().min(0.05).max(72).default(12),
  // A session with no request for this long ends (the absolute limit above still applies).
  SESSION_IDLE_MINUTES: z.coerce.number().min(1).max(24 * 60).default(30),
  // Roles that must use Pro Santé Connect or a second factor (comma-separated; `none` = off).
  STRONG_AUTH_ROLES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const roles = parseStrongAuthRoles(value, ROLES);
      if (roles === null) ctx.addIssue({ code: "custom", message: `expected roles among ${ROLES.join(", ")}, or none` });
      return roles ?? [];
    }),
  // A dedicated key for second-factor secrets at rest (32 bytes, base64); unset = derived from NEXTAUTH_SECRET.
  SECOND_FACTOR_KEY: z
    .string()
    .optional()
    .refine((value) => value === undefined || Buffer.from(value, "base64").length === 32, { message: "expected 32 bytes in base64" }),
  // Outgoing e-mail (account activation and reset links) through the hospital's SMTP relay;
  // unset = no e-mail, the administrator hands the link over.
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().min(3).max(254).default("Téléradiologie <no-reply@localhost>"),
  // HTTP timeouts (lib/server/http/server-timeouts.ts): the request line and headers; the body
  // of every route but STOW-RS; a STOW-RS upload, whole.
  HTTP_HEADERS_TIMEOUT_S: z.coerce.number().min(1).max(600).default(20),
  HTTP_BODY_TIMEOUT_S: z.coerce.number().min(1).max(600).default(30),
  HTTP_UPLOAD_TIMEOUT_S: z.coerce.number().min(60).max(24 * 3600).default(3600),
  // Images (issue: receive DICOM, archive it, serve it over DICOMweb).
  DICOM_PORT: z.coerce.number().int().min(0).max(65535).default(11112),
  DICOM_AE_TITLE: z.string().regex(/^[ -~]{1,16}$/).default("TELERADIO"),
  // The DICOM port's network perimeter (lib/server/imaging/dimse/listener-limits.ts).
  DICOM_HOST: z.string().min(1).default("127.0.0.1"),
  DICOM_MAX_PDU_KB: z.coerce.number().int().min(16).max(16_384).default(256),
  DICOM_ASSOCIATION_TIMEOUT_S: z.coerce.number().min(1).max(600).default(10),
  DICOM_IDLE_TIMEOUT_S: z.coerce.number().min(5).max(3600).default(60),
  DICOM_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(10_000).default(64),
  DICOM_MAX_CONNECTIONS_PER_PEER: z.coerce.number().int().min(1).max(10_000).default(16),
  // DICOM TLS (PS3.15 B.9, BCP 195) on a second port; 0 = off. PEM files: the archive's
  // certificate and key, and the CA whose certificates peers must present (mutual TLS) if set.
  DICOM_TLS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  // Defaults to DICOM_HOST; with DICOM_HOST left on loopback, the network gets TLS only.
  DICOM_TLS_HOST: z.string().min(1).optional(),
  DICOM_TLS_CERT: z.string().min(1).optional(),
  DICOM_TLS_KEY: z.string().min(1).optional(),
  DICOM_TLS_CA: z.string().min(1).optional(),
  DICOM_MAX_INSTANCE_MB: z.coerce.number().min(1).max(4096).default(512),
  DICOM_MAX_REQUEST_MB: z.coerce.number().min(1).max(65536).default(4096),
  DICOM_PARSE_WORKERS: z.coerce.number().int().min(1).max(32).default(2),
  DICOM_PARSE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  DICOM_PARSE_MAX_HEAP_MB: z.coerce.number().int().min(32).max(4096).default(256),
  // Orders from sites' RIS: HL7 v2.5.1 over MLLP (lib/server/hl7, docs/interfaces.md); 0 = off.
  // Loopback by default, like the DICOM port; TLS on a second port with the DICOM TLS profile.
  HL7_PORT: z.coerce.number().int().min(0).max(65535).default(2575),
  HL7_HOST: z.string().min(1).default("127.0.0.1"),
  HL7_APPLICATION: z.string().regex(/^[^|^~\\&]{1,227}$/).default("TELERADIO"),
  HL7_MAX_MESSAGE_KB: z.coerce.number().int().min(4).max(65_536).default(1024),
  HL7_IDLE_TIMEOUT_S: z.coerce.number().min(5).max(3600).default(60),
  HL7_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(10_000).default(32),
  HL7_MAX_CONNECTIONS_PER_PEER: z.coerce.number().int().min(1).max(10_000).default(8),
  HL7_TLS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  HL7_TLS_HOST: z.string().min(1).optional(),
  HL7_TLS_CERT: z.string().min(1).optional(),
  HL7_TLS_KEY: z.string().min(1).optional(),
  HL7_TLS_CA: z.string().min(1).optional(),
  IMAGES_QUIET_SECONDS: z.coerce.number().int().min(1).max(86_400).default(120),
  // Benchmarks only: DICOMweb roots (comma-separated, exact) the viewer page may read pixels
  // from instead of ours (`?dicomweb=<root>`), to compare servers through the same viewer code.
  // An allow-list, not a switch: an open switch would let any link show foreign pixels under a
  // real patient's banner and send the study's UIDs to a third party.
  VIEWER_BENCH_DICOMWEB_ROOTS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((root) => root.trim().replace(/\/+$/, "")).filter(Boolean)),
  // Origins (comma-separated, exact: https://viewer.chu.fr) whose pages may read DICOMweb with a
  // user's access token (CORS, lib/server/http/cors-policy.ts). Empty: no cross-origin reads.
  DICOMWEB_CORS_ORIGINS: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const parsed = parseCorsOrigins(value);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
      return parsed.ok ? parsed.origins : [];
    }),
  // Sign-in through an OpenID Connect provider: Pro Santé Connect, or Keycloak, Entra ID…
  // (lib/server/auth/oidc/oidc-config.ts). Unset issuer = no such button on the sign-in page.
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
  OIDC_REDIRECT_URL: z.url().optional(),
  OIDC_SCOPE: z.string().min(1).default("openid scope_all"),
  OIDC_ACR_VALUES: z.string().default("eidas1"),
  OIDC_RPPS_CLAIM: z.string().min(1).default("SubjectNameID,preferred_username"),
  OIDC_DISPLAY_NAME: z.string().min(1).max(60).default("Pro Santé Connect"),
  // An S3-compatible object store for the archive; unset = the filesystem under DATA_DIR.
  ARCHIVE_S3_ENDPOINT: z.url().optional(),
  ARCHIVE_S3_BUCKET: z.string().min(3).max(63).optional(),
  ARCHIVE_S3_REGION: z.string().default("us-east-1"),
  ARCHIVE_S3_ACCESS_KEY_ID: z.string().optional(),
  ARCHIVE_S3_SECRET_ACCESS_KEY: z.string().optional(),
  ARCHIVE_S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("true"),
  ARCHIVE_S3_PREFIX: z.string().max(200).default(""),
}).refine((env) => env.DICOM_TLS_PORT === 0 || (env.DICOM_TLS_CERT && env.DICOM_TLS_KEY), {
  message: "DICOM_TLS_PORT needs DICOM_TLS_CERT and DICOM_TLS_KEY (PEM files)",
  path: ["DICOM_TLS_PORT"],
}).refine((env) => env.DICOM_TLS_PORT === 0 || env.DICOM_PORT === 0 || env.DICOM_TLS_PORT !== env.DICOM_PORT, {
  message: "DICOM_TLS_PORT must differ from DICOM_PORT",
  path: ["DICOM_TLS_PORT"],
}).refine((env) => env.HL7_TLS_PORT === 0 || (env.HL7_TLS_CERT && env.HL7_TLS_KEY), {
  message: "HL7_TLS_PORT needs HL7_TLS_CERT and HL7_TLS_KEY (PEM files)",
  path: ["HL7_TLS_PORT"],
}).refine((env) => env.HL7_TLS_PORT === 0 || env.HL7_PORT === 0 || env.HL7_TLS_PORT !== env.HL7_PORT, {
  message: "HL7_TLS_PORT must differ from HL7_PORT",
  path: ["HL7_TLS_PORT"],
}).refine((env) => !env.OIDC_ISSUER || (env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET), {
  message: "OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET",
  path: ["OIDC_ISSUER"],
}).refine((env) => !env.OIDC_REDIRECT_URL || new URL(env.OIDC_REDIRECT_URL).pathname === OIDC_CALLBACK_PATH, {
  message: "OIDC_REDIRECT_URL must end with /api/auth/callback/oidc (where the product receives the answer)",
  path: ["OIDC_REDIRECT_URL"],
}).refine((env) => !env.ARCHIVE_S3_ENDPOINT || (env.ARCHIVE_S3_BUCKET && env.ARCHIVE_S3_ACCESS_KEY_ID && env.ARCHIVE_S3_SECRET_ACCESS_KEY), {
  message: "ARCHIVE_S3_ENDPOINT needs ARCHIVE_S3_BUCKET, ARCHIVE_S3_ACCESS_KEY_ID and ARCHIVE_S3_SECRET_ACCESS_KEY",
  path: ["ARCHIVE_S3_ENDPOINT"],
});

export type Env = z.output<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** Demo mode (demo data, passwords shown on the sign-in page) is on by default only with the embedded database. */
export function isDemoMode(env: Env = getEnv()): boolean {
  if (env.DEMO_MODE === "on") return true;
  if (env.DEMO_MODE === "off") return false;
  return process.env.TELERADIO_EMBEDDED_DB === "1";
}
