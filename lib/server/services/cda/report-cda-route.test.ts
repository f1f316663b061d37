import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";

// The HTTP side of GET /api/reports/<versionId>/cda: status codes and headers. The use case
// (scope, role, audit, the document) is covered on PostgreSQL by get-report-cda.int.test.ts.

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
const service = vi.hoisted(() => ({ getReportCda: vi.fn() }));

vi.mock("@/lib/server/auth/current-actor", () => ({ currentActor: async () => session.actor }));
vi.mock("@/lib/server/db/client", () => ({ getDb: () => ({}) }));
vi.mock("@/lib/server/services/cda/get-report-cda", () => service);

const { GET } = await import("@/app/api/reports/[versionId]/cda/route");

const referrer = { id: randomUUID(), role: "REFERRER" } as Actor;
const call = (versionId: string) => GET(new Request(`http://localhost/api/reports/${versionId}/cda`), { params: Promise.resolve({ versionId }) });

describe("GET /api/reports/<versionId>/cda", () => {
  beforeEach(() => {
    session.actor = referrer;
    service.getReportCda.mockReset();
  });

  it("sends the XML as a UTF-8 download that no cache keeps", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><ClinicalDocument xmlns="urn:hl7-org:v3"><title>Hémorragie</title></ClinicalDocument>`;
    service.getReportCda.mockResolvedValue({ fileName: "CR-TR00000042-v0.xml", xml });
    const versionId = randomUUID();
    const response = await call(versionId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="CR-TR00000042-v0.xml"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe(xml);
    expect(service.getReportCda).toHaveBeenCalledWith(expect.objectContaining({ actor: referrer, versionId }));
  });

  it("asks to sign in first, refuses ids that are not uuids, maps refusals to 404 and 403", async () => {
    session.actor = null;
    expect((await call(randomUUID())).status).toBe(401);
    session.actor = referrer;
    expect((await call("not-a-uuid")).status).toBe(400);
    expect(service.getReportCda).not.toHaveBeenCalled();
    service.getReportCda.mockRejectedValueOnce(new AppError("NOT_FOUND", "Report not found"));
    expect((await call(randomUUID())).status).toBe(404);
    service.getReportCda.mockRejectedValueOnce(new AppError("FORBIDDEN", "Reports are read by physicians"));
    expect((await call(randomUUID())).status).toBe(403);
  });
});
