import { describe, expect, it } from "vitest";
import { readAck } from "./read-ack";

// Acknowledgements shaped like the volet's (acquittement.md), answering our message TLR0001.
const header = "MSH|^~\\&|StructureApp|StructureFacility|TELERADIO|TELERADIO|20260106134419||ACK^R01^ACK|12346|P|2.5.1|||||FRA|UNICODE UTF-8";

describe("reading the RIS's acknowledgement", () => {
  it("accepts AA (and the enhanced mode's CA) for this message", () => {
    expect(readAck(`${header}\rMSA|AA|TLR0001`, "TLR0001")).toEqual({ kind: "ACCEPTED", code: "AA" });
    expect(readAck(`${header}\rMSA|CA|TLR0001`, "TLR0001")).toEqual({ kind: "ACCEPTED", code: "CA" });
  });

  it("keeps the error text of an AE or AR with where the RIS found the fault", () => {
    const ae = readAck(`${header}\rMSA|AE|TLR0001\rERR||PID^1^3|101^Required field missing^HL70357|E`, "TLR0001");
    expect(ae).toEqual({ kind: "REFUSED", code: "AE", errorText: "Required field missing (PID-1-3)" });
    const ar = readAck(`${header}\rMSA|AR|TLR0001\rERR||ORC^1^2|204^Unknown key identifier^HL70357|E||||Commande OPN101 inconnue`, "TLR0001");
    expect(ar).toEqual({ kind: "REFUSED", code: "AR", errorText: "Commande OPN101 inconnue (ORC-1-2)" });
    expect(readAck(`${header}\rMSA|AE|TLR0001|Version non supportée`, "TLR0001")).toEqual({ kind: "REFUSED", code: "AE", errorText: "Version non supportée" });
  });

  it("does not take an answer about another message, or no MSA, for an acknowledgement", () => {
    expect(readAck(`${header}\rMSA|AA|OTHER`, "TLR0001")).toMatchObject({ kind: "NOT_AN_ACK" });
    expect(readAck(header, "TLR0001")).toMatchObject({ kind: "NOT_AN_ACK" });
    expect(readAck("garbage", "TLR0001")).toMatchObject({ kind: "NOT_AN_ACK" });
  });
});
