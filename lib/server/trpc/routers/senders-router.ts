import "server-only";
import { updateSenderNetworksSchema } from "@/lib/domain/network/sender-networks-schema";
import { SETTINGS_EDITORS } from "@/lib/domain/rota/rota-access";
import { listDicomSenders } from "../../services/senders/list-dicom-senders";
import { updateSenderNetworks } from "../../services/senders/update-sender-networks";
import { roleProcedure, router } from "../init";

const admin = roleProcedure(...SETTINGS_EDITORS);

export const sendersRouter = router({
  list: admin.query(({ ctx }) => listDicomSenders({ db: ctx.db, actor: ctx.actor })),
  updateNetworks: admin.input(updateSenderNetworksSchema).mutation(({ ctx, input }) => updateSenderNetworks({ db: ctx.db, actor: ctx.actor, input })),
});
