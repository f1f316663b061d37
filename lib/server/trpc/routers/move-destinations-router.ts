import "server-only";
import { createMoveDestinationSchema, updateMoveDestinationSchema } from "@/lib/domain/network/move-destination";
import { SETTINGS_EDITORS } from "@/lib/domain/rota/rota-access";
import { createMoveDestination } from "../../services/move-destinations/create-move-destination";
import { listMoveDestinations } from "../../services/move-destinations/list-move-destinations";
import { updateMoveDestination } from "../../services/move-destinations/update-move-destination";
import { roleProcedure, router } from "../init";

const admin = roleProcedure(...SETTINGS_EDITORS);

/** The sites' C-MOVE destinations (query/retrieve), managed by the administrator in /admin. */
export const moveDestinationsRouter = router({
  list: admin.query(({ ctx }) => listMoveDestinations({ db: ctx.db, actor: ctx.actor })),
  create: admin.input(createMoveDestinationSchema).mutation(({ ctx, input }) => createMoveDestination({ db: ctx.db, actor: ctx.actor, input })),
  update: admin.input(updateMoveDestinationSchema).mutation(({ ctx, input }) => updateMoveDestination({ db: ctx.db, actor: ctx.actor, input })),
});
