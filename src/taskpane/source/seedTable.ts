/** The key-task table bundled with the pane (webpack asset/source: the file's text, at build time). */
import seed from "../../../seeds/000_7e4df876dfec5136.txt";
import { bundledTableName } from "./bundledName";

// The name is the seed's own title, read here in the seed's chunk: the plan's name is data, not a constant.
export const BUNDLED_TABLE_NAME = bundledTableName(seed);
export const BUNDLED_TABLE_TEXT: string = seed;
