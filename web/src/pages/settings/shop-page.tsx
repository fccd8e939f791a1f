// 店铺: the shop's name, time zone and default language; editable only with shop.manage.
import { Alert, App, Button, Card, Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { locales, type Locale } from '@shared/locales.js';
import { updateShopBodySchema, type Shop } from '@shared/schemas/shops.js';
import type { UpdateShopBody } from '../../api/shop-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { PageLoading } from '../../components/page-loading';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useCan } from '../../hooks/use-session';
import { useShop } from '../../hooks/use-shop';
import { localeLabelKey } from '../../i18n/labels';
import { schemaRule } from '../../rules/form-rules';
import { timeZoneChoices } from '../../rules/time';

interface ShopFormValues {
  name: string;
  timezone: string;
  locale: Locale;
}

const shopNameSchema = updateShopBodySchema.shape.name.unwrap();

function ShopForm({
  shop,
  editable,
  onSave,
}: {
  shop: Shop;
  editable: boolean;
  onSave: (body: UpdateShopBody) => Promise<Shop>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ShopFormValues>();
  const zones = useMemo(() => timeZoneChoices(shop.timezone), [shop.timezone]);
  const invalidName = t('shop.form.invalidName');
  const { saving, error, submit } = useFormSubmit(form, {
    fields: ['name', 'timezone', 'locale'],
    invalidText: { name: invalidName },
  });

  const onFinish = (values: ShopFormValues) =>
    submit(
      () => onSave(values),
      () => void message.success(t('shop.saved')),
    );

  return (
    <Form<ShopFormValues>
      form={form}
      layout="vertical"
      style={{ maxWidth: 520 }}
      initialValues={{ name: shop.name, timezone: shop.timezone, locale: shop.locale }}
      onFinish={onFinish}
      disabled={!editable || saving}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          data-testid="shop-form-error"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form.Item
        name="name"
        label={t('shop.form.name')}
        rules={[{ required: true, message: t('common.required') }, schemaRule(shopNameSchema, invalidName)]}
      >
        <Input data-testid="shop-form-name" />
      </Form.Item>
      <Form.Item name="timezone" label={t('shop.form.timezone')} extra={t('shop.form.timezoneHelp')}>
        <Select<string>
          data-testid="shop-form-timezone"
          showSearch
          options={zones.map((zone) => ({ value: zone, label: zone }))}
        />
      </Form.Item>
      <Form.Item name="locale" label={t('shop.form.locale')} extra={t('shop.form.localeHelp')}>
        <Select<Locale>
          data-testid="shop-form-locale"
          options={locales.map((locale) => ({ value: locale, label: t(localeLabelKey(locale)) }))}
        />
      </Form.Item>
      {editable ? (
        <Button type="primary" htmlType="submit" loading={saving} data-testid="shop-form-submit">
          {t('common.save')}
        </Button>
      ) : null}
    </Form>
  );
}

export function ShopPage() {
  const { t } = useTranslation();
  const editable = useCan('shop.manage');
  const { shop, loading, error, reload, save } = useShop();

  return (
    <>
      <PageHeader title={t('shop.title')} description={t('shop.description')} />
      <ErrorAlert error={error} onRetry={reload} />
      {!editable ? (
        <Alert
          type="info"
          showIcon
          title={t('shop.readOnly')}
          data-testid="shop-read-only"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card>
        {shop ? (
          <ShopForm key={shop.id} shop={shop} editable={editable} onSave={save} />
        ) : loading ? (
          <PageLoading />
        ) : null}
      </Card>
    </>
  );
}
