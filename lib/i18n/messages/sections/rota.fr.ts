// On-call rota (tableau de garde), privileges, site settings. French, the reference.
export const rotaFr = {
  title: "",
} as const;
