// Types of deploy/deployment.js (plain CommonJS so that webpack.config.js can require it).
export type Cloud = "worldwide" | "china";
/** "dir" is given as dir:<path> (the CDN's Office.js files, for a network without the CDN). */
export type OfficeJsMode = "local" | "cdn" | "dir";

export interface Deployment {
  host: string | null;
  cloud: Cloud;
  officeJs: OfficeJsMode;
  /** The directory of officejs=dir:<path>, absolute; null otherwise. */
  officeJsDir: string | null;
  officeJsSrc: string;
}

export const OFFICE_JS_WORLDWIDE: string;
export const OFFICE_JS_CHINA: string;
export const MICROSOFT_AJAX_ORIGIN: string;
export const OFFICE_TELEMETRY_FRAME_ORIGIN: string;
export const CLOUDS: readonly Cloud[];
export const OFFICE_JS_MODES: readonly OfficeJsMode[];

export class DeploySettingError extends Error {}

export function parseHost(raw: unknown): string;
export function resolveDeployment(options?: {
  env?: Record<string, unknown>;
  processEnv?: Record<string, string | undefined>;
  serving?: boolean;
}): Deployment;
export function cspDirectives(deployment: Deployment): Record<string, string[]>;
export function contentSecurityPolicy(deployment: Deployment): string;
export function parseCsp(text: string): Record<string, string[]>;
