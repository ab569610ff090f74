import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { FeelingPicker } from '@/components/FeelingPicker';
import { LanguageProvider } from '@/utils/i18n/context';
import type { Locale } from '@/utils/i18n/locale';
import { messages } from '@/utils/i18n/messages';
import type { Feeling } from '@/utils/model/records';

function renderPicker(value: Feeling | undefined, locale: Locale = 'en') {
  const onChange = vi.fn();
  render(
    <LanguageProvider locale={locale} t={messages(locale)}>
      <FeelingPicker value={value} onChange={onChange} />
    </LanguageProvider>,
  );
  return { onChange };
}

const pressed = (button: HTMLElement) => button.getAttribute('aria-pressed');

describe('How do you feel?', () => {
  it('is a labelled group of five words, none chosen to begin with', () => {
    renderPicker(undefined);
    const group = screen.getByRole('group', { name: 'How do you feel? (optional)' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Heavy', 'Tense', 'Okay', 'Calm', 'Light']);
    expect(buttons.map(pressed)).toEqual(['false', 'false', 'false', 'false', 'false']);
    // Inside the answer form, a press never submits it.
    expect(buttons.every((button) => button.getAttribute('type') === 'button')).toBe(true);
  });

  it('chooses a feeling with one press', () => {
    const { onChange } = renderPicker(undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Calm' }));
    expect(onChange).toHaveBeenCalledWith('calm');
  });

  it('shows the chosen one pressed, changes to another, and clears with a second press on it', () => {
    const { onChange } = renderPicker('tense');
    const buttons = screen.getAllByRole('button');
    expect(buttons.map(pressed)).toEqual(['false', 'true', 'false', 'false', 'false']);
    fireEvent.click(screen.getByRole('button', { name: 'Light' }));
    expect(onChange).toHaveBeenLastCalledWith('light');
    fireEvent.click(screen.getByRole('button', { name: 'Tense' }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('says it in Dutch', () => {
    renderPicker('okay', 'nl');
    const group = screen.getByRole('group', { name: 'Hoe voel je je? (hoeft niet)' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Zwaar', 'Gespannen', 'Oké', 'Rustig', 'Licht']);
    expect(pressed(within(group).getByRole('button', { name: 'Oké' }))).toBe('true');
  });
});
