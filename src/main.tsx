import { render } from "solid-js/web";
import { App } from "./ui/App";
import { AppContext, createApp } from "./ui/app-context";
import "./ui/app.css";

render(
  () => (
    <AppContext.Provider value={createApp()}>
      <App />
    </AppContext.Provider>
  ),
  document.getElementById("app") as HTMLElement,
);
