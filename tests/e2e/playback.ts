import type { Page } from "@playwright/test";

/** Plays the finished download in a `<video>` of the page, fast, to its end: the frames it decoded. */
export async function playedFrames(page: Page, link: string): Promise<number | string> {
  const url = await page.getByRole("link", { name: link }).getAttribute("href");
  return page.evaluate(async (src) => {
    const video = Object.assign(document.createElement("video"), { muted: true, src });
    await new Promise((resolve, reject) => {
      video.onloadedmetadata = resolve;
      video.onerror = () => reject(new Error(video.error?.message ?? "cannot load"));
    });
    video.playbackRate = 8;
    await video.play();
    const end = await new Promise<string>((resolve) => {
      video.onended = () => resolve("ended");
      video.onerror = () => resolve(`error: ${video.error?.message}`);
    });
    return end === "ended" ? video.getVideoPlaybackQuality().totalVideoFrames : end;
  }, url);
}
