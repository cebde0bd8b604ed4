import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';
import { useIsPhone } from '../hooks/useIsPhone';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}

/** Forms open over the list; on a phone they take the whole screen so the keyboard leaves room. */
export function SettingsModal({ opened, onClose, title, children }: Props) {
  const phone = useIsPhone();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      fullScreen={phone}
      radius={phone ? 0 : undefined}
      size="lg"
      transitionProps={phone ? { transition: 'fade', duration: 150 } : undefined}
    >
      {children}
    </Modal>
  );
}
