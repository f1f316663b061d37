import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const parse = (variables: Record<string, string>) => parseEnv({ NODE_ENV: "test", ...variables });

// DICOM TLS is off unless asked for, and asked for only with the files it needs.
describe("DICOM TLS settings", () => {
  it("is off by default", () => {
    expect(parse({})).toMatchObject({ DICOM_TLS_PORT: 0 });
  });

  it("needs a certificate and a key once a port is set, and a port of its own", () => {
    expect(() => parse({ DICOM_TLS_PORT: "2762" })).toThrow(/DICOM_TLS_PORT needs DICOM_TLS_CERT and DICOM_TLS_KEY/);
    expect(() => parse({ DICOM_TLS_PORT: "11112", DICOM_TLS_CERT: "/c.pem", DICOM_TLS_KEY: "/k.pem" })).toThrow(/must differ from DICOM_PORT/);
    expect(parse({ DICOM_TLS_PORT: "2762", DICOM_TLS_CERT: "/c.pem", DICOM_TLS_KEY: "/k.pem", DICOM_TLS_HOST: "0.0.0.0" })).toMatchObject({
      DICOM_TLS_PORT: 2762,
      DICOM_TLS_HOST: "0.0.0.0",
    });
  });
});
