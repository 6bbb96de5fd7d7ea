// The page's calls to the preview server (src/preview/server.ts). Failures become Errors with the server's message.
import type { CellWindow, Effects, PageState } from '../preview/session';

export type { CellWindow, Effects, PageState };

async function request<T>(method: string, url: string, body?: BodyInit, type = 'application/json'): Promise<T> {
  const res = await fetch(url, { method, body, headers: body === undefined ? undefined : { 'content-type': type } });
  let data: unknown;
  try {
    data = await res.json();
  } catch {
    throw new Error(`The preview server answered ${res.status} without JSON`);
  }
  if (!res.ok) throw new Error((data as { error?: string }).error || `The preview server answered ${res.status}`);
  return data as T;
}

export const api = {
  open: () => request<{ effects: Effects; state: PageState }>('POST', '/api/open'),
  state: () => request<PageState>('GET', '/api/state'),
  cells: (sheet: string, row: number, count: number) =>
    request<CellWindow>('GET', `/api/cells?sheet=${encodeURIComponent(sheet)}&row=${row}&count=${count}`),
  run: (name: string, args: unknown[] = []) =>
    request<{ ok: boolean; value?: unknown; error?: string; effects: Effects }>('POST', `/run/${encodeURIComponent(name)}`, JSON.stringify(args)),
  writeCell: (sheet: string, a1: string, input: string) => request<{ effects: Effects }>('POST', '/api/cell', JSON.stringify({ sheet, a1, input })),
  setActive: (sheet: string) => request<{ ok: boolean }>('POST', '/api/active', JSON.stringify({ sheet })),
  select: (sheet: string, a1: string) => request<{ ok: boolean }>('POST', '/api/select', JSON.stringify({ sheet, a1 })),
  upload: (file: File) =>
    request<{ ok: boolean; tab: string; state: PageState }>('POST', `/api/upload?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream'),
  downloadUrl: (sheet: string) => `/api/download?sheet=${encodeURIComponent(sheet)}`,
};
