import type { Messages } from "../../types";

export const rotaEn: Messages["rota"] = {
  title: "",
};
