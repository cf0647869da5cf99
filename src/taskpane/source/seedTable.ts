/** The key-task table bundled with the pane (webpack asset/source: the file's text, at build time). */
import seed from "../../../seeds/000_7e4df876dfec5136.txt";

export const BUNDLED_TABLE_NAME = "邯郸市土壤污染防治工作实施方案重点任务部门分工（内置）";
export const BUNDLED_TABLE_TEXT: string = seed;
