import * as React from "react";
import { Badge, makeStyles } from "@fluentui/react-components";
import { DueStatus, STATUS_STYLES } from "../../core";

export interface StatusBadgeProps {
  status: DueStatus | null;
}

const useStyles = makeStyles({
  badge: { flexShrink: 0, fontWeight: 600 },
});

/** 到期状态 in the workbook's own colours (STATUS_STYLES); the others neutral. */
export function StatusBadge({ status }: StatusBadgeProps): React.JSX.Element {
  const styles = useStyles();
  const style = status ? STATUS_STYLES[status] : undefined;
  return (
    <Badge
      className={styles.badge}
      appearance={style ? "filled" : "tint"}
      color={style ? undefined : status === "按期推进" ? "brand" : "informative"}
      style={style ? { backgroundColor: style.fill, color: style.font } : undefined}
    >
      {status ?? "未知"}
    </Badge>
  );
}
