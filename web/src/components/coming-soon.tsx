// The page of an area that arrives in a later release: says so plainly and what the area will do.
import { Card, Result, Tag, Typography } from 'antd';
import { RocketOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PlannedArea } from '../rules/navigation';

export function ComingSoon({ area }: { area: PlannedArea }) {
  const { t } = useTranslation();
  const areaName = t(`nav.${area}`);
  return (
    <Card data-testid="coming-soon" data-area={area}>
      <Result
        icon={<RocketOutlined />}
        title={
          <>
            {t('comingSoon.title', { area: areaName })} <Tag color="blue">{t('comingSoon.badge')}</Tag>
          </>
        }
        subTitle={t('comingSoon.subtitle')}
      >
        <Typography.Paragraph strong>{t('comingSoon.whatItWillDo')}</Typography.Paragraph>
        <Typography.Paragraph data-testid="coming-soon-description" style={{ marginBottom: 0 }}>
          {t(`comingSoon.areas.${area}`)}
        </Typography.Paragraph>
      </Result>
    </Card>
  );
}
