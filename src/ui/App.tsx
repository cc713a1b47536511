import { createEffect, createSignal, on, onCleanup, onMount, Show } from "solid-js";
import { MediaClient } from "../media/media-client";
import { ClipList } from "./components/ClipList";
import { EditListBar } from "./components/EditListBar";
import { ImportPreview } from "./components/ImportPreview";
import { ExportPanel } from "./components/ExportPanel";
import { KeyHelp } from "./components/KeyHelp";
import { NoticeBar } from "./components/NoticeBar";
import { OpenBar } from "./components/OpenBar";
import { PlayerView } from "./components/PlayerView";
import { Timeline } from "./components/Timeline";
import { EngineStatus, OfflineStatus, SaveStatus, type EngineState } from "./components/StatusLine";
import { UpdateBar } from "./components/UpdateBar";
import { Welcome } from "./components/Welcome";
import { ProjectDb } from "../storage/project-db";
import { keepProjects } from "./autosave";
import { createExporter } from "./exporter";
import { droppedHandle, type PickedFile } from "./file-handles";
import { isEditList } from "../core/file-kinds";
import { receiveLaunches } from "./launch-queue";
import { createOpener } from "./opener";
import { watchForUpdates } from "../offline/updates";
import { handleKey } from "./keys";
import { createPlayer } from "./player";
import { createProjects } from "./projects";
import { createSession } from "./session";
import { createTimelineZoom } from "./timeline-zoom";
import { createStrips } from "./strips";
import { createCutPreview } from "./cut-preview";
import { StripCache } from "../storage/strip-cache";
import { StripClient } from "../media/strip-client";
import { sourceRate } from "./timeline-rate";
import { rationalValue } from "../core/rational";
import { guardAcrossTabs } from "./tab-guard";

export function App() {
  const [engine, setEngine] = createSignal<EngineState>("loading");
  const [helpOpen, setHelpOpen] = createSignal(false);
  // A restarted worker loads its engine again: the Engine status follows it.
  const media = new MediaClient((message) => {
    session.complain(message);
    void showEngine();
  });
  const projects = ProjectDb.open().catch((error: unknown) => {
    session.complain(`Projects cannot be kept in this browser (${error instanceof Error ? error.message : error})`);
    return null;
  });
  const session = createSession(projects);
  const opener = createOpener(media, projects, session);
  const player = createPlayer(() => session.source()?.info);
  const preview = createCutPreview(player, session.clips);
  const strips = createStrips(new StripCache(), new StripClient(), () => autosave.state() === "saved");
  const zoom = createTimelineZoom(session.duration, () => 1 / rationalValue(sourceRate(session.source()?.info)));
  const showEngine = () => media.start().then(setEngine, (error: unknown) => setEngine({ failed: String(error) }));
  const exporter = createExporter(media, session, showEngine);
  const autosave = keepProjects(projects, session, exporter.mode);
  createEffect(on(autosave.state, (state) => state === "saved" && strips.projectStored()));
  const updates = watchForUpdates(autosave.flush);
  const tabs = guardAcrossTabs(session);
  const projectList = createProjects(projects, session);
  // A source opened: the player and the timeline start over, and the export mode is the project's.
  // Closed: the list is fresh.
  createEffect(
    on(session.source, (source) => {
      player.reset();
      zoom.fit();
      void strips.show(source);
      if (source?.project.exportMode) exporter.setMode(source.project.exportMode);
      if (!source) void projectList.refresh();
    }),
  );

  onMount(() => {
    void showEngine();
    void opener.reopenLast();
    receiveLaunches({
      openVideo: opener.open,
      readEdits: session.readEdits,
      hasVideo: () => session.source() !== null,
      say: session.say,
    });
    const onKey = (event: KeyboardEvent) => {
      if (handleKey(event, session, player, { toggleHelp: () => setHelpOpen(!helpOpen()), zoom, preview })) event.preventDefault();
    };
    // A file dropped anywhere on the page: an edit list is imported, anything else opened as media.
    const onDragOver = (event: DragEvent) => event.preventDefault();
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      const handle = droppedHandle(event.dataTransfer?.items[0]);
      if (file) void (isEditList(file) ? session.readEdits(file) : openDropped(file, handle));
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("drop", onDrop);
    onCleanup(() => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("drop", onDrop);
    });
  });

  const closeProject = async () => {
    await autosave.flush();
    session.close();
  };

  const openDropped = async (file: File, handle: Promise<FileSystemFileHandle | undefined>) =>
    opener.open({ file, handle: await handle });

  return (
    <div class="app">
      <header>
        <h1>Clipmark</h1>
        <OpenBar
          opening={opener.opening()}
          onOpen={(picked: PickedFile) => void opener.open(picked)}
          onNewProject={(picked: PickedFile) => void opener.startProject(picked)}
          onError={session.complain}
          onClose={session.source() ? closeProject : undefined}
        />
        <button type="button" class="shortcuts" onClick={() => setHelpOpen(true)}>
          Shortcuts
        </button>
        <EngineStatus engine={engine()} />
        <OfflineStatus state={updates.offline()} />
      </header>
      <Show when={updates.updateReady()}>
        <UpdateBar exporting={exporter.progress() !== null} onReload={() => void updates.reloadToUpdate()} />
      </Show>
      <NoticeBar notice={session.notice()} onDismiss={session.dismiss} />
      <Show when={session.source()} fallback={<Welcome projects={projectList} opener={opener} onError={session.complain} />}>
        {(source) => (
          <main class="editor">
            <Show when={session.readOnly()}>
              <div class="read-only" role="region" aria-label="Open in another tab">
                <p>This project is open in another tab, so changes here are off.</p>
                <button type="button" onClick={() => void tabs.takeOver()}>
                  Edit here
                </button>
              </div>
            </Show>
            <Show when={autosave.deleted()}>
              <div class="read-only" role="region" aria-label="Deleted in another tab">
                <p>This project was deleted in another tab. Its clips are still here, but no longer saved.</p>
                <button type="button" onClick={() => void autosave.keepAsNew()}>
                  Keep as a new project
                </button>
              </div>
            </Show>
            <div class="stage">
              <PlayerView source={source()} player={player} session={session} preview={preview} />
              <Timeline session={session} player={player} zoom={zoom} strip={strips.strip()} />
            </div>
            <aside class="side" aria-label="Clips and export">
              <ClipList session={session} player={player} />
              <EditListBar session={session} />
              <SaveStatus state={autosave.state()} readOnly={session.readOnly()} />
              <ExportPanel session={session} exporter={exporter} />
            </aside>
          </main>
        )}
      </Show>
      <KeyHelp open={helpOpen()} onClose={() => setHelpOpen(false)} />
      <ImportPreview session={session} />
    </div>
  );
}
