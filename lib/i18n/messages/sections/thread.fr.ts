// Request thread and quick actions. French, the reference.
export const threadFr = {
  title: "",
} as const;
