import { LOOPBACK_NETWORKS } from "@/lib/domain/network/address-allow-list";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSite, createUser } from "@/prisma/factories";
import { buildTestStudy } from "@/lib/testing/qido-test-studies";
import { connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { loadActor } from "../../auth/load-actor";
import { createDicomwebHandler } from "./dicomweb-handler";
import { hashSenderToken } from "./dicomweb-principal";

// What a DICOMweb client gets for a query it got wrong, over real HTTP: a control character
// anywhere (QIDO, WADO, STOW) or a malformed value of a known key is a 400 naming the
// parameter, never a 500; an attribute or includefield keyword the server does not know is
// ignored, and the search answers as without it.

const db = connectTestDb();
const deps = testImageDeps(db);
const secret = randomBytes(32).toString("base64url");
let server: Server;
let base = "";
let cookie = "";
let token = "";

beforeAll(async () => {
  const site = await createSite(db);
  token = randomBytes(24).toString("base64url");
  await db.dicomSender.create({ data: { siteId: site.id, kind: "STOW_TOKEN", label: "PACS refusals", tokenHash: hashSenderToken(token), allowedNetworks: [...LOOPBACK_NETWORKS] } });
  const radiographer = await createUser(db, { role: "RADIOGRAPHER", siteId: site.id });
  cookie = `next-auth.session-token=${await encode({ token: { uid: radiographer.id }, secret })}`;
  const handler = createDicomwebHandler({ deps, secret, resolveActor: (id) => loadActor(db, id), maxRequestBytes: 16 * 1024 * 1024 });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicomweb`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string) => fetch(`${base}${path}`, { headers: { Cookie: cookie, Accept: "application/dicom+json" } });
const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

function stowBody(files: Uint8Array[]): { body: Uint8Array; type: string } {
  const boundary = `refusal-${randomBytes(6).toString("hex")}`;
  const parts = files.flatMap((file) => [Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), Buffer.from(file), Buffer.from("\r\n")]);
  return { body: new Uint8Array(Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)])), type: `multipart/related; type="application/dicom"; boundary=${boundary}` };
}

describe("DICOMweb query refusals", () => {
  it("answers 400 naming the parameter for a NUL or control character, in QIDO, WADO and STOW alike", async () => {
    const qido = await get("/studies?PatientName=DUP%00ONT");
    expect(qido.status).toBe(400);
    expect(await errorOf(qido)).toBe('the value of "PatientName" contains a NUL or control character');

    const wado = await get("/studies/1.2.3/metadata?charset=%0D%0Autf-8");
    expect(wado.status).toBe(400);
    expect(await errorOf(wado)).toMatch(/"charset" contains a NUL or control character/);

    const study = buildTestStudy({
      patientName: { Alphabetic: "REFUS^Query" },
      patientId: `REF${randomBytes(3).toString("hex")}`,
      birthDate: "19700101",
      sex: "M",
      studyDate: "20240101",
      studyTime: "1000",
      referringPhysicianName: "",
      studyId: "1",
      accessionNumber: "",
      studyDescription: "",
      series: [{ source: "CT", seriesNumber: 1, seriesDescription: "", instances: 1 }],
    });
    const { body, type } = stowBody(study.files);
    const stow = await fetch(`${base}/studies?x=%1B`, { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": type }, body: Buffer.from(body) });
    expect(stow.status).toBe(400);
    expect(await db.dicomStudy.count({ where: { studyInstanceUid: study.studyInstanceUid } })).toBe(0);
  });

  it("answers 400 with the reason for a malformed value of a known key", async () => {
    const cases: [string, RegExp][] = [
      ["/studies?PatientBirthDate=1960-01-01", /PatientBirthDate must be a date YYYYMMDD or a range/],
      ["/studies?StudyTime=2500", /StudyTime must be a time/],
      ["/studies?StudyDate=20241231-20240101", /A ≤ B/],
      ["/series?SeriesNumber=two", /SeriesNumber must be an integer/],
      ["/instances?00200013=1.5", /InstanceNumber must be an integer/],
      ["/studies?fuzzymatching=maybe", /fuzzymatching must be true or false/],
    ];
    for (const [path, reason] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(await errorOf(response), path).toMatch(reason);
    }
  });

  it("ignores unknown attributes and includefield keywords rather than refusing the search", async () => {
    const plain = await get("/studies?limit=5");
    const withUnknown = await get("/studies?limit=5&OtherPatientNames=X&0009A001=private&includefield=NoSuchKeyword,StudyDescription");
    expect(plain.status).toBe(200);
    expect(withUnknown.status).toBe(200);
    expect(await withUnknown.json()).toEqual(await plain.json());
  });
});
