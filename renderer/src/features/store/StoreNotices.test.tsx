import { screen, waitFor } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import { DamagedRecords } from '../../data/damaged-records';
import { openDatabase } from '../../data/database';
import { SEALED_FIELD } from '../../data/sealed-storage';
import { submittedRecord } from '../../test-fixtures/intake';
import { editRows, flipCiphertextBit } from '../../test-fixtures/stored-rows';
import { renderWithTheme } from '../../test-render';
import { DamagedRecordsNotice, StoreUpgradeNotice } from './StoreNotices';

const CALL = '2026-11-20T22:00:00Z';

describe('the store notices', () => {
  it('shows the upgrade at unlock with its progress in German figures', () => {
    renderWithTheme(<StoreUpgradeNotice progress={{ collection: 'intakes', done: 1500, total: 5100 }} />);
    expect(screen.getByRole('status', { name: 'Die Daten auf diesem Gerät werden umgestellt' })).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Vorgänge: 1.500 von 5.100' });
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeCloseTo((100 * 1500) / 5100, 1);
    expect(screen.getByText(/beim nächsten Öffnen fortgesetzt/)).toBeInTheDocument();
  });

  it('shows nothing when no upgrade runs', () => {
    renderWithTheme(<StoreUpgradeNotice progress={null} />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('names a record whose stored ciphertext was changed, once, while the list still shows the others', async () => {
    const factory = new IDBFactory();
    const env = { indexedDB: factory, IDBKeyRange };
    const first = await openDatabase({ name: 'obhut_notice', key: 'n'.repeat(64), env });
    await first.intakes.insert(submittedRecord('ok-1', 'Anneliese', CALL));
    await first.intakes.insert(submittedRecord('kaputt-2', 'Bärbel', CALL));
    await first.close();
    await editRows(factory, 'intakes', (rows) => flipCiphertextBit(rows.get('kaputt-2')!, SEALED_FIELD));

    const damaged = new DamagedRecords();
    const db = await openDatabase({
      name: 'obhut_notice',
      key: 'n'.repeat(64),
      env,
      sealing: { onDamagedRecord: damaged.report },
    });
    try {
      renderWithTheme(<DamagedRecordsNotice records={damaged} />);
      expect(screen.queryByRole('alert')).toBeNull();
      // The list is read twice (as the app's pages do): the record is named once.
      expect((await db.intakes.find().exec()).map((d) => d.id)).toEqual(['ok-1']);
      expect((await db.intakes.find().exec()).map((d) => d.id)).toEqual(['ok-1']);
      const alert = await waitFor(() => screen.getByRole('alert'));
      expect(alert).toHaveTextContent('Beschädigte Daten auf diesem Gerät');
      expect(alert).toHaveTextContent('Ein Eintrag auf diesem Gerät lässt sich nicht mehr entschlüsseln');
      expect(alert).toHaveTextContent('Alle übrigen Daten sind lesbar');
      expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Vorgang, Kennung kaputt-2']);
    } finally {
      await db.close();
    }
  });
});
