/**
 * The climate area's services, by part: targets (target-service.ts), inventories
 * (inventory-service.ts), emission reports and the emissions series (emission-service.ts),
 * actions (action-service.ts), history and restore (history-service.ts), the network dashboard
 * (summary-service.ts). Who may change what is asked of the policy in access.ts; every change
 * is recorded by the versioned write (versions.ts); API shapes are made in present.ts, the
 * emissions series and assessments in series.ts. Routes, the demo and tests import from here.
 */
export { createTarget, deleteTarget, getTarget, targetsOf, updateTarget } from './target-service';
export {
  createInventory,
  deleteInventory,
  getInventory,
  inventoriesOf,
  updateInventory,
} from './inventory-service';
export { createReport, deleteReport, emissionsOf, updateReport } from './emission-service';
export { actionsOf, createAction, deleteAction, updateAction } from './action-service';
export { historyOf, restoreVersion } from './history-service';
export { climateSummary } from './summary-service';
export { buildSeries, reportFigure, type SeriesYear } from './series';
export { definitionOf } from './present';
