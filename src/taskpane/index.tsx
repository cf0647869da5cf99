/* Minimal task pane entry (placeholder; the task-pane engineer replaces it). */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Title2, webLightTheme } from "@fluentui/react-components";

function App(): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme}>
      <Title2 as="h1">SOIL 土壤任务督办</Title2>
    </FluentProvider>
  );
}

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (container) {
    createRoot(container).render(<App />);
  }
});
