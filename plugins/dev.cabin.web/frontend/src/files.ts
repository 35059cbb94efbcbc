// The workspace's files, through the server's /api (the access cookie goes along by itself).

export interface Entry { path: string; folder: boolean }
export interface Opened { text: string; etag: string }

async function failure(response: Response): Promise<Error> {
  try {
    return new Error((await response.json()).error);
  } catch {
    return new Error(`${response.status} ${response.statusText}`);
  }
}

const query = (path: string) => `path=${encodeURIComponent(path)}`;

export async function workspace(): Promise<{ rootUri: string; name: string }> {
  const response = await fetch('api/workspace');
  if (!response.ok) throw await failure(response);
  return response.json();
}

export async function tree(): Promise<Entry[]> {
  const response = await fetch('api/tree');
  if (!response.ok) throw await failure(response);
  return response.json();
}

export async function read(path: string): Promise<Opened> {
  const response = await fetch(`api/file?${query(path)}`);
  if (!response.ok) throw await failure(response);
  return { text: await response.text(), etag: response.headers.get('ETag') ?? '' };
}

/** Saves if the file is still the version opened; its new version. A stale save is refused (409). */
export async function save(path: string, text: string, replaces: string): Promise<string> {
  const response = await fetch(`api/file?${query(path)}`, { method: 'PUT', body: text, headers: { 'If-Match': replaces } });
  if (!response.ok) throw await failure(response);
  return response.headers.get('ETag') ?? '';
}
