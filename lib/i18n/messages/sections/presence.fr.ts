// Who is looking at a request now. French, the reference.
export const presenceFr = {
  title: "Consultent cette demande",
  you: "vous",
  lookingNow: "Consultent la demande en ce moment : {names}",
  nobodyElse: "Personne d'autre ne consulte cette demande.",
} as const;
