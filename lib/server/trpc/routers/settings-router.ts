import "server-only";
import { SETTINGS_EDITORS, TARGET_EDITORS } from "@/lib/domain/rota/rota-access";
import {
  addProtocolItemSchema,
  catalogueSiteSchema,
  createSiteGroupSchema,
  privilegeKeySchema,
  setPrivilegeSchema,
  setProtocolItemActiveSchema,
  updatePriorityTargetsSchema,
  updateSiteSettingsSchema,
} from "@/lib/domain/rota/settings-schemas";
import { addProtocolItem } from "../../services/settings/add-protocol-item";
import { createSiteGroup } from "../../services/settings/create-site-group";
import { listPriorityTargets } from "../../services/settings/list-priority-targets";
import { listPrivileges } from "../../services/settings/list-privileges";
import { listProtocolCatalogue } from "../../services/settings/list-protocol-catalogue";
import { listSiteSettings } from "../../services/settings/list-site-settings";
import { removePrivilege } from "../../services/settings/remove-privilege";
import { setPrivilege } from "../../services/settings/set-privilege";
import { setProtocolItemActive } from "../../services/settings/set-protocol-item-active";
import { updatePriorityTargets } from "../../services/settings/update-priority-targets";
import { updateSiteSettings } from "../../services/settings/update-site-settings";
import { roleProcedure, router } from "../init";

const admin = roleProcedure(...SETTINGS_EDITORS);
const targetEditors = roleProcedure(...TARGET_EDITORS);

export const settingsRouter = router({
  privileges: admin.query(({ ctx }) => listPrivileges({ db: ctx.db, actor: ctx.actor })),
  setPrivilege: admin.input(setPrivilegeSchema).mutation(({ ctx, input }) => setPrivilege({ db: ctx.db, actor: ctx.actor, input })),
  removePrivilege: admin
    .input(privilegeKeySchema)
    .mutation(({ ctx, input }) => removePrivilege({ db: ctx.db, actor: ctx.actor, userId: input.userId, siteId: input.siteId })),

  sites: admin.query(({ ctx }) => listSiteSettings({ db: ctx.db, actor: ctx.actor })),
  updateSite: admin.input(updateSiteSettingsSchema).mutation(({ ctx, input }) => updateSiteSettings({ db: ctx.db, actor: ctx.actor, input })),
  createGroup: admin.input(createSiteGroupSchema).mutation(({ ctx, input }) => createSiteGroup({ db: ctx.db, actor: ctx.actor, name: input.name })),

  targets: targetEditors.query(({ ctx }) => listPriorityTargets({ db: ctx.db, actor: ctx.actor })),
  updateTargets: targetEditors
    .input(updatePriorityTargetsSchema)
    .mutation(({ ctx, input }) => updatePriorityTargets({ db: ctx.db, actor: ctx.actor, input })),

  catalogue: admin.input(catalogueSiteSchema).query(({ ctx, input }) => listProtocolCatalogue({ db: ctx.db, actor: ctx.actor, siteId: input.siteId })),
  addProtocolItem: admin.input(addProtocolItemSchema).mutation(({ ctx, input }) => addProtocolItem({ db: ctx.db, actor: ctx.actor, input })),
  setProtocolItemActive: admin
    .input(setProtocolItemActiveSchema)
    .mutation(({ ctx, input }) => setProtocolItemActive({ db: ctx.db, actor: ctx.actor, itemId: input.itemId, active: input.active })),
});
