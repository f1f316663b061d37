// The small part of dcmjs (which ships no types) that this project calls.
declare module "dcmjs" {
  /** One attribute in the DICOM JSON model (PS3.18 F.2), as dcmjs reads it. */
  export interface DcmjsElement {
    vr: string;
    Value?: unknown[];
    InlineBinary?: string;
    BulkDataURI?: string;
    _rawValue?: unknown;
  }
  export type DcmjsDataset = Record<string, DcmjsElement>;

  export interface ReadOptions {
    ignoreErrors?: boolean;
    untilTag?: string | null;
    includeUntilTagValue?: boolean;
    noCopy?: boolean;
    forceStoreRaw?: boolean;
  }

  export class DicomDict {
    constructor(meta: DcmjsDataset);
    meta: DcmjsDataset;
    dict: DcmjsDataset;
    write(options?: Record<string, unknown>): ArrayBuffer;
  }

  export const data: {
    DicomMessage: { readFile(buffer: ArrayBuffer, options?: ReadOptions): DicomDict };
    DicomDict: typeof DicomDict;
    DicomMetaDictionary: {
      /** Keyed "(GGGG,EEEE)"; vr may read "US or SS" for multi-VR attributes. */
      dictionary: Record<string, { tag: string; vr: string; name: string } | undefined>;
      naturalizeDataset(dataset: DcmjsDataset): Record<string, unknown>;
      denaturalizeDataset(dataset: Record<string, unknown>): DcmjsDataset;
      uid(): string;
    };
  };
  export const log: { setLevel(level: string): void };

  const dcmjs: { data: typeof data; log: typeof log };
  export default dcmjs;
}
