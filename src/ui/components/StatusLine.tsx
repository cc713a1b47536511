import type { EngineInfo } from "../../media/media-api";
import type { OfflineState } from "../../offline/updates";

/** What the page runs on: which ffmpeg core, and whether it works offline. */
export type EngineState = EngineInfo | "loading" | { failed: string };

export function EngineStatus(props: { engine: EngineState }) {
  const text = () => {
    const engine = props.engine;
    if (engine === "loading") return "Engine: loading ffmpeg…";
    if ("failed" in engine) return `Engine: ffmpeg failed to load (${engine.failed})`;
    return `Engine: ${engine.threads}-thread ffmpeg.wasm, loaded in ${engine.loadSeconds.toFixed(1)} s (${engine.note})`;
  };
  return (
    <p class="engine" role="status" aria-label="Engine">
      {text()}
    </p>
  );
}

const OFFLINE_TEXT: Record<OfflineState, string> = {
  preparing: "Offline: getting ready…",
  ready: "Offline: ready, works without the network",
  unavailable: "Offline: not available in this browser",
};

export function OfflineStatus(props: { state: OfflineState }) {
  return (
    <p class="engine" role="status" aria-label="Offline">
      {OFFLINE_TEXT[props.state]}
    </p>
  );
}
