// The automatic pre-check marks of a sampled record, as tags an inspector starts from.
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QaSample } from '@shared/schemas/quality.js';

export function PrecheckTags({ marks }: { marks: QaSample['prechecks'] }) {
  const { t } = useTranslation();
  if (marks.length === 0)
    return <Typography.Text type="secondary">{t('quality.noPrechecks')}</Typography.Text>;
  return (
    <>
      {marks.map((mark, index) => (
        <Tag key={`${mark.kind}-${index}`} color="red" data-testid={`precheck-${mark.kind}`}>
          {t(`quality.prechecks.${mark.kind}`, { detail: mark.detail })}
        </Tag>
      ))}
    </>
  );
}
