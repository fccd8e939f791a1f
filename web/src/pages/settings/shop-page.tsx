// 店铺: the shop's name, time zone, default language, service hours 服务时间 and chat limits; editable with shop.manage.
import { Alert, App, Button, Card, Divider, Form, Input, InputNumber, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
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
  opensAt: Dayjs;
  closesAt: Dayjs;
  offHoursReplyBy: Dayjs;
  maxQueueLength: number;
  idleLimitSeconds: number;
}

const shopNameSchema = updateShopBodySchema.shape.name.unwrap();
const queueLimits = { min: 1, max: 10_000 };
const idleLimits = { min: 15, max: 3600 };
const wallTimeFormat = 'HH:mm';

/** 'HH:MM' of the shop's wall clock ⇄ the picker's value (only its hour and minute are used). */
function toPicker(wallTime: string): Dayjs {
  const [hour = 0, minute = 0] = wallTime.split(':').map(Number);
  return dayjs().hour(hour).minute(minute).second(0).millisecond(0);
}
const fromPicker = (value: Dayjs): string => value.format(wallTimeFormat);

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
    fields: ['name', 'timezone', 'locale', 'maxQueueLength', 'idleLimitSeconds'],
    invalidText: { name: invalidName },
  });
  const opensAt = Form.useWatch('opensAt', form);
  const closesAt = Form.useWatch('closesAt', form);
  const aroundTheClock = opensAt && closesAt && fromPicker(opensAt) === fromPicker(closesAt);

  const onFinish = (values: ShopFormValues) =>
    submit(
      () =>
        onSave({
          name: values.name,
          timezone: values.timezone,
          locale: values.locale,
          serviceHours: {
            opensAt: fromPicker(values.opensAt),
            closesAt: fromPicker(values.closesAt),
            offHoursReplyBy: fromPicker(values.offHoursReplyBy),
          },
          maxQueueLength: values.maxQueueLength,
          idleLimitSeconds: values.idleLimitSeconds,
        }),
      () => void message.success(t('shop.saved')),
    );
  const required = { required: true, message: t('common.required') };

  return (
    <Form<ShopFormValues>
      form={form}
      layout="vertical"
      style={{ maxWidth: 520 }}
      initialValues={{
        name: shop.name,
        timezone: shop.timezone,
        locale: shop.locale,
        opensAt: toPicker(shop.serviceHours.opensAt),
        closesAt: toPicker(shop.serviceHours.closesAt),
        offHoursReplyBy: toPicker(shop.serviceHours.offHoursReplyBy),
        maxQueueLength: shop.maxQueueLength,
        idleLimitSeconds: shop.idleLimitSeconds,
      }}
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
      <Divider titlePlacement="start">{t('shop.serviceHours.title')}</Divider>
      <Alert
        type={aroundTheClock ? 'success' : 'info'}
        showIcon
        title={
          aroundTheClock
            ? t('shop.serviceHours.aroundTheClock')
            : t('shop.serviceHours.help', { timezone: shop.timezone })
        }
        data-testid="shop-service-hours-note"
        style={{ marginBottom: 16 }}
      />
      <Form.Item label={t('shop.serviceHours.hours')} required style={{ marginBottom: 0 }}>
        <Form.Item name="opensAt" rules={[required]} style={{ display: 'inline-block', marginInlineEnd: 8 }}>
          <TimePicker
            data-testid="shop-form-opens-at"
            format={wallTimeFormat}
            minuteStep={5}
            allowClear={false}
            placeholder={t('shop.serviceHours.opensAt')}
          />
        </Form.Item>
        <span style={{ display: 'inline-block', lineHeight: '32px', marginInlineEnd: 8 }}>–</span>
        <Form.Item name="closesAt" rules={[required]} style={{ display: 'inline-block' }}>
          <TimePicker
            data-testid="shop-form-closes-at"
            format={wallTimeFormat}
            minuteStep={5}
            allowClear={false}
            placeholder={t('shop.serviceHours.closesAt')}
          />
        </Form.Item>
      </Form.Item>
      <Form.Item
        name="offHoursReplyBy"
        label={t('shop.serviceHours.offHoursReplyBy')}
        extra={t('shop.serviceHours.offHoursReplyByHelp')}
        rules={[required]}
      >
        <TimePicker
          data-testid="shop-form-off-hours-reply-by"
          format={wallTimeFormat}
          minuteStep={5}
          allowClear={false}
        />
      </Form.Item>
      <Form.Item
        name="maxQueueLength"
        label={t('shop.serviceHours.maxQueueLength')}
        extra={t('shop.serviceHours.maxQueueLengthHelp')}
        rules={[
          required,
          { type: 'integer', ...queueLimits, message: t('shop.serviceHours.invalidQueue', queueLimits) },
        ]}
      >
        <InputNumber data-testid="shop-form-max-queue" {...queueLimits} precision={0} />
      </Form.Item>
      <Form.Item
        name="idleLimitSeconds"
        label={t('shop.serviceHours.idleLimitSeconds')}
        extra={t('shop.serviceHours.idleLimitSecondsHelp')}
        rules={[
          required,
          { type: 'integer', ...idleLimits, message: t('shop.serviceHours.invalidIdle', idleLimits) },
        ]}
      >
        <InputNumber data-testid="shop-form-idle-limit" {...idleLimits} precision={0} />
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
