"use client";

import { useState, type DragEvent } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { filesFromDrop } from "./dropped-files";
import { readDicomIdentifiers, type PickedFile } from "./read-dicom-identifiers";
import { storedInstances, stowBatch, type StowFailure } from "./stow-upload";
import { batches, groupByStudy, type StudyUpload } from "./upload-plan";

interface StudyProgress {
  study: StudyUpload;
  alreadyStored: number;
  sentBytes: number;
  bytesToSend: number;
  stored: number;
  failures: StowFailure[];
  state: "waiting" | "sending" | "done" | "error";
  error?: string;
}

/**
 * Upload of DICOM files or folders (a CD/DVD export too) from the request page, through the
 * server's STOW-RS with the session cookie. Non-DICOM files are listed as skipped; a study
 * sent again after a broken connection sends only the instances the archive lacks.
 */
export function DicomUpload() {
  const { t } = useI18n();
  const [skipped, setSkipped] = useState<Extract<PickedFile, { kind: "skipped" }>[]>([]);
  const [progress, setProgress] = useState<StudyProgress[]>([]);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  const update = (studyUid: string, change: (p: StudyProgress) => StudyProgress) =>
    setProgress((all) => all.map((p) => (p.study.studyUid === studyUid ? change(p) : p)));

  async function upload(files: File[]) {
    if (files.length === 0 || busy) return;
    setBusy(true);
    try {
      const picked = await Promise.all(files.map(readDicomIdentifiers));
      setSkipped(picked.filter((p): p is Extract<PickedFile, { kind: "skipped" }> => p.kind === "skipped"));
      const studies = groupByStudy(picked);
      setProgress(studies.map((study) => ({ study, alreadyStored: 0, sentBytes: 0, bytesToSend: study.totalBytes, stored: 0, failures: [], state: "waiting" })));
      for (const study of studies) await sendStudy(study);
    } finally {
      setBusy(false);
    }
  }

  async function sendStudy(study: StudyUpload) {
    try {
      const existing = await storedInstances(study.studyUid);
      const missing = study.files.filter((f) => !existing.has(f.sopUid));
      const bytesToSend = missing.reduce((sum, f) => sum + f.file.size, 0);
      update(study.studyUid, (p) => ({ ...p, alreadyStored: study.files.length - missing.length, bytesToSend, state: "sending" }));
      let sentBefore = 0;
      for (const batch of batches(missing)) {
        const result = await stowBatch(
          batch.map((f) => f.file),
          (sent) => update(study.studyUid, (p) => ({ ...p, sentBytes: sentBefore + sent })),
        );
        sentBefore += batch.reduce((sum, f) => sum + f.file.size, 0);
        update(study.studyUid, (p) => ({ ...p, stored: p.stored + result.stored.length, failures: [...p.failures, ...result.failures] }));
      }
      update(study.studyUid, (p) => ({ ...p, state: "done" }));
    } catch (error) {
      update(study.studyUid, (p) => ({ ...p, state: "error", error: error instanceof Error ? error.message : String(error) }));
    }
  }

  const totalBytes = progress.reduce((sum, p) => sum + p.bytesToSend, 0);
  const sentBytes = progress.reduce((sum, p) => sum + p.sentBytes, 0);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void filesFromDrop(event.dataTransfer.items).then(upload);
  };

  return (
    <div className="upload" data-testid="dicom-upload">
      <div
        className={`dropzone${dragging ? " dragging" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t("images.upload.drop")}</p>
        <label className="button-like">
          {t("images.upload.pickFiles")}
          <input type="file" multiple hidden disabled={busy} data-testid="upload-files" onChange={(e) => void upload(Array.from(e.target.files ?? []))} />
        </label>{" "}
        <label className="button-like">
          {t("images.upload.pickFolder")}
          <input
            type="file"
            hidden
            disabled={busy}
            data-testid="upload-folder"
            ref={(input) => {
              // Not in React's typings: folder picking (a CD/DVD export).
              input?.setAttribute("webkitdirectory", "");
            }}
            onChange={(e) => void upload(Array.from(e.target.files ?? []))}
          />
        </label>
      </div>
      {progress.length > 0 && (
        <div className="upload-progress">
          <label>
            {t("images.upload.overall")} <progress data-testid="upload-overall" max={Math.max(1, totalBytes)} value={sentBytes} />
          </label>
          <ul>
            {progress.map((p) => (
              <li key={p.study.studyUid} data-testid="upload-study" data-state={p.state}>
                <strong>{p.study.patientName || p.study.studyUid}</strong> {p.study.description}{" "}
                <progress max={Math.max(1, p.bytesToSend)} value={p.state === "done" ? p.bytesToSend : p.sentBytes} />{" "}
                <span data-testid="upload-study-summary">
                  {t("images.upload.summary", { stored: p.stored, already: p.alreadyStored, failed: p.failures.length, total: p.study.files.length })}
                </span>
                {p.error && <div className="form-error">{t("images.upload.error", { error: p.error })}</div>}
                {p.failures.length > 0 && (
                  <ul className="form-error">
                    {p.failures.map((f, i) => (
                      <li key={`${f.sopUid ?? "?"}-${i}`}>{f.message}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {skipped.length > 0 && (
        <details data-testid="upload-skipped" open>
          <summary>{t("images.upload.skipped", { count: skipped.length })}</summary>
          <ul>
            {skipped.map((s) => (
              <li key={s.path}>
                {s.path} — {t(`images.upload.skipReason.${s.reason}`)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
