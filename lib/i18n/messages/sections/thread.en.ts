import type { Messages } from "../../types";

export const threadEn: Messages["thread"] = {
  title: "",
};
