import { render } from "solid-js/web";
import { MediaClient } from "./media/media-client";
import { StripClient } from "./media/strip-client";
import { ProjectDb } from "./storage/project-db";
import { StripCache } from "./storage/strip-cache";
import { App } from "./ui/App";
import { AppContext, createApp, type Outside } from "./ui/app-context";
import "./ui/app.css";

// The composition root: what the page works with outside itself is built here, once; the stores
// are built from it inside the render, whose root owns their effects.
const outside: Outside = {
  media: (onRestart) => new MediaClient(onRestart),
  projects: ProjectDb.open(),
  stripCache: new StripCache(),
  stripMaker: new StripClient(),
};

render(
  () => (
    <AppContext.Provider value={createApp(outside)}>
      <App />
    </AppContext.Provider>
  ),
  document.getElementById("app") as HTMLElement,
);
