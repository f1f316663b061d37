import { describe, expect, it } from "vitest";
import { checkReportDestination } from "./report-destination";

describe("a report destination's values", () => {
  const good = { label: " PACS du CHU ", aeTitle: " PACS_CHU ", host: "10.0.0.5", port: "104", sendPdf: true, sendSr: false };

  it("keeps the node's rules (trimmed, port as a number) and the formats", () => {
    expect(checkReportDestination(good)).toEqual({ ok: true, value: { label: "PACS du CHU", aeTitle: "PACS_CHU", host: "10.0.0.5", port: 104, sendPdf: true, sendSr: false } });
  });

  it("names each field at fault, the formats included", () => {
    const check = checkReportDestination({ ...good, aeTitle: "A\\B", port: "0", sendPdf: false });
    expect(check).toEqual({
      ok: false,
      problems: [
        { field: "aeTitle", code: "AE_CHARACTERS" },
        { field: "port", code: "PORT_RANGE" },
        { field: "formats", code: "FORMAT_REQUIRED" },
      ],
    });
    expect(checkReportDestination({ ...good, sendPdf: false, sendSr: false })).toEqual({ ok: false, problems: [{ field: "formats", code: "FORMAT_REQUIRED" }] });
  });
});
