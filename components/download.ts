/** Saves text (one string, or pieces of it) as a file through the browser's own download (no downloads permission needed). */
export function download(name: string, type: string, content: string | string[]): void {
  const url = URL.createObjectURL(new Blob(typeof content === 'string' ? [content] : content, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Kept long enough for the browser to write a large file (a backup of 100 MB and more) to disk.
  setTimeout(() => URL.revokeObjectURL(url), 5 * 60_000);
}
