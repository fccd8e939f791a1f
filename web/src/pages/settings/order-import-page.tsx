// 订单导入: upload a CSV of order events, watch its progress, read and download the rows that could not be imported.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Table, Tag, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportRowError } from '@shared/schemas/orders.js';
import { orderImportErrorsUrl } from '../../api/orders-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useLocale } from '../../hooks/use-locale';
import { useOrderImport } from '../../hooks/use-order-import';
import { useAuthenticatedSession } from '../../hooks/use-session';
import { formatInstant } from '../../rules/time';

export function OrderImportPage() {
  const { t } = useTranslation();
  const session = useAuthenticatedSession();
  const { locale } = useLocale();
  const { job, error, uploading, upload, recent } = useOrderImport();

  return (
    <>
      <PageHeader
        title={t('orderImport.title')}
        description={t('orderImport.description')}
        actions={
          <Upload
            accept=".csv,text/csv"
            showUploadList={false}
            beforeUpload={(file) => {
              upload(file);
              return false;
            }}
          >
            <Button
              type="primary"
              icon={<UploadOutlined />}
              loading={uploading}
              data-testid="order-import-choose"
            >
              {t('orderImport.choose')}
            </Button>
          </Upload>
        }
      />
      <Alert type="info" showIcon title={t('orderImport.columns')} style={{ marginBottom: 16 }} />
      <ErrorAlert error={error} testId="order-import-error" />
      {job ? (
        <Card style={{ marginBottom: 16 }} data-testid="order-import-job">
          <Flex vertical gap={8}>
            <Flex gap={8} align="center">
              <Typography.Text strong>{job.fileName}</Typography.Text>
              <Tag
                color={job.status === 'done' ? 'green' : job.status === 'failed' ? 'red' : 'blue'}
                data-testid="order-import-status"
              >
                {t(`orderImport.statuses.${job.status}`)}
              </Tag>
            </Flex>
            <Progress
              percent={job.percent}
              status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'}
              data-testid="order-import-progress"
            />
            <Typography.Text type="secondary">
              {t('orderImport.progress', { done: job.rowsDone, total: job.rowsTotal })}
            </Typography.Text>
            {job.status !== 'running' ? (
              <Typography.Text data-testid="order-import-summary">
                {t('orderImport.summary', {
                  stored: job.rowsStored,
                  duplicate: job.rowsDuplicate,
                  failed: job.rowsFailed,
                })}
              </Typography.Text>
            ) : null}
          </Flex>
          {job.status !== 'running' ? (
            <>
              <Flex justify="space-between" align="center" style={{ marginTop: 16, marginBottom: 8 }}>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('orderImport.errorsTitle')}
                </Typography.Title>
                {job.rowsFailed > 0 ? (
                  <Button
                    icon={<DownloadOutlined />}
                    href={orderImportErrorsUrl(job.id)}
                    data-testid="order-import-download"
                  >
                    {t('orderImport.download')}
                  </Button>
                ) : null}
              </Flex>
              <Table<ImportRowError>
                size="small"
                rowKey={(row) => `${row.row}:${row.column}`}
                dataSource={job.errors}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                locale={{ emptyText: t('orderImport.noErrors') }}
                data-testid="order-import-errors"
                columns={[
                  { key: 'row', title: t('orderImport.errorColumns.row'), dataIndex: 'row', width: 90 },
                  {
                    key: 'column',
                    title: t('orderImport.errorColumns.column'),
                    dataIndex: 'column',
                    width: 160,
                    render: (value: string) => <Typography.Text code>{value}</Typography.Text>,
                  },
                  { key: 'message', title: t('orderImport.errorColumns.message'), dataIndex: 'message' },
                ]}
              />
            </>
          ) : null}
        </Card>
      ) : null}
      <Card title={t('orderImport.recent')}>
        <Table
          size="small"
          rowKey="id"
          dataSource={recent}
          pagination={false}
          columns={[
            {
              key: 'time',
              title: t('calls.columns.time', { timezone: session.shop.timezone }),
              render: (_v, row) => formatInstant(row.createdAt, session.shop.timezone, locale),
            },
            { key: 'file', title: 'CSV', dataIndex: 'fileName' },
            {
              key: 'status',
              title: t('calls.filters.state'),
              render: (_v, row) => t(`orderImport.statuses.${row.status}`),
            },
            {
              key: 'summary',
              title: '',
              render: (_v, row) =>
                t('orderImport.summary', {
                  stored: row.rowsStored,
                  duplicate: row.rowsDuplicate,
                  failed: row.rowsFailed,
                }),
            },
          ]}
        />
      </Card>
    </>
  );
}
