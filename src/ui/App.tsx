import { createSignal, onCleanup, onMount, Show } from "solid-js";
import { ClipList, type ClipListControls } from "./components/ClipList";
import { EditListBar } from "./components/EditListBar";
import { ImportPreview } from "./components/ImportPreview";
import { ExportPanel } from "./components/ExportPanel";
import { TracksPanel } from "./components/TracksPanel";
import { KeyHelp } from "./components/KeyHelp";
import { DetectDialog } from "./components/DetectDialog";
import { blackFramesDetector, silenceDetector } from "./detectors";
import { ThemeSwitch } from "./components/ThemeSwitch";
import { NoticeBar } from "./components/NoticeBar";
import { OpenBar } from "./components/OpenBar";
import { PlayerView } from "./components/PlayerView";
import { SourceList } from "./components/SourceList";
import { Timeline } from "./components/Timeline";
import { EngineStatus, OfflineStatus, SaveStatus } from "./components/StatusLine";
import { UpdateBar } from "./components/UpdateBar";
import { Welcome } from "./components/Welcome";
import { droppedHandle, type PickedFile } from "./file-handles";
import { isEditList } from "../core/file-kinds";
import { receiveLaunches } from "./launch-queue";
import { handleKey } from "./keys";
import { useApp } from "./app-context";

export function App() {
  const { engine, showEngine, session, opener, player, preview, strips, zoom, exporter, autosave, updates, tabs, projectList, settings } = useApp();
  const [helpOpen, setHelpOpen] = createSignal(false);
  let clipList: ClipListControls | undefined;

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
      if (handleKey(event, session, player, { toggleHelp: () => setHelpOpen(!helpOpen()), zoom, preview, shortcuts: settings.shortcuts(), deleteSelected: () => clipList?.removeSelected() })) event.preventDefault();
    };
    // A file dropped anywhere on the page: an edit list is imported, anything else opened as media.
    const onDragOver = (event: DragEvent) => event.preventDefault();
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      // Handles must be asked for while the drop is being handled.
      const handles = [...(event.dataTransfer?.items ?? [])].filter((item) => item.kind === "file").map((item) => droppedHandle(item));
      const [file] = files;
      if (file) void (isEditList(file) ? session.readEdits(file) : openDropped(files, handles));
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

  const openDropped = async (files: File[], handles: Promise<FileSystemFileHandle | undefined>[]) =>
    opener.openAll(await Promise.all(files.map(async (file, at) => ({ file, handle: await handles[at] }))));

  return (
    <div class="app">
      <header>
        <h1>Clipmark</h1>
        <OpenBar
          opening={opener.opening()}
          onOpen={(picked: PickedFile[]) => void opener.openAll(picked)}
          onAdd={session.source() ? (picked: PickedFile[]) => void opener.addVideos(picked) : undefined}
          onNewProject={(picked: PickedFile) => void opener.startProject(picked)}
          onError={session.complain}
          onClose={session.source() ? closeProject : undefined}
        />
        <button type="button" class="shortcuts" onClick={() => setHelpOpen(true)}>
          Shortcuts
        </button>
        <ThemeSwitch theme={settings.theme()} onChoose={settings.chooseTheme} />
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
              <SourceList session={session} opener={opener} />
              <ClipList session={session} player={player} controls={(c) => (clipList = c)} />
              <div class="detect-bar">
                <DetectDialog session={session} detector={silenceDetector(strips)} />
                <DetectDialog session={session} detector={blackFramesDetector(strips)} />
              </div>
              <EditListBar session={session} />
              <SaveStatus state={autosave.state()} readOnly={session.readOnly()} />
              <TracksPanel session={session} exporter={exporter} />
              <ExportPanel session={session} exporter={exporter} />
            </aside>
          </main>
        )}
      </Show>
      <KeyHelp open={helpOpen()} onClose={() => setHelpOpen(false)} settings={settings} />
      <ImportPreview session={session} />
    </div>
  );
}
