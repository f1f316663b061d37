import type { DicomJsonDataset } from "./dicom-json";

// What the image loader is given of an instance's metadata. Cornerstone 5's WADO-RS metadata
// provider calls modality.includes("NM") for any image without Image Orientation/Position
// (secondary captures) and throws when Modality (0008,0060) is absent, which real files omit
// (pydicom's SC_jpeg_no_color_transform.dcm, GDCMJ2K_TextGBR.dcm, img2dcm and gdcmimg output):
// the stack then never shows. Such an instance is given an empty Modality; the overlay and the
// rest of the viewer read the dataset as received.

const MODALITY = "00080060";

export function metadataForLoader(dataset: DicomJsonDataset): DicomJsonDataset {
  const modality = dataset[MODALITY]?.Value?.[0];
  if (typeof modality === "string") return dataset;
  return { ...dataset, [MODALITY]: { vr: "CS", Value: [""] } };
}
