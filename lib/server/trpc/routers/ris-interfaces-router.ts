import "server-only";
import { createRisInterfaceSchema, updateRisInterfaceSchema } from "@/lib/domain/hl7/ris-interface-schema";
import { SETTINGS_EDITORS } from "@/lib/domain/rota/rota-access";
import { createRisInterface } from "../../services/ris-interfaces/create-ris-interface";
import { listRisInterfaces } from "../../services/ris-interfaces/list-ris-interfaces";
import { updateRisInterface } from "../../services/ris-interfaces/update-ris-interface";
import { roleProcedure, router } from "../init";

const admin = roleProcedure(...SETTINGS_EDITORS);

export const risInterfacesRouter = router({
  list: admin.query(({ ctx }) => listRisInterfaces({ db: ctx.db, actor: ctx.actor })),
  create: admin.input(createRisInterfaceSchema).mutation(({ ctx, input }) => createRisInterface({ db: ctx.db, actor: ctx.actor, input })),
  update: admin.input(updateRisInterfaceSchema).mutation(({ ctx, input }) => updateRisInterface({ db: ctx.db, actor: ctx.actor, input })),
});
