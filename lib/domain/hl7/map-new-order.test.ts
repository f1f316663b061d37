import { describe, expect, it } from "vitest";
import { withInsKey } from "../ins-key";
import { locationText, parseProblemsText, problemsText } from "./hl7-errors";
import { hl7Instant } from "./hl7-timestamp";
import type { Hl7Segment, Hl7Tree } from "./hl7-tree";
import { mapNewOrder } from "./map-new-order";
import { headerProblems, readMessageHeader } from "./read-message-header";

// Builds the plain tree the parser produces, from "|"-separated text (no escapes needed here).
function tree(...lines: string[]): Hl7Tree {
  const segments: Hl7Segment[] = lines.map((line) => {
    const [name = "", ...rest] = line.split("|");
    const fields = rest.map((field) => (field === "" ? [] : field.split("~").map((repetition) => repetition.split("^").map((component) => component.split("&")))));
    return { name, fields: name === "MSH" ? [[], [[["|"]]], ...fields] : [[], ...fields] };
  });
  return { segments };
}

const INS = withInsKey("2790351215189");
const order = (pid = `PID|||${INS}^^^X&1.2.250.1.213.1.4.10&ISO^INS~IPP1^^^CHU^PI||NOM^Prénom^^^^^L~USAGE^Prénom^^^^^D||19790328|F${"|".repeat(24)}VALI`, ...extra: string[]) =>
  tree(
    "MSH|^~\\&|RIS|FAC|TLR|TLR|20260106134418||ORM^O01^ORM_O01|C1|P|2.5.1",
    pid,
    "ORC|NW|OPN1|||||||20260106134418|||801234567897^Hoda^Adam",
    "OBR||OPN1||TRANSMISSION_DEMANDE|||||||||Justification",
    "OBX|1|CE|MODALITE_IMAGERIE||CT^Scanner^DCM||||||O",
    "OBX|2|CE|REGION_ANATOMIQUE||77407^tête et/ou cou^SNT||||||O",
    ...extra,
  );

describe("mapping an ORM^O01 NW", () => {
  it("takes the birth name, the IPP with its authority, the INS and its status", () => {
    const { order: mapped, problems } = mapNewOrder(order());
    expect(problems).toEqual([]);
    expect(mapped?.request.patient).toMatchObject({ familyName: "NOM", givenName: "Prénom", sitePatientId: "IPP1", ins: INS, birthDate: "1979-03-28", sex: "FEMALE" });
    expect(mapped).toMatchObject({ sitePatientIdIssuer: "CHU", insStatus: "VALIDATED", placerOrderNumber: "OPN1", orderingProvider: { rpps: "01234567897" } });
    expect(mapped?.request).toMatchObject({ modality: "CT", bodyRegion: "tête et/ou cou", priority: "ROUTINE", clinicalQuestion: "Justification" });
  });

  it("maps TQ1-9 priorities and refuses unknown ones at TQ1-9", () => {
    expect(mapNewOrder(order(undefined, "TQ1|||||||||S")).order?.request.priority).toBe("VITAL");
    expect(mapNewOrder(order(undefined, "TQ1|||||||||A")).order?.request.priority).toBe("URGENT");
    const { problems } = mapNewOrder(order(undefined, "TQ1|||||||||Z"));
    expect(problems.map((p) => [p.code, locationText(p.location)])).toEqual([["103", "TQ1-9.1"]]);
  });

  it("locates a missing IPP, a wrong INS key and a birth date that is not one", () => {
    expect(mapNewOrder(order(`PID|||${INS}^^^X&1.2.250.1.213.1.4.10&ISO^INS||NOM^P||19790328|F`)).problems.map((p) => [p.code, locationText(p.location)])).toEqual([["101", "PID-3"]]);
    expect(mapNewOrder(order(`PID|||279035121518988^^^X&1.2.250.1.213.1.4.10&ISO^INS~IPP1^^^CHU^PI||NOM^P||19790328|F`)).problems.map((p) => [p.code, locationText(p.location)])).toEqual([["102", "PID-3"]]);
    expect(mapNewOrder(order(`PID|||IPP1^^^CHU^PI||NOM^P||19791399|F`)).problems.map((p) => [p.code, locationText(p.location)])).toEqual([["102", "PID-7"]]);
  });
});

describe("the header", () => {
  it("refuses a version other than 2.5/2.5.1 and an unsupported event", () => {
    const v23 = readMessageHeader(tree("MSH|^~\\&|RIS|FAC|||20260106||ORM^O01|C1|P|2.3"));
    expect(headerProblems(v23).map((p) => [p.code, locationText(p.location)])).toEqual([["203", "MSH-12"]]);
    const a01 = readMessageHeader(tree("MSH|^~\\&|RIS|FAC|||20260106||ORM^O02|C1|P|2.5.1"));
    expect(headerProblems(a01).map((p) => [p.code, locationText(p.location)])).toEqual([["201", "MSH-9.2"]]);
  });
});

describe("problems kept as text", () => {
  it("read back into the same ERR content for a resent message", () => {
    const problems = [
      { code: "102" as const, location: { segment: "OBX", sequence: 2, field: 5 }, message: "valeur invalide" },
      { code: "101" as const, location: { segment: "PID", field: 3 }, message: "IPP absent" },
    ];
    expect(parseProblemsText(problemsText(problems))).toEqual(problems);
  });
});

describe("HL7 timestamps", () => {
  it("reads a local time as Paris time, and an explicit offset as written", () => {
    expect(hl7Instant("20260106184418")?.toISOString()).toBe("2026-01-06T17:44:18.000Z");
    expect(hl7Instant("20260706184418")?.toISOString()).toBe("2026-07-06T16:44:18.000Z");
    expect(hl7Instant("202601061844+0000")?.toISOString()).toBe("2026-01-06T18:44:00.000Z");
    expect(hl7Instant("20260231")).toBeNull();
  });
});
