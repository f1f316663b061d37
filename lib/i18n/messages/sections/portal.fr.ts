// portal section (fr). French, the reference.
export const portalFr = {
  title: "portal",
} as const;
