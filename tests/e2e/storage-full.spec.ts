import type { CDPSession, Page } from "@playwright/test";
import { expect, test } from "./test";
import { LONG } from "./fixtures";
import { afterAutosave, clipRows, markSeconds, openVideo } from "./page";

const CLIPS = 5_000;
/** Room for a project of a few clips, not for one of thousands. */
const QUOTA_BYTES = 100_000;

/**
 * The page's origin given a small quota, as a nearly full disk would: set before the page opens
 * its database, which takes the quota in force when it opens.
 */
async function smallQuota(page: Page): Promise<{ cdp: CDPSession; origin: string }> {
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(test.info().project.use.baseURL as string).origin;
  await cdp.send("Storage.overrideQuotaForOrigin", { origin, quotaSize: QUOTA_BYTES });
  return { cdp, origin };
}

const EDITS = `# IN,OUT (seconds)\n${Array.from({ length: CLIPS }, (_, i) => `${(i * 0.004).toFixed(3)},${(i * 0.004 + 0.002).toFixed(3)}`).join("\n")}\n`;

test("storage full during a save: the page says so, keeps the work on screen, and the last good save survives a reload", async ({ page }) => {
  const { cdp, origin } = await smallQuota(page);
  await page.goto("./");
  await openVideo(page, LONG);
  await markSeconds(page, 1);
  await afterAutosave(page);

  await page.getByLabel("Import edits").setInputFiles({ name: "many.csv", mimeType: "text/csv", buffer: Buffer.from(EDITS) });
  await page.getByRole("dialog", { name: "Import many.csv" }).getByRole("button", { name: "Replace" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "Could not save the project (the browser's storage for this site is full); what was saved before is kept",
  );
  await expect(page.getByRole("status", { name: "Saving" })).toHaveText("Changes not saved");
  // Nothing the user did is undone by the failure.
  await expect(page.getByText(`${CLIPS} clips, total`)).toBeVisible();

  // With room again, the next change is saved whole.
  await cdp.send("Storage.overrideQuotaForOrigin", { origin });
  await clipRows(page).first().getByRole("button", { name: "Delete clip" }).click();
  await afterAutosave(page);
  await page.reload();
  await page.getByLabel("Open video").setInputFiles(LONG);
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened long.mp4 with its 4,999 clips");
});

test("a save refused for want of room leaves the last good save for a reload, and opening it writes nothing", async ({ page }) => {
  await smallQuota(page);
  await page.goto("./");
  await openVideo(page, LONG);
  await markSeconds(page, 1);
  await afterAutosave(page);

  await page.getByLabel("Import edits").setInputFiles({ name: "many.csv", mimeType: "text/csv", buffer: Buffer.from(EDITS) });
  await page.getByRole("dialog", { name: "Import many.csv" }).getByRole("button", { name: "Append" }).click();
  await expect(page.getByRole("status", { name: "Saving" })).toHaveText("Changes not saved");
  await page.reload();
  await page.getByLabel("Open video").setInputFiles(LONG);
  await expect(page.getByRole("status", { name: "Message" })).toHaveText("Reopened long.mp4 with its 1 clip");
  await expect(clipRows(page)).toHaveCount(1);
  // Still full, but what is open is what is stored: nothing to write, nothing to complain of.
  await expect(page.getByRole("status", { name: "Saving" })).toHaveText("All changes saved in this browser");
  await expect(page.getByRole("alert")).toHaveText("");
});
