// The DICOM senders' address allow-lists in /admin. French, the reference.
export const sendersFr = {
  title: "Émetteurs DICOM : adresses autorisées",
  intro:
    "Un PACS ou une modalité n'est accepté que depuis les adresses de sa liste, en plus de son titre AE ou de son jeton STOW-RS. Une adresse ou une plage CIDR par ligne, IPv4 ou IPv6 (ex. 10.20.0.0/16, 192.168.1.20, 2001:db8::/32). Une liste vide refuse l'émetteur partout.",
  site: "Site",
  sender: "Émetteur",
  kind: { AE_TITLE: "Titre AE {aeTitle}", STOW_TOKEN: "Jeton STOW-RS" },
  inactive: "désactivé",
  addresses: "Adresses autorisées",
  anyAddress: "Toute adresse : l'adresse ne protège pas cet émetteur.",
  noAddress: "Aucune adresse : cet émetteur est refusé partout.",
  save: "Enregistrer",
  saved: "Liste d'adresses enregistrée.",
  none: "Aucun émetteur DICOM enregistré.",
  problem: {
    EMPTY: "« {entry} » : entrée vide.",
    TOO_LONG: "« {entry} » : trop long pour une adresse ou une plage.",
    SLASHES: "« {entry} » : un seul « / » est permis.",
    NOT_AN_ADDRESS: "« {entry} » n'est pas une adresse IPv4 ou IPv6 (les noms d'hôte ne sont pas acceptés).",
    PREFIX_RANGE: "« {entry} » : la longueur de préfixe va de 0 à {max}.",
    HOST_BITS: "« {entry} » : des bits d'hôte sont positionnés ; la plage est {range}.",
    TOO_MANY_ENTRIES: "Au plus {max} entrées.",
  },
} as const;
