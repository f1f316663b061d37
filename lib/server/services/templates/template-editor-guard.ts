import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditTemplates } from "@/lib/domain/reports/template-admin-schemas";

/** Authorization twice: the procedure checks the role, every template service checks again. */
export function assertTemplateEditor(actor: Actor): void {
  if (!canEditTemplates(actor)) throw new AppError("FORBIDDEN", "Only an administrator or a department head manages report templates");
}
