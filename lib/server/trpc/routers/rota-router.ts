import "server-only";
import { ROLES } from "@/lib/domain/enums";
import { ROTA_EDITORS, ROTA_READERS } from "@/lib/domain/rota/rota-access";
import { createShiftSchema, deleteShiftSchema, onCallNowSchema, rotaRangeSchema, updateShiftSchema } from "@/lib/domain/rota/rota-schemas";
import { createShift } from "../../services/rota/create-shift";
import { deleteShift } from "../../services/rota/delete-shift";
import { listOnCallNow } from "../../services/rota/list-on-call-now";
import { listOnCallSites } from "../../services/rota/list-on-call-sites";
import { listRota } from "../../services/rota/list-rota";
import { listRotaOptions } from "../../services/rota/list-rota-options";
import { updateShift } from "../../services/rota/update-shift";
import { roleProcedure, router } from "../init";

const readers = roleProcedure(...ROTA_READERS);
const editors = roleProcedure(...ROTA_EDITORS);
const everyone = roleProcedure(...ROLES);

export const rotaRouter = router({
  list: readers.input(rotaRangeSchema).query(({ ctx, input }) => listRota({ db: ctx.db, actor: ctx.actor, range: input })),

  options: readers.query(({ ctx }) => listRotaOptions({ db: ctx.db, actor: ctx.actor })),

  create: editors.input(createShiftSchema).mutation(({ ctx, input }) => createShift({ db: ctx.db, actor: ctx.actor, input })),

  update: editors.input(updateShiftSchema).mutation(({ ctx, input }) => updateShift({ db: ctx.db, actor: ctx.actor, input })),

  delete: editors.input(deleteShiftSchema).mutation(({ ctx, input }) => deleteShift({ db: ctx.db, actor: ctx.actor, input })),

  onCallSites: everyone.query(({ ctx }) => listOnCallSites({ db: ctx.db, actor: ctx.actor })),

  onCallNow: everyone
    .input(onCallNowSchema)
    .query(({ ctx, input }) => listOnCallNow({ db: ctx.db, actor: ctx.actor, siteId: input.siteId })),
});
