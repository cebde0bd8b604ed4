import { Stack, TextInput, Textarea } from '@mantine/core';
import type { TemplateChannel } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import type { SyntaxProblem } from '../api';
import type { Language, VariantValues } from '../draft';

interface Props {
  channel: TemplateChannel;
  language: Language;
  values: VariantValues;
  onChange: (values: VariantValues) => void;
  /** This language's syntax problems, as the API found them. */
  problems: readonly SyntaxProblem[];
  readOnly: boolean;
}

const monospace = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** One language's parts of a template; each part shows its own syntax problems with line and column. */
export function VariantFields({ channel, language, values, onChange, problems, readOnly }: Props) {
  const { t } = useTranslation('templates');
  const errorOf = (part: keyof VariantValues) => {
    const lines = problems
      .filter((p) => p.field === `${language}.${part}`)
      .map((p) => t('problem', { line: p.line, column: p.column, message: p.message }));
    return lines.length > 0 ? lines.join('\n') : undefined;
  };
  const set = (part: keyof VariantValues) => (event: { currentTarget: { value: string } }) =>
    onChange({ ...values, [part]: event.currentTarget.value });
  return (
    <Stack gap="sm">
      {channel === 'email' && (
        <TextInput
          label={t('field.subject')}
          value={values.subject}
          onChange={set('subject')}
          error={errorOf('subject')}
          readOnly={readOnly}
          required
        />
      )}
      <Textarea
        label={t(`field.body_${channel}`)}
        value={values.body}
        onChange={set('body')}
        error={errorOf('body')}
        readOnly={readOnly}
        required
        autosize
        minRows={channel === 'line_text' ? 4 : 8}
        maxRows={20}
        styles={channel === 'line_text' ? undefined : monospace}
        spellCheck={channel === 'line_text'}
      />
      {channel === 'email' && (
        <Textarea
          label={t('field.text')}
          description={t('field.textHelp')}
          value={values.text}
          onChange={set('text')}
          error={errorOf('text')}
          readOnly={readOnly}
          autosize
          minRows={3}
          maxRows={12}
        />
      )}
    </Stack>
  );
}
