import type { ErrorCode } from '@kayoi/contracts';

/** The only place where domain error codes meet HTTP. */
export function errorStatus(code: ErrorCode): 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'CUSTOMER_NOT_IDENTIFIABLE':
    case 'ATTRIBUTE_VALUE_INVALID':
    case 'PAYMENTS_MISMATCH':
    case 'DISCOUNT_EXCEEDS_AMOUNT':
    case 'IMPORT_FILE_INVALID':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
    case 'LINE_WEBHOOK_UNAUTHORIZED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'SESSION_NOT_FOUND':
    case 'TENANT_NOT_FOUND':
    case 'ROUTE_NOT_FOUND':
    case 'CUSTOMER_NOT_FOUND':
    case 'VISIT_NOT_FOUND':
    case 'STORE_NOT_FOUND':
    case 'USER_NOT_FOUND':
    case 'ITEM_NOT_FOUND':
    case 'ATTRIBUTE_NOT_FOUND':
    case 'CHANNEL_NOT_FOUND':
    case 'MODEL_RUN_NOT_FOUND':
    case 'ANALYTICS_NOT_READY':
    case 'SEGMENT_NOT_FOUND':
    case 'TEMPLATE_NOT_FOUND':
    case 'BROADCAST_NOT_FOUND':
    case 'WEBHOOK_NOT_FOUND':
    case 'JOURNEY_NOT_FOUND':
    case 'JOURNEY_PRESET_NOT_FOUND':
    case 'STAFF_NOTIFICATION_NOT_FOUND':
      return 404;
    case 'TENANT_REQUIRED':
    case 'CUSTOMER_ERASED':
    case 'EXTERNAL_ID_TAKEN':
    case 'LINE_USER_ID_TAKEN':
    case 'VISIT_VOIDED':
    case 'EMAIL_TAKEN':
    case 'LAST_OWNER':
    case 'ATTRIBUTE_KEY_TAKEN':
    case 'NAME_TAKEN':
    case 'LINE_NOT_CONFIGURED':
    case 'BROADCAST_NOT_EDITABLE':
    case 'BROADCAST_NOT_CANCELLABLE':
    case 'JOURNEY_ARCHIVED':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'IMPORT_REJECTED':
    case 'SEGMENT_RULE_INVALID':
    case 'TEMPLATE_SYNTAX_INVALID':
    case 'EMAIL_SMTP_PASSWORD_REQUIRED':
    case 'EMAIL_SMTP_INSECURE_AUTH':
    case 'TEMPLATE_CHANNEL_MISMATCH':
    case 'TEMPLATE_ARCHIVED':
    case 'SEGMENT_ARCHIVED':
    case 'JOURNEY_DEFINITION_INVALID':
      return 422;
    case 'TOO_MANY_ATTEMPTS':
      return 429;
    case 'INTERNAL_ERROR':
      return 500;
  }
}
