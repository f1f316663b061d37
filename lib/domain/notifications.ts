import { z } from "zod";

// Reading and acknowledging one's own notifications (they are written by the use cases that
// cause them, through lib/server/services/notifications/notify.ts).

/** Notification ids are bigint sequence values, sent as decimal strings. */
const notificationId = z
  .string()
  .regex(/^\d{1,19}$/, { message: "validation.id", abort: true })
  .refine((value) => BigInt(value) <= 9_223_372_036_854_775_807n, { message: "validation.id" });

export const NOTIFICATIONS_PAGE_MAX = 100;

export const listNotificationsSchema = z.object({
  limit: z.number().int().min(1).max(NOTIFICATIONS_PAGE_MAX).default(20),
  unreadOnly: z.boolean().default(false),
  /** The id of the last notification already shown: the next page starts after it. */
  cursor: notificationId.nullish(),
});
export type ListNotificationsInput = z.input<typeof listNotificationsSchema>;
export type ListNotifications = z.output<typeof listNotificationsSchema>;

export const markNotificationsReadSchema = z.union([
  z.object({ ids: z.array(notificationId).min(1).max(500) }),
  z.object({ all: z.literal(true) }),
]);
export type MarkNotificationsRead = z.output<typeof markNotificationsReadSchema>;

/** Page sizes of the header's dropdown and of the notification centre (shared by prefetch and client). */
export const NOTIFICATION_BELL_LIMIT = 8;
export const NOTIFICATION_CENTRE_PAGE = 30;
