import { test as base, type Page } from "@playwright/test";

/**
 * Playwright cannot answer the system's save dialogs. By default the page runs without them, as in
 * browsers that lack `showSaveFilePicker` and `showDirectoryPicker`, so exports arrive as
 * downloads; with `savePicker: "private-file"` the dialogs are answered with a file or a folder in
 * the origin-private file system, which `savedFile` reads back.
 */
export const test = base.extend<{ savePicker: "none" | "private-file" }>({
  savePicker: ["none", { option: true }],
  page: async ({ page, savePicker }, use) => {
    if (savePicker === "none") {
      await page.addInitScript(() => {
        const pickers = window as { showSaveFilePicker?: unknown; showDirectoryPicker?: unknown };
        delete pickers.showSaveFilePicker;
        delete pickers.showDirectoryPicker;
      });
    } else {
      await page.addInitScript(() => {
        window.showSaveFilePicker = async (options) => {
          const root = await navigator.storage.getDirectory();
          return root.getFileHandle(options?.suggestedName ?? "export.mp4", { create: true });
        };
        window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle("picked", { create: true });
      });
    }
    await use(page);
  },
});

export { expect } from "@playwright/test";

/** The bytes of a file the page saved through an answered dialog (`picked/<name>` in a picked folder). */
export async function savedFile(page: Page, path: string): Promise<Buffer> {
  const base64 = await page.evaluate(async (file) => {
    let folder = await navigator.storage.getDirectory();
    const parts = file.split("/");
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
    const blob = await (await folder.getFileHandle(parts.at(-1) as string)).getFile();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = "";
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }, path);
  return Buffer.from(base64, "base64");
}
