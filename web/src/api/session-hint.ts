// A harmless localStorage flag saying "this browser signed in", so a fresh visitor is not sent a session check
// that can only answer 401 (browsers log every 401 as a console error). The cookie stays the real proof.
const hintKey = 'kefu.signedIn';

export function mayHaveSession(): boolean {
  try {
    return window.localStorage.getItem(hintKey) === '1';
  } catch {
    return true; // without storage, always ask the server
  }
}

export function rememberSession(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(hintKey, '1');
    else window.localStorage.removeItem(hintKey);
  } catch {
    // Storage refused: the next visit simply asks the server.
  }
}
