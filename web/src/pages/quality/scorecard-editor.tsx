// The scorecard editor: items (what is checked, guidance, zero-score cases, points, critical); saving makes a new
// version, so inspections already made keep the card they were scored with.
import { App, Button, Checkbox, Flex, Input, InputNumber, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardItem } from '@shared/quality.js';
import type { Scorecard } from '@shared/schemas/quality.js';
import { saveScorecard } from '../../api/quality-api';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { useSave, useScorecards } from '../../hooks/use-quality';

export function ScorecardEditor() {
  const cards = useScorecards();
  const active = cards.data?.find((card) => card.active);
  return (
    <>
      <ErrorAlert error={cards.error} onRetry={cards.reload} />
      {active ? (
        <CardForm key={active.id} card={active} onSaved={cards.reload} />
      ) : cards.loading ? (
        <PageLoading />
      ) : null}
    </>
  );
}

function CardForm({ card: active, onSaved }: { card: Scorecard; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [name, setName] = useState(active.name);
  const [items, setItems] = useState<ScorecardItem[]>(active.items);
  const { saving, save: send } = useSave();
  const total = items.reduce((sum, item) => sum + (item.points || 0), 0);
  const patch = (index: number, change: Partial<ScorecardItem>) =>
    setItems(items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const save = () =>
    send(
      () => saveScorecard({ name, items }),
      (card) => {
        void message.success(t('quality.scorecard.saved', { version: card.version }));
        onSaved();
      },
    );
  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Input
          value={name}
          onChange={(event) => setName(event.target.value)}
          style={{ width: 280 }}
          placeholder={t('quality.scorecard.name')}
        />
        {active ? (
          <Tag color="green">{t('quality.scorecard.version', { version: active.version })}</Tag>
        ) : null}
        <Typography.Text type={total === 100 ? 'secondary' : 'danger'}>
          {t('quality.scorecard.total', { total })}
        </Typography.Text>
        <Button
          onClick={() =>
            setItems([
              ...items,
              {
                key: `item_${items.length + 1}`,
                title: '',
                guidance: '',
                zeroCases: '',
                points: 0,
                critical: false,
              },
            ])
          }
        >
          {t('quality.scorecard.add')}
        </Button>
        <Button
          type="primary"
          loading={saving}
          disabled={total !== 100}
          onClick={save}
          data-testid="scorecard-save"
        >
          {t('quality.scorecard.save')}
        </Button>
      </Flex>
      <Table<ScorecardItem>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          {
            key: 'title',
            title: t('quality.scorecard.itemTitle'),
            width: 140,
            render: (_v, item, index) => (
              <Input value={item.title} onChange={(event) => patch(index, { title: event.target.value })} />
            ),
          },
          {
            key: 'guidance',
            title: t('quality.scorecard.guidance'),
            render: (_v, item, index) => (
              <Input.TextArea
                autoSize
                value={item.guidance}
                onChange={(event) => patch(index, { guidance: event.target.value })}
              />
            ),
          },
          {
            key: 'zero',
            title: t('quality.scorecard.zeroCases'),
            render: (_v, item, index) => (
              <Input.TextArea
                autoSize
                value={item.zeroCases}
                onChange={(event) => patch(index, { zeroCases: event.target.value })}
              />
            ),
          },
          {
            key: 'points',
            title: t('quality.scorecard.points'),
            width: 90,
            render: (_v, item, index) => (
              <InputNumber
                min={1}
                max={100}
                value={item.points}
                onChange={(value) => patch(index, { points: value ?? 0 })}
              />
            ),
          },
          {
            key: 'critical',
            title: t('quality.scorecard.critical'),
            width: 80,
            render: (_v, item, index) => (
              <Checkbox
                checked={item.critical}
                onChange={(event) => patch(index, { critical: event.target.checked })}
              />
            ),
          },
          {
            key: 'remove',
            width: 70,
            render: (_v, _item, index) => (
              <Button size="small" danger onClick={() => setItems(items.filter((_x, i) => i !== index))}>
                {t('quality.scorecard.remove')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
