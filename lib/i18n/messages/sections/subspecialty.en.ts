import type { Messages } from "../../types";

export const subspecialtyEn: Messages["subspecialty"] = {
  NEURO: "Neuroradiology",
  MSK: "Musculoskeletal",
  PAEDIATRIC: "Paediatric",
  CHEST: "Chest",
  ABDOMINAL: "Abdominal",
  VASCULAR: "Vascular",
};
