/** Errors from Excel (OfficeExtension.Error codes) and from SOIL itself, as plain Chinese for the pane. */
import { SoilUserError } from "../../core";

export interface PaneMessage {
  /** What went wrong. */
  message: string;
  /** What to do about it. */
  hint: string;
  /** The Excel error code, when Excel raised it. */
  code?: string;
}

const RETRY = "请重试；如仍失败，请保存工作簿后关闭并重新打开任务窗格。";

const BY_CODE: Record<string, Omit<PaneMessage, "code">> = {
  ItemAlreadyExists: {
    message: "工作簿中已有同名的工作表或表格，SOIL 不会覆盖它。",
    hint: "请在新建的空白工作簿中生成；或将已有的“任务清单”“部门汇总”“说明”“归档”工作表改名后重试。",
  },
  AccessDenied: {
    message: "工作表或工作簿受保护，SOIL 无法写入。",
    hint: "请在“审阅”选项卡中撤销工作表保护（或请设置保护的同事撤销）后重试。",
  },
  InvalidOperation: {
    message: "Excel 拒绝了这项操作，常见原因是工作表受保护或表格处于特殊状态。",
    hint: "请确认工作表未受保护、没有正在编辑的单元格，然后重试。",
  },
  InvalidOperationInCellEditMode: {
    message: "Excel 正处于单元格编辑状态，暂时不能修改工作簿。",
    hint: "请按 Enter 或 Esc 结束单元格编辑后重试。",
  },
  ApiNotFound: {
    message: "此版本的 Excel 不支持 SOIL 需要的功能。",
    hint: "请使用 Microsoft 365、Excel 2021 及以上版本，或网页版 Excel。",
  },
  RequestPayloadSizeLimitExceeded: {
    message: "一次写入的数据超过了网页版 Excel 的 5 MB 限制。",
    hint: "请将分工表拆成几部分分别导入，或改用桌面版 Excel。",
  },
  ResponsePayloadSizeLimitExceeded: {
    message: "一次读取的数据超过了网页版 Excel 的 5 MB 限制。",
    hint: "任务清单过大：请将已完成的工作要求移到其他工作簿后重试，或改用桌面版 Excel。",
  },
  ItemNotFound: {
    message: "找不到 SOIL 的工作表或任务表格，可能已被改名或删除。",
    hint: "请确认“任务清单”工作表及其中名为 SoilTasks 的表格仍在；如已删除，请在新工作簿中重新生成。",
  },
  InsertDeleteConflict: {
    message: "表格旁边有数据或合并单元格，无法插入或删除行。",
    hint: "请清空任务表下方和右侧的单元格、取消合并单元格后重试。",
  },
  FilteredRangeConflict: {
    message: "表格正处于筛选状态，无法完成操作。",
    hint: "请在“数据”选项卡中清除筛选后重试。",
  },
  Conflict: {
    message: "其他人正在同时编辑这个工作簿，操作发生冲突。",
    hint: "请稍等片刻后重试。",
  },
  InvalidArgument: {
    message: "Excel 不接受写入的内容（参数无效）。",
    hint: RETRY,
  },
};

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code !== "" ? code : undefined;
}

/** Any error thrown by an action → the message the pane shows. */
export function describeError(error: unknown): PaneMessage {
  if (error instanceof SoilUserError) return { message: error.message, hint: error.hint ?? "" };
  const code = codeOf(error);
  if (code !== undefined) {
    const known = BY_CODE[code];
    if (known) return { ...known, code };
    return { message: `Excel 未能完成操作（错误代码 ${code}）。`, hint: RETRY, code };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { message: `发生意外错误：${text}`, hint: RETRY };
}
