/**
 * useApiError(): shows anything thrown by api.call as an antd message, or a notification listing each
 * per-field issue. The wording comes from the pure helpers in formatError.ts.
 */
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isAppErrorShape } from '../../../shared/errors';
import { describeApiError, formFieldErrors, type FormatOptions, type T } from './formatError';

export { describeApiError, formatApiError, formFieldErrors, translateErrorKey } from './formatError';
export type { FormatOptions, FormattedError } from './formatError';

/** Hook: returns a handler that shows the error as a notification (with issue lines) or a short message. */
export function useApiError(): (e: unknown, opts?: FormatOptions) => void {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  return useCallback(
    (e: unknown, opts?: FormatOptions) => {
      if (!isAppErrorShape(e)) console.error(e);
      const f = describeApiError(t as T, e, opts);
      if (f.details.length === 0) {
        void message.error(f.message);
        return;
      }
      const shown = f.details.slice(0, 12);
      const more = f.details.length - shown.length;
      notification.error({
        title: f.message,
        description: (
          [...shown, ...(more > 0 ? [t('errors.at.more', { count: more })] : [])].join('\n')
        ),
        duration: 8,
        className: 'jw-error-notice',
      });
    },
    [t, message, notification],
  );
}

/**
 * Hook for a dialog form's submit: antd's own validation failure (errorFields) is already shown at the fields;
 * an API error is put on the fields it names and shown as a notification too.
 */
export function useFormError(): (form: { setFields(fields: never): void }, e: unknown) => void {
  const { t } = useTranslation();
  const showError = useApiError();
  return useCallback((form, e) => {
    if ((e as { errorFields?: unknown })?.errorFields) return;
    form.setFields(formFieldErrors(t as T, e) as never);
    showError(e);
  }, [t, showError]);
}
