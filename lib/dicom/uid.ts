// DICOM unique identifiers (PS3.5 9.1): digits and dots, no leading zero in a component, at
// most 64 characters.
const UID_PATTERN = /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))+$/;

export function isValidUid(value: string): boolean {
  return value.length > 0 && value.length <= 64 && UID_PATTERN.test(value);
}
