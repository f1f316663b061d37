import { AppError } from "@/lib/domain/errors";
import type { DestinationProblem } from "@/lib/domain/network/move-destination";
import { Prisma } from "@/lib/generated/prisma/client";

/** BAD_INPUT (for a C-MOVE or a report destination) naming the first field at fault; the form shows each problem in the user's language. */
export function destinationInputError(problems: readonly DestinationProblem[], what = "C-MOVE destination"): AppError {
  const [first] = problems;
  return new AppError("BAD_INPUT", `Invalid ${what}: ${problems.map((p) => `${p.field} ${p.code}`).join(", ")}`, {
    field: first?.field ?? "",
    problem: first?.code ?? "",
  });
}

/** The unique (site, AE title) index refused the row: another destination of the site has the title. */
export function isAeTitleTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
