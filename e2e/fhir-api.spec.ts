import { createHash, randomBytes, randomInt } from "node:crypto";
import pg from "pg";
import { CookieJarBrowser } from "../lib/testing/oidc/cookie-jar-fetch";
import { DEMO_USERS } from "../prisma/demo-territory";
import { databaseUrl, freshUserLike } from "./fresh-user";
import { expect, test } from "./test";

// The FHIR R4 API of the started product (custom server, request guard, the OpenID provider
// beside it), called as an EHR calls it: it signs its user in at the provider with its own code
// flow, then sends the access token. Everything it creates is its own fresh user's and request's.

const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE = `http://127.0.0.1:${PORT}/fhir/R4`;
const ISSUER = `http://127.0.0.1:${PORT + 21000}`;
const CLIENT = { id: "teleradio-e2e", secret: "teleradio-e2e-secret", redirect: `http://127.0.0.1:${PORT}/api/auth/callback/oidc` };
const FHIR_JSON = "application/fhir+json";

/** The EHR's own sign-in at the provider (authorization code + PKCE), stopping before the redirect is followed. */
async function accessTokenOf(rpps: string): Promise<string> {
  const browser = new CookieJarBrowser();
  const verifier = randomBytes(32).toString("base64url");
  const authorize = new URL(`${ISSUER}/auth`);
  for (const [name, value] of Object.entries({
    client_id: CLIENT.id,
    response_type: "code",
    scope: "openid scope_all",
    redirect_uri: CLIENT.redirect,
    state: randomBytes(8).toString("hex"),
    nonce: randomBytes(8).toString("hex"),
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  })) authorize.searchParams.set(name, value);
  const atCallback = (url: URL) => url.href.startsWith(CLIENT.redirect);
  const login = await browser.follow(authorize.toString());
  let step = await browser.follow(login.url.toString(), { form: { idnat: `8${rpps}`, acr: "eidas1", login: "" } }, atCallback);
  if (!atCallback(step.url)) step = await browser.follow(step.url.toString(), { form: { consent: "" } }, atCallback);
  const code = step.url.searchParams.get("code");
  expect(code, "the provider gave an authorization code").toBeTruthy();
  const token = await fetch(`${ISSUER}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString("base64")}` },
    body: new URLSearchParams({ grant_type: "authorization_code", code: code!, redirect_uri: CLIENT.redirect, code_verifier: verifier }).toString(),
  });
  expect(token.status).toBe(200);
  return ((await token.json()) as { access_token: string }).access_token;
}

const rppsOf = (email: string) => DEMO_USERS.find((user) => user.email === email)!.rpps!;

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

function order(ipp: string, number: string) {
  return {
    resourceType: "ServiceRequest",
    contained: [{ resourceType: "Patient", id: "p", identifier: [{ type: { coding: [{ code: "PI" }] }, value: ipp }], name: [{ family: "FHIRTEST", given: ["Alice"] }], gender: "female", birthDate: "1960-05-04" }],
    identifier: [{ type: { coding: [{ code: "PLAC" }] }, value: number }],
    status: "active",
    intent: "order",
    priority: "routine",
    code: { coding: [{ system: "http://dicom.nema.org/resources/ontology/DCM", code: "CT" }] },
    bodySite: [{ text: "Thorax" }],
    subject: { reference: "#p" },
    reasonCode: [{ text: "Embolie pulmonaire ?" }],
    note: [{ text: "Dyspnée brutale" }],
    extension: [
      {
        url: "urn:teleradio:fhir:extension:contrast-safety",
        extension: [
          { url: "renalFunction", valueCode: "NORMAL" },
          { url: "contrastAllergy", valueCode: "NO" },
          { url: "pregnancy", valueCode: "NOT_PREGNANT" },
          { url: "metformin", valueCode: "NO" },
        ],
      },
    ],
  };
}

test("an EHR creates a request over FHIR, follows it, and reads the signed report's PDF with its bearer token", async () => {
  const metadata = await fetch(`${BASE}/metadata`);
  expect(metadata.status).toBe(200);
  expect(metadata.headers.get("content-type")).toContain(FHIR_JSON);
  expect(((await metadata.json()) as { resourceType: string }).resourceType).toBe("CapabilityStatement");

  const anonymous = await fetch(`${BASE}/Task`);
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");

  // A referrer of Salins with an RPPS, of this spec's own.
  const referrer = await freshUserLike("urgences.sal@demo.teleradio.fr", "EhrFhir");
  const rpps = `19${String(randomInt(0, 10 ** 9)).padStart(9, "0")}`;
  await sql(`UPDATE "User" SET "rpps" = $1 WHERE "id" = $2`, [rpps, referrer.id]);
  const token = await accessTokenOf(rpps);
  const ehr = (path: string, init: RequestInit = {}) => fetch(`${BASE}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, accept: FHIR_JSON, ...(init.body ? { "content-type": FHIR_JSON } : {}), ...init.headers } });

  const ipp = `E2E${randomInt(10 ** 6, 10 ** 7)}`;
  const number = `EHR-${randomBytes(4).toString("hex")}`;
  const created = await ehr("/ServiceRequest", { method: "POST", body: JSON.stringify(order(ipp, number)) });
  expect(created.status).toBe(201);
  const request = (await created.json()) as { id: string; subject: { reference: string } };
  expect(created.headers.get("location")).toBe(`${BASE}/ServiceRequest/${request.id}`);
  const again = await ehr("/ServiceRequest", { method: "POST", body: JSON.stringify(order(ipp, number)) });
  expect(again.status).toBe(200);
  expect(((await again.json()) as { id: string }).id).toBe(request.id);

  const refused = await ehr("/ServiceRequest", { method: "POST", body: JSON.stringify({ ...order(ipp, `${number}-2`), bodySite: [] }) });
  expect(refused.status).toBe(422);
  expect(((await refused.json()) as { issue: { expression: string[] }[] }).issue[0]!.expression).toEqual(["ServiceRequest.bodySite"]);
  const tooLarge = await ehr("/ServiceRequest", { method: "POST", body: JSON.stringify({ ...order(ipp, `${number}-3`), note: [{ text: "x".repeat(70_000) }] }) });
  expect(tooLarge.status).toBe(413);

  const found = (await (await ehr(`/ServiceRequest?patient.identifier=${ipp}&status=active`)).json()) as { total: number };
  expect(found.total).toBe(1);

  // The radiologist reading for Salins follows it as a Task; the one who does not never sees it.
  const nguyen = await accessTokenOf(rppsOf("radio.nguyen@demo.teleradio.fr"));
  const task = await fetch(`${BASE}/Task/${request.id}`, { headers: { authorization: `Bearer ${nguyen}` } });
  expect(task.status).toBe(200);
  expect(((await task.json()) as { status: string; businessStatus: { text: string } })).toMatchObject({ status: "received", businessStatus: { text: "Soumise" } });
  const petit = await accessTokenOf(rppsOf("radio.petit@demo.teleradio.fr"));
  expect((await fetch(`${BASE}/Task/${request.id}`, { headers: { authorization: `Bearer ${petit}` } })).status).toBe(404);

  // A signed version, stored as signing stores it (this spec's own request only).
  const [signed] = await sql<{ id: string }>(
    `INSERT INTO "ReportVersion" ("id", "requestId", "sequence", "kind", "templateId", "values", "createdById", "updatedById", "narrative", "conclusion", "signedById", "signerName", "signedAt", "fingerprint")
     SELECT gen_random_uuid(), $1, 0, 'ORIGINAL', t."id", '{}'::jsonb, u."id", u."id", 'Pas d''embolie.', 'Examen normal.', u."id", u."displayName", now(), repeat('a', 64)
     FROM "User" u, (SELECT "id" FROM "ReportTemplate" ORDER BY "code" LIMIT 1) t WHERE u."email" = 'radio.nguyen@demo.teleradio.fr'
     RETURNING "id"`,
    [request.id],
  );
  await sql(`UPDATE "ReadingRequest" SET "status" = 'SIGNED' WHERE "id" = $1`, [request.id]);
  const reports = (await (await ehr(`/DiagnosticReport?based-on=${request.id}`)).json()) as { total: number; entry: { resource: { id: string; status: string; presentedForm: { url: string; data?: string }[] } }[] };
  expect(reports.total).toBe(1);
  expect(reports.entry[0]!.resource).toMatchObject({ id: signed!.id, status: "final" });
  const pdf = await fetch(reports.entry[0]!.resource.presentedForm[0]!.url, { headers: { authorization: `Bearer ${token}` } });
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get("content-type")).toBe("application/pdf");
  expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const read = (await (await ehr(`/DiagnosticReport/${signed!.id}`)).json()) as { presentedForm: { data: string }[] };
  expect(Buffer.from(read.presentedForm[0]!.data, "base64").subarray(0, 5).toString("latin1")).toBe("%PDF-");
});
