// Notification centre. French, the reference.
export const notificationsFr = {
  title: "",
} as const;
