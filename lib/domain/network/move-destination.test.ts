import { describe, expect, it } from "vitest";
import { checkMoveDestination } from "./move-destination";

const good = { label: "Console scanner", aeTitle: " CT_CONSOLE ", host: "pacs.chu-exemple.fr", port: "104" };

describe("a C-MOVE destination's values", () => {
  it("trims and accepts a host name, an IPv4 or an IPv6 address", () => {
    expect(checkMoveDestination(good)).toEqual({ ok: true, value: { label: "Console scanner", aeTitle: "CT_CONSOLE", host: "pacs.chu-exemple.fr", port: 104 } });
    expect(checkMoveDestination({ ...good, host: "10.20.30.40" }).ok).toBe(true);
    expect(checkMoveDestination({ ...good, host: "2001:db8::12" }).ok).toBe(true);
  });

  it("names each field at fault", () => {
    expect(checkMoveDestination({ label: " ", aeTitle: "", host: "", port: "" })).toEqual({
      ok: false,
      problems: [
        { field: "label", code: "LABEL_REQUIRED" },
        { field: "aeTitle", code: "AE_REQUIRED" },
        { field: "host", code: "HOST_REQUIRED" },
        { field: "port", code: "PORT_RANGE" },
      ],
    });
  });

  it.each([
    [{ aeTitle: "A_TITLE_LONGER_THAN_16" }, "aeTitle", "AE_TOO_LONG"],
    [{ aeTitle: "BACK\\SLASH" }, "aeTitle", "AE_CHARACTERS"],
    [{ aeTitle: "ÉCHO" }, "aeTitle", "AE_CHARACTERS"],
    [{ host: "pacs_01.local" }, "host", "HOST_INVALID"],
    [{ host: "999.1.1.1" }, "host", "HOST_INVALID"],
    [{ port: "0" }, "port", "PORT_RANGE"],
    [{ port: "65536" }, "port", "PORT_RANGE"],
    [{ port: "10 4" }, "port", "PORT_RANGE"],
    [{ label: "x".repeat(201) }, "label", "LABEL_TOO_LONG"],
  ])("refuses %o", (change, field, code) => {
    expect(checkMoveDestination({ ...good, ...change })).toEqual({ ok: false, problems: [{ field, code }] });
  });
});
