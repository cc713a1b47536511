/// <reference types="vite-plugin-pwa/vanillajs" />
import { createSignal } from "solid-js";
import { registerSW } from "virtual:pwa-register";

/** Whether this page works with the network gone, as the person is told. */
export type OfflineState = "preparing" | "ready" | "unavailable";

// A tab left open for days still hears of a new version.
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker, says when the page works offline, and holds a new version back
 * until the person chooses "Reload to update" (after `beforeReload`, which saves the project).
 */
export function watchForUpdates(beforeReload: () => Promise<void>) {
  const [offline, setOffline] = createSignal<OfflineState>("preparing");
  const [updateReady, setUpdateReady] = createSignal(false);
  const update = registerSW({
    onNeedRefresh: () => setUpdateReady(true),
    onOfflineReady: () => setOffline("ready"),
    onRegisteredSW(_url, registration) {
      if (registration?.active) setOffline("ready");
      if (registration) setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
    onRegisterError: () => setOffline("unavailable"),
  });
  // The dev server builds no service worker.
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) setOffline("unavailable");

  return {
    offline,
    updateReady,
    async reloadToUpdate(): Promise<void> {
      await beforeReload();
      // The waiting version takes over, then the page loads again under it.
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
      await update();
    },
  };
}
