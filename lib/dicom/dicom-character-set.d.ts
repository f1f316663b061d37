// The one function of dicom-character-set (which ships no types) that this project calls.
declare module "dicom-character-set" {
  /**
   * Decodes the bytes of one text value per the Specific Character Set (0008,0005) given as
   * its raw value (backslash-separated terms, ISO 2022 escapes handled). Throws on a term it
   * does not know.
   */
  export function convertBytes(specificCharacterSet: string | undefined, bytes: Uint8Array, options?: { vr?: string }): string;
}
