import "server-only";
import { listNotificationsSchema, markNotificationsReadSchema } from "@/lib/domain/notifications";
import { listNotifications } from "../../services/notifications/list-notifications";
import { markNotificationsRead } from "../../services/notifications/mark-notifications-read";
import { authedProcedure, router } from "../init";

// Everyone's own notifications: the services only ever touch the actor's rows.
export const notificationsRouter = router({
  list: authedProcedure
    .input(listNotificationsSchema)
    .query(({ ctx, input }) => listNotifications({ db: ctx.db, actor: ctx.actor, input })),

  markRead: authedProcedure
    .input(markNotificationsReadSchema)
    .mutation(({ ctx, input }) => markNotificationsRead({ db: ctx.db, actor: ctx.actor, input })),
});
