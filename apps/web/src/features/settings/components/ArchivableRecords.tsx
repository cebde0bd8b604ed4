import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { ArchiveFlow } from '../hooks/useArchiveFlow';
import { QueryState } from './QueryState';
import { RecordList, type Column } from './RecordList';
import { RowActions } from './RowActions';
import { ShowArchivedSwitch } from './ShowArchivedSwitch';

interface Props<T extends { id: string }> {
  query: UseQueryResult<T[]>;
  label: string;
  empty: string;
  columns: Column<T>[];
  isArchived: (row: T) => boolean;
  nameOf: (row: T) => string;
  flow: ArchiveFlow<T>;
  /** Absent when the role may not change records: then no row has actions. */
  onEdit?: (row: T) => void;
  /** Replaces the usual edit / archive / restore buttons (staff accounts speak of deactivation). */
  actions?: (row: T) => ReactNode;
  showArchivedLabel?: (count: number) => string;
  /** More filters above the list, applied with `visible`. */
  toolbar?: ReactNode;
  visible?: (row: T) => boolean;
  /** Below the list, given every record. */
  footer?: (all: T[]) => ReactNode;
}

/**
 * A settings list of records that are archived rather than deleted (history keeps pointing
 * at them): archived ones hidden behind a switch, dimmed when shown, restorable in one tap.
 */
export function ArchivableRecords<T extends { id: string }>(props: Props<T>) {
  const { query, isArchived, nameOf, flow, onEdit } = props;
  const [showArchived, setShowArchived] = useState(false);
  const defaultActions = onEdit
    ? (row: T) => (
        <RowActions
          name={nameOf(row)}
          archived={isArchived(row)}
          onEdit={() => onEdit(row)}
          onArchive={() => flow.ask(row)}
          onRestore={() => flow.restore.mutate(row)}
        />
      )
    : undefined;
  return (
    <>
      <ErrorAlert error={flow.restore.error} />
      <QueryState query={query}>
        {(all) => {
          const archivedCount = all.filter(isArchived).length;
          return (
            <>
              {props.toolbar}
              <ShowArchivedSwitch
                checked={showArchived}
                onChange={setShowArchived}
                count={archivedCount}
                {...(props.showArchivedLabel ? { label: props.showArchivedLabel(archivedCount) } : {})}
              />
              <RecordList
                label={props.label}
                rows={all.filter((row) => (showArchived || !isArchived(row)) && (props.visible?.(row) ?? true))}
                rowKey={(row) => row.id}
                columns={props.columns}
                empty={props.empty}
                dimmed={isArchived}
                actions={onEdit ? (props.actions ?? defaultActions) : undefined}
              />
              {props.footer?.(all)}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
