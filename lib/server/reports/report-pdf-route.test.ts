import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";

// The HTTP side of GET /api/reports/<versionId>/pdf: status codes and headers. The use case
// itself (scope, role, audit, rendering) is covered on PostgreSQL by get-report-pdf.int.test.ts.

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
const service = vi.hoisted(() => ({ getReportPdf: vi.fn() }));

vi.mock("@/lib/server/auth/current-actor", () => ({ currentActor: async () => session.actor }));
vi.mock("@/lib/server/db/client", () => ({ getDb: () => ({}) }));
vi.mock("@/lib/server/services/reports/get-report-pdf", () => service);

const { GET } = await import("@/app/api/reports/[versionId]/pdf/route");

const referrer = { id: randomUUID(), role: "REFERRER" } as Actor;
const call = (versionId: string) => GET(new Request(`http://localhost/api/reports/${versionId}/pdf`), { params: Promise.resolve({ versionId }) });

describe("GET /api/reports/<versionId>/pdf", () => {
  beforeEach(() => {
    session.actor = referrer;
    service.getReportPdf.mockReset();
  });

  it("sends the PDF as a download that no cache keeps", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7 test");
    service.getReportPdf.mockResolvedValue({ fileName: "CR-TR00000042-v0.pdf", bytes });
    const versionId = randomUUID();
    const response = await call(versionId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="CR-TR00000042-v0.pdf"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(service.getReportPdf).toHaveBeenCalledWith(expect.objectContaining({ actor: referrer, versionId }));
  });

  it("asks to sign in first", async () => {
    session.actor = null;
    expect((await call(randomUUID())).status).toBe(401);
    expect(service.getReportPdf).not.toHaveBeenCalled();
  });

  it("answers 400 to an id that is not a uuid, without looking it up", async () => {
    for (const bad of ["42", "not-a-uuid", "../../etc/passwd", "'; DROP TABLE x; --"]) {
      expect((await call(encodeURIComponent(bad))).status).toBe(400);
    }
    expect(service.getReportPdf).not.toHaveBeenCalled();
  });

  it("maps the service's refusals to 404 and 403", async () => {
    service.getReportPdf.mockRejectedValueOnce(new AppError("NOT_FOUND", "Report not found"));
    expect((await call(randomUUID())).status).toBe(404);
    service.getReportPdf.mockRejectedValueOnce(new AppError("FORBIDDEN", "Reports are read by physicians"));
    const forbidden = await call(randomUUID());
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("cache-control")).toBe("no-store");
  });
});
