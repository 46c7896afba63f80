// The public entry of @b2b/orders (package.json "exports"): everything of ./index, with each function
// wrapped by @b2b/db's guarded(), so no raw driver error, TypeError or RangeError escapes a call: only
// DbError (ValidationError `input_invalid` for arguments of the wrong type) and NotFoundError. A
// function added to ./index must be listed here; src/hostile-inputs.test.ts names any that is not.
import { guarded } from '@b2b/db';
import * as impl from './index';

export * from './index';

export const acceptQuote = guarded(impl.acceptQuote);
export const approveOrder = guarded(impl.approveOrder);
export const cancelOrder = guarded(impl.cancelOrder);
export const cancelReturn = guarded(impl.cancelReturn);
export const completeOrder = guarded(impl.completeOrder);
export const createApprovalRule = guarded(impl.createApprovalRule);
export const createDraft = guarded(impl.createDraft);
export const declineQuote = guarded(impl.declineQuote);
export const fulfilOrder = guarded(impl.fulfilOrder);
export const getOpenBalance = guarded(impl.getOpenBalance);
export const getOrder = guarded(impl.getOrder);
export const getOrderApprovals = guarded(impl.getOrderApprovals);
export const getOrderHistory = guarded(impl.getOrderHistory);
export const getOrderInvoices = guarded(impl.getOrderInvoices);
export const getOrderLines = guarded(impl.getOrderLines);
export const getQuoteLines = guarded(impl.getQuoteLines);
export const listOrdersOfCompany = guarded(impl.listOrdersOfCompany);
export const listReceivableEntries = guarded(impl.listReceivableEntries);
export const mapOrdersError = guarded(impl.mapOrdersError);
export const placeOrder = guarded(impl.placeOrder);
export const receiveReturn = guarded(impl.receiveReturn);
export const reconcileStock = guarded(impl.reconcileStock);
export const recordPayment = guarded(impl.recordPayment);
export const rejectOrder = guarded(impl.rejectOrder);
export const requestQuote = guarded(impl.requestQuote);
export const requestReturn = guarded(impl.requestReturn);
export const setApprovalRuleActive = guarded(impl.setApprovalRuleActive);
export const stageQuote = guarded(impl.stageQuote);
export const submitOrder = guarded(impl.submitOrder);
export const updateDraft = guarded(impl.updateDraft);
export const withdrawQuote = guarded(impl.withdrawQuote);
