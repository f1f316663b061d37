// portal section (en).
export const portalEn = {
  title: "portal",
} as const;
