// Radiology subspecialties (rota, request form, assignment). French, the reference.
export const subspecialtyFr = {
  NEURO: "Neuroradiologie",
  MSK: "Ostéo-articulaire",
  PAEDIATRIC: "Pédiatrie",
  CHEST: "Thorax",
  ABDOMINAL: "Abdomen",
  VASCULAR: "Vasculaire",
} as const;
