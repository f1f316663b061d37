import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";

// The HTTP side of GET /api/activity-report: the query string handed to the use case, status
// codes and headers. The use case itself is covered on PostgreSQL by get-activity-report-pdf.int.test.ts.

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
const service = vi.hoisted(() => ({ getActivityReportPdf: vi.fn() }));

vi.mock("@/lib/server/auth/current-actor", () => ({ currentActor: async () => session.actor }));
vi.mock("@/lib/server/db/client", () => ({ getDb: () => ({}) }));
vi.mock("@/lib/server/services/activity-report/get-activity-report-pdf", () => service);

const { GET } = await import("@/app/api/activity-report/route");

const head = { id: randomUUID(), role: "DEPARTMENT_HEAD" } as Actor;
const call = (query: string) => GET(new Request(`http://localhost/api/activity-report?${query}`));

describe("GET /api/activity-report", () => {
  beforeEach(() => {
    session.actor = head;
    service.getActivityReportPdf.mockReset();
  });

  it("sends the PDF as a download that no cache keeps, for the month and scope asked", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7 test");
    service.getActivityReportPdf.mockResolvedValue({ fileName: "rapport-activite-mtc-2026-10.pdf", bytes });
    const siteId = randomUUID();
    const response = await call(`month=2026-10&siteId=${siteId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="rapport-activite-mtc-2026-10.pdf"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(service.getActivityReportPdf).toHaveBeenCalledWith(expect.objectContaining({ actor: head, input: { month: "2026-10", siteId, groupId: undefined } }));
  });

  it("asks to sign in first", async () => {
    session.actor = null;
    expect((await call("month=2026-10")).status).toBe(401);
    expect(service.getActivityReportPdf).not.toHaveBeenCalled();
  });

  it("turns the use case's refusals into precise statuses", async () => {
    for (const [code, status] of [["BAD_INPUT", 400], ["FORBIDDEN", 403], ["NOT_FOUND", 404]] as const) {
      service.getActivityReportPdf.mockRejectedValueOnce(new AppError(code, "refused"));
      const response = await call(`month=2026-10&groupId=${randomUUID()}`);
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error: "refused" });
    }
  });
});
