import { expect, test } from "./test";
import { CAMERA_PARTS, NOT_MEDIA } from "./fixtures";
import { afterAutosave, clipRows, markSeconds, press } from "./page";

const [GP01, GP02, GP03] = CAMERA_PARTS.map((part) => part.path) as [string, string, string];
const message = (page: import("@playwright/test").Page) => page.getByRole("status", { name: "Message" });

test("several files open as one project in name order, Add video adds more, and a reload brings back every file's clips", async ({ page }) => {
  await page.goto("./");
  // Picked out of order: the project has them in the order the camera numbered them.
  await page.getByLabel("Open video").setInputFiles([GP02, GP01]);
  await expect(message(page)).toHaveText("Opened 2 files in a new project: GP010001.MP4 and GP020001.MP4");
  await expect(page.getByRole("region", { name: "Player" })).toBeVisible();

  // A file the project has is told so, one that is not a video is named; the rest is added.
  await page.getByLabel("Add video").setInputFiles([GP03, GP01, NOT_MEDIA]);
  await expect(page.getByRole("alert")).toHaveText(
    /^Added GP030001\.MP4\. GP010001\.MP4 is in the project already\. notes\.pdf: .+/,
  );
  await page.getByRole("heading", { name: "Clipmark" }).click();
  await markSeconds(page, 1);
  await expect(clipRows(page)).toHaveCount(1);
  await afterAutosave(page);

  await page.reload();
  await expect(page.getByRole("note", { name: "Last project" })).toContainText("GP010001.MP4, 1 clip");
  await page.getByLabel("Open video").setInputFiles(GP01);
  await expect(message(page)).toHaveText("Reopened GP010001.MP4 with its 1 clip");
  await expect(clipRows(page)).toHaveCount(1);
});
