// 客户档案: find a customer by name, phone, e-mail, member id or order number; contacts masked.
import { Card, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CustomerSummary } from '@shared/schemas/customers.js';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useCustomerSearch } from '../../hooks/use-follow-ups';
import { useLocale } from '../../hooks/use-locale';
import { useAuthenticatedSession } from '../../hooks/use-session';
import { formatInstant } from '../../rules/time';

export function CustomersPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const session = useAuthenticatedSession();
  const [q, setQ] = useState('');
  const results = useCustomerSearch(q);
  return (
    <>
      <PageHeader title={t('customers.title')} description={t('customers.description')} />
      <Card>
        <Input.Search
          allowClear
          enterButton={t('customers.search')}
          placeholder={t('customers.searchPlaceholder')}
          onSearch={(value) => setQ(value.trim())}
          style={{ maxWidth: 480, marginBottom: 16 }}
          data-testid="customer-search"
        />
        <ErrorAlert error={results.error} onRetry={results.reload} />
        <Table<CustomerSummary>
          rowKey="id"
          data-testid="customer-results"
          loading={results.loading}
          dataSource={results.data ?? []}
          locale={{ emptyText: q ? t('customers.noResults') : ' ' }}
          pagination={false}
          columns={[
            {
              key: 'name',
              title: t('customers.columns.name'),
              render: (_, customer) => (
                <Link to={`/customers/${customer.id}`} data-testid={`customer-result-${customer.id}`}>
                  {customer.displayName}
                  {customer.contactName ? `（${customer.contactName}）` : ''}
                </Link>
              ),
            },
            {
              key: 'phone',
              title: t('customers.columns.phone'),
              render: (_, customer) => customer.phone ?? '—',
            },
            {
              key: 'email',
              title: t('customers.columns.email'),
              render: (_, customer) => customer.email ?? '—',
            },
            {
              key: 'vip',
              title: t('customers.columns.vip'),
              render: (_, customer) => customer.vipLevel || '—',
            },
            {
              key: 'tags',
              title: t('customers.columns.tags'),
              render: (_, customer) => customer.tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
            },
            {
              key: 'lastSeen',
              title: t('customers.columns.lastSeen'),
              render: (_, customer) => formatInstant(customer.lastSeenAt, session.shop.timezone, locale),
            },
          ]}
        />
      </Card>
    </>
  );
}
