import { isFileHandle, type PickedFile } from "./file-handles";
import { isEditList } from "../core/file-kinds";

// The Launch Queue (Chromium, installed apps with `file_handlers`) is not in TypeScript's DOM lib.
interface LaunchParams {
  files: readonly FileSystemHandle[];
}
declare global {
  interface Window {
    launchQueue?: { setConsumer(consumer: (params: LaunchParams) => void): void };
  }
}

interface LaunchTargets {
  openVideo: (picked: PickedFile) => Promise<void>;
  readEdits: (file: File) => Promise<void>;
  hasVideo: () => boolean;
  say: (text: string) => void;
}

/**
 * Files the operating system opened with the installed app. A video and an edit list opened
 * together may arrive as two launches, in either order: launches are taken one at a time, and an
 * edit list that comes before any video waits for one.
 */
export function receiveLaunches(targets: LaunchTargets): void {
  let queue = Promise.resolve();
  let heldList: File | undefined;

  async function take(files: PickedFile[]): Promise<void> {
    const video = files.find((picked) => !isEditList(picked.file));
    const list = files.find((picked) => isEditList(picked.file))?.file ?? heldList;
    heldList = undefined;
    if (video) await targets.openVideo(video);
    if (!list) return;
    if (targets.hasVideo()) return targets.readEdits(list);
    heldList = list;
    targets.say(`${list.name} is imported once a video is open`);
  }

  window.launchQueue?.setConsumer(({ files }) => {
    queue = queue.then(async () => {
      const picked = await Promise.all(files.filter(isFileHandle).map(async (handle) => ({ file: await handle.getFile(), handle })));
      await take(picked);
    });
  });
}
