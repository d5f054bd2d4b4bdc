/** Saves text or a Blob as a file through a blob: URL; no downloads permission and no network involved. */
export function downloadFile(doc: Document, filename: string, content: string | Blob, type: string): void {
  const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content);
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Kept for existing callers. */
export const downloadText = downloadFile;

/** What the pages call to save a file (injected in tests). */
export type Download = (filename: string, content: string | Blob, type: string) => void;
