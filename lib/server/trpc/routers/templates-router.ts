import "server-only";
import { saveTemplateVersionSchema, setTemplateActiveSchema, templateCodeInputSchema, TEMPLATE_EDITORS } from "@/lib/domain/reports/template-admin-schemas";
import { getTemplateVersions } from "../../services/templates/get-template-versions";
import { listTemplates } from "../../services/templates/list-templates";
import { saveTemplateVersion } from "../../services/templates/save-template-version";
import { setTemplateActive } from "../../services/templates/set-template-active";
import { roleProcedure, router } from "../init";

// Report templates are data the administrator and department heads edit (/admin/templates).
// A bad definition comes back as field errors with its path, e.g. definition.sections.0.fields.2.id.
const editors = roleProcedure(...TEMPLATE_EDITORS);

export const templatesRouter = router({
  list: editors.query(({ ctx }) => listTemplates({ db: ctx.db, actor: ctx.actor })),
  versions: editors.input(templateCodeInputSchema).query(({ ctx, input }) => getTemplateVersions({ db: ctx.db, actor: ctx.actor, code: input.code })),
  save: editors.input(saveTemplateVersionSchema).mutation(({ ctx, input }) => saveTemplateVersion({ db: ctx.db, actor: ctx.actor, input })),
  setActive: editors
    .input(setTemplateActiveSchema)
    .mutation(({ ctx, input }) => setTemplateActive({ db: ctx.db, actor: ctx.actor, code: input.code, active: input.active })),
});
