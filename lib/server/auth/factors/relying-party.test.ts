import { describe, expect, it } from "vitest";
import { relyingPartyOf } from "./relying-party";

describe("the WebAuthn relying party", () => {
  it("is the configured public name, whatever Host the request carries", () => {
    expect(relyingPartyOf({ host: "evil.example" }, "https://teleradio.example.org")).toEqual({ id: "teleradio.example.org", origin: "https://teleradio.example.org", name: "Télé-radiologie" });
  });

  it("is the request's host when the configured URL is an address (the default), or when none is", () => {
    expect(relyingPartyOf({ host: "localhost:3600" }, "http://127.0.0.1:3600")).toMatchObject({ id: "localhost", origin: "http://localhost:3600" });
    expect(relyingPartyOf({ host: "poste.chu.local" }, "http://[::1]:3000")).toMatchObject({ id: "poste.chu.local", origin: "http://poste.chu.local" });
    expect(relyingPartyOf({ host: "localhost:3000" }, undefined)).toMatchObject({ id: "localhost" });
  });
});
