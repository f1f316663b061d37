import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { connect } from "node:tls";
import hl7 from "simple-hl7";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createSite } from "@/prisma/factories";
import { connectTestDb } from "@/lib/testing/test-db";
import { readDicomTlsMaterial } from "../imaging/dimse/dicom-tls";
import { createRisInterface, ormMessage, readAck } from "./hl7-test-kit";
import { type Hl7Listener, startHl7Listener } from "./start-hl7-listener";

// MLLP over TLS: the same messages and answers on the TLS port, with the DICOM TLS profile
// (a certificate made here with openssl; the RIS checks it against it as its trust anchor).

const db = connectTestDb(4);
const dir = mkdtempSync(path.join(tmpdir(), "hl7-tls-"));
let listener: Hl7Listener;

beforeAll(async () => {
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "server.key", "-out", "server.pem", "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1"], { cwd: dir, stdio: "pipe" });
  const material = readDicomTlsMaterial({ cert: path.join(dir, "server.pem"), key: path.join(dir, "server.key") }, { cert: "HL7_TLS_CERT", key: "HL7_TLS_KEY", ca: "HL7_TLS_CA" });
  listener = await startHl7Listener({ db, port: 0, log: () => undefined, tls: { port: 0, material } });
});
afterAll(async () => {
  await listener.close();
  rmSync(dir, { recursive: true, force: true });
});

it("answers an order sent over TLS 1.2+ with AA and files it", async () => {
  const site = await createSite(db);
  const ris = await createRisInterface(db, site.id);
  const cert = readFileSync(path.join(dir, "server.pem"));
  const socket = connect({ host: "127.0.0.1", port: listener.tlsPort!, ca: cert, minVersion: "TLSv1.2" });
  await new Promise<void>((resolve, reject) => socket.once("secureConnect", resolve).once("error", reject));
  const ackText = await new Promise<string>((resolve) => {
    let buffer = "";
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const end = buffer.indexOf("\x1c\r");
      if (end !== -1) resolve(buffer.slice(buffer.indexOf("\x0b") + 1, end));
    });
    socket.write(`\x0b${ormMessage({ sender: ris })}\x1c\r`);
  });
  socket.destroy();
  expect(readAck(new hl7.Parser({ segmentSeperator: "\r" }).parse(ackText)).code).toBe("AA");
  expect(await db.readingRequest.count({ where: { siteId: site.id, source: "HL7" } })).toBe(1);
});
