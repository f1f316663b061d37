import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const parse = (variables: Record<string, string>) => parseEnv({ NODE_ENV: "test", ...variables });

// The HL7 port is on (2575) on loopback by default, like the DICOM port; its TLS port only with its files.
describe("HL7 listener settings", () => {
  it("listens on loopback by default, without TLS", () => {
    expect(parse({})).toMatchObject({ HL7_PORT: 2575, HL7_HOST: "127.0.0.1", HL7_TLS_PORT: 0, HL7_APPLICATION: "TELERADIO" });
  });

  it("needs a certificate and a key for TLS, on a port of its own, and an MSH-3 without delimiters", () => {
    expect(() => parse({ HL7_TLS_PORT: "2576" })).toThrow(/HL7_TLS_PORT needs HL7_TLS_CERT and HL7_TLS_KEY/);
    expect(() => parse({ HL7_TLS_PORT: "2575", HL7_TLS_CERT: "/c.pem", HL7_TLS_KEY: "/k.pem" })).toThrow(/must differ from HL7_PORT/);
    expect(() => parse({ HL7_APPLICATION: "TLR^APP" })).toThrow(/HL7_APPLICATION/);
    expect(parse({ HL7_PORT: "0" })).toMatchObject({ HL7_PORT: 0 });
  });
});
