import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { parseAllowList } from "@/lib/domain/network/address-allow-list";
import type { UpdateSenderNetworks } from "@/lib/domain/network/sender-networks-schema";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";

/**
 * Replaces a sender's address allow-list (stored in canonical form), audited with the list
 * before and after. It applies from the sender's next association or STOW-RS request.
 */
export async function updateSenderNetworks(args: { db: Db; actor: Actor; input: UpdateSenderNetworks }): Promise<{ id: string; allowedNetworks: string[] }> {
  const { db, actor, input } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages DICOM senders");
  const parsed = parseAllowList(input.allowedNetworks);
  if (!parsed.ok) {
    const [first] = parsed.errors;
    throw new AppError("BAD_INPUT", `Invalid address list: ${parsed.errors.map((error) => `"${error.entry}" (${error.problem.code})`).join(", ")}`, {
      field: "allowedNetworks",
      entry: first?.entry ?? "",
      problem: first?.problem.code ?? "",
    });
  }
  return db.$transaction(async (tx) => {
    // Row lock: two administrators saving at once leave one list and two audit rows in order.
    const [before] = await tx.$queryRaw<{ allowedNetworks: string[] | null; siteId: string }[]>`
      SELECT "allowedNetworks", "siteId" FROM "DicomSender" WHERE id = ${input.senderId}::uuid FOR UPDATE`;
    if (!before) throw new AppError("NOT_FOUND", "DICOM sender not found");
    const after = await tx.dicomSender.update({ where: { id: input.senderId }, data: { allowedNetworks: parsed.canonical }, select: { id: true, allowedNetworks: true } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "DICOM_SENDER_CHANGED",
      entityType: "DicomSender",
      entityId: input.senderId,
      siteId: before.siteId,
      detail: { allowedNetworks: { before: before.allowedNetworks ?? [], after: after.allowedNetworks } },
    });
    return after;
  });
}
