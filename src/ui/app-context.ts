import { createContext, createEffect, createSignal, on, useContext } from "solid-js";
import { NO_MIX } from "../core/audio-mix";
import { rationalValue } from "../core/rational";
import { markOutWords } from "../core/shortcuts";
import type { MediaClient } from "../media/media-client";
import type { EngineInfo } from "../media/media-api";
import { watchForUpdates } from "../offline/updates";
import type { ProjectDb } from "../storage/project-db";
import { keepProjects } from "./autosave";
import type { EngineState } from "./components/StatusLine";
import { createCutPreview } from "./cut-preview";
import { createExporter, type ExportMedia } from "./exporter";
import { createOpener, type OpenMedia } from "./opener";
import { createPlayer } from "./player";
import { createProjects } from "./projects";
import { createSession } from "./session";
import { createSettings } from "./settings";
import { createStrips, type StripMaker, type StripStore } from "./strips";
import { guardAcrossTabs } from "./tab-guard";
import { createTimelineZoom } from "./timeline-zoom";

/** The media worker as the stores use it. */
export type AppMedia = OpenMedia & ExportMedia & Pick<MediaClient, "start">;

/** What the page works with outside itself, built by main.tsx (and by tests, with fakes). */
export interface Outside {
  /** The media client, told how to report a restarted worker. */
  media: (onRestart: (message: string) => void) => AppMedia;
  projects: Promise<ProjectDb>;
  stripCache: StripStore;
  stripMaker: StripMaker;
}

/**
 * The page's stores, built once and wired to each other here, outside the components, which
 * reach them with `useApp`; what they work with outside the page comes in as `outside`.
 */
export function createApp(outside: Outside) {
  const [engine, setEngine] = createSignal<EngineState>("loading");
  // A restarted worker loads its engine again: the Engine status follows it.
  const media = outside.media((message) => {
    session.complain(message);
    void showEngine();
  });
  const projects = outside.projects.catch((error: unknown) => {
    session.complain(`Projects cannot be kept in this browser (${error instanceof Error ? error.message : error})`);
    return null;
  });
  // The settings come after the session (they report through it); the hint reads them when marking.
  const session = createSession(projects, () => markOutWords(settings.shortcuts()));
  const opener = createOpener(media, projects, session);
  const player = createPlayer(() => session.source()?.info);
  const preview = createCutPreview(player, session.clips, { onPlayer: () => session.source()?.id, show: session.show });
  const strips = createStrips(outside.stripCache, outside.stripMaker, () => autosave.state() === "saved");
  const zoom = createTimelineZoom(session.duration, () => 1 / rationalValue(player.stepRate()));
  // How long the engine took to load is not the user's to read: it is marked for the bench (and a profile).
  const ready = (info: EngineInfo) => {
    performance.mark("clipmark:engine-ready", { detail: info.loadSeconds });
    setEngine(info);
  };
  const showEngine = () => media.start().then(ready, (error: unknown) => setEngine({ failed: String(error) }));
  const exporter = createExporter(media, session, showEngine);
  const autosave = keepProjects(projects, session, exporter.mode, exporter.droppedTracks, () => ({
    outputContainer: exporter.container(),
    chapters: exporter.chapters(),
    audioMix: exporter.audioMix(),
  }));
  createEffect(on(autosave.state, (state) => state === "saved" && strips.projectStored()));
  const updates = watchForUpdates(autosave.flush);
  const tabs = guardAcrossTabs(session);
  const projectList = createProjects(projects, session);
  const settings = createSettings(session.complain);
  // A source on the player: the player and the timeline start over on it.
  createEffect(
    on(session.source, (source) => {
      player.reset();
      zoom.fit();
      void strips.show(source);
    }),
  );
  // A project opened: the export mode, tracks and mix are the project's (another of its sources put on
  // the player keeps the choice made). Closed: the list is fresh.
  createEffect(
    on(
      () => session.source()?.project,
      (project) => {
        if (project?.exportMode) exporter.setMode(project.exportMode);
        exporter.setDroppedTracks(project?.droppedTracks ?? []);
        exporter.setAudioMix(project?.audioMix ?? NO_MIX);
        exporter.setContainer(project?.outputContainer ?? "mp4");
        exporter.setChapters(project?.chapters ?? false);
        if (!project) void projectList.refresh();
      },
    ),
  );
  // The list and the timeline follow a preview: the clip playing is the selected one.
  createEffect(
    on(
      () => preview.current()?.clip,
      (clip) => clip && session.select(clip.id),
    ),
  );
  return { engine, showEngine, session, opener, player, preview, strips, zoom, exporter, autosave, updates, tabs, projectList, settings };
}

export type AppStores = ReturnType<typeof createApp>;

export const AppContext = createContext<AppStores>();

/** The stores, from within the tree `AppContext` provides them to. */
export function useApp(): AppStores {
  const app = useContext(AppContext);
  if (!app) throw new Error("useApp outside AppContext.Provider");
  return app;
}
