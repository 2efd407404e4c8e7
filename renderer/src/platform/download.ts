/** Offers text as a file download (a save dialog in Electron, the downloads bar in a browser). */
export function downloadText(fileName: string, content: string, type = 'message/rfc822'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
