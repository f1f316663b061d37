import "server-only";
import type { Hl7Problem } from "@/lib/domain/hl7/hl7-errors";

/** Thrown inside a message's transaction to undo it and answer AE with these problems. */
export class Hl7Refusal extends Error {
  constructor(readonly problems: Hl7Problem[]) {
    super(problems.map((problem) => problem.message).join("; "));
  }
}
