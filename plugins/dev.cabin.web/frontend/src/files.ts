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

/** What the server's API answers to a GET of its path, or an error with the server's sentence. */
export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw await failure(response);
  return response.json();
}

export const workspace = () => getJson<{ rootUri: string; name: string }>('api/workspace');

export const tree = () => getJson<Entry[]>('api/tree');

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
