import { type Hl7Problem, HL7_ERROR_CODES as E, problem } from "./hl7-errors";
import { firstSegment, type Hl7Tree, valueOf } from "./hl7-tree";

// The requesting physician (ORC-12, else OBR-16), an XCN whose identifier is the national one:
// PS_IdNat is "8" + the RPPS (11 digits) under the OID 1.2.250.1.71.4.2.1; a bare RPPS is
// accepted too. The server files the order under the site's account with that RPPS, if any.

export interface OrderingProvider {
  rpps: string | null;
  /** "Adam HODA (RPPS 01234567897)": kept on the request when no account matches. */
  text: string;
}

export function readOrderingProvider(tree: Hl7Tree): { provider: OrderingProvider | null; problems: Hl7Problem[] } {
  const orc = firstSegment(tree, "ORC");
  const source = valueOf(orc, 12, 1) || valueOf(orc, 12, 2) ? { segment: orc, field: 12 } : { segment: firstSegment(tree, "OBR"), field: 16 };
  const identifier = valueOf(source.segment, source.field, 1);
  const family = valueOf(source.segment, source.field, 2);
  const given = valueOf(source.segment, source.field, 3);
  if (!identifier && !family) {
    return { provider: null, problems: [problem(E.REQUIRED_FIELD_MISSING, "médecin demandeur (ORC-12) absent", { segment: "ORC", field: 12 })] };
  }
  const rpps = /^8\d{11}$/.test(identifier) ? identifier.slice(1) : /^\d{11}$/.test(identifier) ? identifier : null;
  const name = [given, family.toUpperCase()].filter(Boolean).join(" ");
  const id = rpps ? `RPPS ${rpps}` : identifier ? `id ${identifier}` : "";
  return { provider: { rpps, text: (name && id ? `${name} (${id})` : name || id).slice(0, 250) }, problems: [] };
}
