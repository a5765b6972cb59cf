/** Types of the climate API's payloads, taken from the server's TypeBox schemas (types only). */
import type { Static } from 'typebox';
import type {
  Action as ActionSchema,
  ActionCreate as ActionCreateSchema,
  Assessment as AssessmentSchema,
  ClimateSummary as ClimateSummarySchema,
  ClimateSummaryRow as ClimateSummaryRowSchema,
  EmissionReport as EmissionReportSchema,
  EmissionReportCreate as EmissionReportCreateSchema,
  EmissionsSeries as EmissionsSeriesSchema,
  EmissionsYear as EmissionsYearSchema,
  History as HistorySchema,
  ImportColumns as ImportColumnsSchema,
  ImportKind as ImportKindSchema,
  ImportLayout as ImportLayoutSchema,
  ImportRun as ImportRunSchema,
  ImportRunRow as ImportRunRowSchema,
  Inventory as InventorySchema,
  InventoryCreate as InventoryCreateSchema,
  InventoryEntry as InventoryEntrySchema,
  InventoryPatch as InventoryPatchSchema,
  InventorySummary as InventorySummarySchema,
  RecordVersion as RecordVersionSchema,
  Target as TargetSchema,
  TargetCreate as TargetCreateSchema,
} from '../../server/climate/schemas';

export type Target = Static<typeof TargetSchema>;
export type TargetCreate = Static<typeof TargetCreateSchema>;
export type Assessment = Static<typeof AssessmentSchema>;
export type Inventory = Static<typeof InventorySchema>;
export type InventorySummary = Static<typeof InventorySummarySchema>;
export type InventoryEntry = Static<typeof InventoryEntrySchema>;
export type InventoryCreate = Static<typeof InventoryCreateSchema>;
export type InventoryPatch = Static<typeof InventoryPatchSchema>;
export type EmissionReport = Static<typeof EmissionReportSchema>;
export type EmissionReportCreate = Static<typeof EmissionReportCreateSchema>;
export type EmissionsSeries = Static<typeof EmissionsSeriesSchema>;
export type EmissionsYear = Static<typeof EmissionsYearSchema>;
export type Action = Static<typeof ActionSchema>;
export type ActionCreate = Static<typeof ActionCreateSchema>;
export type History = Static<typeof HistorySchema>;
export type RecordVersion = Static<typeof RecordVersionSchema>;
export type ClimateSummary = Static<typeof ClimateSummarySchema>;
export type ClimateSummaryRow = Static<typeof ClimateSummaryRowSchema>;
export type GroupSummary = ClimateSummary['members'];
export type ImportKind = Static<typeof ImportKindSchema>;
export type ImportRun = Static<typeof ImportRunSchema>;
export type ImportColumns = Static<typeof ImportColumnsSchema>;
export type ImportLayout = Static<typeof ImportLayoutSchema>;
export type ImportRunRow = Static<typeof ImportRunRowSchema>;

export type HistoryEntityType = History['entityType'];
export type AssessmentStatus = Assessment['status'];

export {
  IMPORT_ENCODINGS,
  IMPORT_KINDS,
  IMPORT_ROW_ACTIONS,
  type ImportEncoding,
  type ImportRowAction,
} from '../../core/climate/types';
