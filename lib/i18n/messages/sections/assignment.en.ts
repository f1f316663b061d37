import type { Messages } from "../../types";

export const assignmentEn: Messages["assignment"] = {
  title: "",
};
