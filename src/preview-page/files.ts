// Files dropped on the page (or picked with File ▸ Import CSV) become tabs; a bad file gets a message naming it.
import { api, type PageState } from './api';
import { problem, toast } from './notices';

export async function uploadFiles(files: File[], done: (state: PageState) => void): Promise<void> {
  for (const file of files) {
    try {
      const res = await api.upload(file);
      toast(`Added the tab "${res.tab}" from ${file.name}`);
      done(res.state);
    } catch (e) {
      const message = (e as Error).message;
      problem(message.startsWith(file.name) ? `Could not open ${message}` : `Could not open ${file.name}: ${message}`);
    }
  }
}

export function initDrop(done: (state: PageState) => void): void {
  const overlay = document.getElementById('drop-overlay')!;
  let depth = 0;
  const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    overlay.hidden = false;
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (!depth) overlay.hidden = true;
  });
  window.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length) void uploadFiles(files, done);
  });
  const input = document.getElementById('file-input') as HTMLInputElement;
  input.addEventListener('change', () => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length) void uploadFiles(files, done);
  });
}
