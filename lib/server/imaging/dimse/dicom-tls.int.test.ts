import { execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ctHeadSeries } from "@/lib/dicom/synthetic";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { createSite } from "@/prisma/factories";
import { type DicomTlsMaterial, readDicomTlsMaterial } from "./dicom-tls";
import { registerAeSender, runTool, tempDir, writeFiles } from "./dimse-test-kit";
import { type DicomListener, startDicomListener } from "./start-dicom-listener";

// DICOM TLS with DCMTK as the peer (echoscu/storescu +tls), certificates made here with openssl:
// a private CA, the archive's certificate and a modality's. Mutual TLS when the CA is given.

const db = connectTestDb();
const deps = testImageDeps(db);
const CALLED_AE = "TELERAD_TLS";
const logs: string[] = [];
const log = (line: string) => logs.push(line);
const patient = { familyName: "LEROY", givenName: "MARC", birthDate: "19551103", sex: "M", patientId: "IPP-TLS" } as const;

interface Pki {
  dir: string;
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A certificate another CA issued: a node the hospital never enrolled. */
  strangerCert: string;
  strangerKey: string;
}

function openssl(args: readonly string[], cwd: string): void {
  execFileSync("openssl", args, { cwd, stdio: "pipe" });
}

/** A CA and the certificates it issues, as a hospital's PKI would; and another CA's client certificate. */
function makePki(): Pki {
  const dir = tempDir();
  const subjectKey = (name: string) => ["-newkey", "rsa:2048", "-nodes", "-keyout", `${name}.key`];
  openssl(["req", "-x509", ...subjectKey("ca"), "-out", "ca.pem", "-days", "2", "-subj", "/CN=Test Hospital DICOM CA"], dir);
  openssl(["req", "-x509", ...subjectKey("other-ca"), "-out", "other-ca.pem", "-days", "2", "-subj", "/CN=Another Hospital CA"], dir);
  const issue = (name: string, subject: string, extensions: string, ca = "ca") => {
    openssl(["req", "-new", ...subjectKey(name), "-out", `${name}.csr`, "-subj", subject], dir);
    writeFileSync(path.join(dir, `${name}.ext`), extensions);
    openssl(["x509", "-req", "-in", `${name}.csr`, "-CA", `${ca}.pem`, "-CAkey", `${ca}.key`, "-CAcreateserial", "-out", `${name}.pem`, "-days", "2", "-extfile", `${name}.ext`], dir);
  };
  issue("server", "/CN=localhost", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
  issue("client", "/CN=CT_SCANNER_1", "extendedKeyUsage=clientAuth\n");
  issue("stranger", "/CN=CT_SCANNER_9", "extendedKeyUsage=clientAuth\n", "other-ca");
  const at = (file: string) => path.join(dir, file);
  return {
    dir,
    ca: at("ca.pem"),
    serverCert: at("server.pem"),
    serverKey: at("server.key"),
    clientCert: at("client.pem"),
    clientKey: at("client.key"),
    strangerCert: at("stranger.pem"),
    strangerKey: at("stranger.key"),
  };
}

let pki: Pki;
let mutual: DicomListener;
let serverOnly: DicomListener;

beforeAll(async () => {
  pki = makePki();
  const material = readDicomTlsMaterial({ cert: pki.serverCert, key: pki.serverKey, ca: pki.ca });
  mutual = await startDicomListener({ port: 0, host: "127.0.0.1", aeTitle: CALLED_AE, deps, log, tls: { port: 0, material } });
  const withoutCa: DicomTlsMaterial = { cert: material.cert, key: material.key };
  serverOnly = await startDicomListener({ port: 0, host: "127.0.0.1", aeTitle: CALLED_AE, deps, log, tls: { port: 0, material: withoutCa } });
}, 60_000);
afterAll(() => Promise.all([mutual.close(), serverOnly.close()]));

const tlsPortOf = (listener: DicomListener) => String(listener.tlsPort);
/** The modality's certificate, the CA it trusts for the archive's (DCMTK's default BCP 195 non-downgrading profile). */
const withCertificate = () => ["+tls", pki.clientKey, pki.clientCert, "+cf", pki.ca];
const withoutCertificate = () => ["+tla", "+cf", pki.ca];
const echo = (callingAe: string, port: string, tls: readonly string[]) => runTool("echoscu", ["-aet", callingAe, "-aec", CALLED_AE, ...tls, "127.0.0.1", port]);

/** openssl s_client as a peer that insists on a protocol version or suite. */
function handshake(port: string, args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("openssl", ["s_client", "-connect", `127.0.0.1:${port}`, "-CAfile", pki.ca, "-cert", pki.clientCert, "-key", pki.clientKey, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
    child.stdin.end();
  });
}

describe("DICOM TLS (BCP 195 profile)", () => {
  it("takes a C-STORE over mutual TLS and indexes it under the sender's site", async () => {
    const site = await createSite(db);
    const sender = await registerAeSender(db, site.id);
    const instances = [...ctHeadSeries({ seed: `tls-${sender.aeTitle}`, patient, slices: 2, size: 64 })];

    const echoed = await echo(sender.aeTitle, tlsPortOf(mutual), withCertificate());
    expect(echoed.code, echoed.output).toBe(0);
    const sent = await runTool("storescu", ["-aet", sender.aeTitle, "-aec", CALLED_AE, ...withCertificate(), "127.0.0.1", tlsPortOf(mutual), ...writeFiles(tempDir(), instances)]);
    expect(sent.code, `${sent.output}\n${logs.join("\n")}`).toBe(0);
    const rows = await db.dicomInstance.findMany({
      where: { sopInstanceUid: { in: instances.map((i) => i.sopInstanceUid) } },
      select: { channel: true, series: { select: { study: { select: { siteId: true } } } } },
    });
    expect(rows).toEqual([
      { channel: "CSTORE", series: { study: { siteId: site.id } } },
      { channel: "CSTORE", series: { study: { siteId: site.id } } },
    ]);
  });

  it("refuses a client without a certificate, one the CA did not issue, and plain DICOM on the TLS port", async () => {
    const site = await createSite(db);
    const sender = await registerAeSender(db, site.id);
    const port = tlsPortOf(mutual);

    const refusedSince = logs.length;
    const refusals = () => logs.slice(refusedSince).filter((line) => line.startsWith("DICOM TLS connection from 127.0.0.1 refused"));

    const anonymous = await echo(sender.aeTitle, port, withoutCertificate());
    expect(anonymous.code).not.toBe(0);
    await expect.poll(refusals).toEqual([expect.stringContaining("peer did not return a certificate")]);
    const stranger = await echo(sender.aeTitle, port, ["+tls", pki.strangerKey, pki.strangerCert, "+cf", pki.ca]);
    expect(stranger.code).not.toBe(0);
    await expect.poll(() => refusals().at(1)).toMatch(/client certificate refused \(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT/);
    const plain = await echo(sender.aeTitle, port, []);
    expect(plain.code).not.toBe(0);
    await expect.poll(() => refusals().at(2)).toMatch(/wrong version number|http request|unknown protocol/);

    // And the plain port of the same listener serves as before.
    expect((await echo(sender.aeTitle, String(mutual.port), [])).code).toBe(0);
  });

  it("applies the sender's address allow-list on the TLS port too, audited as such", async () => {
    const site = await createSite(db);
    const sender = await registerAeSender(db, site.id, { allowedNetworks: ["10.0.0.0/8"] });
    const refused = await echo(sender.aeTitle, tlsPortOf(mutual), withCertificate());
    expect(refused.output).toMatch(/Calling AE Title Not Recognized/i);
    await expect
      .poll(() => db.auditLog.findMany({ where: { action: "DICOM_SENDER_ADDRESS_REFUSED", entityId: sender.id }, select: { detail: true } }))
      .toEqual([{ detail: expect.objectContaining({ channel: "DIMSE_TLS", address: "127.0.0.1" }) }]);
  });

  it("without a CA, authenticates the archive only: a client without a certificate is served", async () => {
    const site = await createSite(db);
    const sender = await registerAeSender(db, site.id);
    const anonymous = await echo(sender.aeTitle, tlsPortOf(serverOnly), withoutCertificate());
    expect(anonymous.code, anonymous.output).toBe(0);
  });

  it("offers TLS 1.2 and 1.3 only, with the BCP 195 suites", async () => {
    const port = tlsPortOf(mutual);
    const tls12 = await handshake(port, ["-tls1_2", "-cipher", "ECDHE-RSA-AES256-GCM-SHA384"]);
    expect(tls12.output).toMatch(/Cipher is ECDHE-RSA-AES256-GCM-SHA384/);
    // The server answers each with an alert (70: protocol version; 40: handshake failure), not the client giving up.
    expect((await handshake(port, ["-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"])).output).toMatch(/alert protocol version[^\n]*SSL alert number 70/);
    // CBC without forward secrecy: allowed by TLS 1.2, not by BCP 195.
    expect((await handshake(port, ["-tls1_2", "-cipher", "AES128-SHA"])).output).toMatch(/alert handshake failure[^\n]*SSL alert number 40/);
  });

  it("keeps the TLS port's limits: a silent connection closes at the association timeout, floods are cut without stalling the request thread", async () => {
    const material = readDicomTlsMaterial({ cert: pki.serverCert, key: pki.serverKey, ca: pki.ca });
    const limited = await startDicomListener({
      port: 0,
      host: "127.0.0.1",
      aeTitle: CALLED_AE,
      deps,
      log,
      tls: { port: 0, material },
      limits: { associationTimeoutMs: 300, maxConnectionsPerPeer: 3 },
    });
    const sockets: Socket[] = [];
    const delay = monitorEventLoopDelay({ resolution: 10 });
    try {
      const silent = await new Promise<{ closedAfterMs: number }>((resolve, reject) => {
        const started = performance.now();
        const socket = connect(limited.tlsPort!, "127.0.0.1");
        socket.on("error", reject);
        socket.on("close", () => resolve({ closedAfterMs: performance.now() - started }));
      });
      expect(silent.closedAfterMs).toBeGreaterThanOrEqual(250);
      expect(silent.closedAfterMs).toBeLessThan(5_000);

      delay.enable();
      let closed = 0;
      await new Promise<void>((resolve) => {
        for (let i = 0; i < 50; i++) {
          const socket = connect(limited.tlsPort!, "127.0.0.1");
          socket.on("error", () => undefined);
          // A ClientHello's first bytes, then nothing: handshakes that never finish.
          socket.on("connect", () => socket.write(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00])));
          socket.on("close", () => {
            if (++closed === 50) resolve();
          });
          sockets.push(socket);
        }
      });
      delay.disable();
      expect(logs.filter((line) => line.startsWith("DICOM TLS connection") && line.includes("the limit per address")).length).toBeGreaterThanOrEqual(47);
      expect(delay.max / 1e6).toBeLessThan(200);

      const site = await createSite(db);
      const sender = await registerAeSender(db, site.id);
      // Each finished association gives its place back: more in a row than the per-address limit.
      for (let i = 0; i < 5; i++) expect((await echo(sender.aeTitle, String(limited.tlsPort), withCertificate())).code).toBe(0);
      // Refused handshakes too.
      for (let i = 0; i < 4; i++) expect((await echo(sender.aeTitle, String(limited.tlsPort), withoutCertificate())).code).not.toBe(0);
      expect((await echo(sender.aeTitle, String(limited.tlsPort), withCertificate())).code).toBe(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      await limited.close();
    }
  });

  it("names the variables of PEM files it cannot read or use", () => {
    expect(() => readDicomTlsMaterial({ cert: pki.serverCert, key: path.join(pki.dir, "missing.key") })).toThrow(/^DICOM_TLS_KEY: cannot read/);
    expect(() => readDicomTlsMaterial({ cert: pki.serverCert, key: pki.clientKey })).toThrow(/^DICOM_TLS_CERT, DICOM_TLS_KEY, DICOM_TLS_CA: unusable: .*key values mismatch/);
    expect(() => readDicomTlsMaterial({ cert: pki.serverCert, key: pki.serverKey, ca: pki.serverKey })).toThrow(/unusable/);
  });
});
