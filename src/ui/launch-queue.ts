import type { PickedFile } from "./file-handles";

// The Launch Queue (Chromium, installed apps with `file_handlers`) is not in TypeScript's DOM lib.
interface LaunchParams {
  files: readonly FileSystemHandle[];
}
declare global {
  interface Window {
    launchQueue?: { setConsumer(consumer: (params: LaunchParams) => void): void };
  }
}

const isFile = (handle: FileSystemHandle): handle is FileSystemFileHandle => handle.kind === "file";

/** Files the operating system opened with the installed app, with their handles. */
export function takeLaunchedFiles(onFiles: (files: PickedFile[]) => void): void {
  window.launchQueue?.setConsumer(async ({ files }) => {
    const picked = await Promise.all(files.filter(isFile).map(async (handle) => ({ file: await handle.getFile(), handle })));
    if (picked.length > 0) onFiles(picked);
  });
}
