import type { Messages } from "../../types";

export const workflowEn: Messages["workflow"] = {
  title: "",
};
