import { Anchor, Box, Stack, Text, Timeline } from '@mantine/core';
import {
  IconArrowsSplit,
  IconBellRinging,
  IconCircleCheck,
  IconClock,
  IconDoorExit,
  IconSend,
  IconTag,
} from '@tabler/icons-react';
import type { JourneyDefinition, JourneyStep, SendTemplates } from '@kayoi/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeCondition, describeStep, type Names } from '../describe';
import { useJourneyTemplates } from '../api';

const icons: Record<JourneyStep['type'], typeof IconClock> = {
  wait: IconClock,
  wait_until: IconClock,
  branch: IconArrowsSplit,
  send: IconSend,
  add_tag: IconTag,
  notify_staff: IconBellRinging,
  exit: IconDoorExit,
};

function TemplateLinks({ templates }: { templates: SendTemplates }) {
  const { t } = useTranslation('journeys');
  const all = useJourneyTemplates();
  const link = (channel: 'line' | 'email', id: string | undefined) => {
    if (!id) return null;
    const name = all.data?.find((tpl) => tpl.id === id)?.name;
    return (
      <Text size="sm" key={channel}>
        {`${t(`step.${channel}`)}: `}
        <Anchor component={Link} to={`/templates/${id}`} data-template={id}>
          {name ?? (all.isPending ? '…' : t('step.missingTemplate'))}
        </Anchor>
      </Text>
    );
  };
  return (
    <>
      {link('line', templates.line)}
      {link('email', templates.email)}
    </>
  );
}

/**
 * The step graph read from the entry step as a vertical timeline; a branch's arms are
 * indented timelines of their own. A step reached a second time (arms that meet again) is
 * named instead of drawn twice.
 */
export function StepTimeline({ definition, names }: { definition: JourneyDefinition; names: Names }) {
  const { t } = useTranslation('journeys');
  const byId = new Map(definition.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();

  const chain = (startId: string | null, key: string): ReactNode => {
    const items: ReactNode[] = [];
    let id = startId;
    while (id !== null) {
      const step = byId.get(id);
      if (!step || seen.has(id)) {
        items.push(<Timeline.Item key={`goto-${id}`} title={t('step.goTo', { step: id })} data-goto={id} />);
        break;
      }
      seen.add(id);
      const Icon = icons[step.type];
      items.push(
        <Timeline.Item key={step.id} bullet={<Icon size={14} />} title={describeStep(t, step)} data-step={step.id}>
          {body(step)}
        </Timeline.Item>,
      );
      id = step.type === 'exit' || step.type === 'branch' ? null : step.next;
      if (step.type !== 'exit' && step.type !== 'branch' && id === null) {
        items.push(<Timeline.Item key="end" bullet={<IconCircleCheck size={14} />} title={t('step.end')} />);
      }
    }
    return (
      <Timeline key={key} bulletSize={24} lineWidth={2} active={-1}>
        {items}
      </Timeline>
    );
  };

  function body(step: JourneyStep): ReactNode {
    switch (step.type) {
      case 'send':
        return <TemplateLinks templates={step.templates} />;
      case 'notify_staff':
        return (
          <Text size="sm" c="dimmed" data-testid="staff-message">
            {step.message}
          </Text>
        );
      case 'branch':
        return (
          <Stack gap="sm" mt="xs">
            {step.branches.map((arm, i) => (
              <Box key={i} pl="md" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }} data-arm={i}>
                <Text size="sm" fw={600} mb={4}>
                  {t('step.if', { condition: describeCondition(t, arm.when, names) })}
                </Text>
                {chain(arm.next, `arm-${i}`)}
              </Box>
            ))}
            <Box pl="md" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }} data-arm="otherwise">
              <Text size="sm" fw={600} mb={4}>
                {t('step.otherwise')}
              </Text>
              {chain(step.otherwise, 'otherwise')}
            </Box>
          </Stack>
        );
      default:
        return null;
    }
  }

  return <Box data-testid="journey-steps">{chain(definition.entryStepId, 'entry')}</Box>;
}
