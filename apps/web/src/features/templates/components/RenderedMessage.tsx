import { Alert, Badge, Code, Paper, Stack, Text } from '@mantine/core';
import type { TemplatePreview } from '@kayoi/contracts';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Rendered = Extract<TemplatePreview, { ok: true }>['output'];

/** A LINE text as the customer sees it: a chat bubble. */
function LineBubble({ text }: { text: string }) {
  const { t } = useTranslation('templates');
  return (
    <Paper
      p="sm"
      radius="lg"
      bg="#06c755"
      c="white"
      maw="85%"
      role="article"
      aria-label={t('preview.bubble')}
      data-testid="line-bubble"
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', alignSelf: 'flex-start' }}
    >
      {text}
    </Paper>
  );
}

function Output({ output }: { output: Rendered }) {
  const { t } = useTranslation('templates');
  switch (output.channel) {
    case 'line_text':
      return (
        <Stack p="sm" bg="#8cabd9" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
          <LineBubble text={output.text} />
        </Stack>
      );
    case 'line_flex':
      return (
        <Stack gap="xs">
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('preview.altText')}:{' '}
            </Text>
            <span data-testid="flex-alt-text">{output.message.altText}</span>
          </Text>
          <Code block aria-label={t('preview.flexJson')} style={{ maxHeight: 360, overflow: 'auto' }}>
            {JSON.stringify(output.message.contents, null, 2)}
          </Code>
        </Stack>
      );
    case 'email':
      return (
        <Stack gap="xs">
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('preview.subject')}:{' '}
            </Text>
            <strong data-testid="email-subject">{output.subject}</strong>
          </Text>
          {/* sandbox="" : no scripts, no forms, no navigation; the HTML is the shop's, shown as is. */}
          <iframe
            title={t('preview.html')}
            srcDoc={output.html}
            sandbox=""
            style={{ width: '100%', height: 320, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
          />
          <Text size="sm" c="dimmed">
            {t('preview.text')}
          </Text>
          <Code
            block
            aria-label={t('preview.text')}
            style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}
          >
            {output.text}
          </Code>
        </Stack>
      );
  }
}

/** One customer's render, or why it would not be sent. */
export function RenderedMessage({ preview }: { preview: TemplatePreview }) {
  const { t } = useTranslation('templates');
  if (!preview.ok) {
    return (
      <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('preview.failed')} role="alert">
        <Text size="sm" fw={600}>
          {t(`failure.${preview.code}`)} ({preview.code})
        </Text>
        <Text size="sm">{preview.message}</Text>
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      <Badge variant="light" color="gray">
        {t('preview.language', { language: t(`languages.${preview.language}`) })}
      </Badge>
      <Output output={preview.output} />
    </Stack>
  );
}
