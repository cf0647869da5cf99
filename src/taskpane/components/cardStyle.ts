import { GriffelStyle, tokens } from "@fluentui/react-components";

/** The pane's cards (a column to map, a requirement, an extension request, a counter tile): one frame for all. */
export const CARD_STYLE: GriffelStyle = {
  padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusMedium,
};
