/**
 * Files with a way back to them. Where the browser has the File System Access API, a file picked
 * or dropped comes with a handle that IndexedDB can keep, so a reload is one permission click away
 * from the same file; elsewhere there is only the File.
 */
export interface PickedFile {
  file: File;
  handle?: FileSystemFileHandle;
}

/** Chromium's picker; it is refused in frames of another origin, where the plain input still works. */
export const canPickHandles = (): boolean => typeof window.showOpenFilePicker === "function" && window.top === window;

/** A system picker's answer; undefined when the person closes it. Its other failures are thrown. */
export async function askPicker<T>(open: () => Promise<T>): Promise<T | undefined> {
  try {
    return await open();
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") return undefined;
    throw error;
  }
}

/** The system's file picker, for one file or several; none when the person closes it. */
export async function pickWithHandles(types: FilePickerAcceptType, multiple: boolean): Promise<PickedFile[]> {
  const handles = (await askPicker(() => window.showOpenFilePicker({ types: [types], multiple }))) ?? [];
  return Promise.all(handles.map(async (handle) => ({ file: await handle.getFile(), handle })));
}

/** The system's file picker; undefined when the person closes it without a file. */
export const pickWithHandle = async (types: FilePickerAcceptType): Promise<PickedFile | undefined> => (await pickWithHandles(types, false))[0];

/** What the page says when the system's picker itself fails (a policy, a broken platform picker). */
export const pickerFailure = (error: unknown): string =>
  `The file picker failed: ${error instanceof Error ? error.message : String(error)}`;

/** The files an input holds, taken out of it so that picking the same files again is a change too. */
export function takeInputFiles(input: HTMLInputElement): File[] {
  const files = [...(input.files ?? [])];
  input.value = "";
  return files;
}

export const takeInputFile = (input: HTMLInputElement): File | undefined => takeInputFiles(input)[0];

export const isFileHandle = (handle: FileSystemHandle | null | undefined): handle is FileSystemFileHandle =>
  handle?.kind === "file";

/** The file handle of a dropped item; it must be asked for while the drop event is being handled. */
export async function droppedHandle(item: DataTransferItem | undefined): Promise<FileSystemFileHandle | undefined> {
  const asked = item?.getAsFileSystemHandle?.();
  const handle = asked && (await asked.catch(() => null));
  return isFileHandle(handle) ? handle : undefined;
}

/** The file behind a kept handle, asking for permission if needed (this needs a click to be under way). */
export async function readHandle(handle: FileSystemFileHandle): Promise<File | undefined> {
  try {
    let permission = await handle.queryPermission({ mode: "read" });
    if (permission === "prompt") permission = await handle.requestPermission({ mode: "read" });
    return permission === "granted" ? await handle.getFile() : undefined;
  } catch {
    // Moved, deleted, or a handle this browser no longer honours: the person picks the file again.
    return undefined;
  }
}
