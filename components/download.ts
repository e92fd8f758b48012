/** Saves text (one string, or pieces of it) as a file through the browser's own download (no downloads permission needed). */
export function download(name: string, type: string, content: string | string[]): void {
  const url = URL.createObjectURL(new Blob(typeof content === 'string' ? [content] : content, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
