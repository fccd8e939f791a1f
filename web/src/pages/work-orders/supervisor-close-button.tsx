// A supervisor ends the loop of an unsatisfied, reopened work order by closing it with a reason (SPEC §6).
import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderDetail } from '@shared/schemas/work-orders.js';
import { toApiError } from '../../api/client';
import { closeWorkOrderWithReason } from '../../api/follow-ups-api';

export function SupervisorCloseButton({
  workOrderId,
  onDone,
}: {
  workOrderId: string;
  onDone: (detail: WorkOrderDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        block
        danger
        style={{ marginTop: 8 }}
        onClick={() => setOpen(true)}
        data-testid="work-order-supervisor-close"
      >
        {t('workOrderVerdict.supervisorClose')}
      </Button>
      <Modal
        open={open}
        title={t('workOrderVerdict.supervisorClose')}
        onCancel={() => setOpen(false)}
        confirmLoading={busy}
        okButtonProps={{ disabled: reason.trim().length === 0 }}
        onOk={() => {
          setBusy(true);
          closeWorkOrderWithReason(workOrderId, reason.trim())
            .then((detail) => {
              setOpen(false);
              onDone(detail);
            })
            .catch((error: unknown) => void message.error(toApiError(error).message))
            .finally(() => setBusy(false));
        }}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={reason}
          placeholder={t('workOrderVerdict.closeReason')}
          onChange={(event) => setReason(event.target.value)}
        />
      </Modal>
    </>
  );
}
