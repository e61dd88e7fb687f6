import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CsvExportButton } from './csv-export-button';

afterEach(() => window.localStorage.clear());

describe('the CSV export button', () => {
  it('exports with the separator chosen beside it, and remembers the choice for the next export', async () => {
    const user = userEvent.setup({ delay: null });
    const onExport = vi.fn<(separator: string) => void>();
    const { unmount } = render(<CsvExportButton onExport={onExport}>Export CSV (3)</CsvExportButton>);
    const separator = screen.getByRole('combobox', { name: 'CSV separator' });
    // jsdom's locale writes decimal points: a comma-separated file by default.
    expect(separator).toHaveProperty('value', ',');
    await user.click(screen.getByRole('button', { name: 'Export CSV (3)' }));
    expect(onExport).toHaveBeenLastCalledWith(',');

    await user.selectOptions(separator, 'Semicolon (;)');
    await user.click(screen.getByRole('button', { name: 'Export CSV (3)' }));
    expect(onExport).toHaveBeenLastCalledWith(';');
    // Kept on this device, so a reload keeps it too.
    expect(window.localStorage.getItem('billing-console.csv-separator')).toBe(';');
    unmount();

    render(<CsvExportButton onExport={onExport}>Export CSV</CsvExportButton>);
    expect(screen.getByRole('combobox', { name: 'CSV separator' })).toHaveProperty('value', ';');
  });
});
