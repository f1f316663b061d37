// templates section (en).
export const templatesEn = {
  title: "templates",
} as const;
