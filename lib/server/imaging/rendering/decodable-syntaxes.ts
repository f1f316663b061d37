// Transfer syntaxes the decode workers turn into native pixels (decode-frame.ts): the ones the
// browser's Cornerstone codecs decode too. Pure, so that negotiation can ask without loading codecs.

const NATIVE = ["1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.2"];
export const JPEG_PROCESS_SYNTAXES = ["1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70"];
export const JPEG_LS_SYNTAXES = ["1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81"];
export const JPEG_2000_SYNTAXES = ["1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"];
export const HTJ2K_SYNTAXES = ["1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203"];
export const RLE_SYNTAX = "1.2.840.10008.1.2.5";
export const BIG_ENDIAN_SYNTAX = "1.2.840.10008.1.2.2";

const DECODABLE = new Set([...NATIVE, RLE_SYNTAX, ...JPEG_PROCESS_SYNTAXES, ...JPEG_LS_SYNTAXES, ...JPEG_2000_SYNTAXES, ...HTJ2K_SYNTAXES]);

export function isDecodable(syntaxUid: string): boolean {
  return DECODABLE.has(syntaxUid);
}
