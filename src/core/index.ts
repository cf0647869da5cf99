/** SOIL's domain core: plain TypeScript, no Office and no React. */
export * from "./dates";
export * from "./deadline";
export * from "./departments";
export * from "./errors";
export * from "./inputCheck";
export * from "./layout";
export * from "./model";
export * from "./parseTable";
export * from "./reimport";
export * from "./serialize";
export * from "./status";
export * from "./summary";
export * from "./text";
