import type { Messages } from "../../types";

export const presenceEn: Messages["presence"] = {
  title: "",
};
