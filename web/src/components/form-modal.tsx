// The frame every settings form shares: a modal with save and cancel, and the server's message above the fields.
import { Alert, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { testId } from './test-id';

interface FormModalProps {
  title: ReactNode;
  okText: string;
  /** `agent-form` gives the test ids agent-form-submit and agent-form-error. */
  testIdPrefix: string;
  saving: boolean;
  error: string | null;
  onSubmit: () => void;
  onCancel: () => void;
  width?: number;
  children: ReactNode;
}

export function FormModal({
  title,
  okText,
  testIdPrefix,
  saving,
  error,
  onSubmit,
  onCancel,
  width,
  children,
}: FormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ ...testId(`${testIdPrefix}-submit`) }}
      confirmLoading={saving}
      onOk={onSubmit}
      onCancel={onCancel}
      // A click beside the dialog must not throw away what was typed.
      mask={{ closable: false }}
      width={width}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          data-testid={`${testIdPrefix}-error`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {children}
    </Modal>
  );
}
