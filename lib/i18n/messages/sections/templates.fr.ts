// templates section (fr). French, the reference.
export const templatesFr = {
  title: "templates",
} as const;
