import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const parse = (variables: Record<string, string>) => parseEnv({ NODE_ENV: "test", ...variables });

describe("DICOMWEB_CORS_ORIGINS", () => {
  it("is empty by default: no other origin reads DICOMweb", () => {
    expect(parse({}).DICOMWEB_CORS_ORIGINS).toEqual([]);
  });

  it("lists exact origins", () => {
    expect(parse({ DICOMWEB_CORS_ORIGINS: "https://viewer.chu.fr,http://127.0.0.1:8080" }).DICOMWEB_CORS_ORIGINS).toEqual(["https://viewer.chu.fr", "http://127.0.0.1:8080"]);
  });

  it("stops the start on a wildcard or a URL that is not an origin, naming the variable", () => {
    expect(() => parse({ DICOMWEB_CORS_ORIGINS: "*" })).toThrow(/DICOMWEB_CORS_ORIGINS/);
    expect(() => parse({ DICOMWEB_CORS_ORIGINS: "https://viewer.chu.fr/" })).toThrow(/should be written https:\/\/viewer\.chu\.fr/);
  });
});
