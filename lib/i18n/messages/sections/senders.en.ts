import type { Messages } from "../../types";

export const sendersEn: Messages["senders"] = {
  title: "DICOM senders: allowed addresses",
  intro:
    "A PACS or modality is accepted only from the addresses on its list, besides its AE title or STOW-RS token. One address or CIDR range per line, IPv4 or IPv6 (e.g. 10.20.0.0/16, 192.168.1.20, 2001:db8::/32). An empty list refuses the sender everywhere.",
  site: "Site",
  sender: "Sender",
  kind: { AE_TITLE: "AE title {aeTitle}", STOW_TOKEN: "STOW-RS token" },
  inactive: "deactivated",
  addresses: "Allowed addresses",
  anyAddress: "Any address: the address does not protect this sender.",
  noAddress: "No address: this sender is refused everywhere.",
  save: "Save",
  saved: "Address list saved.",
  none: "No DICOM sender registered.",
  problem: {
    EMPTY: "\"{entry}\": empty entry.",
    TOO_LONG: "\"{entry}\": too long for an address or a range.",
    SLASHES: "\"{entry}\": only one \"/\" is allowed.",
    NOT_AN_ADDRESS: "\"{entry}\" is not an IPv4 or IPv6 address (host names are not accepted).",
    PREFIX_RANGE: "\"{entry}\": the prefix length goes from 0 to {max}.",
    HOST_BITS: "\"{entry}\": host bits are set; the range is {range}.",
    TOO_MANY_ENTRIES: "At most {max} entries.",
  },
};
