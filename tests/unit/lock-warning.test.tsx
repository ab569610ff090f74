import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { LockWarning } from '@/components/LockWarning';
import { inJournal } from './lock-fake';

describe('the warning of a lock changed without the passphrase', () => {
  it('says what was found and done, takes the focus, and goes only when read', () => {
    const onDismiss = vi.fn();
    render(inJournal(<LockWarning problems={['record', 'public-key']} onDismiss={onDismiss} />));
    const alert = screen.getByRole('alert', { name: 'Someone changed the lock’s settings' });
    expect(alert.textContent).toContain('The change was refused: your journal stays locked, nothing was decrypted');
    expect(alert.textContent).toContain('The key that notes saved while locked are sealed to had been swapped');
    expect(alert.textContent).not.toContain('sealing key was damaged');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Someone changed the lock’s settings' }));
    fireEvent.click(screen.getByRole('button', { name: 'I have read this' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('says so in Dutch', () => {
    render(inJournal(<LockWarning problems={['private-key']} onDismiss={vi.fn()} />, 'nl'));
    expect(screen.getByRole('alert', { name: 'Iemand heeft de instellingen van het slot veranderd' }).textContent).toContain(
      'De verzegelsleutel van het slot was beschadigd.',
    );
    expect(screen.getByRole('button', { name: 'Gelezen' })).toBeTruthy();
  });
});
