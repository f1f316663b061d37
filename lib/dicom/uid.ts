// DICOM unique identifiers (PS3.5 9.1): digits and dots, no leading zero in a component, at
// most 64 characters.
const UID_PATTERN = /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))+$/;

export function isValidUid(value: string): boolean {
  return value.length > 0 && value.length <= 64 && UID_PATTERN.test(value);
}

/** A UUID as a UID under the 2.25 root (PS3.5 B.2): its 128 bits as one decimal integer. */
export function uidFromUuid(uuid: string): string {
  return `2.25.${BigInt(`0x${uuid.replace(/-/g, "")}`).toString(10)}`;
}

/** A new, unique UID (a random UUID under 2.25): no organisation root needs registering. */
export function newUid(): string {
  return uidFromUuid(crypto.randomUUID());
}
