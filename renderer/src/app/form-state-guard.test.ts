import { guardFormState } from './form-state-guard';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('form state guard', () => {
  it('marks every text field without its own autocomplete value, now and later, and leaves the others', async () => {
    const root = document.createElement('div');
    root.innerHTML = '<input id="a"><input id="pw" type="password" autocomplete="current-password">';
    document.body.append(root);
    const stop = guardFormState(root);
    expect(root.querySelector('#a')!.getAttribute('autocomplete')).toBe('off');
    expect(root.querySelector('#pw')!.getAttribute('autocomplete')).toBe('current-password');

    const later = document.createElement('section');
    later.innerHTML = '<label>Lage<textarea id="note"></textarea></label>';
    root.append(later);
    const direct = document.createElement('input');
    root.append(direct);
    await settle();
    expect(root.querySelector('#note')!.getAttribute('autocomplete')).toBe('off');
    expect(direct.getAttribute('autocomplete')).toBe('off');

    direct.removeAttribute('autocomplete');
    await settle();
    expect(direct.getAttribute('autocomplete')).toBe('off');

    stop();
    const after = document.createElement('textarea');
    root.append(after);
    await settle();
    expect(after.hasAttribute('autocomplete')).toBe(false);
    root.remove();
  });
});
