import { roomTitle } from './Headroom';

describe('roomTitle', () => {
  it('counts the tasks that fit, as the detail does', () => {
    expect(roomTitle(69)).toBe(
      'Room for about 69 more tasks on the running instances',
    );
  });

  it('names a single task without "about"', () => {
    expect(roomTitle(1)).toBe(
      'Room for one more task on the running instances',
    );
  });
});
