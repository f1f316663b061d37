import { numberValue, numberValues, personName, stringValue, TAGS, type DicomJsonDataset } from "./dicom-json";
import type { WindowLevel } from "./presets";
import { formatDicomDa, formatDicomTm } from "@/lib/domain/calendar-date";

// The four corners of a viewport's text overlay. Pure: the service feeds it the slice's
// metadata and the viewport's state, and writes the lines into the DOM.

export interface OverlayLabels {
  locale: "fr" | "en";
  years: string;
  months: string;
  slice: string;
  position: string;
  thickness: string;
  window: string;
  zoom: string;
  /** Shown instead of the window when the slice is the server's rendering (its window is fixed). */
  serverRendering: string;
}

export interface OverlayViewState {
  /** 0-based index of the slice shown, and how many the stack has. */
  index: number;
  count: number;
  window: WindowLevel | null;
  zoom: number;
  /** The slice is a PNG rendered by the server (fallback-image-loader.ts), not the browser's decoding. */
  serverRendered?: boolean;
}

export interface OverlayCorners {
  topLeft: string[];
  topRight: string[];
  bottomLeft: string[];
  bottomRight: string[];
}

/** Age at the study, in years (months under two years), from DA values (YYYYMMDD). */
export function ageAtStudy(birthDate: string | null, studyDate: string | null, labels: Pick<OverlayLabels, "years" | "months">): string | null {
  const birth = parseDa(birthDate);
  const study = parseDa(studyDate);
  if (!birth || !study) return null;
  let months = (study.year - birth.year) * 12 + (study.month - birth.month);
  if (study.day < birth.day) months -= 1;
  if (months < 0) return null;
  return months < 24 ? `${months} ${labels.months}` : `${Math.floor(months / 12)} ${labels.years}`;
}

export function formatDa(value: string | null, locale: "fr" | "en"): string | null {
  // One date format for the whole interface (lib/domain/calendar-date.ts).
  return parseDa(value) ? formatDicomDa(value, locale) : null;
}

function parseDa(value: string | null): { year: number; month: number; day: number } | null {
  const match = value ? /^(\d{4})(\d{2})(\d{2})$/.exec(value) : null;
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function formatNumber(value: number, digits: number, locale: "fr" | "en"): string {
  return value.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Where the slice is: its Slice Location, else the z of its Image Position (Patient). */
export function slicePosition(dataset: DicomJsonDataset): number | null {
  return numberValue(dataset, TAGS.sliceLocation) ?? numberValues(dataset, TAGS.imagePosition)?.[2] ?? null;
}

export function overlayCorners(dataset: DicomJsonDataset, view: OverlayViewState, labels: OverlayLabels): OverlayCorners {
  const { locale } = labels;
  const sex = stringValue(dataset, TAGS.patientSex);
  const age = ageAtStudy(stringValue(dataset, TAGS.patientBirthDate), stringValue(dataset, TAGS.studyDate), labels);
  const position = slicePosition(dataset);
  const thickness = numberValue(dataset, TAGS.sliceThickness);
  const lines = (...values: (string | null)[]) => values.filter((v): v is string => v !== null && v !== "");
  return {
    topLeft: lines(personName(dataset, TAGS.patientName), stringValue(dataset, TAGS.patientId), [age, sex].filter(Boolean).join(" ") || null),
    topRight: lines([formatDa(stringValue(dataset, TAGS.studyDate), locale), formatDicomTm(stringValue(dataset, TAGS.studyTime))].filter(Boolean).join(" ") || null, stringValue(dataset, TAGS.seriesDescription)),
    bottomLeft: lines(
      `${labels.slice} ${view.index + 1}/${view.count}`,
      position !== null ? `${labels.position} ${formatNumber(position, 1, locale)} mm` : null,
      thickness !== null ? `${labels.thickness} ${formatNumber(thickness, 2, locale)} mm` : null,
    ),
    bottomRight: lines(
      view.serverRendered ? labels.serverRendering : null,
      !view.serverRendered && view.window ? `${labels.window} ${Math.round(view.window.width)} / ${Math.round(view.window.center)}` : null,
      `${labels.zoom} ${formatNumber(view.zoom, 2, locale)}×`,
    ),
  };
}
