import "server-only";
import { createRequire } from "node:module";
import type { DicomJsonDataset } from "@/lib/dicom/dicom-json";
import { Dataset } from "../dimse/dimse-library";

// Data sets handed to dcmjs-dimse in the two shapes query/retrieve needs, through the copy of
// dcmjs the library itself loads (its nameMap and writer are the ones it reads with):
// - an identifier as DICOM JSON, read from and written to the wire without the library's
//   keyword-keyed "naturalized" form in between;
// - a stored instance sent as the archive holds it: the bytes after its File Meta Information,
//   byte for byte, instead of a parse and a re-encoding by dcmjs (which would cost the whole
//   file in JavaScript objects and could alter what it does not model).

type LibraryDataset = InstanceType<typeof Dataset>;

const libraryDcmjs = createRequire(createRequire(import.meta.url).resolve("dcmjs-dimse"))("dcmjs") as {
  data: {
    WriteBufferStream: new () => { getBuffer(): ArrayBuffer };
    DicomMessage: { write(elements: unknown, stream: unknown, syntax: string, options: unknown): void };
    DicomMetaDictionary: { denaturalizeDataset(elements: unknown): DicomJsonDataset };
  };
};

/** The identifier of a C-FIND, C-MOVE or C-GET request, as DICOM JSON (tags in upper-case hex). */
export function identifierJson(dataset: LibraryDataset | undefined): DicomJsonDataset {
  if (!dataset) return {};
  const json = libraryDcmjs.data.DicomMetaDictionary.denaturalizeDataset(dataset.getElements());
  return Object.fromEntries(Object.entries(json).map(([tag, value]) => [tag.toUpperCase(), value]));
}

/** A response identifier written from DICOM JSON, in the transfer syntax of the request's context. */
export function jsonDataset(json: DicomJsonDataset, transferSyntaxUid: string): LibraryDataset {
  const dataset = new Dataset({}, transferSyntaxUid);
  dataset.getDenaturalizedDataset = () => {
    const stream = new libraryDcmjs.data.WriteBufferStream();
    libraryDcmjs.data.DicomMessage.write(json, stream, transferSyntaxUid, {});
    return Buffer.from(stream.getBuffer());
  };
  return dataset;
}

/**
 * A stored instance's data set, sent as stored. Its transfer syntax must be the one accepted
 * for the context it goes on: the library would otherwise try to transcode this stand-in.
 */
export function storedDataset(bytes: Buffer, datasetOffset: number, transferSyntaxUid: string, sopClassUid: string, sopInstanceUid: string): LibraryDataset {
  const dataset = new Dataset({ SOPClassUID: sopClassUid, SOPInstanceUID: sopInstanceUid }, transferSyntaxUid);
  dataset.getDenaturalizedDataset = () => bytes.subarray(datasetOffset);
  return dataset;
}

/** The same instance parsed by dcmjs, for the library to transcode to another uncompressed syntax. */
export function parsedDataset(bytes: Buffer, datasetOffset: number, transferSyntaxUid: string): LibraryDataset {
  return new Dataset(bytes.subarray(datasetOffset), transferSyntaxUid);
}
