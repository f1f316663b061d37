import type { Messages } from "../../types";

export const notificationsEn: Messages["notifications"] = {
  title: "",
};
