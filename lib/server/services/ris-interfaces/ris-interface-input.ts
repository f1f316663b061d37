import "server-only";
import { AppError } from "@/lib/domain/errors";
import type { CreateRisInterface } from "@/lib/domain/hl7/ris-interface-schema";
import { parseAllowList } from "@/lib/domain/network/address-allow-list";
import { Prisma } from "@/lib/generated/prisma/client";

type Fields = Omit<CreateRisInterface, "siteId">;

/** The columns of the form's fields: the allow-list in canonical form, empty texts as null. */
export function risInterfaceColumns(input: Fields) {
  const parsed = parseAllowList(input.allowedNetworks);
  if (!parsed.ok) {
    const [first] = parsed.errors;
    throw new AppError("BAD_INPUT", `Invalid address list: ${parsed.errors.map((error) => `"${error.entry}" (${error.problem.code})`).join(", ")}`, {
      field: "allowedNetworks",
      entry: first?.entry ?? "",
      problem: first?.problem.code ?? "",
    });
  }
  return {
    label: input.label,
    sendingApplication: input.sendingApplication,
    sendingFacility: input.sendingFacility,
    allowedNetworks: parsed.canonical,
    outboundHost: input.outboundHost || null,
    outboundPort: input.outboundHost ? input.outboundPort : null,
    receivingApplication: input.receivingApplication || null,
    receivingFacility: input.receivingFacility || null,
  };
}

/** The (MSH-3, MSH-4) pair is how inbound messages find their interface: a second one would be ambiguous. */
export function duplicatePairError(error: unknown): AppError | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const target = JSON.stringify(error.meta ?? {});
    if (target.includes("sendingApplication") || target.includes("sendingFacility") || target.includes("RisInterface")) {
      return new AppError("BAD_INPUT", "Another RIS interface already uses this sending application and facility", { field: "sendingFacility", problem: "DUPLICATE_PAIR" });
    }
  }
  return null;
}
