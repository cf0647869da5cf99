import * as React from "react";
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { PaneMessage } from "../excel/errors";

export interface ErrorNoticeProps {
  error: PaneMessage;
  onDismiss(): void;
}

const useStyles = makeStyles({
  hint: { display: "block", marginTop: tokens.spacingVerticalXXS },
  code: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

/** What went wrong and what to do, in Chinese. */
export function ErrorNotice({ error, onDismiss }: ErrorNoticeProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{error.message}</MessageBarTitle>
        {error.hint && <span className={styles.hint}>{error.hint}</span>}
        {error.code && <span className={styles.code}>（Excel 错误代码：{error.code}）</span>}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button aria-label="关闭" appearance="transparent" icon={<DismissRegular />} onClick={onDismiss} />} />
    </MessageBar>
  );
}
